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
	"""Contact Statistics parts: a row per month × topic × channel × district marked as imported; the
	totals count the contacts as consultations and anonymous contacts, and as imported."""
	for part in out.values():
		part["totals"].setdefault("imported", 0)
	for g in groups(projects, start, end, district, by=("topic", "channel", "district")):
		part = out[g.project]
		n = int(g.contacts or 0)
		part["rows"].append(
			frappe._dict(
				project=g.project,
				month=f"{int(g.year):04d}-{int(g.month):02d}",
				topic=g.topic,
				channel=g.channel,
				district=g.district,
				consultations=n,
				minutes=0,
				average_minutes=None,
				imported=1,
			)
		)
		for key in ("consultations", "anonymous", "imported"):
			part["totals"][key] += n
		part["months"].append([int(g.year), int(g.month), g.channel, n])


def add_to_participants(out: dict, projects, start, end, district=None) -> None:
	"""Participants vs Plan parts: anonymous groups [year, age group, district, contacts] and the
	imported contacts per year [year, contacts]."""
	imported: dict = {}
	for g in groups(projects, start, end, district, by=("age_group", "district")):
		n = int(g.contacts or 0)
		out[g.project]["anonymous"].append([int(g.year), g.age_group, g.district, n])
		imported[(g.project, int(g.year))] = imported.get((g.project, int(g.year)), 0) + n
	for project, part in out.items():
		part["imported"] = sorted([y, n] for (p, y), n in imported.items() if p == project)


def add_to_carrier_overview(figures: dict, projects, start, end, district=None) -> None:
	for g in groups(projects, start, end, district, by=()):
		n = int(g.contacts or 0)
		for key in ("consultations", "anonymous", "imported"):
			figures[g.project][key] += n
