"""Text checks that run in linear time on any input, and the length limits of free-text fields.

Regular expressions such as `[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+` backtrack: searched over 200,000 letters they
try every start position and every split of the run behind it (minutes of CPU for one request). The
checks here are hand-written scanners instead: each looks at every character a bounded number of times,
and counts its steps so a test can prove it (`Steps`). Callers refuse texts over the field's length limit
(`max_length`) before any check runs.
"""

# characters of an e-mail address around the "@", as in the check they replace
_EMAIL_LOCAL_EXTRA = frozenset(".+-")
_EMAIL_DOMAIN_EXTRA = frozenset("-")
_PHONE_SEPARATORS = frozenset(" \t\n\r\f\v/.-")
# a phone number: "+" or a "0" at the start of a word, then 6 or more digits, single separators between
MIN_PHONE_DIGITS = 6
_CONTROL = frozenset(chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32), 127))

# length limits per field type (characters); a field's own `length` in its doctype JSON wins
MAX_LENGTH = {
	"Data": 140,
	"Small Text": 2_000,
	"Text": 10_000,
	"Text Editor": 50_000,
	"Markdown Editor": 50_000,
	"HTML Editor": 50_000,
	"Code": 100_000,
	"Long Text": 1_000_000,
	"JSON": 100_000,
	"Geolocation": 100_000,
	"Phone": 30,
	"Read Only": 140,
}
LIMITED_FIELDTYPES = frozenset(MAX_LENGTH)


class Steps:
	"""A step counter a scanner ticks once per character it looks at (tests read `count`)."""

	__slots__ = ("count",)

	def __init__(self):
		self.count = 0


def max_length(fieldtype: str, length: int | None = None) -> int | None:
	"""The most characters a field of this type may hold (None: no limit, not a text field)."""
	if fieldtype not in MAX_LENGTH:
		return None
	if length and int(length) > 0:
		return int(length)
	return MAX_LENGTH[fieldtype]


def too_long(fieldtype: str, value, length: int | None = None) -> bool:
	limit = max_length(fieldtype, length)
	return limit is not None and isinstance(value, str) and len(value) > limit


def _word(c: str) -> bool:
	# what `\w` matches in Python's re for str patterns
	return c.isalnum() or c == "_"


def contains_email(text: str | None, steps: Steps | None = None) -> bool:
	"""True when the text holds something like name@domain.tld: a local character right before an "@",
	then a domain label, a dot and another label character. Each "@" looks only at the run of domain
	characters behind it, which ends at the next "@": every character is read at most twice."""
	if not text:
		return False
	n = len(text)
	i = text.find("@")
	while i != -1:
		if steps:
			steps.count += 1
		before = text[i - 1] if i > 0 else ""
		if before and (_word(before) or before in _EMAIL_LOCAL_EXTRA):
			j = i + 1
			label = 0
			while j < n:
				if steps:
					steps.count += 1
				c = text[j]
				if _word(c) or c in _EMAIL_DOMAIN_EXTRA:
					label += 1
				elif c == "." and label and j + 1 < n and (_word(text[j + 1]) or text[j + 1] == "-"):
					return True
				else:
					break
				j += 1
		i = text.find("@", i + 1)
	return False


def contains_phone(text: str | None, steps: Steps | None = None) -> bool:
	"""True when the text holds a phone number: "+" or a "0" that starts a word, then at least six digits
	with at most one separator (space, slash, dot, dash) between two digits. A failed attempt reads fewer
	than twice MIN_PHONE_DIGITS characters, so the scan is linear."""
	if not text:
		return False
	n = len(text)
	for i, c in enumerate(text):
		if steps:
			steps.count += 1
		if c == "+":
			j = i + 1
		elif c == "0" and (i == 0 or not _word(text[i - 1])):
			j = i
		else:
			continue
		digits = 0
		while j < n:
			if steps:
				steps.count += 1
			d = text[j]
			if d.isdigit():
				digits += 1
				if digits >= MIN_PHONE_DIGITS:
					return True
				j += 1
			elif digits and d in _PHONE_SEPARATORS and j + 1 < n and text[j + 1].isdigit():
				j += 1
			else:
				break
	return False


def contains_contact_data(text: str | None, steps: Steps | None = None) -> bool:
	"""True when the text holds an e-mail address or a phone number (the anonymity check)."""
	return contains_email(text, steps) or contains_phone(text, steps)


def contains_markup(text: str | None, steps: Steps | None = None) -> bool:
	"""True when the text holds "<", ">", "javascript:", "&#", an entity such as "&amp;" or a control
	character: what a browser could read as markup or script."""
	if not text:
		return False
	n = len(text)
	lowered = text.lower()
	i = 0
	while i < n:
		if steps:
			steps.count += 1
		c = lowered[i]
		if c in "<>" or c in _CONTROL:
			return True
		if c == "j" and lowered.startswith("javascript:", i):
			return True
		if c == "&":
			j = i + 1
			if j < n and lowered[j] == "#":
				return True
			while j < n and "a" <= lowered[j] <= "z":
				if steps:
					steps.count += 1
				j += 1
			if j > i + 1 and j < n and lowered[j] == ";":
				return True
			i = max(j, i + 1)
			continue
		i += 1
	return False
