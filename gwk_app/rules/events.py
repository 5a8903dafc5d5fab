"""Event rules: headcounts, registrations, recurring series, photo consent and the iCalendar feed.

Plain functions, no Frappe: the controllers and the public endpoint call them and raise the
translated errors.
"""

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from gwk_app.rules import text as text_rules
from gwk_app.rules.common import EMAIL_ADDRESS, PHONE_NUMBER, WEEKDAYS

# participants who hold a place (a waiting list entry or a cancellation holds none)
PLACE_HOLDING_STATUSES = frozenset({"Registered", "Attended", "Absent"})

HEADCOUNT_AGE_FIELDS = (
	"headcount_under_18",
	"headcount_18_29",
	"headcount_30_54",
	"headcount_55_64",
	"headcount_65_plus",
)
HEADCOUNT_GENDER_FIELDS = ("headcount_female", "headcount_male", "headcount_diverse")

MAX_NAME_LENGTH = 140
MAX_EMAIL_LENGTH = 140
MAX_PHONE_LENGTH = 30
MAX_PASTED_NAMES = 300
MAX_SERIES_SESSIONS = 260  # five years of weekly sessions
# e-mail and phone of guests who registered publicly are removed this many days after the event
GUEST_CONTACT_RETENTION_DAYS = 30

PHOTO_CONSENT_PURPOSE = "Photos and Publication"


def _int(value) -> int:
	try:
		return int(value or 0)
	except (TypeError, ValueError):
		return 0


def breakdown_exceeds(total, parts) -> bool:
	"""True when the breakdown adds up to more people than the total headcount."""
	return sum(_int(p) for p in parts) > _int(total)


def has_negative(values) -> bool:
	return any(_int(v) < 0 for v in values)


def count_participants(statuses) -> dict[str, int]:
	statuses = list(statuses)
	return {
		"registered": sum(1 for s in statuses if s in PLACE_HOLDING_STATUSES),
		"waiting": sum(1 for s in statuses if s == "Waiting List"),
		"attended": sum(1 for s in statuses if s == "Attended"),
	}


def registration_status(places_taken: int, capacity: int | None) -> str:
	"""A new registration gets a place while places are left, otherwise the waiting list."""
	if capacity and _int(capacity) > 0 and places_taken >= _int(capacity):
		return "Waiting List"
	return "Registered"


def to_move_up(participants, capacity) -> list:
	"""Which waiting-list entries get a free place: the earliest registered first, while places are
	left. `participants` are (key, status, registered_on) tuples; no capacity = nobody waits."""
	capacity = _int(capacity)
	waiting = sorted(
		(p for p in participants if p[1] == "Waiting List"), key=lambda p: (p[2] is None, str(p[2] or ""))
	)
	if not waiting:
		return []
	if capacity <= 0:
		return [p[0] for p in waiting]
	free = capacity - sum(1 for p in participants if p[1] in PLACE_HOLDING_STATUSES)
	return [p[0] for p in waiting[: max(free, 0)]]


def contains_markup(text: str | None) -> bool:
	return text_rules.contains_markup(text)


def valid_email(text: str | None) -> bool:
	return bool(text) and len(text) <= MAX_EMAIL_LENGTH and bool(EMAIL_ADDRESS.match(text))


def valid_phone(text: str | None) -> bool:
	if not text or len(text) > MAX_PHONE_LENGTH or not PHONE_NUMBER.match(text):
		return False
	return sum(c.isdigit() for c in text) >= 6


def clean_text(value) -> str:
	"""Strip and collapse whitespace; non-strings become ''."""
	if not isinstance(value, str):
		return ""
	return " ".join(value.split())


def guest_registration_problem(name, email, phone) -> str | None:
	"""Which part of a public registration is wrong (None = fine). Keys map to translated messages."""
	for value in (name, email, phone):
		if value is not None and not isinstance(value, str):
			return "invalid"
	name, email, phone = clean_text(name), clean_text(email), clean_text(phone)
	if not name:
		return "name_missing"
	if any(contains_markup(v) for v in (name, email, phone)):
		return "markup"
	if len(name) > MAX_NAME_LENGTH:
		return "name_too_long"
	if len(email) > MAX_EMAIL_LENGTH or len(phone) > MAX_PHONE_LENGTH:
		return "too_long"
	if not email and not phone:
		return "contact_missing"
	if email and not valid_email(email):
		return "email_invalid"
	if phone and not valid_phone(phone):
		return "phone_invalid"
	return None


def parse_name_list(text) -> tuple[list[str], str | None]:
	"""Names pasted from a paper list, one per line: (names, problem). Blank lines are skipped,
	repeated names kept once (case-insensitive)."""
	if not isinstance(text, str):
		return [], "invalid"
	names, seen = [], set()
	for line in text.splitlines():
		name = clean_text(line)
		if not name:
			continue
		if contains_markup(name):
			return [], "markup"
		if len(name) > MAX_NAME_LENGTH:
			return [], "name_too_long"
		if name.casefold() not in seen:
			seen.add(name.casefold())
			names.append(name)
	if len(names) > MAX_PASTED_NAMES:
		return [], "too_many"
	return names, None


def name_key(name: str | None) -> str:
	return clean_text(name).casefold()


def series_dates(from_date: date, to_date: date, weekday: str, interval_weeks: int = 1) -> list[date]:
	"""The session dates of a series: every `interval_weeks` weeks on `weekday` within the period."""
	if not from_date or not to_date or to_date < from_date or weekday not in WEEKDAYS:
		return []
	interval = max(_int(interval_weeks), 1)
	first = from_date + timedelta(days=(WEEKDAYS.index(weekday) - from_date.weekday()) % 7)
	out = []
	current = first
	while current <= to_date:
		out.append(current)
		current += timedelta(weeks=interval)
	return out


def consent_in_force(purpose, given_on: date | None, withdrawn_on: date | None, on_date: date) -> bool:
	"""A consent for photos and publication, given and not withdrawn on `on_date`."""
	if purpose != PHOTO_CONSENT_PURPOSE or not given_on or given_on > on_date:
		return False
	return not withdrawn_on or withdrawn_on > on_date


def photo_may_be_published(shows_people, publish, consent_ok: bool) -> bool:
	"""A photo showing people may be published only with a photo consent in force."""
	return not (_int(shows_people) and _int(publish)) or consent_ok


def photo_must_be_private(shows_people, publish, consent_ok: bool, file_url: str | None) -> bool:
	"""A photo of people that is not cleared for publication must not sit at a public file URL."""
	if not _int(shows_people) or (_int(publish) and consent_ok):
		return False
	return not (file_url or "").startswith("/private/")


# ---------------------------------------------------------------- iCalendar (RFC 5545)


def ical_escape(text: str | None) -> str:
	text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
	return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def ical_fold(line: str) -> str:
	"""Fold a content line at 75 octets (continuation lines start with a space)."""
	raw = line.encode("utf-8")
	if len(raw) <= 75:
		return line
	parts, current, size = [], "", 0
	for char in line:
		width = len(char.encode("utf-8"))
		limit = 75 if not parts else 74
		if size + width > limit:
			parts.append(current)
			current, size = "", 0
		current += char
		size += width
	parts.append(current)
	return "\r\n ".join(parts)


def ical_utc(value: datetime, tz_name: str) -> str:
	"""A naive local datetime (the site's time zone) as an iCalendar UTC time."""
	local = value.replace(tzinfo=ZoneInfo(tz_name)) if value.tzinfo is None else value
	return local.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def build_ical(events, tz_name: str, now: datetime, domain: str, calendar_name: str) -> str:
	"""A VCALENDAR with one VEVENT per event dict (name, title, starts_on, ends_on, place,
	description, url)."""
	lines = [
		"BEGIN:VCALENDAR",
		"VERSION:2.0",
		"PRODID:-//gwk_app//Community Events//DE",
		"CALSCALE:GREGORIAN",
		"METHOD:PUBLISH",
		"X-WR-CALNAME:" + ical_escape(calendar_name),
	]
	stamp = ical_utc(now, tz_name)
	for event in events:
		start = event["starts_on"]
		if isinstance(start, date) and not isinstance(start, datetime):
			start = datetime.combine(start, time())
		lines += [
			"BEGIN:VEVENT",
			"UID:{}@{}".format(event["name"], domain),
			"DTSTAMP:" + stamp,
			"DTSTART:" + ical_utc(start, tz_name),
		]
		if event.get("ends_on"):
			lines.append("DTEND:" + ical_utc(event["ends_on"], tz_name))
		lines.append("SUMMARY:" + ical_escape(event["title"]))
		if event.get("place"):
			lines.append("LOCATION:" + ical_escape(event["place"]))
		if event.get("description"):
			lines.append("DESCRIPTION:" + ical_escape(event["description"]))
		if event.get("url"):
			lines.append("URL:" + event["url"])
		lines += ["STATUS:CONFIRMED", "END:VEVENT"]
	lines.append("END:VCALENDAR")
	return "".join(ical_fold(line) + "\r\n" for line in lines)
