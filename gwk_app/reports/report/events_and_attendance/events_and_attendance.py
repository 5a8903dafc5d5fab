# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt
"""Community events of the period with headcounts, named attendance and publicity evidence.

One row per event (events are public activities, not personal data). Named participants are
counted per status from the participant table, photos marked as publicity evidence
(Publizitätsnachweis) from the photo table, both in SQL.
"""

import frappe
from frappe import _
from frappe.query_builder.functions import Count
from frappe.utils import add_days

from gwk_app.reports.common import column, report_period, report_projects, summary


def execute(filters=None):
	filters = frappe._dict(filters or {})
	projects = report_projects(filters)
	start, end = report_period(filters)
	rows = get_data(projects, start, end, filters.get("district"), filters.get("status")) if projects else []
	return columns(), rows, None, chart(rows), report_summary(rows)


def columns():
	return [
		column(_("Project"), "project", "Link", 160, "Community Project"),
		column(_("Event"), "event", "Link", 140, "Community Event"),
		column(_("Date"), "date", "Date", 100),
		column(_("Title"), "title", "Data", 200),
		column(_("Event Type"), "event_type", "Select", 140),
		column(_("District"), "district", "Link", 120, "District"),
		column(_("Status"), "status", "Select", 90),
		column(_("Headcount"), "headcount"),
		column(_("Registered"), "registered"),
		column(_("Attended"), "attended"),
		column(_("Visitors"), "visitors"),
		column(_("Publicity Evidence Photos"), "evidence_photos", "Int", 150),
	]


def events(projects, start, end, district=None, status=None):
	ev = frappe.qb.DocType("Community Event")
	cond = ev.project.isin(projects) & (ev.starts_on >= start) & (ev.starts_on < add_days(end, 1))
	if district:
		cond &= ev.district == district
	if status:
		cond &= ev.status == status
	return (
		frappe.qb.from_(ev)
		.select(
			ev.project,
			ev.name.as_("event"),
			ev.starts_on,
			ev.title,
			ev.event_type,
			ev.district,
			ev.status,
			ev.headcount_total,
			ev.published,
			ev.place,
			ev.public_description,
		)
		.where(cond)
		.orderby(ev.starts_on)
		.orderby(ev.name)
		.run(as_dict=True)
	)


def participant_counts(names) -> dict:
	"""{event: {status: count}} from the participant table."""
	if not names:
		return {}
	p = frappe.qb.DocType("Community Event Participant")
	out: dict = {}
	for r in (
		frappe.qb.from_(p)
		.select(p.parent, p.status, Count("*").as_("n"))
		.where(p.parent.isin(names) & (p.parenttype == "Community Event"))
		.groupby(p.parent, p.status)
		.run(as_dict=True)
	):
		out.setdefault(r.parent, {})[r.status] = int(r.n)
	return out


def evidence_photos(names) -> dict:
	"""{event: photos marked as publicity evidence}."""
	if not names:
		return {}
	ph = frappe.qb.DocType("Community Event Photo")
	rows = (
		frappe.qb.from_(ph)
		.select(ph.parent, Count("*").as_("n"))
		.where(ph.parent.isin(names) & (ph.parenttype == "Community Event") & (ph.publicity_evidence == 1))
		.groupby(ph.parent)
		.run(as_dict=True)
	)
	return {r.parent: int(r.n) for r in rows}


def get_data(projects, start, end, district=None, status=None):
	rows = events(projects, start, end, district, status)
	names = [r.event for r in rows]
	people = participant_counts(names)
	photos = evidence_photos(names)
	for r in rows:
		counts = people.get(r.event, {})
		r.date = r.starts_on.date() if hasattr(r.starts_on, "date") else r.starts_on
		r.headcount = int(r.headcount_total or 0)
		r.registered = sum(counts.get(s, 0) for s in ("Registered", "Attended", "Absent"))
		r.attended = counts.get("Attended", 0)
		# an open event is counted by head, a registered one by name; never both added up
		r.visitors = max(r.headcount, r.attended)
		r.evidence_photos = photos.get(r.event, 0)
		r.event_type = _(r.event_type)
		r.status_value = r.status
		r.status = _(r.status)
	return rows


def chart(rows):
	held = [r for r in rows if r.status_value == "Held"]
	if not held:
		return None
	types = sorted({r.event_type for r in held})
	return {
		"data": {
			"labels": types,
			"datasets": [
				{
					"name": _("Visitors"),
					"values": [sum(r.visitors for r in held if r.event_type == t) for t in types],
				}
			],
		},
		"type": "bar",
	}


def report_summary(rows):
	held = [r for r in rows if r.status_value == "Held"]
	return [
		summary(len(held), _("Events Held")),
		summary(len([r for r in rows if r.status_value == "Planned"]), _("Events Planned")),
		summary(sum(r.visitors for r in held), _("Visitors")),
		summary(sum(r.attended for r in held), _("Attended")),
		summary(len([r for r in held if r.evidence_photos]), _("Events with Publicity Evidence")),
	]
