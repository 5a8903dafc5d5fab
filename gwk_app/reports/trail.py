"""The figures a funder is told, each with the names of the records behind it (the trail).

One project and one period at a time, counted as the funder report and the carrier overview count:
consultations in the period, named participants (residents with a consultation, once each), anonymous
contacts (one per contact), cases opened and closed, referrals made, events held with their visitors,
volunteer hours, area observations, network meetings and ESF entries with complete core data.
Record names only: never a resident's name or any other personal field.
"""

import frappe
from frappe.utils import getdate

from gwk_app.reports.report.events_and_attendance import events_and_attendance
from gwk_app.rules.esf import CORE_FIELDS, counts_toward_targets

# figure -> (label, doctypes of its records); labels are translated where they are shown
FIGURES: dict[str, tuple[str, tuple[str, ...]]] = {
	"consultations": ("Consultations", ("Consultation",)),
	"named_participants": ("Named Participants", ("Resident",)),
	"anonymous_contacts": ("Anonymous Contacts", ("Consultation",)),
	"participants": ("Participants Total", ("Resident", "Consultation")),
	"cases_opened": ("Cases Opened", ("Case",)),
	"cases_closed": ("Cases Closed", ("Case",)),
	"referrals": ("Referrals", ("Referral",)),
	"events": ("Events Held", ("Community Event",)),
	"visitors": ("Visitors", ("Community Event",)),
	"volunteer_hours": ("Volunteer Hours", ("Volunteer Hours",)),
	"area_observations": ("Area Observations", ("Area Observation",)),
	"network_meetings": ("Network Meetings", ("Network Meeting",)),
	"esf_entries": ("ESF Entries", ("ESF Participation",)),
}

# target indicator (Community Project Target) -> figure
INDICATOR_FIGURES: dict[str, str] = {
	"Participants": "participants",
	"Consultations": "consultations",
	"Events": "events",
	"ESF Entries": "esf_entries",
	"Volunteer Hours": "volunteer_hours",
	"Network Meetings": "network_meetings",
	"Cases": "cases_opened",
	"Referrals": "referrals",
	"Area Observations": "area_observations",
}


def _names(doctype: str, project: str, date_field: str, start, end, **extra) -> list[str]:
	filters = {"project": project, date_field: ("between", [start, end]), **extra}
	return sorted(frappe.get_all(doctype, filters=filters, pluck="name", order_by="name asc"))


def _figure(value, records: dict[str, list[str]]) -> dict:
	return {"value": value, "records": {dt: sorted(names) for dt, names in records.items()}}


def collect(project: str, start, end) -> dict[str, dict]:
	"""{figure: {"value": number, "records": {doctype: [names]}}} for one project and period.

	System-side counting (no permission check): callers check the user's access to the project."""
	start, end = getdate(start), getdate(end)
	c = frappe.qb.DocType("Consultation")
	rows = (
		frappe.qb.from_(c)
		.select(c.name, c.resident, c.anonymous)
		.where((c.project == project) & (c.consultation_date >= start) & (c.consultation_date <= end))
		.run(as_dict=True)
	)
	consultations = sorted(r.name for r in rows)
	residents = sorted({r.resident for r in rows if r.resident})
	anonymous = sorted(r.name for r in rows if r.anonymous)

	ca = frappe.qb.DocType("Case")
	cases = (
		frappe.qb.from_(ca)
		.select(ca.name, ca.opened_on, ca.closed_on)
		.where((ca.project == project) & (ca.opened_on <= end))
		.run(as_dict=True)
	)
	opened = [r.name for r in cases if r.opened_on and start <= getdate(r.opened_on) <= end]
	closed = [r.name for r in cases if r.closed_on and start <= getdate(r.closed_on) <= end]

	held = [e for e in events_and_attendance.get_data([project], start, end) if e.status_value == "Held"]
	hours = frappe.get_all(
		"Volunteer Hours",
		filters={"project": project, "work_date": ("between", [start, end])},
		fields=["name", "hours"],
	)
	esf = frappe.get_all(
		"ESF Participation",
		filters={"project": project, "entry_date": ("between", [start, end])},
		fields=["name", *CORE_FIELDS],
	)
	events = [e.event for e in held]
	return {
		"consultations": _figure(len(consultations), {"Consultation": consultations}),
		"named_participants": _figure(len(residents), {"Resident": residents}),
		"anonymous_contacts": _figure(len(anonymous), {"Consultation": anonymous}),
		"participants": _figure(
			len(residents) + len(anonymous), {"Resident": residents, "Consultation": anonymous}
		),
		"cases_opened": _figure(len(opened), {"Case": opened}),
		"cases_closed": _figure(len(closed), {"Case": closed}),
		"referrals": _count_figure("Referral", project, "referred_on", start, end),
		"events": _figure(len(events), {"Community Event": events}),
		"visitors": _figure(sum(e.visitors for e in held), {"Community Event": events}),
		"volunteer_hours": _figure(
			round(sum(float(h.hours or 0) for h in hours), 1), {"Volunteer Hours": [h.name for h in hours]}
		),
		"area_observations": _count_figure("Area Observation", project, "observation_date", start, end),
		"network_meetings": _count_figure("Network Meeting", project, "meeting_date", start, end),
		"esf_entries": _figure(
			len(counted := [r.name for r in esf if counts_toward_targets(r)]), {"ESF Participation": counted}
		),
	}


def _count_figure(doctype: str, project: str, date_field: str, start, end) -> dict:
	names = _names(doctype, project, date_field, start, end)
	return _figure(len(names), {doctype: names})
