"""Report PDFs: the funder report per project and year, the monthly event plan for the district
newspaper. Both check the report roles and the project access first (frappe.utils.pdf on a rendered
Jinja template)."""

import frappe
from frappe import _
from frappe.utils.pdf import get_pdf

from gwk_app.reports.funder import REPORT_ROLES, event_plan_context, funder_report_context

FUNDER_TEMPLATE = "gwk_app/templates/reports/funder_report.html"
EVENT_PLAN_TEMPLATE = "gwk_app/templates/reports/event_plan.html"


def _check_roles() -> None:
	frappe.only_for(REPORT_ROLES)


def _int(value, label: str) -> int:
	try:
		return int(value)
	except (TypeError, ValueError):
		frappe.throw(_("{0} must be a number.").format(_(label)), title=_("Invalid Filter"))


def funder_report_html(project: str, year: int) -> str:
	_check_roles()
	if not isinstance(project, str) or not project:
		frappe.throw(_("You are not on the team of this project."), frappe.PermissionError)
	context = funder_report_context(project, _int(year, "Year"))
	return frappe.render_template(FUNDER_TEMPLATE, context)


def event_plan_html(year: int, month: int, district: str | None = None, project: str | None = None) -> str:
	_check_roles()
	context = event_plan_context(_int(year, "Year"), _int(month, "Month"), district or None, project or None)
	return frappe.render_template(EVENT_PLAN_TEMPLATE, context)


def _send_pdf(html: str, filename: str) -> None:
	frappe.local.response.filename = filename
	frappe.local.response.filecontent = get_pdf(html)
	frappe.local.response.type = "pdf"


@frappe.whitelist()
def funder_report_pdf(project: str, year: int) -> None:
	"""Download the funder report of a project and year as PDF."""
	html = funder_report_html(project, year)
	_send_pdf(html, "{}-{}.pdf".format(_("Funder Report"), int(year)))


@frappe.whitelist()
def event_plan_pdf(year: int, month: int, district: str | None = None, project: str | None = None) -> None:
	"""Download the published events of a month as PDF (for the district newspaper)."""
	html = event_plan_html(year, month, district, project)
	_send_pdf(html, "{}-{}-{:02d}.pdf".format(_("Event Plan"), int(year), int(month)))
