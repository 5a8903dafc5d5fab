"""What keeps a resident: a declared record still matching its keep_while filter (an open case), a declared
hold (the ESF audit duty), and the last activity retention counts from. Reads the registry
(gwk_app.privacy.personal_data)."""

import frappe
from frappe.query_builder.functions import Max
from frappe.utils import getdate, today

from gwk_app.privacy.personal_data import (
	SUBJECT_DOCTYPE,
	declarations,
)


def held_residents(residents: list[str]) -> set[str]:
	"""Residents who must be kept: a declared record still matches its keep_while filter (an open case)
	or a declared hold applies (an ESF retention duty)."""
	if not residents:
		return set()
	held = set()
	entries = declarations()
	by_doctype = {e.doctype: e for e in entries}
	for entry in entries:
		if entry.get("hold"):
			held.update(frappe.get_attr(entry.hold)(residents) or ())
		if entry.doctype == SUBJECT_DOCTYPE or entry.get("via"):
			continue
		if entry.get("parent"):
			parent_entry = by_doctype.get(entry.parent)
			if not parent_entry or not parent_entry.get("keep_while"):
				continue
			rows = frappe.get_all(
				entry.doctype,
				filters={entry.link_field: ("in", residents), "parenttype": entry.parent},
				fields=[entry.link_field, "parent"],
			)
			if not rows:
				continue
			open_parents = set(
				frappe.get_all(
					entry.parent,
					filters={"name": ("in", list({r.parent for r in rows})), **parent_entry.keep_while},
					pluck="name",
				)
			)
			held.update(r.get(entry.link_field) for r in rows if r.parent in open_parents)
		elif entry.get("keep_while"):
			held.update(
				frappe.get_all(
					entry.doctype,
					filters={entry.link_field: ("in", residents), **entry.keep_while},
					pluck=entry.link_field,
				)
			)
	return held


def last_activity(residents: list[str]) -> dict[str, object]:
	"""{resident: date of the latest record naming them} (the resident's own change date included)."""
	if not residents:
		return {}
	out = {}

	def bump(resident, value):
		if not value:
			return
		value = getdate(value)
		if resident not in out or value > out[resident]:
			out[resident] = value

	for row in frappe.get_all(
		SUBJECT_DOCTYPE, filters={"name": ("in", residents)}, fields=["name", "modified"]
	):
		bump(row.name, row.modified)
	for entry in declarations():
		if entry.doctype == SUBJECT_DOCTYPE or entry.get("via"):
			continue
		field = entry.get("activity_field") or "modified"
		if entry.get("parent"):
			field = "modified"
		table = frappe.qb.DocType(entry.doctype)
		link = table[entry.link_field]
		rows = (
			frappe.qb.from_(table)
			.select(link, Max(table[field]))
			.where(link.isin(residents))
			.groupby(link)
			.run()
		)
		for resident, last in rows:
			bump(resident, last)
	return out


def esf_duty_hold(residents: list[str]) -> set[str]:
	"""Residents with an ESF participation still under the audit retention duty."""
	from gwk_app.rules.privacy import esf_duty_cutoff
	from gwk_app.settings import retention_years_esf

	years = retention_years_esf()
	cutoff = esf_duty_cutoff(getdate(today()), years)
	esf = frappe.qb.DocType("ESF Participation")
	rows = (
		frappe.qb.from_(esf)
		.select(esf.resident)
		.distinct()
		.where(esf.resident.isin(residents) & (esf.exit_date.isnull() | (esf.exit_date >= cutoff)))
		.run(pluck=True)
	)
	return set(rows)
