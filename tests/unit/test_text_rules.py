"""The text checks are linear: 1 MB adversarial inputs cost a bounded number of steps per character
(counted by the scanners themselves, never timed), and every check agrees with the patterns it replaces
on ordinary text. Fields that use an anchored pattern check the length cap before matching."""

import re

import pytest

from gwk_app.rules import events, text, values

MB = 1_000_000
# per character, each scanner reads a character at most a few times: e-mail twice, phone at most
# 2 * MIN_PHONE_DIGITS per failed start, markup twice; the bound leaves room for the constant
STEPS_PER_CHAR = 14

ADVERSARIAL = {
	"letters": "a" * MB,
	"word characters and dots": ("a." * (MB // 2)),
	"at signs": "a@" * (MB // 2),
	"one at sign then a long domain": "a@" + "b" * (MB - 2),
	"domain labels without a dot": ("a@b-" * (MB // 4)),
	"digits": "0" * MB,
	"almost a phone number": ("01234 " * (MB // 6)),
	"separators": ("0-" * (MB // 2)),
	"plus signs": "+" * MB,
	"entities without semicolon": "&" + "a" * (MB - 1),
	"ampersands": "&a" * (MB // 2),
	"javascript prefixes": "javascrip" * (MB // 9),
}
CHECKS = {
	"email": text.contains_email,
	"phone": text.contains_phone,
	"contact data": text.contains_contact_data,
	"markup": text.contains_markup,
}


@pytest.mark.parametrize("check", sorted(CHECKS))
@pytest.mark.parametrize("kind", sorted(ADVERSARIAL))
def test_checks_are_linear_on_adversarial_input(kind, check):
	source = ADVERSARIAL[kind]
	steps = text.Steps()
	CHECKS[check](source, steps)
	assert steps.count <= STEPS_PER_CHAR * len(source), (kind, check, steps.count, len(source))


def test_the_old_pattern_was_quadratic_and_the_new_check_is_not():
	"""The pattern the anonymity check used: on 2,000 letters it already needs about n²/2 attempts."""
	old = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
	source = "a" * 2_000
	assert old.search(source) is None
	steps = text.Steps()
	assert not text.contains_email(source * 500, steps)  # 1 MB
	assert steps.count == 0  # no "@": nothing to look at beyond the find


@pytest.mark.parametrize(
	"sample, found",
	[
		("wants help with Wohngeld", False),
		("call back on 0371 123456", True),
		("call back on 0371/12 34 56", True),
		("mail max@example.org", True),
		("max@localhost", False),
		("+49 371 9092595", True),
		("3 children, 2 rooms, born 1985", False),
		("Kundennummer 1012345", False),
		("an @ sign. alone", False),
		("x@y.z", True),
		(None, False),
	],
)
def test_contact_data_agrees_with_the_old_patterns(sample, found):
	email = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
	phone = re.compile(r"(?:\+|\b0)\d(?:[\s/.-]?\d){5,}")
	old = bool(sample) and bool(email.search(sample) or phone.search(sample))
	assert text.contains_contact_data(sample) is found is old


@pytest.mark.parametrize(
	"sample, found",
	[
		("Nähcafé am Dienstag", False),
		("<script>", True),
		("a > b", True),
		("JavaScript:alert(1)", True),
		("&#60;", True),
		("Tom &amp; Jerry", True),
		("Tom & Jerry", False),
		("line\x07bell", True),
		("tab\tand\nnewline", False),
		(None, False),
	],
)
def test_markup_agrees_with_the_old_pattern(sample, found):
	old = re.compile(r"[<>]|javascript:|&#|&[a-z]+;", re.I)
	control = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
	expected = bool(sample) and bool(old.search(sample) or control.search(sample))
	assert events.contains_markup(sample) is found is expected


def test_anchored_patterns_see_only_capped_input(monkeypatch):
	"""valid_email and valid_phone match an anchored pattern only after the length cap."""
	seen = []

	class Spy:
		def __init__(self, pattern):
			self.pattern = pattern

		def match(self, value):
			seen.append(len(value))
			return self.pattern.match(value)

	monkeypatch.setattr(events, "EMAIL_ADDRESS", Spy(events.EMAIL_ADDRESS))
	monkeypatch.setattr(events, "PHONE_NUMBER", Spy(events.PHONE_NUMBER))
	for sample in ("a" * MB + "@example.org", "a@" + "b-" * (MB // 2), "0" * MB, "+1 " * (MB // 3)):
		assert not events.valid_email(sample)
		assert not events.valid_phone(sample)
	assert not seen, seen
	assert events.valid_email("max@example.org") and events.valid_phone("0371 123456")
	assert max(seen) <= max(events.MAX_EMAIL_LENGTH, events.MAX_PHONE_LENGTH)


@pytest.mark.parametrize(
	"fieldtype, length, size, refused",
	[
		("Small Text", None, 2_000, False),
		("Small Text", None, 2_001, True),
		("Small Text", None, 200_000, True),
		("Text", None, 10_001, True),
		("Text Editor", None, 50_000, False),
		("Data", None, 141, True),
		("Data", 40, 41, True),
		("Int", None, 10, False),
	],
)
def test_length_limits(fieldtype, length, size, refused):
	assert text.too_long(fieldtype, "x" * size, length) is refused
	problem = values.value_problem(fieldtype, "x" * size if fieldtype != "Int" else 5, length)
	assert (problem == "length") is refused


@pytest.mark.parametrize(
	"fieldtype, value, problem",
	[
		("Check", "abc", "type"),
		("Check", 2, "type"),
		("Check", 1, None),
		("Int", "abc", "type"),
		("Int", "NaN", "type"),
		("Int", float("nan"), "type"),
		("Int", True, "type"),
		("Int", "1.5", "range"),
		("Int", 2**40, "range"),
		("Int", "12", None),
		("Float", "Infinity", "type"),
		("Float", "2.5", None),
		("Date", "0000-00-00", "type"),
		("Date", "2026-02-31", "type"),
		("Date", "2026-02-28", None),
		("Datetime", "2026-13-01 10:00:00", "type"),
		("Small Text", {"text": "x"}, "type"),
		("Data", ["x"], "type"),
		("Link", 987654321, "type"),
		("Link", {"name": ["like", "%"]}, "type"),
		("Link", "RES-00001", None),
	],
)
def test_value_problems(fieldtype, value, problem):
	assert values.value_problem(fieldtype, value) == problem


@pytest.mark.parametrize("word, number", [("true", 1), ("False", 0), (" TRUE ", 1), ("yes", "yes"), (1, 1)])
def test_check_words(word, number):
	assert values.normalised_check(word) == number


def test_empty_rows():
	fieldtypes = {"user": "Link", "project_role": "Select", "active": "Check"}
	defaults = {"project_role": "Coordinator"}
	assert values.row_is_empty({}, defaults, fieldtypes)
	assert values.row_is_empty({"project_role": "Coordinator", "active": 1}, defaults, fieldtypes)
	assert not values.row_is_empty({"user": "a@example.org"}, defaults, fieldtypes)
	assert not values.row_is_empty({"project_role": "Lead"}, defaults, fieldtypes)
