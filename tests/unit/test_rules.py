"""Plain rules: no Frappe, no database."""

from datetime import date, time, timedelta

import pytest

from gwk_app.rules import casework as cw
from gwk_app.rules import common

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
	"birth_year, expected",
	[(2010, "Under 18"), (2008, "18-29"), (1997, "18-29"), (1996, "30-54"), (1972, "30-54"),
	 (1971, "55-64"), (1962, "55-64"), (1961, "65 and over"), (None, "Unknown")],
)  # fmt: skip
def test_age_group(birth_year, expected):
	assert common.age_group(birth_year, TODAY) == expected


def test_birth_year_bounds():
	assert common.valid_birth_year(1950, TODAY)
	assert common.valid_birth_year(None, TODAY)
	assert not common.valid_birth_year(1899, TODAY)
	assert not common.valid_birth_year(2027, TODAY)


@pytest.mark.parametrize(
	"start, end, ok",
	[
		(date(2026, 1, 1), date(2026, 1, 1), True),
		(date(2026, 1, 2), date(2026, 1, 1), False),
		(date(2026, 1, 1), None, True),
		(None, date(2026, 1, 1), True),
		(time(15, 0), time(18, 0), True),
		(time(18, 0), time(15, 0), False),
		(timedelta(hours=15), timedelta(hours=13), False),
		("2026-01-01", "2025-12-31", False),
	],
)
def test_period(start, end, ok):
	assert common.is_period_valid(start, end) is ok


@pytest.mark.parametrize(
	"text, found",
	[
		("wants help with Wohngeld", False),
		("call back on 0371 123456", True),
		("mail max@example.org", True),
		("+49 371 9092595", True),
		("3 children, 2 rooms, born 1985", False),
		(None, False),
	],
)
def test_contact_data_detection(text, found):
	assert common.contains_contact_data(text) is found


@pytest.mark.parametrize(
	"minutes, ok",
	[(1, True), (480, True), (0, False), (-5, False), (481, False), ("x", False), (None, False)],
)
def test_duration(minutes, ok):
	assert cw.duration_ok(minutes) is ok


def test_case_transitions():
	assert cw.case_transition_allowed(None, "Open")
	assert cw.case_transition_allowed("Open", "In Progress")
	assert cw.case_transition_allowed("In Progress", "Referred")
	assert cw.case_transition_allowed("Referred", "Closed")
	assert cw.case_transition_allowed("Open", "Dormant")
	assert cw.case_transition_allowed("Closed", "In Progress")  # reopening
	assert not cw.case_transition_allowed("Closed", "Referred")
	assert not cw.case_transition_allowed("Closed", "Open")
	assert not cw.case_transition_allowed("Dormant", "Referred")
	assert set(cw.CASE_TRANSITIONS) == set(cw.CASE_STATUSES)


def test_referral_follow_up_cutoff():
	# a referral made exactly `days` ago is due (the query keeps referred_on <= cutoff), a day later not yet
	assert cw.follow_up_cutoff(TODAY, 14) == TODAY - timedelta(days=14)
	assert cw.follow_up_cutoff(date(2026, 3, 1), 1) == date(2026, 2, 28)
	assert cw.REFERRAL_OPEN_STATUSES == {"Referred", "Appointment"}
	assert not cw.REFERRAL_OPEN_STATUSES & cw.REFERRAL_FINAL_STATUSES


def test_waiting_days_and_data_passing():
	assert cw.waiting_days(date(2026, 3, 1), date(2026, 3, 11)) == 10
	assert cw.waiting_days(date(2026, 3, 1), None) is None
	assert cw.referral_passes_data("Contact Data Passed On")
	assert cw.referral_passes_data("Appointment Made")
	assert not cw.referral_passes_data("Information Only")
	assert not cw.referral_passes_data("Accompanied")


def test_duplicate_key_normalises():
	a = cw.duplicate_key("Jürgen", "Müller ", 1970, "09122")
	b = cw.duplicate_key("juergen", "mueller", "1970", "09 122")
	assert a == b
	assert cw.duplicate_key("Anna", "", 1970, "09122") is None
	assert cw.duplicate_key("Anna", "Schmidt", None, "09122") is None
	assert cw.duplicate_key("Anna", "Schmidt", 1970, "09122") != cw.duplicate_key(
		"Anna", "Schmidt", 1971, "09122"
	)


def test_full_name():
	assert cw.full_name("Anna", "Schmidt", None) == "Anna Schmidt"
	assert cw.full_name(None, None, "Frau S.") == "Frau S."
	assert cw.full_name("Anna", None, "Frau S.") == "Anna"
	assert cw.full_name(" ", None, None) == ""


def test_period_with_mixed_types():
	from datetime import datetime

	assert not common.is_period_valid(date(2026, 1, 5), "2026-01-04")
	assert common.is_period_valid("2026-01-04", datetime(2026, 1, 4, 10, 0))
	assert not common.is_period_valid("2026-01-04 10:00:00", "2026-01-04 09:00:00")
	assert not common.is_period_valid("18:00:00", timedelta(hours=15))


@pytest.mark.parametrize(
	"fieldtype, value, fits",
	[
		("Check", 1, True), ("Check", "0", True), ("Check", True, True), ("Check", "abc", False), ("Check", 2, False),
		("Int", 15, True), ("Int", "15", True), ("Int", "NaN", False), ("Int", float("nan"), False),
		("Int", "abc", False), ("Int", {"a": 1}, False), ("Int", True, False), ("Float", "1,5", False),
		("Float", "1.5", True), ("Float", float("inf"), False),
		("Date", "2026-02-28", True), ("Date", "2026-02-31", False), ("Date", "morgen", False), ("Date", 20260101, False),
		("Datetime", "2026-01-31 10:00:00.000000", True), ("Time", "15:00", True), ("Time", "25:00", False),
		("Data", "Text", True), ("Data", {"x": 1}, False), ("Small Text", ["a"], False), ("Link", {"name": "x"}, False),
		("Select", "Phone", True), ("Data", None, True), ("Date", "", True),
	],
)  # fmt: skip
def test_value_fits(fieldtype, value, fits):
	assert common.value_fits(fieldtype, value) is fits


def test_as_date_reads_iso_dates_without_the_general_parser():
	from datetime import date, datetime

	from gwk_app.rules.common import as_date

	assert as_date("2026-12-03") == date(2026, 12, 3)
	assert as_date("2026-12-03 10:15:00") == date(2026, 12, 3)
	assert as_date(date(2026, 1, 2)) == date(2026, 1, 2)
	assert as_date(datetime(2026, 1, 2, 23, 59)) == date(2026, 1, 2)
	for other in ("03.12.2026", "2026-13-01", "", None, 20261203, "2026-12"):
		assert as_date(other) is None
