"""Casework rules: consultations, cases, referrals, duplicates."""

from datetime import date, timedelta

from gwk_app.rules.common import normalise_name

MAX_CONSULTATION_MINUTES = 8 * 60

CASE_STATUSES = ("Open", "In Progress", "Referred", "Closed", "Dormant")
# allowed case status changes: open -> in progress -> referred -> closed; dormant from any open state
CASE_TRANSITIONS: dict[str, frozenset[str]] = {
	"Open": frozenset({"In Progress", "Referred", "Closed", "Dormant"}),
	"In Progress": frozenset({"Referred", "Closed", "Dormant"}),
	"Referred": frozenset({"In Progress", "Closed", "Dormant"}),
	"Dormant": frozenset({"In Progress", "Closed"}),
	"Closed": frozenset({"In Progress"}),
}
# a resident is kept (retention, erasure) while one of their cases is in one of these (hooks.py)
OPEN_CASE_STATUSES = ("Open", "In Progress", "Referred", "Dormant")

REFERRAL_OPEN_STATUSES = frozenset({"Referred", "Appointment"})
REFERRAL_FINAL_STATUSES = frozenset({"Completed", "Not Taken Up", "Declined"})
# accompanying a resident passes nothing on: the person speaks for themselves
REFERRAL_METHODS_PASSING_DATA = frozenset({"Contact Data Passed On", "Appointment Made"})


def duration_ok(minutes) -> bool:
	try:
		minutes = int(minutes)
	except (TypeError, ValueError):
		return False
	return 0 < minutes <= MAX_CONSULTATION_MINUTES


def case_transition_allowed(old: str | None, new: str) -> bool:
	if not old or old == new:
		return True
	return new in CASE_TRANSITIONS.get(old, frozenset())


def waiting_days(referred_on: date | None, appointment_date: date | None) -> int | None:
	if not referred_on or not appointment_date:
		return None
	return (appointment_date - referred_on).days


def follow_up_cutoff(today: date, days: int) -> date:
	"""An open referral (REFERRAL_OPEN_STATUSES) without feedback that was made on or before this date
	comes back as a follow-up: `days` after it was made (the daily ToDos and the workspace card)."""
	return today - timedelta(days=int(days))


def referral_passes_data(method: str | None) -> bool:
	return method in REFERRAL_METHODS_PASSING_DATA


def duplicate_key(first_name, last_name, birth_year, postcode) -> tuple | None:
	"""Residents sharing this key are flagged as possible duplicates; None = not enough data."""
	first, last = normalise_name(first_name), normalise_name(last_name)
	if not (first and last and birth_year):
		return None
	return (first, last, int(birth_year), (postcode or "").replace(" ", ""))


def full_name(first_name: str | None, last_name: str | None, pseudonym: str | None) -> str:
	if pseudonym and not (first_name or last_name):
		return pseudonym.strip()
	return " ".join(p.strip() for p in (first_name, last_name) if p and p.strip())
