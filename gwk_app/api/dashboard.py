"""Number cards of the Gemeinwesen workspace.

Every figure is restricted to `gwk_app.permissions.allowed_projects()`: a user sees the figures of the
projects they are on the team of, a user on no project sees zeros.
"""

import frappe
from frappe import _

from gwk_app.casework.referrals import count_overdue_referrals, overdue_cutoff
from gwk_app.reports.report.participants_vs_plan.participants_vs_plan import participants_by_project
from gwk_app.rules.casework import REFERRAL_OPEN_STATUSES


@frappe.whitelist()
def overdue_referrals(filters: str | dict | None = None) -> dict:
	"""Number card: open referrals without feedback after GWK Settings' referral_feedback_days."""
	frappe.has_permission("Referral", "read", throw=True)
	return {
		"value": count_overdue_referrals(),
		"fieldtype": "Int",
		"route": ["List", "Referral"],
		"route_options": {
			"status": ["in", sorted(REFERRAL_OPEN_STATUSES)],
			"feedback_on": ["is", "not set"],
			"referred_on": ["<=", overdue_cutoff()],
		},
	}


@frappe.whitelist()
def participants_vs_plan(filters: str | dict | None = None) -> str:
	"""Number card: participants this year against the yearly plan of the user's projects."""
	frappe.has_permission("Consultation", "read", throw=True)
	rows = participants_by_project()
	actual = sum(r["participants"] for r in rows)
	plan = sum(r["plan"] for r in rows)
	return _("{0} of {1}").format(actual, plan)
