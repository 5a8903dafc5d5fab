"""What funders audit: the weekly time grid, month approval and the time record PDF (Staff Time Entry),
the submitted funder report (PDF, comparison, trail to the records) and the targets card.

Every endpoint checks roles and project access first; record names only leave the trail."""

import json

import frappe
from frappe import _
from frappe.utils import flt, getdate, now_datetime

from gwk_app import settings
from gwk_app.api.reports import _send_pdf
from gwk_app.permissions import check_project_access
from gwk_app.privacy import time_record
from gwk_app.rules.targets import FIELDS_OF_WORK, RED, month_bounds, week_days

SUBMISSION_TEMPLATE = "gwk_app/templates/reports/funder_report_submission.html"


def _text(value, label: str) -> str:
	if not isinstance(value, str) or not value:
		frappe.throw(_("{0} is missing.").format(_(label)), title=_("Invalid Input"))
	return value


def _month(value) -> str:
	value = _text(value, "Month")
	try:
		month_bounds(value)
	except ValueError:
		frappe.throw(_("The month must be given as YYYY-MM."), title=_("Invalid Input"))
	return value


def _date(value, label: str):
	try:
		return getdate(_text(value, label))
	except Exception:
		frappe.throw(_("{0} is not a valid date.").format(_(label)), title=_("Invalid Input"))


# ---------------------------------------------------------------- weekly grid


def _own_entries(project: str, days: list) -> list[frappe._dict]:
	"""The session user's entries in the project on the days given (a week)."""
	return frappe.get_all(
		"Staff Time Entry",
		filters={
			"staff": frappe.session.user,
			"project": project,
			"work_date": ("between", [days[0], days[-1]]),
		},
		fields=["name", "work_date", "field_of_work", "hours", "approved"],
	)


@frappe.whitelist()
def get_week(project: str, week_start: str) -> dict:
	"""The session user's hours of the week (Monday to Sunday) in a project, per field of work."""
	frappe.has_permission("Staff Time Entry", "read", throw=True)
	project = _text(project, "Project")
	check_project_access(project)
	days = week_days(_date(week_start, "Week"))
	entries = _own_entries(project, days)
	rows = {f: [0.0] * 7 for f in FIELDS_OF_WORK}
	for e in entries:
		rows[e.field_of_work][(getdate(e.work_date) - days[0]).days] += flt(e.hours)
	return {
		"days": [str(d) for d in days],
		"rows": [{"field_of_work": f, "hours": h} for f, h in rows.items()],
		"locked": any(e.approved for e in entries),
	}


@frappe.whitelist(methods=["POST"])
def save_week(project: str, week_start: str, rows: str | list) -> dict:
	"""Store the session user's hours of a week: one entry per day and field of work (0 removes it)."""
	frappe.has_permission("Staff Time Entry", "create", throw=True)
	project = _text(project, "Project")
	check_project_access(project)
	days = week_days(_date(week_start, "Week"))
	if isinstance(rows, str):
		try:
			rows = json.loads(rows)
		except ValueError:
			rows = None
	if not isinstance(rows, list):
		frappe.throw(_("The week's rows are missing."), title=_("Invalid Input"))
	wanted: dict = {}
	for row in rows:
		field = row.get("field_of_work") if isinstance(row, dict) else None
		hours = row.get("hours") if isinstance(row, dict) else None
		if field not in FIELDS_OF_WORK or not isinstance(hours, list) or len(hours) != 7:
			frappe.throw(_("Each row needs a field of work and seven days."), title=_("Invalid Input"))
		for day, value in zip(days, hours, strict=True):
			if value not in (None, "") and not isinstance(value, int | float) or isinstance(value, bool):
				frappe.throw(_("Hours must be numbers."), title=_("Invalid Input"))
			wanted[(day, field)] = flt(value)
	existing = {(getdate(e.work_date), e.field_of_work): e for e in _own_entries(project, days)}
	changed = 0
	for (day, field), hours in sorted(wanted.items()):
		entry = existing.get((day, field))
		if entry and flt(entry.hours) == hours:
			continue
		if entry and not hours:
			frappe.delete_doc("Staff Time Entry", entry.name)
		elif entry:
			doc = frappe.get_doc("Staff Time Entry", entry.name)
			doc.hours = hours
			doc.save()
		elif hours:
			frappe.get_doc(
				{
					"doctype": "Staff Time Entry",
					"staff": frappe.session.user,
					"project": project,
					"work_date": day,
					"field_of_work": field,
					"hours": hours,
				}
			).insert()
		else:
			continue
		changed += 1
	return {"changed": changed}


# ---------------------------------------------------------------- approval and time record


@frappe.whitelist(methods=["POST"])
def approve_month(project: str, staff: str, month: str) -> dict:
	"""The project lead approves a staff member's month in the project: its entries are locked."""
	project, staff, month = _text(project, "Project"), _text(staff, "Staff Member"), _month(month)
	check_project_access(project)
	time_record.check_lead(project)
	if staff == frappe.session.user and "System Manager" not in frappe.get_roles():
		frappe.throw(_("Nobody approves their own time record."), frappe.PermissionError)
	names = frappe.get_all(
		"Staff Time Entry", filters={"project": project, "staff": staff, "month": month}, pluck="name"
	)
	if not names:
		frappe.throw(_("There are no hours to approve in {0}.").format(month), title=_("Nothing to Approve"))
	t = frappe.qb.DocType("Staff Time Entry")
	(
		frappe.qb.update(t)
		.set(t.approved, 1)
		.set(t.approved_by, frappe.session.user)
		.set(t.approved_on, now_datetime())
		.where(t.name.isin(names))
		.run()
	)
	return {"approved": len(names)}


def time_record_context(project: str, staff: str, month: str) -> dict:
	project, staff, month = _text(project, "Project"), _text(staff, "Staff Member"), _month(month)
	return time_record.context(project, staff, month)


@frappe.whitelist()
def time_record_pdf(project: str, staff: str, month: str) -> None:
	"""The funder's time record (Stundennachweis) of a person, project and month, to be signed: Frappe's
	print of the Print Format "Time Record" for an entry of that month (its read permission applies)."""
	project, staff, month = _text(project, "Project"), _text(staff, "Staff Member"), _month(month)
	name = time_record.entry_of(project, staff, month)
	if not name:
		frappe.throw(_("There are no hours to approve in {0}.").format(month), title=_("No Time Record"))
	html = frappe.get_print(time_record.DOCTYPE, name, print_format=time_record.PRINT_FORMAT)
	_send_pdf(html, "{}-{}.pdf".format(_("Time Record"), month))


# ---------------------------------------------------------------- funder report submission


def _submission(name: str):
	doc = frappe.get_doc("Funder Report Submission", _text(name, "Funder Report Submission"))
	doc.check_permission("read")
	return doc


def submission_html(name: str) -> str:
	doc = _submission(name)
	if doc.docstatus != 1:
		frappe.throw(_("The report is not submitted yet."), title=_("Not Submitted"))
	context = {
		"doc": doc,
		"project": doc.project,
		"year": doc.year,
		"carrier": settings.carrier_name(),
		"key_figures": json.loads(doc.key_figures or "[]"),
		"submitted_by": frappe.db.get_value("User", doc.submitted_by, "full_name") or doc.submitted_by,
	}
	return frappe.render_template(SUBMISSION_TEMPLATE, context)


@frappe.whitelist()
def submission_pdf(name: str) -> None:
	"""The submitted funder report as it was submitted, with the submission date."""
	html = submission_html(name)
	doc = frappe.get_cached_doc("Funder Report Submission", name)
	_send_pdf(html, "{}-{}-{}.pdf".format(_("Funder Report"), doc.year, doc.name))


@frappe.whitelist()
def submission_comparison(name: str) -> list[dict]:
	"""What changed since submission, per figure: values then and now, records added and gone."""
	return _submission(name).comparison()


@frappe.whitelist()
def submission_records(name: str, figure: str) -> dict[str, list[str]]:
	"""The records a submitted figure counted that the user may open now (the team of the project)."""
	doc = _submission(name)
	out = {}
	for doctype, names in doc.submitted_records(_text(figure, "Figure")).items():
		if not names or not frappe.has_permission(doctype, "read"):
			continue
		out[doctype] = frappe.get_list(
			doctype,
			filters={"name": ("in", names), "project": doc.project},
			pluck="name",
			order_by="name asc",
			limit_page_length=0,
		)
	return out


# ---------------------------------------------------------------- workspace card


@frappe.whitelist()
def targets_at_risk(filters: str | dict | None = None) -> dict:
	"""Number card: targets of running funding periods whose forecast misses them (red light)."""
	from gwk_app.reports.report.targets_per_funding_period.targets_per_funding_period import get_data

	frappe.has_permission("Community Project", "read", throw=True)
	rows = get_data(frappe._dict(active_on=frappe.utils.today()))
	return {
		"value": len([r for r in rows if r.light == RED]),
		"fieldtype": "Int",
		"route": ["query-report", "Targets per Funding Period"],
	}
