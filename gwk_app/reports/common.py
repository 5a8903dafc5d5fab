"""What every report of the app shares: which projects the user may report on, the period, the district
filter (the small-cell threshold is gwk_app.settings.small_cell_threshold).

Frappe checks only the report's roles for Script Reports; the project access rules are applied here,
by every report, on every query (gwk_app.permissions.allowed_projects: None = all projects).
"""

import frappe
from frappe import _
from frappe.utils import getdate
from pypika.terms import Function

from gwk_app.constants import CARRIER_ROLE
from gwk_app.permissions import allowed_projects
from gwk_app.rules.reports import period

# decimals of every Float figure a report shows (hours, minutes, days)
FLOAT_PRECISION = 1


class DaysBetween(Function):
	"""DATEDIFF(end, start) in days (MariaDB)."""

	def __init__(self, end, start, alias=None):
		super().__init__("DATEDIFF", end, start, alias=alias)


def report_projects(filters, carrier_wide: bool = False) -> list[str]:
	"""The projects a report may show to the current user, narrowed by the project filter.

	A project filter naming a project the user is not on raises PermissionError (the same answer
	whether the project exists or not). `carrier_wide` reports (aggregates only) give the carrier
	manager every project.
	"""
	allowed = allowed_projects()
	if carrier_wide and allowed is not None and CARRIER_ROLE in frappe.get_roles():
		allowed = None
	wanted = (filters or {}).get("project")
	if wanted:
		if not isinstance(wanted, str) or (allowed is not None and wanted not in allowed):
			frappe.throw(_("You are not on the team of this project."), frappe.PermissionError)
		return [wanted] if frappe.db.exists("Community Project", wanted) else []
	if allowed is None:
		return frappe.get_all("Community Project", pluck="name", order_by="name asc")
	return sorted(allowed)


def report_period(filters):
	"""(from_date, to_date) from the filters: from/to dates, or a year (default: this year)."""
	filters = filters or {}
	start = getdate(filters.get("from_date")) if filters.get("from_date") else None
	end = getdate(filters.get("to_date")) if filters.get("to_date") else None
	year = filters.get("year")
	if year not in (None, ""):
		try:
			year = int(year)
		except (TypeError, ValueError):
			frappe.throw(_("The year must be a number."), title=_("Invalid Filter"))
	return period(year, start, end, getdate())


def project_targets(projects: list[str]) -> dict[str, frappe._dict]:
	"""Targets and served districts of the projects (master data, no personal data)."""
	if not projects:
		return {}
	rows = frappe.get_all(
		"Community Project",
		filters={"name": ("in", projects)},
		fields=["name", "project_type", "participant_target", "target_age_min", "target_age_max"],
	)
	out = {r.name: frappe._dict(r, districts=set()) for r in rows}
	for d in frappe.get_all(
		"Community Project District",
		filters={"parent": ("in", projects), "parenttype": "Community Project"},
		fields=["parent", "district"],
	):
		out[d.parent].districts.add(d.district)
	return out


def column(label: str, fieldname: str, fieldtype: str = "Int", width: int = 110, options: str | None = None):
	col = {"label": label, "fieldname": fieldname, "fieldtype": fieldtype, "width": width}
	if fieldtype == "Float":
		col["precision"] = FLOAT_PRECISION  # hours, minutes, days: 38,2, not Frappe's 38,200
	if options:
		col["options"] = options
	return col


def summary(value, label: str, datatype: str = "Int", indicator: str = "Blue") -> dict:
	item = {"value": value, "label": label, "datatype": datatype, "indicator": indicator}
	if datatype == "Float":
		item["precision"] = FLOAT_PRECISION  # shown by gwk_app.js (core's summary has no precision)
	return item


def chart_source(build, check):
	"""A whitelisted Dashboard Chart Source `get`: `check()` refuses who may not see the chart, `build()`
	returns its data. The arguments the desk passes (chart_name, filters, timespan, ...) are taken and
	ignored: the figures depend on the user only."""

	def get(**_arguments) -> dict:
		check()
		return build()

	get.__doc__ = build.__doc__
	return frappe.whitelist()(get)
