"""Consultation appointments: status transitions, overlaps, free slots, reminders and figures.

Plain functions without Frappe: the controllers, the public booking endpoint, the reminder job and the
report call them and raise the translated errors.
"""

import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from gwk_app.rules.common import WEEKDAYS, as_time
from gwk_app.rules.events import clean_text, contains_markup, guest_registration_problem

STATUSES = ("Requested", "Confirmed", "Attended", "No-Show", "Cancelled")
# statuses that hold the staff member's time (a cancelled appointment frees it)
BUSY_STATUSES = frozenset({"Requested", "Confirmed", "Attended", "No-Show"})
# requested → confirmed → attended / no-show / cancelled; a requested one may also be cancelled or
# (someone came without confirmation) attended; a no-show recorded by mistake may be corrected
TRANSITIONS: dict[str, frozenset[str]] = {
	"Requested": frozenset({"Confirmed", "Cancelled", "Attended", "No-Show"}),
	"Confirmed": frozenset({"Attended", "No-Show", "Cancelled"}),
	"No-Show": frozenset({"Attended"}),
	"Attended": frozenset(),
	"Cancelled": frozenset(),
}
CHANNELS = ("In Person", "Phone", "Video")
VISIT_STATUSES = ("Waiting", "Called", "Done", "Left")
VISIT_TRANSITIONS: dict[str, frozenset[str]] = {
	"Waiting": frozenset({"Called", "Left"}),
	"Called": frozenset({"Done", "Left", "Waiting"}),
	"Done": frozenset(),
	"Left": frozenset(),
}

MAX_DURATION_MINUTES = 480
MIN_SLOT_MINUTES = 5
MAX_FIRST_NAME_LENGTH = 60
MAX_VISIT_LABEL_LENGTH = 40
MAX_BOOKING_DAYS = 120
# contact data of guests who booked without being registered is removed this long after the appointment
GUEST_CONTACT_RETENTION_DAYS = 30
# first names on the office-hours waiting list are removed after this many days (the queue number stays)
VISIT_LABEL_RETENTION_DAYS = 1


def can_transition(old: str | None, new: str) -> bool:
	"""Whether an appointment may move from `old` to `new` (a new record starts anywhere but in a
	final status it could not have reached yet: requested or confirmed)."""
	if new not in STATUSES:
		return False
	if old in (None, ""):
		return new in ("Requested", "Confirmed")
	return old == new or new in TRANSITIONS.get(old, frozenset())


def can_visit_transition(old: str | None, new: str) -> bool:
	if new not in VISIT_STATUSES:
		return False
	if old in (None, ""):
		return new == "Waiting"
	return old == new or new in VISIT_TRANSITIONS.get(old, frozenset())


def duration_ok(minutes) -> bool:
	try:
		minutes = int(minutes)
	except (TypeError, ValueError):
		return False
	return 1 <= minutes <= MAX_DURATION_MINUTES


def end_of(start: datetime, minutes: int) -> datetime:
	return start + timedelta(minutes=int(minutes))


def overlapping(start: datetime, end: datetime, others) -> list:
	"""The entries of `others` ((key, start, end) tuples) whose interval overlaps [start, end).
	Touching intervals (one ends when the next begins) do not overlap."""
	return [o[0] for o in others if o[1] < end and start < o[2]]


# ---------------------------------------------------------------- slots


@dataclass(frozen=True)
class Slot:
	rule: str  # the slot rule's row name
	start: datetime
	end: datetime
	staff_member: str
	place: str | None
	channel: str | None

	@property
	def key(self) -> str:
		return slot_key(self.rule, self.start)


def slot_key(rule: str, start: datetime) -> str:
	"""The public id of a slot: the rule row and the start (no staff member, nothing personal)."""
	return "{}@{}".format(rule, start.strftime("%Y-%m-%dT%H:%M"))


def parse_slot_key(value) -> tuple[str, datetime] | None:
	"""(rule, start) from a slot id, or None when it is not one."""
	if not isinstance(value, str) or len(value) > 80 or value.count("@") != 1:
		return None
	rule, _sep, start = value.partition("@")
	if not rule or not rule.isalnum():
		return None
	try:
		moment = datetime.strptime(start, "%Y-%m-%dT%H:%M")
	except ValueError:
		return None
	return rule, moment


def is_closed(day: date, closed_days) -> bool:
	"""`closed_days`: (from, to) date pairs (to may be None for a single day)."""
	for first, last in closed_days:
		if first and (last or first) >= day >= first:
			return True
	return False


def generate_slots(rules, closed_days, first: date, last: date) -> list[Slot]:
	"""Every slot of the weekly rules on the days from `first` to `last` (inclusive), leaving out the
	closed days. A rule's window [from, to) is cut into slots of its length; a rest too short for a
	whole slot is dropped. `rules` are dicts with name, weekday, from_time, to_time, slot_minutes,
	staff_member, place, channel."""
	out = []
	day = first
	while day <= last:
		if not is_closed(day, closed_days):
			for rule in rules:
				out.extend(_day_slots(rule, day))
		day += timedelta(days=1)
	return sorted(out, key=lambda s: (s.start, s.rule))


def _day_slots(rule: dict, day: date) -> list[Slot]:
	if rule.get("weekday") not in WEEKDAYS or WEEKDAYS.index(rule["weekday"]) != day.weekday():
		return []
	begin, finish = as_time(rule.get("from_time")), as_time(rule.get("to_time"))
	try:
		length = int(rule.get("slot_minutes") or 0)
	except (TypeError, ValueError):
		return []
	if (
		not begin
		or not finish
		or finish <= begin
		or length < MIN_SLOT_MINUTES
		or not rule.get("staff_member")
	):
		return []
	start, stop = datetime.combine(day, begin), datetime.combine(day, finish)
	slots = []
	while start + timedelta(minutes=length) <= stop:
		slots.append(
			Slot(
				rule["name"],
				start,
				start + timedelta(minutes=length),
				rule["staff_member"],
				rule.get("place"),
				rule.get("channel"),
			)
		)
		start += timedelta(minutes=length)
	return slots


def free_slots(slots: list[Slot], busy: dict[str, list[tuple]], not_before: datetime) -> list[Slot]:
	"""The slots that start at or after `not_before` and overlap none of their staff member's busy
	intervals (`busy`: staff member -> [(key, start, end)])."""
	return [
		s
		for s in slots
		if s.start >= not_before and not overlapping(s.start, s.end, busy.get(s.staff_member, []))
	]


def rule_problem(rule: dict) -> str | None:
	"""What is wrong with a slot rule (None = fine)."""
	begin, finish = as_time(rule.get("from_time")), as_time(rule.get("to_time"))
	if rule.get("weekday") not in WEEKDAYS:
		return "weekday"
	if not begin or not finish or finish <= begin:
		return "window"
	try:
		length = int(rule.get("slot_minutes") or 0)
	except (TypeError, ValueError):
		return "length"
	if length < MIN_SLOT_MINUTES or length > MAX_DURATION_MINUTES:
		return "length"
	if datetime.combine(date.min, begin) + timedelta(minutes=length) > datetime.combine(date.min, finish):
		return "length"
	return None


def rules_overlap(rules) -> tuple[str, str] | None:
	"""Two rules of the same staff member whose weekly windows overlap (their slots would collide)."""
	windows = []
	for rule in rules:
		begin, finish = as_time(rule.get("from_time")), as_time(rule.get("to_time"))
		if begin and finish:
			windows.append((rule, begin, finish))
	for i, (a, a_begin, a_end) in enumerate(windows):
		for b, b_begin, b_end in windows[i + 1 :]:
			same = a.get("weekday") == b.get("weekday") and a.get("staff_member") == b.get("staff_member")
			if same and a_begin < b_end and b_begin < a_end:
				return a.get("name") or "", b.get("name") or ""
	return None


# ---------------------------------------------------------------- public booking input


def booking_problem(first_name, email, phone, consent) -> str | None:
	"""Which part of a public booking is wrong (None = fine). Keys map to translated messages. The same
	checks as a public event registration, plus the consent and a shorter first name."""
	problem = guest_registration_problem(first_name, email, phone)
	if problem:
		return problem
	if consent not in (1, "1", True, "true", "on", "yes"):
		return "consent_missing"
	if len(clean_text(first_name)) > MAX_FIRST_NAME_LENGTH:
		return "name_too_long"
	return None


def visit_label_problem(label) -> str | None:
	if label is None or label == "":
		return None
	if not isinstance(label, str):
		return "invalid"
	if contains_markup(label):
		return "markup"
	if len(clean_text(label)) > MAX_VISIT_LABEL_LENGTH:
		return "too_long"
	return None


def new_cancel_key() -> str:
	return secrets.token_urlsafe(24)


# ---------------------------------------------------------------- reminders


def reminder_allowed(appointment: dict) -> bool:
	"""May the person be reminded of this appointment: only with a recorded consent to be contacted, a way
	to reach them, and while the appointment is still open. Frappe's Notification "Consultation
	Appointment Reminder" sends it the day before to those the controller marked with this rule
	(`reminder_allowed`), once (`reminder_sent`)."""
	return bool(
		appointment.get("contact_consent")
		and appointment.get("consent_recorded_on")
		and appointment.get("status") in ("Requested", "Confirmed")
		and (appointment.get("email") or appointment.get("phone"))
	)


def reminder_topic(topic: str | None, special_category: bool) -> str | None:
	"""The topic named in a reminder: never a special-category one (Art. 9 GDPR)."""
	if not topic or special_category:
		return None
	return topic


# ---------------------------------------------------------------- figures


def minutes_between(start, end) -> int | None:
	if not isinstance(start, datetime) or not isinstance(end, datetime) or end < start:
		return None
	return int((end - start).total_seconds() // 60)


def lead_days(booked_on, starts_on) -> int | None:
	"""Whole days between booking and appointment (0 = same day)."""
	if not isinstance(booked_on, datetime) or not isinstance(starts_on, datetime):
		return None
	return max((starts_on.date() - booked_on.date()).days, 0)


def no_show_rate(attended: int, no_show: int) -> float | None:
	"""Share of no-shows among the appointments that have taken place (attended or no-show), in %."""
	held = attended + no_show
	if not held:
		return None
	return round(100.0 * no_show / held, 1)


def median(values) -> float | None:
	values = sorted(v for v in values if v is not None)
	if not values:
		return None
	middle = len(values) // 2
	if len(values) % 2:
		return float(values[middle])
	return (values[middle - 1] + values[middle]) / 2


def median_from_counts(counts: dict) -> float | None:
	"""The median of a histogram {value: how often}."""
	total = sum(n for n in counts.values() if n)
	if not total:
		return None
	ordered = sorted((v, n) for v, n in counts.items() if n and v is not None)

	def nth(k):
		seen = 0
		for value, n in ordered:
			seen += n
			if seen > k:
				return value
		return ordered[-1][0]

	if total % 2:
		return float(nth(total // 2))
	return (nth(total // 2 - 1) + nth(total // 2)) / 2
