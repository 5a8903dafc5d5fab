"""Every user-facing string of the app has a German translation in gwk_app/locale/de.po."""

import json
import shutil

from tests.unit import i18n_strings


def test_every_string_is_translated():
	missing = i18n_strings.missing()
	assert not missing, "untranslated (run python scripts/i18n.py):\n" + "\n".join(
		f"{k!r} in {', '.join(sorted(v))}" for k, v in sorted(missing.items())
	)


def test_po_file_has_no_empty_or_fuzzy_translations():
	from babel.messages.pofile import read_po

	with open(i18n_strings.PO_FILE, "rb") as fh:
		catalog = read_po(fh, locale="de")
	for message in catalog:
		if message.id:
			assert message.string, f"empty translation for {message.id!r}"
			assert not message.fuzzy, f"fuzzy translation for {message.id!r}"
	for message in catalog:
		if message.id and "{0}" in message.id:
			assert "{0}" in message.string, f"placeholder lost in {message.id!r}"


def test_coverage_check_notices_a_new_label(tmp_path):
	app = tmp_path / "gwk_app"
	shutil.copytree(i18n_strings.APP, app)
	field_json = app / "casework" / "doctype" / "resident" / "resident.json"
	data = json.loads(field_json.read_text())
	data["fields"].append({"fieldname": "x_new", "fieldtype": "Data", "label": "A Label Nobody Translated"})
	field_json.write_text(json.dumps(data))
	(app / "casework" / "extra.py").write_text('from frappe import _\n_("A message nobody translated")\n')
	(app / "public" / "js" / "extra.js").write_text(
		'frappe.msgprint(__("A JS message nobody translated"));\n'
	)
	missing = i18n_strings.missing(app=app)
	assert {
		"A Label Nobody Translated",
		"A message nobody translated",
		"A JS message nobody translated",
	} <= set(missing)
