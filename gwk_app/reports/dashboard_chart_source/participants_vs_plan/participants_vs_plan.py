"""Dashboard chart source: participants this year against the yearly plan, per project in scope."""

import frappe
from frappe import _

from gwk_app.reports.common import chart_source
from gwk_app.reports.report.participants_vs_plan.participants_vs_plan import participants_by_project


def _may_read():
	frappe.has_permission("Consultation", "read", throw=True)


def participants_vs_plan() -> dict:
	"""Participants this year and the plan, per project the user may report on."""
	rows = participants_by_project()
	return {
		"labels": [r["project"] for r in rows],
		"datasets": [
			{"name": _("Participants"), "values": [r["participants"] for r in rows]},
			{"name": _("Plan"), "values": [r["plan"] for r in rows]},
		],
	}


get = chart_source(participants_vs_plan, _may_read)
