"""Imported tallies of anonymous contacts (Contact Tally) in the reports' figures.

A tally counts anonymous contacts of a month before the switch-over, per topic, channel, district,
gender and age group. The reports add them where they count anonymous consultations (Contact
Statistics, Participants vs Plan, Carrier Overview and through them the funder report and the
workspace chart) and show them as imported: a row or column of their own. A tally has no duration:
average minutes are taken over the recorded consultations only.
"""

import frappe
from frappe.query_builder.functions import Coalesce, Extract, Sum

NO_TOPIC = "-"


def groups(projects, start, end, district=None, by=("topic", "channel", "district", "age_group")) -> list:
	"""Summed contacts per project, year, month and the given count fields."""
	if not projects:
		return []
	t = frappe.qb.DocType("Contact Tally")
	c = frappe.qb.DocType("Contact Tally Count")
	year = Extract("year", t.month)
	month = Extract("month", t.month)
	fields = [c[f] if f != "topic" else Coalesce(c.topic, NO_TOPIC).as_("topic") for f in by]
	cond = t.project.isin(projects) & (t.month >= start) & (t.month <= end)
	if district:
		cond &= c.district == district
	return (
		frappe.qb.from_(t)
		.join(c)
		.on((c.parent == t.name) & (c.parenttype == "Contact Tally"))
		.select(t.project, year.as_("year"), month.as_("month"), *fields, Sum(c.contacts).as_("contacts"))
		.where(cond)
		.groupby(t.project, year, month, *[c[f] for f in by])
		.orderby(t.project)
		.orderby(year)
		.orderby(month)
		.run(as_dict=True)
	)


def add_to_contact_statistics(out: dict, projects, start, end, district=None) -> None:
	"""Contact Statistics parts: a row per month × topic × channel × district marked as imported, counted
	as consultations and anonymous contacts, each once (a tally has no duration)."""
	for g in groups(projects, start, end, district, by=("topic", "channel", "district")):
		n = int(g.contacts or 0)
		month = f"{int(g.year):04d}-{int(g.month):02d}"
		out[g.project]["rows"].append([month, g.topic, g.channel, g.district, 1, n, 0, n, 0, n])


def add_to_participants(out: dict, projects, start, end, district=None) -> None:
	"""Participants vs Plan parts: anonymous groups [year, age group, district, contacts] and the
	imported contacts [year, district, contacts]."""
	for g in groups(projects, start, end, district, by=("age_group", "district")):
		n = int(g.contacts or 0)
		out[g.project]["anonymous"].append([int(g.year), g.age_group, g.district, n])
		out[g.project]["imported"].append([int(g.year), g.district, n])


def add_to_carrier_overview(parts: dict, projects, start, end, district=None) -> None:
	"""Carrier Overview parts: [district, consultations, anonymous, imported, cases, referrals]."""
	for g in groups(projects, start, end, district, by=("district",)):
		n = int(g.contacts or 0)
		parts[g.project]["counts"].append([g.district, n, n, n, 0, 0])
