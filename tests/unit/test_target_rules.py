"""Targets per funding period (forecast, traffic light) and ESF core data, on fixed series."""

from datetime import date

from gwk_app.rules.esf import counts_toward_targets, missing_core_data, reminder_due
from gwk_app.rules.targets import (
	GREEN,
	GREY,
	RED,
	YELLOW,
	actual_so_far,
	elapsed_days,
	forecast_series,
	linear_forecast,
	period_days,
	share,
	traffic_light,
)

YEAR = (date(2026, 1, 1), date(2026, 12, 31))
# one value per month start: 40 participants a month
MONTHLY = [(date(2026, m, 1), 40) for m in range(1, 13)]


def test_period_and_elapsed_days():
	assert period_days(*YEAR) == 365
	assert elapsed_days(*YEAR, date(2025, 12, 31)) == 0
	assert elapsed_days(*YEAR, date(2026, 1, 1)) == 1
	assert elapsed_days(*YEAR, date(2026, 7, 2)) == 183
	assert elapsed_days(*YEAR, date(2027, 3, 1)) == 365
	assert period_days(date(2026, 2, 1), date(2026, 1, 1)) == 0


def test_actual_so_far_counts_only_the_period_up_to_today():
	series = [(date(2025, 12, 31), 99), *MONTHLY, (date(2027, 1, 1), 99)]
	assert actual_so_far(series, *YEAR, date(2026, 6, 30)) == 240
	assert actual_so_far(series, *YEAR, date(2026, 6, 1)) == 240
	assert actual_so_far(series, *YEAR, date(2026, 5, 31)) == 200
	assert actual_so_far(series, *YEAR, date(2028, 1, 1)) == 480


def test_linear_forecast_on_fixed_series():
	# 1 Jan - 2 Jul = 183 of 365 days, seven months counted (280) -> 280 * 365 / 183
	assert round(forecast_series(MONTHLY, *YEAR, date(2026, 7, 2)), 2) == round(280 * 365 / 183, 2)
	# a steady daily pace forecasts exactly the full-year total
	daily = [(date(2026, 1, 1).fromordinal(date(2026, 1, 1).toordinal() + i), 2) for i in range(365)]
	assert round(forecast_series(daily, *YEAR, date(2026, 3, 31)), 6) == 730
	assert round(forecast_series(daily, *YEAR, date(2026, 10, 15)), 6) == 730
	# after the end the forecast is what was reached
	assert forecast_series(MONTHLY, *YEAR, date(2027, 2, 1)) == 480
	# before the start there is no pace
	assert forecast_series(MONTHLY, *YEAR, date(2025, 12, 1)) is None
	assert linear_forecast(0, *YEAR, date(2026, 6, 1)) == 0
	assert linear_forecast(10, date(2026, 1, 1), date(2026, 1, 10), date(2026, 1, 5)) == 20


def test_traffic_light():
	assert traffic_light(500, 500) == GREEN
	assert traffic_light(620, 500) == GREEN
	assert traffic_light(450, 500) == YELLOW  # exactly 90 %
	assert traffic_light(449.9, 500) == RED
	assert traffic_light(0, 500) == RED
	assert traffic_light(None, 500) == GREY
	assert traffic_light(100, 0) == GREY
	assert traffic_light(100, None) == GREY
	assert traffic_light(400, 500, yellow_from=0.8) == YELLOW


def test_light_of_fixed_series_over_the_year():
	"""40 a month against 500, counted on the first of the month: green just after a month's count
	arrives (28 Jan: 40 * 365 / 28 = 521), yellow at the end of a quarter (31 Mar: 120 * 365 / 90 = 487),
	and yellow at the end (480 = 96 %)."""
	assert traffic_light(forecast_series(MONTHLY, *YEAR, date(2026, 1, 28)), 500) == GREEN
	assert traffic_light(forecast_series(MONTHLY, *YEAR, date(2026, 3, 31)), 500) == YELLOW
	assert traffic_light(forecast_series(MONTHLY, *YEAR, date(2026, 12, 31)), 500) == YELLOW
	slow = [(date(2026, m, 1), 20) for m in range(1, 13)]
	assert traffic_light(forecast_series(slow, *YEAR, date(2026, 9, 30)), 500) == RED
	fast = [(date(2026, m, 1), 60) for m in range(1, 13)]
	assert traffic_light(forecast_series(fast, *YEAR, date(2026, 4, 30)), 500) == GREEN


def test_share():
	assert share(250, 500) == 50.0
	assert share(1, 3) == 33.3
	assert share(5, 0) is None
	assert share(None, 10) is None


COMPLETE = {
	"entry_date": date(2026, 3, 1),
	"gender": "Female",
	"age_group": "30-54",
	"employment_status": "Unemployed",
	"isced_level": "ISCED 3-4",
	"consent": "CNS-0001",
}


def test_complete_esf_record_counts():
	assert missing_core_data(COMPLETE) == []
	assert counts_toward_targets(COMPLETE)


def test_incomplete_esf_record_does_not_count():
	assert missing_core_data({**COMPLETE, "gender": ""}) == ["gender"]
	assert missing_core_data({**COMPLETE, "age_group": "Unknown"}) == ["age_group"]
	assert missing_core_data({**COMPLETE, "consent": None, "isced_level": None}) == ["isced_level", "consent"]
	assert not counts_toward_targets({**COMPLETE, "employment_status": None})
	assert missing_core_data({}) == [
		"entry_date", "gender", "age_group", "employment_status", "isced_level", "consent"
	]  # fmt: skip


def test_reminder_before_exit():
	today = date(2026, 6, 1)
	assert reminder_due(date(2026, 6, 10), None, today, 14)
	assert reminder_due(date(2026, 6, 1), None, today, 14)
	assert not reminder_due(date(2026, 6, 20), None, today, 14)
	assert not reminder_due(date(2026, 5, 31), None, today, 14)
	assert not reminder_due(date(2026, 6, 10), date(2026, 5, 30), today, 14)
	assert not reminder_due(None, None, today, 14)


def test_months_and_weeks():
	from gwk_app.rules.targets import month_bounds, month_key, week_days

	assert month_key(date(2026, 3, 9)) == "2026-03"
	assert month_bounds("2026-02") == (date(2026, 2, 1), date(2026, 2, 28))
	assert month_bounds("2028-02") == (date(2028, 2, 1), date(2028, 2, 29))
	assert month_bounds("2026-12") == (date(2026, 12, 1), date(2026, 12, 31))
	for bad in ("2026-13", "2026-1", "x", "2026-00"):
		try:
			month_bounds(bad)
		except ValueError:
			continue
		raise AssertionError(bad)
	week = week_days(date(2026, 12, 2))  # a Wednesday
	assert week[0] == date(2026, 11, 30) and week[-1] == date(2026, 12, 6) and len(week) == 7
	assert week_days(date(2026, 11, 30))[0] == date(2026, 11, 30)


def test_fields_of_work_are_the_time_entrys_options():
	import json
	from pathlib import Path

	from gwk_app.rules.targets import FIELDS_OF_WORK

	path = (
		Path(__file__).resolve().parents[2] / "gwk_app/privacy/doctype/staff_time_entry/staff_time_entry.json"
	)
	field = next(f for f in json.loads(path.read_text())["fields"] if f["fieldname"] == "field_of_work")
	assert tuple(field["options"].split("\n")) == FIELDS_OF_WORK
