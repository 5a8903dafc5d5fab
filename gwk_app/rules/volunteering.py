"""Volunteering rules: police clearance validity, logged hours and matching volunteers to opportunities.

Plain functions, no Frappe: the controllers, the scheduled job and the matching endpoint call them,
and the unit tests reach them without a database.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from gwk_app.rules.common import as_time

MAX_HOURS_PER_ENTRY = 24

# matching weights: what an opportunity asks for and a volunteer brings
SKILL_POINTS = 3  # per wanted skill the volunteer has
LANGUAGE_POINTS = 2  # per wanted language the volunteer speaks
DISTRICT_POINTS = 2  # the volunteer works in the opportunity's district
ANY_DISTRICT_POINTS = 1  # the volunteer named no district: works anywhere
AVAILABILITY_POINTS = 3  # an availability slot covers the opportunity's weekday and time
PARTIAL_AVAILABILITY_POINTS = 1  # available that weekday, but not for the whole time


# ---------------------------------------------------------------- police clearance


def add_years(value: date, years: int) -> date:
	"""`value` plus whole years; 29 February becomes 28 February in a common year."""
	try:
		return value.replace(year=value.year + years)
	except ValueError:
		return value.replace(year=value.year + years, day=28)


def clearance_valid_until(issued_on: date | None, valid_years: int) -> date | None:
	"""Last day a certificate issued on `issued_on` counts as valid (None = no certificate)."""
	if not issued_on:
		return None
	return add_years(issued_on, int(valid_years)) - timedelta(days=1)


def clearance_covers(issued_on: date | None, valid_years: int, start: date, end: date | None) -> bool:
	"""True when the certificate exists on `start` and stays valid through `end` (or `start`)."""
	valid_until = clearance_valid_until(issued_on, valid_years)
	if valid_until is None or issued_on > start:
		return False
	return valid_until >= (end or start)


def clearance_reminder_due(issued_on: date | None, valid_years: int, reminder_days: int, today: date) -> bool:
	"""From `reminder_days` before the certificate expires (and after it expired) a reminder is due."""
	valid_until = clearance_valid_until(issued_on, valid_years)
	if valid_until is None:
		return False
	return today >= valid_until - timedelta(days=int(reminder_days))


# ---------------------------------------------------------------- hours


def hours_ok(hours) -> bool:
	"""Logged hours of one entry: more than 0, at most 24."""
	if isinstance(hours, bool):
		return False
	try:
		value = float(hours)
	except (TypeError, ValueError):
		return False
	if value != value:  # NaN
		return False
	return 0 < value <= MAX_HOURS_PER_ENTRY


# ---------------------------------------------------------------- matching


def split_list(value: str | None) -> set[str]:
	"""'Deutsch, Arabisch; Englisch' -> {'deutsch', 'arabisch', 'englisch'} (for comparing)."""
	if not value:
		return set()
	parts = value.replace(";", ",").replace("\n", ",").split(",")
	return {p.strip().casefold() for p in parts if p.strip()}


def to_minutes(value) -> int | None:
	"""Minutes after midnight for a time, a timedelta (as MariaDB returns TIME) or 'HH:MM[:SS]'."""
	parsed = as_time(value)
	return None if parsed is None else parsed.hour * 60 + parsed.minute


def time_range_ok(start, end, allow_equal: bool = False) -> bool:
	"""A time range whose end lies after its start (an open end is fine); '9:00' and '09:00' compare alike."""
	a, b = to_minutes(start), to_minutes(end)
	if a is None or b is None:
		return True
	return b >= a if allow_equal else b > a


@dataclass
class Slot:
	weekday: str
	from_time: object = None
	to_time: object = None


@dataclass
class VolunteerProfile:
	name: str
	status: str = "Active"
	skills: set[str] = field(default_factory=set)
	languages: str | None = None
	districts: set[str] = field(default_factory=set)
	availability: list[Slot] = field(default_factory=list)
	clearance_date: date | None = None


@dataclass
class OpportunityProfile:
	skills: set[str] = field(default_factory=set)
	languages: str | None = None
	district: str | None = None
	weekday: str | None = None
	from_time: object = None
	to_time: object = None
	needs_clearance: bool = False
	start_date: date | None = None


@dataclass
class Match:
	volunteer: str
	score: int
	skills: list[str]
	languages: list[str]
	district: bool
	availability: str  # "full", "partial" or "" (none or nothing asked)
	clearance_ok: bool


def slots_overlap(slot: Slot, weekday: str, start, end) -> str:
	"""'full' when the slot covers the wanted time, 'partial' when it only overlaps, '' otherwise."""
	if slot.weekday != weekday:
		return ""
	s_from, s_to = to_minutes(slot.from_time), to_minutes(slot.to_time)
	w_from, w_to = to_minutes(start), to_minutes(end)
	if w_from is None:  # the whole day is wanted: any slot that weekday is a full match
		return "full"
	w_to = w_to if w_to is not None else w_from
	s_from = 0 if s_from is None else s_from
	s_to = 24 * 60 if s_to is None else s_to
	if s_from <= w_from and s_to >= w_to:
		return "full"
	if s_from < w_to and s_to > w_from:
		return "partial"
	return ""


def score_volunteer(
	volunteer: VolunteerProfile, opportunity: OpportunityProfile, valid_years: int, today: date
) -> Match:
	skills = sorted(volunteer.skills & opportunity.skills)
	wanted_languages = split_list(opportunity.languages)
	languages = sorted(split_list(volunteer.languages) & wanted_languages)
	score = SKILL_POINTS * len(skills) + LANGUAGE_POINTS * len(languages)

	in_district = bool(opportunity.district) and opportunity.district in volunteer.districts
	if in_district:
		score += DISTRICT_POINTS
	elif opportunity.district and not volunteer.districts:
		score += ANY_DISTRICT_POINTS

	availability = ""
	if opportunity.weekday:
		fits = {slots_overlap(s, opportunity.weekday, opportunity.from_time, opportunity.to_time)
			for s in volunteer.availability}  # fmt: skip
		availability = "full" if "full" in fits else "partial" if "partial" in fits else ""
		score += {"full": AVAILABILITY_POINTS, "partial": PARTIAL_AVAILABILITY_POINTS}.get(availability, 0)

	start = opportunity.start_date if opportunity.start_date and opportunity.start_date > today else today
	clearance_ok = not opportunity.needs_clearance or clearance_covers(
		volunteer.clearance_date, valid_years, start, None
	)
	return Match(
		volunteer=volunteer.name,
		score=score,
		skills=skills,
		languages=languages,
		district=in_district,
		availability=availability,
		clearance_ok=clearance_ok,
	)


def rank_volunteers(
	volunteers: list[VolunteerProfile], opportunity: OpportunityProfile, valid_years: int, today: date
) -> list[Match]:
	"""Active volunteers, best first: a missing clearance (where needed) ranks after every volunteer
	who has one, then the higher score, then the name (stable, for a predictable list)."""
	matches = [
		score_volunteer(v, opportunity, valid_years, today) for v in volunteers if v.status == "Active"
	]
	return sorted(matches, key=lambda m: (not m.clearance_ok, -m.score, m.volunteer))
