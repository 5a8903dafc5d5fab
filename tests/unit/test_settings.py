"""GWK Settings have one home: gwk_app/settings.py reads them, the doctype JSON holds their defaults."""

import json
import re
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "gwk_app"
SETTINGS_JSON = APP / "privacy" / "doctype" / "gwk_settings" / "gwk_settings.json"
# who else may name the doctype: its controller, and the two places that write it
WRITERS = {
	"settings.py",
	"setup/install.py",
	"setup/demo/site.py",
	"privacy/doctype/gwk_settings/gwk_settings.py",
}


def test_only_settings_py_reads_gwk_settings():
	readers = sorted(
		str(p.relative_to(APP))
		for p in APP.rglob("*.py")
		if '"GWK Settings"' in p.read_text() and str(p.relative_to(APP)) not in WRITERS
	)
	assert readers == []


def test_every_numeric_setting_has_a_getter_and_a_json_default():
	fields = json.loads(SETTINGS_JSON.read_text())["fields"]
	source = (APP / "settings.py").read_text()
	for field in fields:
		if field["fieldtype"] == "Int":
			assert field.get("default"), f"{field['fieldname']} has no default in the doctype JSON"
			assert re.search(rf'_positive_int\("{field["fieldname"]}"\)', source), field["fieldname"]


def test_no_default_is_repeated_in_python():
	for path in APP.rglob("*.py"):
		text = path.read_text()
		assert not re.search(r"DEFAULT_[A-Z_]*(DAYS|YEARS|BATCH_SIZE)\s*=", text), path
		assert "SETTINGS_DEFAULTS" not in text, path
