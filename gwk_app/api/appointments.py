"""Consultation appointments: the attended appointment's consultation, the office-hours waiting list,
and the public booking page (free slots, booking, cancellation by link).

The public side shows only a project's free slots (day, time, channel, place) and never who booked,
who counsels or why. Guests write through `book` and `cancel_booking` only, both rate-limited.
"""

import frappe
from frappe import _
from frappe.rate_limiter import rate_limit
from frappe.utils import get_datetime, getdate, now_datetime, today

from gwk_app.casework.appointments import (
	appointment_by_key,
	cancel_url,
	consent_text,
	free_public_slots,
	free_slots,
	public_slot,
	published_schedule,
	slot_rules,
)
from gwk_app.permissions import check_project_access
from gwk_app.rules import appointments as rules
from gwk_app.rules.events import clean_text
from gwk_app.rules.office_hours import within_office_hours

APPOINTMENT = "Consultation Appointment"
VISIT = "Office Hours Visit"
NEXT_SLOTS = 5


def _name(value, label: str) -> str:
	if not isinstance(value, str) or not value or len(value) > 140:
		frappe.throw(_("Could not find {0}").format(_(label)), frappe.DoesNotExistError)
	return value


# ---------------------------------------------------------------- staff: attended → consultation


@frappe.whitelist(methods=["POST"])
def make_consultation(appointment: str) -> str:
	"""The consultation of an attended appointment (created once; channel Appointment, with the
	appointment's resident, topic, duration, date and staff member). Returns its name."""
	doc = frappe.get_doc(APPOINTMENT, _name(appointment, "Consultation Appointment"))
	doc.check_permission("write")
	if doc.consultation and frappe.db.exists("Consultation", doc.consultation):
		return doc.consultation
	if doc.status != "Attended":
		frappe.throw(
			_("Only an attended appointment becomes a consultation. Mark it as attended first."),
			title=_("Not Attended"),
		)
	consultation = frappe.get_doc(
		{
			"doctype": "Consultation",
			"project": doc.project,
			"consultation_date": getdate(doc.starts_on),
			"duration_minutes": doc.duration_minutes,
			"channel": "Appointment",
			"staff_member": doc.staff_member,
			"anonymous": 0 if doc.resident else 1,
			"resident": doc.resident,
			"topics": [{"topic": doc.topic}] if doc.topic else [],
		}
	)
	consultation.insert()
	doc.db_set("consultation", consultation.name)
	return consultation.name


# ---------------------------------------------------------------- staff: office-hours waiting list


def _visit_row(row) -> dict:
	now = now_datetime()
	waited = rules.minutes_between(get_datetime(row.arrived_at), get_datetime(row.called_at or now))
	return {
		"name": row.name,
		"queue_number": row.queue_number,
		"label": row.label,
		"status": row.status,
		"arrived_at": str(row.arrived_at),
		"waiting_minutes": waited,
		"consultation": row.consultation,
	}


@frappe.whitelist()
def waiting_list(project: str) -> dict:
	"""Today's queue of a project: waiting and called visitors first come first, with their waiting
	time, and whether the project's office hours are on now."""
	project = _name(project, "Community Project")
	check_project_access(project)
	frappe.has_permission(VISIT, "read", throw=True)
	rows = frappe.get_all(
		VISIT,
		filters={"project": project, "visit_date": today()},
		fields=["name", "queue_number", "label", "status", "arrived_at", "called_at", "consultation"],
		order_by="queue_number asc",
	)
	hours = frappe.get_all(
		"Community Project Office Hour",
		filters={"parenttype": "Community Project", "parent": project},
		fields=["weekday", "from_time", "to_time"],
	)
	visits = [_visit_row(r) for r in rows]
	waiting = [v["waiting_minutes"] for v in visits if v["status"] == "Waiting"]
	return {
		"project": project,
		"today": today(),
		"in_office_hours": within_office_hours(hours, now_datetime()),
		"visits": visits,
		"waiting": len(waiting),
		"longest_wait": max(waiting) if waiting else None,
	}


@frappe.whitelist(methods=["POST"])
def add_walk_in(project: str, label: str | None = None) -> dict:
	"""Queue a walk-in for today (a first name or nothing: then the queue number stands for them)."""
	project = _name(project, "Community Project")
	check_project_access(project)
	if rules.visit_label_problem(label):
		frappe.throw(
			_("Enter only a first name or a number (plain text, at most {0} characters).").format(
				rules.MAX_VISIT_LABEL_LENGTH
			),
			title=_("Invalid Value"),
		)
	doc = frappe.get_doc(
		{"doctype": VISIT, "project": project, "visit_date": today(), "label": clean_text(label) or None}
	)
	doc.insert()
	return _visit_row(doc)


@frappe.whitelist(methods=["POST"])
def call_next(project: str) -> dict | None:
	"""Call the visitor who has waited longest (None when nobody waits)."""
	project = _name(project, "Community Project")
	check_project_access(project)
	t = frappe.qb.DocType(VISIT)
	first = (
		frappe.qb.from_(t)
		.select(t.name)
		.where((t.project == project) & (t.visit_date == today()) & (t.status == "Waiting"))
		.orderby(t.queue_number)
		.limit(1)
		.for_update()
		.run(pluck=True)
	)
	if not first:
		return None
	return set_visit_status(first[0], "Called")


@frappe.whitelist(methods=["POST"])
def set_visit_status(visit: str, status: str) -> dict:
	doc = frappe.get_doc(VISIT, _name(visit, "Office Hours Visit"))
	doc.check_permission("write")
	if not isinstance(status, str) or status not in rules.VISIT_STATUSES:
		frappe.throw(
			_("{0} is not a valid choice for {1}.").format(status, _("Status")), title=_("Invalid Value")
		)
	doc.status = status
	doc.save()
	return _visit_row(doc)


@frappe.whitelist(methods=["POST"])
def close_visit(visit: str) -> dict:
	"""Close a visit and return what the consultation quick entry starts with."""
	row = set_visit_status(visit, "Done")
	doc = frappe.get_doc(VISIT, row["name"])
	minutes = rules.minutes_between(
		get_datetime(doc.called_at or doc.arrived_at), get_datetime(doc.closed_at)
	)
	return {
		"visit": doc.name,
		"project": doc.project,
		"channel": "Office Hours",
		"consultation_date": str(doc.visit_date),
		"duration_minutes": min(max(minutes or 0, 5), rules.MAX_DURATION_MINUTES),
	}


@frappe.whitelist(methods=["POST"])
def link_visit_consultation(visit: str, consultation: str) -> dict:
	doc = frappe.get_doc(VISIT, _name(visit, "Office Hours Visit"))
	doc.check_permission("write")
	doc.consultation = _name(consultation, "Consultation")
	doc.save()
	return _visit_row(doc)


# ---------------------------------------------------------------- public booking


@frappe.whitelist(allow_guest=True, methods=["GET"])
def slots(project: str | None = None) -> list[dict]:
	result = free_public_slots(project)
	if result is None:
		_not_bookable()
	return result


def _booking_limit() -> int:
	return int(frappe.conf.get("gwk_appointment_booking_limit") or 30)


def _problem_message(problem: str) -> str:
	messages = {
		"invalid": _("Your booking could not be read. Please fill in the form again."),
		"consent_missing": _("Please agree to be contacted about your appointment."),
		"markup": _("Please enter plain text only: HTML and script are not allowed."),
		"name_missing": _("Please enter your first name."),
		"name_too_long": _("Your first name may have at most {0} characters.").format(
			rules.MAX_FIRST_NAME_LENGTH
		),
		"too_long": _("The e-mail address or phone number is too long."),
		"contact_missing": _("Please enter an e-mail address or a phone number so that we can reach you."),
		"email_invalid": _("Please enter a valid e-mail address."),
		"phone_invalid": _("Please enter a valid phone number."),
	}
	return messages[problem]


def _not_bookable():
	frappe.throw(
		_("This project offers no online booking. Please contact the project office."),
		title=_("Booking Not Possible"),
	)


@frappe.whitelist(allow_guest=True, methods=["POST"])
@rate_limit(limit=_booking_limit, seconds=60 * 60)
def book(
	project: str | None = None,
	slot: str | None = None,
	first_name: str | None = None,
	email: str | None = None,
	phone: str | None = None,
	consent: str | None = None,
) -> dict:
	"""Book a free slot of a project's public schedule. Exactly one of two guests racing for a slot gets
	it: the project's schedule row is locked for the check and the insert. The other is told the slot
	is taken and offered the next free ones (HTTP 409)."""
	problem = rules.booking_problem(first_name, email, phone, consent)
	if problem:
		frappe.throw(_problem_message(problem), title=_("Booking Not Possible"))
	parsed = rules.parse_slot_key(slot)
	schedule = published_schedule(project, lock=True)
	if not schedule:
		_not_bookable()
	if not parsed:
		frappe.throw(_("Please choose one of the free times."), title=_("Booking Not Possible"))
	rule_name, start = parsed
	rule_rows = [r for r in slot_rules(schedule.name) if r.name == rule_name]
	free = free_slots(schedule, rule_rows, first=start.date(), lock=True) if rule_rows else []
	chosen = next((s for s in free if s.start == start), None)
	if not chosen:
		frappe.local.response["http_status_code"] = 409
		return {
			"status": "Taken",
			"message": _("Sorry, this time has just been booked by someone else. Please choose another one."),
			"next_slots": [public_slot(s) for s in free_slots(schedule, lock=True)[:NEXT_SLOTS]],
		}
	doc = frappe.get_doc(
		{
			"doctype": APPOINTMENT,
			"project": schedule.project,
			"starts_on": chosen.start,
			"duration_minutes": int((chosen.end - chosen.start).total_seconds() // 60),
			"staff_member": chosen.staff_member,
			"status": "Requested",
			"channel": chosen.channel or "In Person",
			"place": chosen.place,
			"first_name": clean_text(first_name),
			"email": clean_text(email) or None,
			"phone": clean_text(phone) or None,
			"contact_consent": 1,
			"consent_text": consent_text(),
			"booked_via": "Public Booking",
		}
	)
	# Guests have no permission on appointments (and must not get any). This endpoint is the one guest
	# write path: it validated the input, checked the schedule is public and the slot free, and inserts
	# exactly one appointment; the controller validates it again.
	doc.flags.ignore_permissions = True
	doc.insert()
	_notify_staff(doc)
	return {
		"status": "Booked",
		"message": _(
			"Thank you, your appointment on {0} is booked. We will contact you if anything changes."
		).format(frappe.utils.format_datetime(chosen.start, "dd.MM.yyyy HH:mm")),
		"slot": public_slot(chosen),
		"cancel_url": cancel_url(doc.cancel_key),
	}


def _notify_staff(doc) -> None:
	"""A Notification Log for the staff member: names the appointment and time, never the person or topic."""
	from frappe.desk.doctype.notification_log.notification_log import enqueue_create_notification

	enqueue_create_notification(
		doc.staff_member,
		{
			"type": "Alert",
			"document_type": APPOINTMENT,
			"document_name": doc.name,
			"subject": _("New online booking {0} on {1}").format(
				doc.name, frappe.utils.format_datetime(doc.starts_on, "dd.MM.yyyy HH:mm")
			),
			"from_user": "Administrator",
		},
	)


@frappe.whitelist(allow_guest=True, methods=["POST"])
@rate_limit(limit=_booking_limit, seconds=60 * 60)
def cancel_booking(key: str | None = None) -> dict:
	"""Cancel an appointment through the link of its confirmation or reminder; frees the slot."""
	row = appointment_by_key(key)
	if not row:
		frappe.throw(_("This cancellation link is not valid."), title=_("Cancellation Not Possible"))
	if row.status == "Cancelled":
		return {"status": "Cancelled", "message": _("Your appointment is cancelled.")}
	if row.status not in ("Requested", "Confirmed") or get_datetime(row.starts_on) <= now_datetime():
		frappe.throw(
			_("This appointment can no longer be cancelled online. Please contact the project office."),
			title=_("Cancellation Not Possible"),
		)
	doc = frappe.get_doc(APPOINTMENT, row.name)
	doc.status = "Cancelled"
	doc.add_comment("Info", _("Cancelled by the person through the cancellation link."))
	# the guest holds the secret link of this one appointment: the one change it allows is cancelling
	doc.flags.ignore_permissions = True
	doc.save()
	return {"status": "Cancelled", "message": _("Your appointment is cancelled.")}
