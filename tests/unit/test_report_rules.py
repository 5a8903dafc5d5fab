"""Report rules: periods, target groups, medians from counted distributions, rates, ESF indicators."""

from datetime import date
from statistics import median

import pytest

from gwk_app.rules.privacy import EMPLOYMENT_STATUSES, NOT_SPECIFIED
from gwk_app.rules.reports import (
	ESF_INDICATORS,
	in_served_district,
	in_target_age,
	mean_from_counts,
	median_from_counts,
	period,
	rate,
	years_of,
)

TODAY = date(2026, 11, 21)


def test_period_defaults_to_this_year():
	assert period(None, None, None, TODAY) == (date(2026, 1, 1), date(2026, 12, 31))


def test_period_of_a_year():
	assert period("2024", None, None, TODAY) == (date(2024, 1, 1), date(2024, 12, 31))


def test_explicit_dates_win_and_open_ends_are_filled():
	assert period(2024, date(2025, 3, 1), date(2025, 4, 30), TODAY) == (date(2025, 3, 1), date(2025, 4, 30))
	assert period(None, date(2025, 3, 1), None, TODAY) == (date(2025, 3, 1), date(2025, 12, 31))
	assert period(None, None, date(2025, 4, 30), TODAY) == (date(2025, 1, 1), date(2025, 4, 30))
	# swapped ends are put in order
	assert period(None, date(2025, 4, 30), date(2025, 3, 1), TODAY) == (date(2025, 3, 1), date(2025, 4, 30))


def test_years_of_a_period_across_the_boundary():
	assert years_of(date(2024, 12, 1), date(2026, 1, 31)) == [2024, 2025, 2026]


@pytest.mark.parametrize(
	"year, birth_year, group, low, high, expected",
	[
		(2025, 1980, None, 18, 65, True),  # 45
		(2025, 2010, None, 18, 65, False),  # 15
		(2025, 1960, None, 18, 65, True),  # 65: the upper bound is inclusive
		(2025, 1959, None, 18, 65, False),  # 66
		(2025, 2007, None, 18, None, True),  # 18, open upper bound
		(2025, None, "30-54", 18, 65, True),  # group inside the range
		(2025, None, "65 and over", 18, 65, False),  # group reaches beyond the range
		(2025, None, "55-64", 18, 65, True),
		(2025, None, "Unknown", 18, 65, False),
		(2025, None, None, 18, 65, False),
		(2025, None, None, None, None, True),  # no target age: everybody
		(2025, 2020, "Under 18", 0, 0, True),  # 0/0 means no range
	],
)
def test_in_target_age(year, birth_year, group, low, high, expected):
	assert in_target_age(year, birth_year, group, low, high) is expected


def test_in_served_district():
	assert in_served_district("Talblick", {"Talblick", "Birkenhöhe"})
	assert not in_served_district("Weidenau", {"Talblick"})
	assert not in_served_district(None, {"Talblick"})
	assert in_served_district("Weidenau", set())  # a project naming no districts serves all


@pytest.mark.parametrize(
	"values",
	[[10, 20, 30], [5, 7], [1], [3, 3, 3, 8], [0, 0, 100, 2, 9, 9, 9], list(range(1, 101))],
)
def test_median_and_mean_from_counts_match_the_plain_values(values):
	counts: dict[int, int] = {}
	for v in values:
		counts[v] = counts.get(v, 0) + 1
	assert median_from_counts(counts) == median(values)
	assert median_from_counts(list(counts.items())) == median(values)
	assert mean_from_counts(counts) == pytest.approx(sum(values) / len(values))


def test_median_of_nothing():
	assert median_from_counts({}) is None
	assert mean_from_counts({}) is None
	assert median_from_counts({5: 0}) is None


def test_rate():
	assert rate(6, 10) == 60.0
	assert rate(1, 3) == 33.3
	assert rate(5, 0) is None
	assert rate(None, 4) == 0.0


def test_esf_indicators_follow_annex_i():
	unemployed, long_term, inactive, employed = EMPLOYMENT_STATUSES
	codes = [c for c, *_ in ESF_INDICATORS]
	assert codes[0] == "EECO01" and "EECO02" in codes and "EECO12" in codes
	assert len(codes) == len(set(codes))
	condition = {code: (field, values) for code, _label, field, values in ESF_INDICATORS}
	assert condition["EECO01"] == (None, ())  # every participant
	# the long-term unemployed count also as unemployed
	assert condition["EECO02"] == ("employment_status", (unemployed, long_term))
	assert condition["EECO03"] == ("employment_status", (long_term,))
	assert condition["EECO04"] == ("employment_status", (inactive,))
	assert condition["EECO05"] == ("employment_status", (employed,))
	# 55 and above covers both older age groups
	assert condition["EECO08"] == ("age_group", ("55-64", "65 and over"))
	# "not specified" counts for no characteristic
	assert all(NOT_SPECIFIED not in values for _field, values in condition.values())
	assert condition["EECO12"] == ("disability", ("Yes",))


@pytest.mark.parametrize(
	"start, end, year",
	[
		(date(2025, 1, 1), date(2025, 12, 31), 2025),
		(date(2024, 1, 1), date(2024, 12, 31), 2024),  # leap year
		(date(2025, 1, 1), date(2025, 12, 30), None),
		(date(2025, 1, 2), date(2025, 12, 31), None),
		(date(2025, 1, 1), date(2026, 12, 31), None),  # two years: counted, not kept
		(date(2025, 3, 1), date(2025, 3, 31), None),
	],
)
def test_whole_year(start, end, year):
	from gwk_app.rules.reports import whole_year

	assert whole_year(start, end) == year


def test_month_ordinals():
	from gwk_app.rules.reports import month_first, month_key, month_last, month_ordinal, ordinal_of_key

	o = month_ordinal(date(2024, 2, 10))
	assert month_first(o) == date(2024, 2, 1) and month_last(o) == date(2024, 2, 29)
	assert month_last(month_ordinal(date(2025, 12, 3))) == date(2025, 12, 31)
	assert month_ordinal(date(2026, 1, 1)) == month_ordinal(date(2025, 12, 31)) + 1
	assert month_key(o) == "2024-02" and ordinal_of_key("2024-02") == o


@pytest.mark.parametrize(
	"start, end, head, months, tail",
	[
		(date(2025, 1, 1), date(2025, 12, 31), None, ((2025, 1), (2025, 12)), None),
		(date(2024, 3, 1), date(2026, 6, 30), None, ((2024, 3), (2026, 6)), None),  # a funding period
		(
			date(2025, 1, 15),
			date(2025, 3, 31),
			(date(2025, 1, 15), date(2025, 1, 31)),
			((2025, 2), (2025, 3)),
			None,
		),
		(
			date(2025, 1, 1),
			date(2025, 3, 10),
			None,
			((2025, 1), (2025, 2)),
			(date(2025, 3, 1), date(2025, 3, 10)),
		),
		(date(2025, 1, 5), date(2025, 1, 20), (date(2025, 1, 5), date(2025, 1, 20)), None, None),
		(
			date(2025, 1, 5),
			date(2025, 2, 20),
			(date(2025, 1, 5), date(2025, 1, 31)),
			None,
			(date(2025, 2, 1), date(2025, 2, 20)),
		),
	],
)
def test_split_period(start, end, head, months, tail):
	from gwk_app.rules.reports import month_ordinal, split_period

	expected = []
	if months:
		first, last = (month_ordinal(date(y, m, 1)) for y, m in months)
		expected = list(range(first, last + 1))
	assert split_period(start, end) == (head, expected, tail)


def test_people_counted_once_per_period_from_month_figures():
	"""Brute force: for random contact months, counting each person-month whose previous contact month lies
	before the period (or the year's part of it) equals the distinct people of every whole-month period."""
	import random

	from gwk_app.rules.reports import NO_MONTH, counted_since

	rng = random.Random(7)
	base = 2024 * 12
	people = {p: sorted(rng.sample(range(base, base + 30), rng.randint(1, 8))) for p in range(60)}
	entries = []  # (month, previous month) per person and month with contacts: what the kept figures hold
	for months in people.values():
		entries += [(m, months[i - 1] if i else NO_MONTH) for i, m in enumerate(months)]
	for first in range(base, base + 30):
		for last in range(first, base + 30):
			distinct = sum(1 for months in people.values() if any(first <= m <= last for m in months))
			counted = sum(1 for m, prev in entries if first <= m <= last and counted_since(prev, first))
			assert counted == distinct
			for year in range(first // 12, last // 12 + 1):
				in_year = [m for m in range(first, last + 1) if m // 12 == year]
				distinct_y = sum(1 for months in people.values() if set(months) & set(in_year))
				counted_y = sum(1 for m, prev in entries if m in in_year and counted_since(prev, first, year))
				assert counted_y == distinct_y


def test_a_stale_row_waits_for_a_quiet_moment_but_not_for_ever():
	from gwk_app.rules.reports import recompute_after

	# stale since 100, last changed at 100: due once the change is 10 s old
	assert recompute_after(100, 100, 10, 120) == 110
	# changed again and again: due 120 s after its first change not taken in, not later
	assert recompute_after(215, 100, 10, 120) == 220
	assert recompute_after(219.5, 100, 10, 120) == 220
	# no quiet period: due at once
	assert recompute_after(100, 100, 0, 120) == 100
	# first change unknown (a row from before it was recorded): counted from its last change
	assert recompute_after(50, None, 10, 120) == 60
	assert recompute_after(50, None, 200, 120) == 170
