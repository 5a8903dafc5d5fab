"""Scheduled jobs of the appointments: reminders the day before, and removing guests' contact data.

Idempotent: a reminder is claimed (its `reminder_sent_on` set) in the same statement that checks it is
still unsent, so a second run, or two runs at once, queue nothing more.
"""

import frappe
from frappe import _
from frappe.utils import add_days, format_datetime, getdate, now_datetime, today

from gwk_app.casework.appointments import cancel_url
from gwk_app.rules import appointments as rules

APPOINTMENT = "Consultation Appointment"
FIELDS = [
	"name",
	"project",
	"starts_on",
	"status",
	"channel",
	"place",
	"topic",
	"resident",
	"first_name",
	"email",
	"phone",
	"contact_consent",
	"consent_recorded_on",
	"reminder_sent_on",
	"cancel_key",
]


def _contact(row) -> None:
	"""An appointment with a resident and no own contact data reaches them through the resident's."""
	if row.resident and not (row.email or row.phone):
		person = frappe.db.get_value("Resident", row.resident, ["email", "phone"], as_dict=True) or {}
		row.email, row.phone = person.get("email"), person.get("phone")


def sms_configured() -> bool:
	return bool(frappe.db.get_single_value("SMS Settings", "sms_gateway_url"))


def reminder_text(row, topic: str | None) -> tuple[str, str]:
	"""Subject and text of a reminder. Names the time, channel and place, a topic only when it is no
	special category, never a note."""
	when = format_datetime(row.starts_on, "dd.MM.yyyy HH:mm")
	subject = _("Reminder: your appointment on {0}").format(when)
	lines = [_("This is a reminder of your appointment on {0} ({1}).").format(when, _(row.channel))]
	if row.place:
		lines.append(_("Place: {0}").format(row.place))
	if topic:
		lines.append(_("Topic: {0}").format(_(topic)))
	lines.append(_("If you cannot come, please cancel here: {0}").format(cancel_url(row.cancel_key)))
	return subject, "\n".join(lines)


def send_reminders() -> int:
	"""Daily: one reminder for every open appointment of tomorrow whose person agreed to be contacted:
	an e-mail through the Email Queue and, where SMS Settings are configured, an SMS."""
	start, end = rules.reminder_day_window(getdate(today()))
	rows = frappe.get_all(
		APPOINTMENT,
		filters={
			"starts_on": ("between", [start, end]),
			"status": ("in", ["Requested", "Confirmed"]),
			"contact_consent": 1,
			"reminder_sent_on": ("is", "not set"),
		},
		fields=FIELDS,
	)
	topics = {r.topic for r in rows if r.topic}
	special = set(
		frappe.get_all("Topic", filters={"name": ("in", list(topics)), "special_category": 1}, pluck="name")
		if topics
		else []
	)
	sms = sms_configured()
	sent = 0
	for row in rows:
		_contact(row)
		if not rules.reminder_due(row, getdate(today())) or not _claim(row.name):
			continue
		subject, text = reminder_text(row, rules.reminder_topic(row.topic, row.topic in special))
		if row.email:
			_email(row, subject, text)
		if row.phone and sms:
			_sms(row.phone, text)
		sent += 1
	return sent


def _claim(name: str) -> bool:
	"""Mark the reminder as sent unless it already is (locking read: a parallel run waits and sees it)."""
	if frappe.db.get_value(APPOINTMENT, name, "reminder_sent_on", for_update=True):
		return False
	frappe.db.set_value(APPOINTMENT, name, "reminder_sent_on", now_datetime(), update_modified=False)
	return True


def _email(row, subject: str, text: str) -> None:
	try:
		frappe.sendmail(
			recipients=[row.email],
			subject=subject,
			message=frappe.utils.escape_html(text).replace("\n", "<br>"),
			reference_doctype=APPOINTMENT,
			reference_name=row.name,
			delayed=True,
			add_unsubscribe_link=0,
		)
	except frappe.OutgoingEmailError:
		frappe.log_error(title=_("Appointment reminder: no outgoing e-mail account"))


def _sms(phone: str, text: str) -> None:
	from frappe.core.doctype.sms_settings.sms_settings import send_sms

	try:
		send_sms([phone], text, success_msg=False)
	except Exception:
		frappe.log_error(title=_("Appointment reminder: SMS could not be sent"))


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
