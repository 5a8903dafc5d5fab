"""Open referrals without feedback: the follow-up loop's one query (the daily ToDos and the workspace
card count the same referrals)."""

import frappe
from frappe.query_builder.functions import Count
from frappe.utils import getdate, today

from gwk_app.permissions import allowed_projects
from gwk_app.rules.casework import REFERRAL_OPEN_STATUSES, follow_up_cutoff
from gwk_app.settings import referral_feedback_days


def overdue_cutoff() -> str:
	"""Referrals made on or before this date without feedback are overdue."""
	return str(follow_up_cutoff(getdate(today()), referral_feedback_days()))


def overdue_referrals_query():
	"""Open referrals without feedback made on or before the cutoff (the one query of the loop)."""
	referral = frappe.qb.DocType("Referral")
	return (
		frappe.qb.from_(referral)
		.where(referral.status.isin(sorted(REFERRAL_OPEN_STATUSES)))
		.where(referral.feedback_on.isnull())
		.where(referral.referred_on <= overdue_cutoff())
	)


def count_overdue_referrals() -> int:
	"""Overdue referrals of the projects the user sees (None = all, [] = none)."""
	projects = allowed_projects()
	if projects == []:
		return 0
	referral = frappe.qb.DocType("Referral")
	query = overdue_referrals_query().select(Count(referral.name))
	if projects is not None:
		query = query.where(referral.project.isin(projects))
	return query.run()[0][0] or 0
