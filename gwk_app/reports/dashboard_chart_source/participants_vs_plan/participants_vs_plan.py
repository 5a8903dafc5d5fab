"""Dashboard chart source: participants this year against the yearly plan, per project in scope."""

import frappe
from frappe import _

from gwk_app.reports.report.participants_vs_plan.participants_vs_plan import participants_by_project


@frappe.whitelist()
def get(
	chart_name: str | None = None,
	chart: str | dict | None = None,
	no_cache: str | int | None = None,
	filters: str | list | dict | None = None,
	from_date: str | None = None,
	to_date: str | None = None,
	timespan: str | None = None,
	time_interval: str | None = None,
	heatmap_year: str | int | None = None,
	refresh: str | int | None = None,
) -> dict:
	frappe.has_permission("Consultation", "read", throw=True)
	rows = participants_by_project()
	return {
		"labels": [r["project"] for r in rows],
		"datasets": [
			{"name": _("Participants"), "values": [r["participants"] for r in rows]},
			{"name": _("Plan"), "values": [r["plan"] for r in rows]},
		],
	}
