"""Scheduled casework jobs. Idempotent: running a job twice changes nothing the second time."""

import frappe
from frappe import _
from frappe.desk.form.assign_to import close_all_assignments
from frappe.utils import today

from gwk_app.casework.referrals import overdue_referrals_query

FOLLOW_UP_MARKER = "gwk-referral-follow-up"


def create_referral_follow_ups() -> int:
	"""A referral with no feedback after the configured days becomes a ToDo for its responsible staff
	member. The ToDo names no topic or reason: those may be special-category data."""
	referral = frappe.qb.DocType("Referral")
	todo = frappe.qb.DocType("ToDo")
	open_todo = (
		frappe.qb.from_(todo)
		.select(todo.reference_name)
		.where(
			(todo.reference_type == "Referral")
			& (todo.status == "Open")
			& (todo.description.like(f"%{FOLLOW_UP_MARKER}%"))
		)
	)
	due = (
		overdue_referrals_query()
		.select(referral.name, referral.responsible, referral.owner, referral.partner, referral.referred_on)
		.where(referral.name.notin(open_todo))
		.run(as_dict=True)
	)
	for row in due:
		frappe.get_doc(
			{
				"doctype": "ToDo",
				"allocated_to": row.responsible or row.owner,
				"reference_type": "Referral",
				"reference_name": row.name,
				"date": today(),
				"priority": "Medium",
				"description": _("Referral {0} to {1} on {2}: ask for feedback.").format(
					row.name, row.partner, frappe.format(row.referred_on, "Date")
				)
				+ f"<!-- {FOLLOW_UP_MARKER} -->",
			}
		).insert(ignore_permissions=True)
	return len(due)


def close_referral_follow_ups(referral: str) -> None:
	"""Feedback closes the loop: every open follow-up of the referral is closed."""
	if frappe.db.exists("ToDo", {"reference_type": "Referral", "reference_name": referral, "status": "Open"}):
		close_all_assignments("Referral", referral, ignore_permissions=True)
