"""Public booking of consultation appointments, read side: which projects offer it, their free slots
(slot rules minus closed days minus the staff members' other appointments), the consent text, and the
cancellation link. The endpoints are in gwk_app/api/appointments.py, the rules in
gwk_app/rules/appointments.py."""

import frappe
from frappe import _
from frappe.utils import add_to_date, getdate, now_datetime

from gwk_app.casework.doctype.consultation_appointment.consultation_appointment import busy_intervals
from gwk_app.rules import appointments as rules

APPOINTMENT = "Consultation Appointment"
SCHEDULE = "Consultation Schedule"
SLOT_RULE = "Consultation Schedule Slot"
CLOSED_DAY = "Consultation Schedule Closed Day"
PUBLIC_SLOTS = 200


def public_projects() -> list[str]:
	"""Projects that offer public booking."""
	return frappe.get_all(SCHEDULE, filters={"published": 1}, pluck="project", order_by="project asc")


def published_schedule(project, lock: bool = False):
	if not isinstance(project, str) or not project or len(project) > 140:
		return None
	return frappe.db.get_value(
		SCHEDULE,
		{"project": project, "published": 1},
		["name", "project", "booking_days", "min_lead_hours", "public_intro"],
		as_dict=True,
		for_update=lock,
	)


def slot_rules(schedule: str) -> list[dict]:
	return frappe.get_all(
		SLOT_RULE,
		filters={"parenttype": SCHEDULE, "parent": schedule},
		fields=[
			"name",
			"weekday",
			"from_time",
			"to_time",
			"slot_minutes",
			"staff_member",
			"place",
			"channel",
		],
		order_by="idx asc",
	)


def closed_days(schedule: str) -> list[tuple]:
	return [
		(getdate(r.closed_from), getdate(r.closed_to) if r.closed_to else None)
		for r in frappe.get_all(
			CLOSED_DAY,
			filters={"parenttype": SCHEDULE, "parent": schedule},
			fields=["closed_from", "closed_to"],
		)
	]


def free_slots(schedule, rule_rows=None, first=None, lock: bool = False) -> list[rules.Slot]:
	now = now_datetime()
	not_before = add_to_date(now, hours=int(schedule.min_lead_hours or 0))
	first = first or getdate(not_before)
	last = getdate(add_to_date(now, days=int(schedule.booking_days or 0)))
	slots = rules.generate_slots(
		rule_rows or slot_rules(schedule.name), closed_days(schedule.name), first, last
	)
	if not slots:
		return []
	busy: dict[str, list] = {}
	start, end = slots[0].start, max(s.end for s in slots)
	for staff in {s.staff_member for s in slots}:
		busy[staff] = busy_intervals(staff, start, end, lock=lock)
	return rules.free_slots(slots, busy, not_before)


def public_slot(slot: rules.Slot) -> dict:
	"""What the public page shows of a slot: when, how and where. Never the staff member."""
	return {
		"slot": slot.key,
		"start": slot.start.strftime("%Y-%m-%d %H:%M:%S"),
		"end": slot.end.strftime("%Y-%m-%d %H:%M:%S"),
		"channel": _(slot.channel or "In Person"),
		"place": slot.place or "",
	}


def free_public_slots(project: str, limit: int = PUBLIC_SLOTS) -> list[dict] | None:
	"""The free slots of a project with public booking (None when it offers none)."""
	schedule = published_schedule(project)
	if not schedule:
		return None
	return [public_slot(s) for s in free_slots(schedule)[:limit]]


def consent_text() -> str:
	return _(
		"I agree that the project may contact me by phone or e-mail about this appointment (confirmation,"
		" reminder the day before, changes). My first name and contact data are used only for this"
		" appointment and deleted {0} days after it."
	).format(rules.GUEST_CONTACT_RETENTION_DAYS)


def cancel_url(key: str) -> str:
	return frappe.utils.get_url("/termine?absagen=" + key)


def appointment_by_key(key) -> dict | None:
	if (
		not isinstance(key, str)
		or not 20 <= len(key) <= 64
		or not key.replace("-", "").replace("_", "").isalnum()
	):
		return None
	return frappe.db.get_value(
		APPOINTMENT, {"cancel_key": key}, ["name", "starts_on", "status", "project"], as_dict=True
	)
