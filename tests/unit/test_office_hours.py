"""Office hours rules: occurrences of weekly rules and whether a moment lies within them."""

from datetime import date, datetime, time, timedelta, timezone

import pytest

from gwk_app.rules import office_hours as oh
from gwk_app.rules.common import as_time

RULES = [
	{"weekday": "Tuesday", "from_time": timedelta(hours=15), "to_time": timedelta(hours=18)},
	{"weekday": "Wednesday", "from_time": "10:00:00", "to_time": "13:00"},
]


@pytest.mark.parametrize(
	"value, expected",
	[(timedelta(hours=15, minutes=30), time(15, 30)), ("09:05", time(9, 5)), ("09:05:07.000", time(9, 5, 7)),
	 (time(8, 0), time(8, 0)), ("", None), (None, None), ("25:00", None), ("abc", None), ("10", time(10, 0)), ("10:00+01:00", time(10, 0, tzinfo=timezone(timedelta(hours=1))))],
)  # fmt: skip
def test_as_time(value, expected):
	assert as_time(value) == expected


def test_occurrences_in_a_week():
	# 2026-11-16 is a Monday
	found = oh.occurrences(RULES, date(2026, 11, 16), date(2026, 11, 22))
	assert [(o.start, o.end) for o in found] == [
		(datetime(2026, 11, 17, 15), datetime(2026, 11, 17, 18)),
		(datetime(2026, 11, 18, 10), datetime(2026, 11, 18, 13)),
	]


def test_occurrences_over_a_month_and_bounds_inclusive():
	found = oh.occurrences(RULES, date(2026, 11, 1), date(2026, 11, 30))
	assert len([o for o in found if o.rule["weekday"] == "Tuesday"]) == 4
	assert len([o for o in found if o.rule["weekday"] == "Wednesday"]) == 4
	assert oh.occurrences(RULES, date(2026, 11, 17), date(2026, 11, 17))[0].day == date(2026, 11, 17)
	assert oh.occurrences(RULES, date(2026, 11, 19), date(2026, 11, 23)) == []


def test_broken_rules_are_ignored():
	rules = [
		{"weekday": "Funday", "from_time": "10:00", "to_time": "11:00"},
		{"weekday": "Monday", "from_time": "12:00", "to_time": "11:00"},
		{"weekday": "Monday", "from_time": None, "to_time": "11:00"},
	]
	assert oh.occurrences(rules, date(2026, 11, 16), date(2026, 11, 22)) == []
	assert not oh.within_office_hours(rules, datetime(2026, 11, 16, 10, 30))


@pytest.mark.parametrize(
	"moment, inside",
	[(datetime(2026, 11, 17, 15, 0), True), (datetime(2026, 11, 17, 17, 59), True),
	 (datetime(2026, 11, 17, 18, 0), False), (datetime(2026, 11, 17, 14, 59), False),
	 (datetime(2026, 11, 18, 11, 0), True), (datetime(2026, 11, 19, 11, 0), False)],
)  # fmt: skip
def test_within_office_hours(moment, inside):
	assert oh.within_office_hours(RULES, moment) is inside
