"""The issue radar's rule on fixed monthly series, with the expected flags."""

from datetime import date

from gwk_app.rules import radar

# (district, topic) -> {"YYYY-MM": consultations}
SERIES = {
	# 4 → 9 in May: rising in the month; quarter Apr–May 7 → 14: rising
	("Nord", "Schulden"): {"2025-04": 3, "2025-05": 4, "2026-04": 5, "2026-05": 9},
	# 6 → 8: not 1.5 times; quarter 12 → 14: no
	("Nord", "Wohnen"): {"2025-04": 6, "2025-05": 6, "2026-04": 6, "2026-05": 8},
	# nothing a year before, 5 now: rising (the minimum holds); quarter 0 → 5 as well
	("Süd", "Sprache"): {"2026-05": 5},
	# 0 → 4: below the minimum count, never flagged
	("Süd", "Sucht"): {"2026-05": 4},
	# May 2 → 3 (below minimum); quarter: April 10 vs 2, so 2+2=4 → 13: rising in the quarter only
	("Süd", "Wohngeld"): {"2025-04": 2, "2025-05": 2, "2026-04": 10, "2026-05": 3},
	# falling
	("Nord", "Bürgergeld"): {"2025-05": 20, "2026-05": 10, "2025-04": 20, "2026-04": 10},
	# exactly 1.5 times (6 → 9): flagged
	("Süd", "Familie"): {"2025-05": 6, "2026-05": 9},
}


def test_flags_on_fixed_monthly_series():
	assert radar.flag_monthly(SERIES, 2026, 5) == [
		("Nord", "Schulden", "Month"),
		("Nord", "Schulden", "Quarter"),
		("Süd", "Familie", "Month"),
		("Süd", "Familie", "Quarter"),
		("Süd", "Sprache", "Month"),
		("Süd", "Sprache", "Quarter"),
		("Süd", "Wohngeld", "Quarter"),
	]


def test_first_month_of_a_quarter_compares_the_month_only():
	assert radar.flag_monthly({("Nord", "Schulden"): {"2025-04": 3, "2026-04": 5}}, 2026, 4) == [
		("Nord", "Schulden", "Month"),
		("Nord", "Schulden", "Quarter"),
	]


def test_rule_parameters():
	assert radar.is_rising(5, 0) and not radar.is_rising(4, 0)
	assert radar.is_rising(6, 4) and not radar.is_rising(5, 4)
	assert radar.is_rising(3, 1, min_count=3) and not radar.is_rising(3, 1, min_count=4)
	assert radar.is_rising(10, 4, factor=2.5) and not radar.is_rising(9, 4, factor=2.5)


def test_windows_are_the_same_days_a_year_before():
	w = radar.windows(date(2026, 5, 17))
	assert w["Month"] == (date(2026, 5, 1), date(2026, 5, 17), date(2025, 5, 1), date(2025, 5, 17))
	assert w["Quarter"] == (date(2026, 4, 1), date(2026, 5, 17), date(2025, 4, 1), date(2025, 5, 17))
	leap = radar.windows(date(2028, 2, 29))
	assert leap["Month"][3] == date(2027, 2, 28) and leap["Quarter"][0] == date(2028, 1, 1)


def test_small_counts_are_suppressed():
	assert radar.shown(2) == "." and radar.shown(0) == 0 and radar.shown(3) == 3
	assert radar.change(9, 2) == "." and radar.change(9, 6) == 50.0 and radar.change(5, 0) is None
	assert radar.observation_category("Nachbarschaftskonflikt") == "Neighbourhood"
	assert radar.observation_category("Schulden") == "Other"
