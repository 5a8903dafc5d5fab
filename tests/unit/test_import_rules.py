"""The import's cell rules (gwk_app.imports.rules), without Frappe."""

from datetime import date, datetime

import pytest

from gwk_app.imports.rules import (
	is_future,
	month_start,
	normalise,
	option_lookup,
	parse_check,
	parse_float,
	parse_int,
	parse_select,
)


@pytest.mark.parametrize("cell", ["1", "Ja", "ja ", "x", "X", "wahr", "true", 1, True])
def test_check_yes(cell):
	assert parse_check(cell) == 1


@pytest.mark.parametrize("cell", ["0", "Nein", "nein", "n", "falsch", "-", 0, False])
def test_check_no(cell):
	assert parse_check(cell) == 0


@pytest.mark.parametrize("cell", ["vielleicht", "2", "", 5])
def test_check_other(cell):
	with pytest.raises(ValueError):
		parse_check(cell)


def test_int():
	assert parse_int("1987") == 1987
	assert parse_int("1.500") == 1500
	assert parse_int(12.0) == 12
	for cell in ("12,5", "abc", "1 2", 12.5, True):
		with pytest.raises(ValueError):
			parse_int(cell)


def test_float_german_and_plain():
	assert parse_float("1,5") == 1.5
	assert parse_float("1.234,5") == 1234.5
	assert parse_float("2.5") == 2.5
	assert parse_float("1.500") == 1500.0
	assert parse_float(3) == 3.0
	with pytest.raises(ValueError):
		parse_float("zwei")


def test_select_accepts_shown_and_stored_values():
	options = ["Female", "Male", "Diverse", "Not specified"]
	shown = {
		"Female": ["Weiblich"],
		"Male": ["Männlich"],
		"Diverse": ["Divers"],
		"Not specified": ["Keine Angabe"],
	}
	lookup = option_lookup(options, shown)
	assert parse_select("Weiblich", lookup) == "Female"
	assert parse_select("  keine   angabe ", lookup) == "Not specified"
	assert parse_select("Male", lookup) == "Male"
	with pytest.raises(ValueError):
		parse_select("Weiblch", lookup)


def test_select_dashes_do_not_matter_and_shared_texts_are_no_guess():
	lookup = option_lookup(["30-54", "55-64"], {"30-54": ["30–54"], "55-64": ["55–64"]})
	assert parse_select("30–54", lookup) == "30-54"
	assert parse_select("30 - 54".replace(" ", ""), lookup) == "30-54"
	clash = option_lookup(["A", "B"], {"A": ["Gleich"], "B": ["Gleich"]})
	with pytest.raises(ValueError):
		parse_select("Gleich", clash)
	assert parse_select("a", clash) == "A"


def test_month_and_future():
	assert month_start(date(2024, 10, 17)) == date(2024, 10, 1)
	assert month_start(datetime(2024, 10, 17, 9, 30)) == date(2024, 10, 1)
	today = date(2026, 12, 2)
	assert is_future(date(2026, 12, 3), today)
	assert not is_future(date(2026, 12, 2), today)
	assert is_future("2027-01-01", today)
	assert not is_future(None, today)
	assert normalise(" Aufsuchende  Arbeit ") == "aufsuchende arbeit"
