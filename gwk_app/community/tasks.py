"""Scheduled jobs of the Community module."""

import frappe
from frappe.utils import add_days, now_datetime

from gwk_app.rules.events import GUEST_CONTACT_RETENTION_DAYS


def clear_guest_contact_data() -> int:
	"""Guests who registered through the public calendar gave their e-mail address and phone number
	only so that the event could be organised: remove them once the event is over for
	GUEST_CONTACT_RETENTION_DAYS days. Names and attendance stay as the event's record."""
	cutoff = add_days(now_datetime(), -GUEST_CONTACT_RETENTION_DAYS)
	event = frappe.qb.DocType("Community Event")
	participant = frappe.qb.DocType("Community Event Participant")
	ended = (
		frappe.qb.from_(event)
		.select(event.name)
		.where(
			(event.ends_on.isnotnull() & (event.ends_on < cutoff))
			| (event.ends_on.isnull() & (event.starts_on < cutoff))
		)
	)
	rows = (
		frappe.qb.from_(participant)
		.select(participant.name)
		.where(
			(participant.parenttype == "Community Event")
			& participant.parent.isin(ended)
			& participant.resident.isnull()
			& (participant.email.isnotnull() | participant.phone.isnotnull())
		)
		.run(pluck=True)
	)
	if rows:
		frappe.qb.update(participant).set(participant.email, None).set(participant.phone, None).where(
			participant.name.isin(rows)
		).run()
	return len(rows)
