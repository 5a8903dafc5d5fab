"""Open referrals without feedback: the follow-up loop's one query (the daily ToDos and the workspace
card count the same referrals)."""

from datetime import timedelta

import frappe
from frappe.query_builder.functions import Count
from frappe.utils import cint, getdate, today

from gwk_app.permissions import allowed_projects
from gwk_app.rules.casework import REFERRAL_OPEN_STATUSES

DEFAULT_FEEDBACK_DAYS = 14


def feedback_days() -> int:
	return cint(frappe.db.get_single_value("GWK Settings", "referral_feedback_days")) or DEFAULT_FEEDBACK_DAYS


def overdue_cutoff() -> str:
	"""Referrals made on or before this date without feedback are overdue."""
	return str(getdate(today()) - timedelta(days=feedback_days()))


def count_overdue_referrals() -> int:
	"""Overdue referrals of the projects the user sees (None = all, [] = none)."""
	projects = allowed_projects()
	if projects == []:
		return 0
	referral = frappe.qb.DocType("Referral")
	query = (
		frappe.qb.from_(referral)
		.select(Count(referral.name))
		.where(referral.status.isin(sorted(REFERRAL_OPEN_STATUSES)))
		.where(referral.feedback_on.isnull())
		.where(referral.referred_on <= overdue_cutoff())
	)
	if projects is not None:
		query = query.where(referral.project.isin(projects))
	return query.run()[0][0] or 0
