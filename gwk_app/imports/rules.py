"""Plain rules of the import (no Frappe): how a cell a German user typed becomes a stored value.

Each parser returns the stored value or raises ValueError; the importer turns that into the row's
error message.
"""

import re
from datetime import date, datetime

# Check cells as people type them in a German spreadsheet
_TRUE = frozenset({"1", "ja", "j", "x", "wahr", "true", "yes", "y", "t"})
_FALSE = frozenset({"0", "nein", "n", "falsch", "false", "no", "f", "-"})
_SPACES = re.compile(r"\s+")
_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-"})
_INT = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$|^[+-]?\d+$")
_FLOAT = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$|^[+-]?\d+(\.\d+)?$")


def normalise(text) -> str:
	"""Case, surrounding and repeated spaces and the kind of dash do not matter when values are compared."""
	return _SPACES.sub(" ", str(text).translate(_DASHES)).strip().casefold()


def parse_check(value) -> int:
	if isinstance(value, bool | int | float) and value in (0, 1):
		return int(value)
	text = normalise(value)
	if text in _TRUE:
		return 1
	if text in _FALSE:
		return 0
	raise ValueError(value)


def parse_int(value) -> int:
	if isinstance(value, bool):
		raise ValueError(value)
	if isinstance(value, int):
		return value
	if isinstance(value, float):
		if value.is_integer():
			return int(value)
		raise ValueError(value)
	text = str(value).strip()
	if not _INT.match(text):
		raise ValueError(value)
	return int(text.replace(".", ""))


def parse_float(value) -> float:
	"""German (1.234,5) and plain (1234.5) notation."""
	if isinstance(value, bool):
		raise ValueError(value)
	if isinstance(value, int | float):
		return float(value)
	text = str(value).strip()
	if not _FLOAT.match(text):
		raise ValueError(value)
	if "," in text or re.match(r"^[+-]?\d{1,3}(\.\d{3})+$", text):
		text = text.replace(".", "").replace(",", ".")
	return float(text)


def option_lookup(options: list[str], shown: dict[str, list[str]]) -> dict[str, str]:
	"""{normalised cell: stored option} for a Select field: the stored option and every way it is shown
	(translations) are accepted. A shown text that two options share is left out (it would be a guess)."""
	out: dict[str, str] = {}
	clash: set[str] = set()
	for option in options:
		for text in {option, *shown.get(option, [])}:
			key = normalise(text)
			if key in out and out[key] != option:
				clash.add(key)
			out.setdefault(key, option)
	for key in clash:
		if key not in {normalise(o) for o in options}:
			out.pop(key)
	return out


def parse_select(value, lookup: dict[str, str]) -> str:
	key = normalise(value)
	if key not in lookup:
		raise ValueError(value)
	return lookup[key]


def month_start(value: date | datetime) -> date:
	value = value.date() if isinstance(value, datetime) else value
	return value.replace(day=1)


def is_future(value, today: date) -> bool:
	if value in (None, ""):
		return False
	if isinstance(value, datetime):
		value = value.date()
	if isinstance(value, str):
		value = date.fromisoformat(value[:10])
	return value > today
