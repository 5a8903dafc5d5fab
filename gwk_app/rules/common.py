"""Dates, periods and text checks shared by every module."""

import re
from datetime import date, datetime, time, timedelta

AGE_GROUPS = ("Under 18", "18-29", "30-54", "55-64", "65 and over")
UNKNOWN_AGE_GROUP = "Unknown"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# a phone number: 6 or more digits, optionally grouped by spaces, slashes, dots or dashes
_PHONE = re.compile(r"(?:\+|\b0)\d(?:[\s/.-]?\d){5,}")


def age_group_for_age(age: int | None) -> str:
	if age is None or age < 0:
		return UNKNOWN_AGE_GROUP
	if age < 18:
		return "Under 18"
	if age <= 29:
		return "18-29"
	if age <= 54:
		return "30-54"
	if age <= 64:
		return "55-64"
	return "65 and over"


def age_from_birth_year(birth_year: int | None, on: date) -> int | None:
	"""Age reached in the year of `on` (a birth year carries no day, so this is the year's age)."""
	if not birth_year:
		return None
	return on.year - int(birth_year)


def age_group(birth_year: int | None, on: date) -> str:
	return age_group_for_age(age_from_birth_year(birth_year, on))


def valid_birth_year(birth_year: int | None, on: date) -> bool:
	if not birth_year:
		return True
	return 1900 <= int(birth_year) <= on.year


def is_period_valid(start, end) -> bool:
	"""An open end is fine; otherwise the end must not lie before the start."""
	if start in (None, "") or end in (None, ""):
		return True
	return _comparable(end) >= _comparable(start)


def _comparable(value):
	if isinstance(value, str):
		value = _parse(value)
	if isinstance(value, timedelta):
		return value.total_seconds()
	if isinstance(value, time):
		return value.hour * 3600 + value.minute * 60 + value.second
	if isinstance(value, datetime):
		return value
	if isinstance(value, date):
		return datetime(value.year, value.month, value.day)
	return value


def _parse(text: str):
	"""ISO date, datetime or time strings as Frappe stores them."""
	text = text.strip()
	for parse in (date.fromisoformat, datetime.fromisoformat, time.fromisoformat):
		try:
			return parse(text)
		except ValueError:
			continue
	return text


def contains_contact_data(text: str | None) -> bool:
	"""True when the text holds an e-mail address or a phone number."""
	if not text:
		return False
	return bool(_EMAIL.search(text) or _PHONE.search(text))


def normalise_name(value: str | None) -> str:
	"""Lower case, umlauts folded, whitespace collapsed: for duplicate detection."""
	if not value:
		return ""
	value = value.strip().lower()
	for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
		value = value.replace(a, b)
	return " ".join(value.split())
