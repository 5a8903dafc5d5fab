"""Endpoints of the carrier's desk (workspace "Träger"): number cards, chart sources, the XLSX export.

Each checks first that the user belongs to the carrier's management (gwk_app.reports.carrier_desk);
every figure is aggregated and suppressed there.
"""

from io import BytesIO

import frappe
from frappe import _
from frappe.utils import cint, flt, getdate, today

from gwk_app.reports import carrier_desk as desk
from gwk_app.reports.common import chart_source


def _count(value) -> str:
	"""A card's count in the user's number format ('.' for a suppressed cell)."""
	return value if value == desk.SUPPRESSED else frappe.format_value(cint(value), {"fieldtype": "Int"})


# ---------------------------------------------------------------- number cards


@frappe.whitelist()
def participants_card(filters: str | dict | None = None) -> str:
	"""Participants this year across all projects against the sum of the yearly targets."""
	desk.require_carrier()
	actual, plan = desk.participants_against_targets()
	return _("{0} of {1}").format(_count(actual), _count(plan))


@frappe.whitelist()
def consultations_card(filters: str | dict | None = None) -> str:
	"""Consultations this month across all projects, beside the same month a year before."""
	desk.require_carrier()
	this, last_year = desk.consultations_this_month()
	return _("{0} (same month last year: {1})").format(_count(this), _count(last_year))


@frappe.whitelist()
def events_card(filters: str | dict | None = None) -> str:
	"""Events held this year across all projects (the Carrier Overview's total)."""
	desk.require_carrier()
	return _count(desk.overview_total(*desk.year_period()).events)


@frappe.whitelist()
def volunteer_hours_card(filters: str | dict | None = None) -> str:
	"""Volunteer hours this year across all projects, with one decimal (not Frappe's three)."""
	desk.require_carrier()
	hours = desk.overview_total(*desk.year_period()).volunteer_hours
	return frappe.format_value(flt(hours, 1), {"fieldtype": "Float", "precision": 1})


@frappe.whitelist()
def overdue_referrals_card(filters: str | dict | None = None) -> str:
	"""Open referrals of all projects without feedback after the feedback period (no link to them)."""
	desk.require_carrier()
	return _count(desk.overdue_referrals_count())


# ---------------------------------------------------------------- chart sources


participants_vs_plan_chart = chart_source(desk.chart_participants_vs_plan, desk.require_carrier)
contacts_per_month_chart = chart_source(desk.chart_contacts_per_month, desk.require_carrier)
anonymous_share_chart = chart_source(desk.chart_anonymous_share, desk.require_carrier)
channels_chart = chart_source(desk.chart_channels, desk.require_carrier)


# ---------------------------------------------------------------- XLSX export


@frappe.whitelist()
def export_xlsx(year: int | str | None = None):
	"""Carrier Overview and Participants vs Plan of a year as one workbook, one sheet each: the Carrier
	Overview exactly as the report shows it, participants against plan per project as the carrier's desk
	shows them (suppressed cells stay '.')."""
	desk.require_carrier()
	year = cint(year) or getdate(today()).year
	if not 2000 <= year <= 2100:
		frappe.throw(_("The year must be a number."), title=_("Invalid Filter"))
	from openpyxl import Workbook

	from gwk_app.reports.report.carrier_overview import carrier_overview

	book = Workbook()
	overview = book.active
	overview.title = _("Carrier Overview")[:31]
	columns, rows = carrier_overview.execute({"year": year})[:2]
	overview.append([c["label"] for c in columns])
	for row in rows:
		overview.append([_cell(row.get(c["fieldname"]), c) for c in columns])
	plan = book.create_sheet(_("Participants vs Plan")[:31])
	plan.append([_("Project"), _("Participant Target"), _("Participants Total"), _("% of Target")])
	for row in desk.participants_rows(year):
		plan.append([row.project, row.target, desk.shown(row.participants), row.get("target_rate")])
	out = BytesIO()
	book.save(out)
	frappe.response["filename"] = f"{_('Carrier Overview')} {year}.xlsx"
	frappe.response["filecontent"] = out.getvalue()
	frappe.response["type"] = "binary"


def _cell(value, col):
	"""Floats (volunteer hours) with one decimal; a suppressed '.' stays as it is."""
	if col.get("fieldtype") == "Float" and isinstance(value, int | float):
		return flt(value, 1)
	return value
