"""Community events: bulk attendance for staff, and the public calendar (guest registration, iCal feed).

The public side shows only published, upcoming, not cancelled events and only their public fields
(title, type, time, place, district, public description, whether places are left). Participants and
anything personal never leave the desk.
"""

import frappe
from frappe import _
from frappe.rate_limiter import rate_limit
from frappe.utils import get_datetime, get_system_timezone, get_url, now_datetime

from gwk_app.community.public_events import EVENT, PARTICIPANT, places_taken, upcoming_public_events
from gwk_app.rules import events as rules

# ---------------------------------------------------------------- staff: attendance from a paper list


@frappe.whitelist(methods=["POST"])
def mark_attendance(event: str, participants: str | list | None = None, names: str | None = None) -> dict:
	"""Mark the chosen participant rows as attended and add the names of a pasted list (one per line):
	a name that matches a participant already on the event marks that one, others are added as guests."""
	if not isinstance(event, str) or not event:
		frappe.throw(_("Choose an event."), title=_("Invalid Input"))
	doc = frappe.get_doc(EVENT, event)
	doc.check_permission("write")
	if doc.status == "Cancelled":
		frappe.throw(_("Attendance cannot be recorded for a cancelled event."), title=_("Event Cancelled"))

	rows = frappe.parse_json(participants) if isinstance(participants, str) else participants
	if rows is None:
		rows = []
	if not isinstance(rows, list) or not all(isinstance(r, str) for r in rows):
		frappe.throw(_("The participant list is invalid."), title=_("Invalid Input"))
	names_list, problem = rules.parse_name_list(names or "")
	if problem:
		frappe.throw(_paste_message(problem), title=_("Invalid Name List"))
	if not rows and not names_list:
		frappe.throw(
			_("Choose participants or paste at least one name (one per line)."), title=_("Invalid Input")
		)

	by_row = {row.name: row for row in doc.participants}
	unknown = [r for r in rows if r not in by_row]
	if unknown:
		frappe.throw(_("The participant list is invalid."), title=_("Invalid Input"))
	marked = set(rows)
	by_name = {}
	for row in doc.participants:
		key = rules.name_key(row.guest_name or row.resident_name)
		if key:
			by_name.setdefault(key, row)
	added = 0
	for name in names_list:
		row = by_name.get(rules.name_key(name))
		if row:
			marked.add(row.name)
			continue
		doc.append("participants", {"guest_name": name, "status": "Attended", "registered_via": "Staff"})
		added += 1
	for name in marked:
		by_row[name].status = "Attended"
	doc.save()
	return {"marked": len(marked), "added": added, "attended": doc.attended_count}


def _paste_message(problem: str) -> str:
	if problem == "markup":
		return _("Names cannot contain HTML or script.")
	if problem == "name_too_long":
		return _("A name in the list is longer than {0} characters.").format(rules.MAX_NAME_LENGTH)
	if problem == "too_many":
		return _("Paste at most {0} names at once.").format(rules.MAX_PASTED_NAMES)
	return _("The name list is invalid.")


# ---------------------------------------------------------------- public calendar


def _registration_limit() -> int:
	return int(frappe.conf.get("gwk_event_registration_limit") or 20)


def _problem_message(problem: str) -> str:
	messages = {
		"name_missing": _("Please enter your name."),
		"markup": _("Please enter plain text only: HTML and script are not allowed."),
		"name_too_long": _("Your name may have at most {0} characters.").format(rules.MAX_NAME_LENGTH),
		"too_long": _("The e-mail address or phone number is too long."),
		"contact_missing": _("Please enter an e-mail address or a phone number so that we can reach you."),
		"email_invalid": _("Please enter a valid e-mail address."),
		"phone_invalid": _("Please enter a valid phone number."),
		"invalid": _("Your registration could not be read. Please fill in the form again."),
	}
	return messages[problem]


@frappe.whitelist(allow_guest=True, methods=["POST"])
@rate_limit(limit=_registration_limit, seconds=60 * 60)
def register(
	event: str | None = None, full_name: str | None = None, email: str | None = None, phone: str | None = None
) -> dict:
	"""Register a guest for a published upcoming event. A full event puts the guest on the waiting
	list. The answer says only which of the two it is."""
	problem = rules.guest_registration_problem(full_name, email, phone)
	if problem:
		frappe.throw(_problem_message(problem), title=_("Registration Not Possible"))
	if not isinstance(event, str) or not event or len(event) > 140:
		_not_open()
	# lock the event row: two guests registering for the last place at once get one place between them
	row = frappe.db.get_value(
		EVENT,
		event,
		["name", "published", "status", "starts_on", "registration_required", "capacity"],
		as_dict=True,
		for_update=True,
	)
	# an unknown, unpublished, cancelled or past event all answer alike, so nothing is revealed
	if (
		not row
		or not row.published
		or row.status == "Cancelled"
		or not row.registration_required
		or get_datetime(row.starts_on) <= now_datetime()
	):
		_not_open()

	full_name, email, phone = (rules.clean_text(v) or None for v in (full_name, email, phone))
	status = rules.registration_status(places_taken([row.name]).get(row.name, 0), row.capacity)
	participant = frappe.qb.DocType(PARTICIPANT)
	duplicate = (
		email
		and frappe.qb.from_(participant)
		.select(participant.name)
		.where(
			(participant.parenttype == EVENT)
			& (participant.parent == row.name)
			& (participant.email == email)
			& (participant.status != "Cancelled")
		)
		.limit(1)
		.run()
	)
	# A second registration with the same address stores nothing and gets the same answer as a new
	# one would: saying "already registered" would tell anyone whether that address signed up.
	if not duplicate:
		doc = frappe.get_doc(EVENT, row.name)
		doc.append(
			"participants",
			{
				"guest_name": full_name,
				"email": email,
				"phone": phone,
				"status": status,
				"registered_on": now_datetime(),
				"registered_via": "Public Registration",
			},
		)
		# Guests have no write permission on events (and must not get any). This endpoint is the one
		# guest write path: it validated the input above, checked that the event is public and open,
		# and adds exactly one participant row; the controller validates the row again on save.
		doc.flags.ignore_permissions = True
		doc.save()
	if status == "Waiting List":
		message = _(
			"The event is fully booked. You are on the waiting list; we will contact you if a place"
			" becomes free."
		)
	else:
		message = _("Thank you, you are registered.")
	return {"status": status, "message": message}


def _not_open():
	frappe.throw(
		_(
			"This event is not open for registration. It may have taken place already or been cancelled."
			" Please choose an event from the calendar."
		),
		title=_("Registration Not Possible"),
	)


@frappe.whitelist(allow_guest=True, methods=["GET"])
def ical(district: str | None = None) -> None:
	"""The iCalendar feed of the published upcoming events (text/calendar)."""
	if district is not None and (not isinstance(district, str) or len(district) > 140):
		district = None
	events = [
		{
			"name": r.name,
			"title": r.title,
			"starts_on": get_datetime(r.starts_on),
			"ends_on": get_datetime(r.ends_on) if r.ends_on else None,
			"place": r.place,
			"description": r.public_description,
			"url": get_url("/veranstaltungen") + "#" + r.name,
		}
		for r in upcoming_public_events(district or None)
	]
	host = frappe.local.site or "gwk_app"
	frappe.response["type"] = "download"
	frappe.response["filename"] = "veranstaltungen.ics"
	frappe.response["content_type"] = "text/calendar"
	frappe.response["display_content_as"] = "inline"
	frappe.response["filecontent"] = rules.build_ical(
		events, get_system_timezone(), now_datetime(), host, _("Events")
	).encode("utf-8")
