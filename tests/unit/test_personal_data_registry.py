"""The personal-data declarations in hooks.py (`gwk_personal_data`) match the doctypes: a renamed field
or a new link to Resident would otherwise silently escape the Art. 15 export and the Art. 17 erasure."""

import pytest

from gwk_app import hooks
from tests.unit.doctypes import doctypes, fields

ENTRIES = hooks.gwk_personal_data
DECLARED = {e["doctype"]: e for e in ENTRIES}
KNOWN_KEYS = {
	"doctype", "link_field", "redact", "activity_field", "keep_while", "hold", "parent", "parent_fields",
	"via", "scrub", "identifying",
}  # fmt: skip


def _field(doctype: str, fieldname: str) -> dict | None:
	return next((f for f in fields(doctype) if f["fieldname"] == fieldname), None)


def test_each_doctype_is_declared_once():
	assert len(DECLARED) == len(ENTRIES)


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["doctype"] for e in ENTRIES])
def test_declaration_matches_the_doctype(entry):
	assert set(entry) <= KNOWN_KEYS, set(entry) - KNOWN_KEYS
	doctype = entry["doctype"]
	assert doctype in doctypes(), f"{doctype} is not a doctype of the app"
	target = entry.get("via") or "Resident"
	if entry["link_field"] != "name":
		link = _field(doctype, entry["link_field"])
		assert link and link["fieldtype"] == "Link" and link["options"] == target, entry["link_field"]
	if entry.get("via"):
		assert entry["via"] in DECLARED, f"{doctype} is linked via an undeclared doctype"
	for fieldname in [*entry.get("redact", []), *entry.get("scrub", []), *entry.get("identifying", [])]:
		assert _field(doctype, fieldname), f"{doctype}.{fieldname} does not exist"
	if entry.get("activity_field"):
		assert _field(doctype, entry["activity_field"])
	for fieldname in entry.get("keep_while", {}):
		assert _field(doctype, fieldname)
	if entry.get("parent"):
		assert doctypes()[doctype].get("istable"), f"{doctype} is not a child table"
		tables = [f for f in fields(entry["parent"]) if f["fieldtype"] in ("Table", "Table MultiSelect")]
		assert doctype in {f["options"] for f in tables}, f"{entry['parent']} holds no {doctype} table"
		for fieldname in entry.get("parent_fields", []):
			assert _field(entry["parent"], fieldname), f"{entry['parent']}.{fieldname}"


def test_every_link_to_a_resident_is_declared():
	"""A doctype that links to Resident holds personal data: it must be declared (or be Resident's own
	declared records' child tables, declared with their parent)."""
	missing = []
	for name in doctypes():
		for f in fields(name):
			if f["fieldtype"] == "Link" and f.get("options") == "Resident" and name not in DECLARED:
				missing.append(f"{name}.{f['fieldname']}")
	assert not missing, missing


def test_resident_declaration_keeps_what_reports_count():
	resident = DECLARED["Resident"]
	assert not {"gender", "age_group", "district", "project"} & set(resident["redact"])
	assert set(resident["identifying"]) <= set(resident["scrub"]) <= set(resident["redact"])
