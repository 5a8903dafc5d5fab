# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.utils import format_datetime, get_datetime, now_datetime

from gwk_app.controllers import ProjectBoundDocument
from gwk_app.rules import appointments as rules
from gwk_app.rules.events import clean_text, contains_markup, valid_phone

DOCTYPE = "Consultation Appointment"


def on_team(project: str | None, user: str | None) -> bool:
	return bool(
		project
		and user
		and frappe.db.exists(
			"Community Project Member", {"parenttype": "Community Project", "parent": project, "user": user}
		)
	)


def busy_intervals(staff_member: str, start, end, exclude: str | None = None, lock: bool = False) -> list:
	"""The staff member's appointments that hold time within [start, end), across all projects. With
	`lock` the rows are read with a locking read (the newest committed state, held until commit)."""
	t = frappe.qb.DocType(DOCTYPE)
	query = (
		frappe.qb.from_(t)
		.select(t.name, t.starts_on, t.ends_on)
		.where(
			(t.staff_member == staff_member)
			& t.status.isin(list(rules.BUSY_STATUSES))
			& (t.starts_on < end)
			& (t.ends_on > start)
			& (t.name != (exclude or ""))
		)
	)
	if lock:
		query = query.for_update()
	return [(r[0], get_datetime(r[1]), get_datetime(r[2])) for r in query.run()]


class ConsultationAppointment(ProjectBoundDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		booked_on: DF.Datetime | None
		booked_via: DF.Literal["Staff", "Public Booking"]
		cancel_key: DF.Data | None
		cancelled_on: DF.Datetime | None
		channel: DF.Literal["In Person", "Phone", "Video"]
		consent_recorded_on: DF.Datetime | None
		consent_text: DF.SmallText | None
		consultation: DF.Link | None
		contact_consent: DF.Check
		duration_minutes: DF.Int
		email: DF.Data | None
		ends_on: DF.Datetime | None
		first_name: DF.Data | None
		notes: DF.SmallText | None
		phone: DF.Data | None
		place: DF.Data | None
		project: DF.Link
		reminder_allowed: DF.Check
		reminder_sent: DF.Check
		reminder_sent_on: DF.Datetime | None
		resident: DF.Link | None
		resident_name: DF.Data | None
		sms_reminder_sent: DF.Check
		staff_member: DF.Link
		starts_on: DF.Datetime
		status: DF.Literal["Requested", "Confirmed", "Attended", "No-Show", "Cancelled"]
		subject: DF.Data | None
		topic: DF.Link | None

	# end: auto-generated types
	def validate(self):
		if not rules.duration_ok(self.duration_minutes):
			frappe.throw(
				_("The duration must be between 1 and {0} minutes.").format(rules.MAX_DURATION_MINUTES),
				title=_("Invalid Duration"),
			)
		self.starts_on = get_datetime(self.starts_on).replace(second=0, microsecond=0)
		self.ends_on = rules.end_of(self.starts_on, self.duration_minutes)
		self.validate_status()
		self.validate_person()
		self.validate_same_project("resident", "consultation")
		if not on_team(self.project, self.staff_member):
			frappe.throw(
				_("The staff member must be on the team of project {0}.").format(self.project),
				title=_("Not on the Team"),
			)
		if self.status in rules.BUSY_STATUSES:
			self.validate_no_overlap()
		self.booked_on = self.booked_on or now_datetime()
		self.cancel_key = self.cancel_key or rules.new_cancel_key()
		self.reminder_allowed = int(rules.reminder_allowed(self.as_dict()))
		if (self.reminder_sent or self.sms_reminder_sent) and not self.reminder_sent_on:
			self.reminder_sent_on = now_datetime()

	def validate_status(self):
		before = self.get_doc_before_save()
		old = before.status if before else None
		if not rules.can_transition(old, self.status):
			frappe.throw(
				_("An appointment cannot go from {0} to {1}.").format(_(old or "New"), _(self.status)),
				title=_("Invalid Status"),
			)
		if self.status == "Cancelled" and not self.cancelled_on:
			self.cancelled_on = now_datetime()

	def validate_person(self):
		for fieldname in ("first_name", "phone", "email", "place"):
			value = self.get(fieldname)
			if value and contains_markup(value):
				frappe.throw(
					_("{0}: please enter plain text only, without HTML or script.").format(
						_(self.meta.get_label(fieldname))
					),
					title=_("Invalid Value"),
				)
		self.first_name = clean_text(self.first_name) or None
		self.phone = clean_text(self.phone) or None
		self.email = clean_text(self.email) or None
		if self.phone and not valid_phone(self.phone):
			frappe.throw(_("Please enter a valid phone number."), title=_("Invalid Value"))
		if self.resident:
			self.first_name = None
		elif not self.first_name or not (self.phone or self.email):
			frappe.throw(
				_(
					"Choose the resident, or enter the first name and a phone number or e-mail address of a"
					" person who is not yet registered."
				),
				title=_("Missing Person"),
			)
		if self.resident and self.contact_consent and not (self.phone or self.email):
			# reminders and changes reach a registered resident through their own contact data
			person = frappe.db.get_value("Resident", self.resident, ["email", "phone"], as_dict=True) or {}
			self.email, self.phone = person.get("email") or None, person.get("phone") or None
		self.subject = self.resident_name if self.resident else self.first_name
		if self.contact_consent:
			self.consent_recorded_on = self.consent_recorded_on or now_datetime()
		else:
			self.consent_recorded_on = None

	def validate_no_overlap(self):
		clash = busy_intervals(self.staff_member, self.starts_on, self.ends_on, self.name, lock=True)
		if clash:
			_name, start, end = clash[0]
			frappe.throw(
				_("{0} already has an appointment from {1} to {2}. Choose another time.").format(
					frappe.utils.get_fullname(self.staff_member), format_datetime(start), format_datetime(end)
				),
				title=_("Appointment Overlaps"),
			)


def on_doctype_update():
	frappe.db.add_index(DOCTYPE, ["staff_member", "starts_on", "ends_on"], "appointment_staff_time_index")
	frappe.db.add_index(DOCTYPE, ["project", "starts_on", "status"], "appointment_project_time_index")
