"""Where the app holds personal data about a resident, and how privacy exports and erases it.

Privacy imports no module above it. Each module declares its personal data in hooks.py under
`gwk_personal_data`, one entry per doctype (Frappe's `user_data_fields` pattern):

	{
		"doctype": "Consultation",          # the doctype (a child table names its "parent" too)
		"link_field": "resident",           # the Link to Resident ("name" for Resident itself)
		"redact": ["resident_name", "note"],  # personal free text, cleared on erasure
		"activity_field": "consultation_date",  # last activity for retention (default: modified)
		"keep_while": {"status": ["in", [...]]},  # the resident is kept while a record matches
		"hold": "dotted.path",              # fn(residents) -> set of residents that must be kept
		"parent_fields": ["title"],         # child tables: parent fields shown in the Art. 15 export
		"via": "Community Volunteer",       # link_field points at another declared record of the person
	}

The Resident's own entry adds "scrub" (values removed from the history and comments of records the
person only appears in, such as another's case) and "identifying" (values also removed wherever core
tables quote them, such as a report page printed to PDF in the Access Log).

Erasure anonymises rather than deletes: counted records stay (with gender, age group, district), their
personal text is cleared, and every trace in Frappe's core tables is removed.

This module is the registry (the declarations and a person's Footprint); the concerns that read it:
gwk_app.privacy.export (Art. 15), gwk_app.privacy.erasure (Art. 17), gwk_app.privacy.holds (what keeps
a resident: open cases, the ESF duty, last activity for retention).
"""

import frappe

SUBJECT_DOCTYPE = "Resident"
REDACTED = "***"
HOOK = "gwk_personal_data"


def declarations() -> list[frappe._dict]:
	"""Every declared entry whose doctype is installed on this site."""
	out = []
	for entry in frappe.get_hooks(HOOK) or []:
		entry = frappe._dict(entry)
		if not entry.get("doctype") or not entry.get("link_field"):
			continue
		if not frappe.db.exists("DocType", entry.doctype):
			continue
		out.append(entry)
	return out


def fields_present(doctype: str, fieldnames) -> list[str]:
	meta = frappe.get_meta(doctype)
	return [f for f in (fieldnames or []) if meta.has_field(f)]


def subject_entry() -> frappe._dict:
	for entry in declarations():
		if entry.doctype == SUBJECT_DOCTYPE:
			return entry
	return frappe._dict(doctype=SUBJECT_DOCTYPE, link_field="name", redact=[])


class Footprint:
	"""The records that name one resident: own records (the resident's consultations, cases, …) and
	parents holding them as a row (a case where they are another party, an event they attended)."""

	def __init__(self, resident: str, _collect: bool = True):
		self.resident = resident
		self.owned: dict[str, list[str]] = {SUBJECT_DOCTYPE: [resident]}
		self.rows: dict[str, list[str]] = {}  # child doctype -> row names
		self.parents: dict[str, list[str]] = {}  # parent doctype -> names (records holding a row)
		self.entries: dict[str, frappe._dict] = {}
		if _collect:
			_collect_footprints({resident: self})

	@classmethod
	def of(cls, residents: list[str]) -> dict[str, "Footprint"]:
		"""The footprints of many residents, found with one query per declared doctype for all."""
		footprints = {resident: cls(resident, _collect=False) for resident in dict.fromkeys(residents)}
		if footprints:
			_collect_footprints(footprints)
		return footprints

	def owned_pairs(self):
		yield from self.owned.items()


def _collect_footprints(footprints: dict[str, Footprint]) -> None:
	entries = declarations()
	# records linked through another record of the person come last, once that record is known
	for entry in sorted(entries, key=lambda e: bool(e.get("via"))):
		for footprint in footprints.values():
			footprint.entries[entry.doctype] = entry
		if entry.doctype == SUBJECT_DOCTYPE:
			continue
		if entry.get("via"):
			# the record linked to (a volunteer profile) -> whose it is
			owner = {n: r for r, fp in footprints.items() for n in fp.owned.get(entry.via, [])}
		else:
			owner = {r: r for r in footprints}
		if not owner:
			continue
		filters = {entry.link_field: ("in", list(owner))}
		if entry.get("parent"):
			rows = frappe.get_all(
				entry.doctype,
				filters={**filters, "parenttype": entry.parent},
				fields=["name", "parent", entry.link_field],
			)
			for row in rows:
				footprint = footprints[owner[row.get(entry.link_field)]]
				footprint.rows.setdefault(entry.doctype, []).append(row.name)
				parents = footprint.parents.setdefault(entry.parent, [])
				if row.parent not in parents:
					parents.append(row.parent)
		else:
			for row in frappe.get_all(entry.doctype, filters=filters, fields=["name", entry.link_field]):
				footprints[owner[row.get(entry.link_field)]].owned.setdefault(entry.doctype, []).append(
					row.name
				)
	# a parent the resident owns is handled as owned
	for footprint in footprints.values():
		for doctype, names in list(footprint.parents.items()):
			owned = set(footprint.owned.get(doctype, []))
			rest = [n for n in names if n not in owned]
			if rest:
				footprint.parents[doctype] = rest
			else:
				del footprint.parents[doctype]
