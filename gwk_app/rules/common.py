"""Dates, periods and text checks shared by every module."""

import math
import re
from datetime import date, datetime, time, timedelta

from gwk_app.rules import text as text_rules

AGE_GROUPS = ("Under 18", "18-29", "30-54", "55-64", "65 and over")
UNKNOWN_AGE_GROUP = "Unknown"

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Two meanings, one home each. Contact data inside free text (a note must not carry any) is found by the
# linear scan of rules.text (contains_contact_data below). A whole field that must be one address or
# number (a guest's registration, checked after its length cap):
EMAIL_ADDRESS = re.compile(
	r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)
PHONE_NUMBER = re.compile(r"^\+?[0-9][0-9 ()/.-]*$")


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
	for parse in (date.fromisoformat, datetime.fromisoformat):
		try:
			return parse(text)
		except ValueError:
			continue
	parsed = as_time(text)
	return text if parsed is None else parsed


def as_date(value) -> date | None:
	"""A Date field's value as a date without dateutil's general parser (the hot save paths read dates
	this way): a date or datetime as it is, a string in ISO form ('2026-12-03', also with a time after
	it); anything else is None (the caller falls back to Frappe's getdate)."""
	if isinstance(value, datetime):
		return value.date()
	if isinstance(value, date):
		return value
	if isinstance(value, str) and len(value) >= 10:
		try:
			return date.fromisoformat(value[:10])
		except ValueError:
			return None
	return None


def as_time(value) -> time | None:
	"""The one time parser: a Time field as Frappe returns it (timedelta from the database, str from a
	form or REST, time). Strings in ISO form, or 'H:MM[:SS[.ffffff]]'; anything else is None."""
	if value in (None, ""):
		return None
	if isinstance(value, datetime):
		return value.time()
	if isinstance(value, time):
		return value
	if isinstance(value, timedelta):
		seconds = int(value.total_seconds()) % 86400
		return time(seconds // 3600, seconds % 3600 // 60, seconds % 60)
	if not isinstance(value, str):
		return None
	text = value.strip()
	try:
		return time.fromisoformat(text)
	except ValueError:
		pass
	parts = text.split(".")[0].split(":")
	try:
		numbers = [int(p) for p in parts]
	except ValueError:
		return None
	if not 2 <= len(numbers) <= 3:
		return None
	try:
		return time(*numbers)
	except ValueError:
		return None


def contains_contact_data(text: str | None) -> bool:
	"""True when the text holds an e-mail address or a phone number (a linear scan: rules.text)."""
	return text_rules.contains_contact_data(text)


def normalise_name(value: str | None) -> str:
	"""Lower case, umlauts folded, whitespace collapsed: for duplicate detection."""
	if not value:
		return ""
	value = value.strip().lower()
	for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
		value = value.replace(a, b)
	return " ".join(value.split())


NUMERIC_FIELDTYPES = frozenset({"Int", "Float", "Currency", "Percent", "Rating", "Duration"})
DATE_FIELDTYPES = frozenset({"Date", "Datetime", "Time"})
TEXT_FIELDTYPES = frozenset(
	{"Data", "Small Text", "Text", "Long Text", "Text Editor", "Select", "Link", "Dynamic Link", "Phone",
	 "Attach", "Attach Image", "Code", "HTML Editor", "Markdown Editor", "Read Only", "Geolocation", "JSON"}
)  # fmt: skip


def value_fits(fieldtype: str, value) -> bool:
	"""Whether a raw value (as it arrives over REST) fits the field type. Frappe silently stores "abc" in
	a Check as 0 and answers objects in plain fields, NaN numbers and impossible dates with HTTP 500."""
	if value is None or value == "":
		return True
	if fieldtype == "Check":
		return value in (0, 1, True, False) or (isinstance(value, str) and value.strip() in ("0", "1"))
	if fieldtype in NUMERIC_FIELDTYPES:
		if isinstance(value, bool):
			return False
		if isinstance(value, int | float):
			return math.isfinite(value)
		if isinstance(value, str):
			try:
				return math.isfinite(float(value))
			except ValueError:
				return False
		return False
	if fieldtype in DATE_FIELDTYPES:
		if isinstance(value, date | datetime | time | timedelta):
			return True
		if not isinstance(value, str):
			return False
		parsed = _parse(value)
		return not isinstance(parsed, str) or _is_frappe_datetime(value)
	if fieldtype in ("JSON", "Geolocation") and isinstance(value, dict | list):
		return True
	if fieldtype in TEXT_FIELDTYPES:
		return isinstance(value, str | int | float) and not isinstance(value, bool)
	return True


def _is_frappe_datetime(text: str) -> bool:
	"""'2026-01-31 10:00:00.000000' and similar forms Frappe writes."""
	try:
		datetime.strptime(text.strip()[:19], "%Y-%m-%d %H:%M:%S")
		return True
	except ValueError:
		return False
