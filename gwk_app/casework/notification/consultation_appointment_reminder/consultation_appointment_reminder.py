"""The context of the appointment reminder, a standard Notification of this module (Frappe sends it the day
before through its daily "Days Before" run and the Email Queue; the SMS twin goes through SMS Settings).

Which appointments get one is the Notification's condition on fields the controller keeps
(`reminder_allowed`: rules.appointments.reminder_allowed; `reminder_sent`, set by the Notification after
sending, so a second run the same day sends nothing). What the text says is decided here: time, channel,
place, the topic only when it is no special category (Art. 9 GDPR), and the cancellation link. Never a
note, never the person's data beyond what the recipient gave."""

import frappe
from frappe import _
from frappe.utils import format_datetime

from gwk_app.casework.appointments import cancel_url
from gwk_app.rules import appointments as rules


def get_context(context):
	doc = context["doc"]
	special = bool(doc.topic and frappe.db.get_value("Topic", doc.topic, "special_category"))
	when = format_datetime(doc.starts_on, "dd.MM.yyyy HH:mm")
	topic = rules.reminder_topic(doc.topic, special)
	return {
		"when": when,
		"subject": _("Reminder: your appointment on {0}").format(when),
		"channel": _(doc.channel or "In Person"),
		"topic": _(topic) if topic else None,
		"cancel_url": cancel_url(doc.cancel_key),
	}
