"""Scheduled job of the appointments: removing guests' contact data after the appointment.

The reminders the day before are Frappe's own Notifications of this module
(gwk_app/casework/notification/consultation_appointment_reminder and …_sms), sent by Frappe's daily run
through the Email Queue and SMS Settings."""

import frappe
from frappe.utils import add_days, now_datetime, today

from gwk_app.rules import appointments as rules

APPOINTMENT = "Consultation Appointment"


def clear_guest_contact_data() -> int:
	"""Guests who booked without being registered gave their first name and contact data for this one
	appointment: removed GUEST_CONTACT_RETENTION_DAYS days after it. The counted appointment stays."""
	cutoff = add_days(now_datetime(), -rules.GUEST_CONTACT_RETENTION_DAYS)
	t = frappe.qb.DocType(APPOINTMENT)
	names = (
		frappe.qb.from_(t)
		.select(t.name)
		.where(
			(t.starts_on < cutoff)
			& t.resident.isnull()
			& (t.first_name.isnotnull() | t.email.isnotnull() | t.phone.isnotnull())
		)
		.run(pluck=True)
	)
	if names:
		frappe.qb.update(t).set(t.first_name, None).set(t.email, None).set(t.phone, None).set(
			t.subject, None
		).where(t.name.isin(names)).run()
	visit = frappe.qb.DocType("Office Hours Visit")
	old = add_days(today(), -rules.VISIT_LABEL_RETENTION_DAYS)
	# the queue number stays and stands for the person
	frappe.qb.update(visit).set(visit.label, None).where(
		(visit.visit_date < old) & visit.label.isnotnull()
	).run()
	return len(names)
