"""Whether a raw value fits its field: types, ranges, lengths, empty table rows. Plain functions, no
Frappe: `gwk_app.validation` applies them to every document of the app before Frappe stores anything."""

from gwk_app.rules.common import value_fits
from gwk_app.rules.text import too_long

# an Int column holds a signed 32-bit number
INT_MIN, INT_MAX = -(2**31), 2**31 - 1
CHECK_WORDS = {"true": 1, "false": 0}
LINK_FIELDTYPES = frozenset({"Link", "Dynamic Link"})
# field types whose value says nothing by itself: a row holding only these (at their default) is empty
_NO_CONTENT = frozenset({"Check"})


def normalised_check(value):
	"""JSON booleans as words ("true", "false") become 1 and 0; anything else is left for the check."""
	if isinstance(value, str) and value.strip().lower() in CHECK_WORDS:
		return CHECK_WORDS[value.strip().lower()]
	return value


def value_problem(fieldtype: str, value, length: int | None = None) -> str | None:
	"""None when the value fits; otherwise "type" (wrong type), "range" (a number the column cannot hold,
	or a fraction for a whole number) or "length" (longer than the field's limit)."""
	if value is None or value == "":
		return None
	if fieldtype in LINK_FIELDTYPES and not isinstance(value, str):
		return "type"
	if not value_fits(fieldtype, value):
		return "type"
	if fieldtype == "Int":
		number = float(value)
		if number != int(number) or not INT_MIN <= number <= INT_MAX:
			return "range"
	if too_long(fieldtype, value, length):
		return "length"
	return None


def row_is_empty(values: dict, defaults: dict, fieldtypes: dict) -> bool:
	"""A table row with no value of its own: every field empty or at its default (checks do not count)."""
	for fieldname, fieldtype in fieldtypes.items():
		if fieldtype in _NO_CONTENT:
			continue
		value = values.get(fieldname)
		if value in (None, "", []):
			continue
		default = defaults.get(fieldname)
		if default not in (None, "") and str(value) == str(default):
			continue
		return False
	return True
