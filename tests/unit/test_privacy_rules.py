"""Plain data protection rules: request deadlines, retention dates, ESF categories, scrub variants."""

from datetime import date

import pytest

from gwk_app.rules.privacy import (
	EMPLOYMENT_STATUSES,
	add_months,
	due_for_anonymisation,
	esf_duty_cutoff,
	legal_basis_fits,
	next_reentry_valid,
	request_due_date,
	retention_cutoff,
	scrub_variants,
)


@pytest.mark.parametrize(
	"received, due",
	[
		(date(2026, 3, 15), date(2026, 4, 15)),
		(date(2026, 1, 31), date(2026, 2, 28)),  # February has no 31st: its last day
		(date(2028, 1, 31), date(2028, 2, 29)),  # leap year
		(date(2026, 3, 31), date(2026, 4, 30)),
		(date(2026, 8, 31), date(2026, 9, 30)),
		(date(2026, 12, 15), date(2027, 1, 15)),  # over the year end
		(date(2026, 12, 31), date(2027, 1, 31)),
		(date(2026, 2, 28), date(2026, 3, 28)),
	],
)
def test_request_due_date_is_one_month_with_month_end_handling(received, due):
	assert request_due_date(received) == due


def test_add_months_backwards_clamps_to_month_end():
	assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
	assert add_months(date(2028, 2, 29), -12) == date(2027, 2, 28)
	assert add_months(date(2026, 1, 10), -13) == date(2024, 12, 10)


def test_four_employment_statuses():
	assert len(EMPLOYMENT_STATUSES) == 4


@pytest.mark.parametrize(
	"exit_date, today, kept",
	[
		(date(2026, 3, 1), date(2031, 12, 31), True),  # five years from the end of the exit year
		(date(2026, 12, 31), date(2031, 12, 31), True),
		(date(2026, 3, 1), date(2032, 1, 1), False),
		(date(2027, 1, 1), date(2032, 6, 1), True),
		(date(2026, 12, 31), date(2032, 6, 1), False),
	],
)
def test_esf_retention_runs_from_the_end_of_the_exit_year(exit_date, today, kept):
	# the hold keeps participations that exited on or after the cutoff (or have no exit yet)
	assert (exit_date >= esf_duty_cutoff(today, 5)) is kept


def test_retention_cutoff_and_due():
	today = date(2026, 11, 21)
	assert retention_cutoff(today, 3) == date(2023, 11, 21)
	assert due_for_anonymisation(date(2023, 11, 20), today, 3)
	assert not due_for_anonymisation(date(2023, 11, 21), today, 3)
	assert not due_for_anonymisation(None, today, 3)  # no known activity: never erased blindly
	assert retention_cutoff(date(2028, 2, 29), 1) == date(2027, 2, 28)


def test_reentry_must_follow_entry_and_previous_exit():
	entry = date(2026, 1, 10)
	assert next_reentry_valid(entry, date(2026, 3, 1), date(2026, 4, 1))
	assert next_reentry_valid(entry, date(2026, 3, 1), date(2026, 3, 1))
	assert not next_reentry_valid(entry, date(2026, 3, 1), date(2026, 2, 1))
	assert not next_reentry_valid(entry, None, date(2026, 1, 9))
	assert next_reentry_valid(entry, None, date(2026, 1, 10))


def test_scrub_variants_cover_json_escaped_forms():
	assert scrub_variants("Jörg Müller") == ["Jörg Müller", "J\\u00f6rg M\\u00fcller"]
	assert scrub_variants('Say "hi"') == ['Say "hi"', 'Say \\"hi\\"']
	assert scrub_variants("Ab") == []  # too short to identify anyone
	assert scrub_variants("  Anna  ") == ["Anna"]
	assert scrub_variants(None) == [] and scrub_variants(1980) == []


def test_special_category_purposes_need_an_art9_basis():
	assert legal_basis_fits("ESF Participant Data", "Art. 9(2)(a) GDPR Explicit Consent")
	assert legal_basis_fits("ESF Participant Data", "Art. 9(2)(g) GDPR Substantial Public Interest")
	assert not legal_basis_fits("ESF Participant Data", "Art. 6(1)(a) GDPR Consent")
	assert not legal_basis_fits("ESF Participant Data", None)
	assert legal_basis_fits("Newsletter", "Art. 6(1)(a) GDPR Consent")
	assert not legal_basis_fits("Newsletter", "")
