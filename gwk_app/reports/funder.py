"""The funder report (per project and year) and the monthly event plan for the district newspaper:
the figures and rows their templates show, gathered with the reports' own aggregate queries."""

from datetime import date

import frappe
from frappe import _
from frappe.utils import add_days, getdate

from gwk_app.constants import OFFICER_ROLE, PROJECT_LEAD_ROLE, STAFF_ROLE
from gwk_app.reports.common import project_targets, report_projects
from gwk_app.reports.report.carrier_overview.carrier_overview import raw_figures
from gwk_app.reports.report.case_overview import case_overview
from gwk_app.reports.report.events_and_attendance import events_and_attendance
from gwk_app.reports.report.participants_vs_plan import participants_vs_plan
from gwk_app.reports.report.referral_outcomes import referral_outcomes
from gwk_app.rules.suppression import shown_count
from gwk_app.settings import carrier_name, small_cell_threshold

REPORT_ROLES = (STAFF_ROLE, PROJECT_LEAD_ROLE, OFFICER_ROLE, "System Manager")


def funder_report_context(project: str, year: int) -> dict:
	"""Key figures, participants against plan and the year's events with their publicity evidence."""
	year = int(year)
	projects = report_projects({"project": project})
	if not projects:
		frappe.throw(_("You are not on the team of this project."), frappe.PermissionError)
	start, end = date(year, 1, 1), date(year, 12, 31)
	threshold = small_cell_threshold()
	info = frappe.db.get_value(
		"Community Project", project, ["project_name", "project_type", "target_group"], as_dict=True
	)
	target = project_targets(projects)[project]
	plan = participants_vs_plan.get_data(frappe._dict(project=project, year=year))[0]
	figures = raw_figures(projects, start, end)[project]
	cases = case_overview.counts(projects, start, end, by_topic=False)
	referrals, _days = referral_outcomes.get_data(projects, start, end)
	events = [e for e in events_and_attendance.get_data(projects, start, end) if e.status_value == "Held"]
	evidence = publicity_evidence([e.event for e in events])
	for e in events:
		e.evidence = evidence.get(e.event, [])
	fundings = frappe.get_all(
		"Community Project Funding",
		filters={
			"parent": project,
			"parenttype": "Community Project",
			"from_date": ("<=", end),
			"to_date": (">=", start),
		},
		fields=["funder", "programme", "reference", "from_date", "to_date"],
		order_by="from_date asc",
	)
	observations = frappe.db.count(
		"Area Observation", {"project": project, "observation_date": ("between", [start, end])}
	)
	meetings = frappe.db.count(
		"Network Meeting", {"project": project, "meeting_date": ("between", [start, end])}
	)
	key_figures = [
		(_("Consultations"), shown_count(figures["consultations"], threshold)),
		(_("Named Participants"), shown_count(plan.named, threshold)),
		(_("Anonymous Contacts"), shown_count(plan.anonymous, threshold)),
		(_("Imported Contacts"), shown_count(plan.imported, threshold)),
		(_("Participants Total"), shown_count(plan.total, threshold)),
		(_("Participant Target"), plan.target),
		(_("% of Target"), plan.target_rate if plan.target_rate is not None else "-"),
		(_("Share in Target Group"), plan.target_group_rate if plan.target_group_rate is not None else "-"),
		(_("Cases Opened"), shown_count(int(cases[0].opened or 0) if cases else 0, threshold)),
		(_("Cases Closed"), shown_count(int(cases[0].closed or 0) if cases else 0, threshold)),
		(_("Referrals"), shown_count(sum(r.referrals for r in referrals), threshold)),
		(_("Events Held"), len(events)),
		(_("Visitors"), sum(e.visitors for e in events)),
		(_("Volunteer Hours"), figures["volunteer_hours"]),
		(_("Area Observations"), observations),
		(_("Network Meetings"), meetings),
	]
	plan_row = frappe._dict(
		{
			k: shown_count(plan[k], threshold)
			for k in ("named", "anonymous", "total", "in_target_age", "in_districts", "in_target_group")
		}
	)
	plan_row.target = plan.target
	plan_row.target_rate = plan.target_rate
	plan_row.target_group_rate = plan.target_group_rate
	return {
		"project": project,
		"info": info,
		"year": year,
		"carrier": carrier_name(),
		"districts": sorted(target.districts),
		"target_age_min": target.target_age_min,
		"target_age_max": target.target_age_max,
		"fundings": fundings,
		"key_figures": key_figures,
		"plan": plan_row,
		"events": events,
		"events_with_evidence": len([e for e in events if e.evidence]),
		"threshold": threshold,
	}


def publicity_evidence(events: list[str]) -> dict[str, list[frappe._dict]]:
	"""{event: photos marked as publicity evidence (caption, file)}."""
	if not events:
		return {}
	ph = frappe.qb.DocType("Community Event Photo")
	rows = (
		frappe.qb.from_(ph)
		.select(ph.parent, ph.caption, ph.image, ph.publish)
		.where(ph.parent.isin(events) & (ph.parenttype == "Community Event") & (ph.publicity_evidence == 1))
		.orderby(ph.parent)
		.orderby(ph.idx)
		.run(as_dict=True)
	)
	out: dict = {}
	for r in rows:
		r.file_name = (r.image or "").rsplit("/", 1)[-1]
		out.setdefault(r.parent, []).append(r)
	return out


def event_plan_context(
	year: int, month: int, district: str | None = None, project: str | None = None
) -> dict:
	"""Published events of one month (public fields only), for the district newspaper."""
	year, month = int(year), int(month)
	if not 1 <= month <= 12:
		frappe.throw(_("The month must lie between 1 and 12."), title=_("Invalid Filter"))
	projects = report_projects({"project": project} if project else {})
	start = date(year, month, 1)
	end = add_days(date(year + month // 12, month % 12 + 1, 1), -1)
	events = []
	if projects:
		ev = frappe.qb.DocType("Community Event")
		cond = (
			ev.project.isin(projects)
			& (ev.published == 1)
			& (ev.status != "Cancelled")
			& (ev.starts_on >= start)
			& (ev.starts_on < add_days(end, 1))
		)
		if district:
			cond &= ev.district == district
		events = (
			frappe.qb.from_(ev)
			.select(
				ev.name,
				ev.title,
				ev.event_type,
				ev.starts_on,
				ev.ends_on,
				ev.place,
				ev.district,
				ev.public_description,
				ev.registration_required,
			)
			.where(cond)
			.orderby(ev.starts_on)
			.orderby(ev.name)
			.run(as_dict=True)
		)
	days: dict = {}
	for e in events:
		days.setdefault(getdate(e.starts_on), []).append(e)
	return {
		"year": year,
		"month": month,
		"month_start": start,
		"district": district,
		"carrier": carrier_name(),
		"days": sorted(days.items()),
		"count": len(events),
	}
