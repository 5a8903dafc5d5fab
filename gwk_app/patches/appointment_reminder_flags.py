"""Appointment reminders became Frappe Notifications: open appointments get the `reminder_allowed` flag
their controller now keeps (rules.appointments.reminder_allowed), a resident's appointment carries the
resident's contact data as the controller now copies it, and those already reminded by the old job keep
counting as reminded."""

import frappe
from frappe.utils import now_datetime

from gwk_app.rules.appointments import reminder_allowed

DOCTYPE = "Consultation Appointment"


def execute():
	t = frappe.qb.DocType(DOCTYPE)
	frappe.qb.update(t).set(t.reminder_sent, 1).where(t.reminder_sent_on.isnotnull()).run()
	rows = frappe.get_all(
		DOCTYPE,
		filters={"status": ("in", ["Requested", "Confirmed"]), "starts_on": (">=", now_datetime())},
		fields=["name", "status", "contact_consent", "consent_recorded_on", "email", "phone", "resident"],
	)
	# the old job reached a resident through the resident's own contact data; the controller now copies it
	residents = [r.resident for r in rows if r.resident and r.contact_consent and not (r.email or r.phone)]
	contact = {
		p.name: p
		for p in frappe.get_all(
			"Resident", filters={"name": ("in", residents)}, fields=["name", "email", "phone"]
		)
	} if residents else {}  # fmt: skip
	for r in rows:
		person = contact.get(r.resident) if not (r.email or r.phone) else None
		if person and (person.email or person.phone):
			r.email, r.phone = person.email or None, person.phone or None
			frappe.db.set_value(DOCTYPE, r.name, {"email": r.email, "phone": r.phone}, update_modified=False)
	allowed = [r.name for r in rows if reminder_allowed(r)]
	if allowed:
		frappe.qb.update(t).set(t.reminder_allowed, 1).where(t.name.isin(allowed)).run()
