"""Consent look-ups used wherever an action needs a recorded consent."""

import frappe
from frappe.utils import getdate, today


def active_consent(resident: str | None, purpose: str, on_date=None) -> str | None:
	"""The newest consent of `resident` for `purpose` in force on `on_date` (default today)."""
	if not resident:
		return None
	on_date = getdate(on_date or today())
	consent = frappe.qb.DocType("Consent")
	rows = (
		frappe.qb.from_(consent)
		.select(consent.name)
		.where(
			(consent.resident == resident)
			& (consent.purpose == purpose)
			& (consent.given_on <= on_date)
			& (consent.withdrawn_on.isnull() | (consent.withdrawn_on > on_date))
		)
		.orderby(consent.given_on, order=frappe.qb.desc)
		.limit(1)
		.run(pluck=True)
	)
	return rows[0] if rows else None
