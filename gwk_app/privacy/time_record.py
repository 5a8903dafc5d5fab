"""The funder's time record (Stundennachweis) of one person in one project and month: the hours per day
and field of work, the month's approval and two signature lines.

It is the Print Format "Time Record" of Staff Time Entry (gwk_app/privacy/print_format/time_record):
printing any entry prints the whole month of that person in that project, through Frappe's print view,
PDF and permission check (the own-records rule: the person themself, or a lead of the project). The
format calls `time_record_html(doc)` (a Jinja method, hooks.py `jinja`)."""

import frappe
from frappe import _
from frappe.utils import flt, getdate

from gwk_app import settings
from gwk_app.permissions import check_project_access, led_projects
from gwk_app.rules.targets import FIELDS_OF_WORK, month_bounds

DOCTYPE = "Staff Time Entry"
PRINT_FORMAT = "Time Record"
TEMPLATE = "gwk_app/templates/reports/time_record.html"


def check_lead(project: str) -> None:
	"""Only a lead of the project (or a System Manager) approves and reads the team's time records."""
	if project not in led_projects() and "System Manager" not in frappe.get_roles():
		frappe.throw(_("Only the lead of this project approves its time records."), frappe.PermissionError)


def check_may_read(project: str, staff: str) -> None:
	"""A person reads their own time record; a lead of the project reads the team's."""
	check_project_access(project)
	if staff != frappe.session.user:
		check_lead(project)


def context(project: str, staff: str, month: str) -> dict:
	check_may_read(project, staff)
	start, end = month_bounds(month)
	entries = frappe.get_list(
		DOCTYPE,
		filters={"project": project, "staff": staff, "month": month},
		fields=["work_date", "field_of_work", "hours", "activity", "approved", "approved_by", "approved_on"],
		order_by="work_date asc, field_of_work asc",
		limit_page_length=0,
	)
	days: dict = {}
	for e in entries:
		day = days.setdefault(getdate(e.work_date), {f: 0.0 for f in FIELDS_OF_WORK})
		day[e.field_of_work] += flt(e.hours)
	approvals = {(e.approved_by, e.approved_on) for e in entries if e.approved}
	approved_by, approved_on = sorted(approvals, key=lambda a: str(a[1]))[-1] if approvals else (None, None)
	return {
		"carrier": settings.carrier_name(),
		"project": project,
		"staff": staff,
		"staff_name": frappe.db.get_value("User", staff, "full_name") or staff,
		"month": month,
		"start": start,
		"end": end,
		"fields": FIELDS_OF_WORK,
		"days": sorted(days.items()),
		"totals": {f: sum(d[f] for d in days.values()) for f in FIELDS_OF_WORK},
		"total": sum(flt(e.hours) for e in entries),
		"approved": bool(entries) and all(e.approved for e in entries),
		"approved_by": approved_by and (frappe.db.get_value("User", approved_by, "full_name") or approved_by),
		"approved_on": approved_on,
	}


def time_record_html(doc) -> str:
	"""Jinja method of the print format: the month of the entry's person and project."""
	return frappe.render_template(TEMPLATE, context(doc.project, doc.staff, doc.month))


def entry_of(project: str, staff: str, month: str) -> str | None:
	"""One entry of the month (the document Frappe prints the time record for), after the access check."""
	check_may_read(project, staff)
	names = frappe.get_list(
		DOCTYPE,
		filters={"project": project, "staff": staff, "month": month},
		pluck="name",
		order_by="work_date asc, name asc",
		limit_page_length=1,
	)
	return names[0] if names else None
