"""Data protection rules that need no database: deadlines, retention dates, ESF Plus categories."""

import calendar
import json
from datetime import date

# Art. 12(3) GDPR: a data subject request is answered within one month of receipt
REQUEST_OPEN_STATUSES = frozenset({"Open", "In Progress"})

# ESF Plus participant record (Reg. 2021/1057 Annex I): exactly one employment status at entry
EMPLOYMENT_STATUSES = (
	"Unemployed",
	"Long-term Unemployed",
	"Economically Inactive",
	"Employed (incl. Self-employed)",
)
ISCED_LEVELS = ("ISCED 0-2", "ISCED 3-4", "ISCED 5-8")
NOT_SPECIFIED = "Not specified"
CHARACTERISTIC_CHOICES = ("Yes", "No", NOT_SPECIFIED)
# Annex I 1.2 characteristics: fieldname -> special category under Art. 9 GDPR
ESF_CHARACTERISTICS = {
	"disability": True,
	"third_country_national": False,
	"foreign_background": False,
	"minority": True,
	"homeless": False,
	"rural_area": False,
}
ESF_CONSENT_PURPOSE = "ESF Participant Data"


def add_months(start: date, months: int) -> date:
	"""The same day `months` later; when that month is shorter, its last day (31 Jan + 1 = 28/29 Feb)."""
	month_index = start.month - 1 + months
	year = start.year + month_index // 12
	month = month_index % 12 + 1
	day = min(start.day, calendar.monthrange(year, month)[1])
	return date(year, month, day)


def request_due_date(received_on: date) -> date:
	"""Art. 12(3) GDPR: one month after receipt. Following Reg. 1182/71 Art. 3(2)(c), the period ends on
	the same date of the next month, or on that month's last day when the date does not exist there."""
	return add_months(received_on, 1)


def esf_duty_cutoff(today: date, years: int) -> date:
	"""ESF audit retention runs `years` years from the end of the year of exit (31 Dec): participations
	without exit, or that exited on or after this date, are still under the duty and must be kept."""
	return date(today.year - int(years), 1, 1)


def retention_cutoff(today: date, years: int) -> date:
	"""Records whose last activity lies before this date are past a retention of `years` years."""
	return add_months(today, -12 * int(years))


def due_for_anonymisation(last_activity: date | None, today: date, years: int) -> bool:
	return last_activity is not None and last_activity < retention_cutoff(today, years)


def scrub_variants(value: str | None, min_length: int = 3) -> list[str]:
	"""The forms in which a personal value can sit in stored text: as typed, and JSON-escaped (Version
	history is stored as JSON with non-ASCII characters escaped). Values too short to be identifying
	(a one-letter initial) would match everywhere and are left out."""
	if not value or not isinstance(value, str):
		return []
	value = value.strip()
	if len(value) < min_length:
		return []
	variants = [value, json.dumps(value)[1:-1], json.dumps(value, ensure_ascii=False)[1:-1]]
	out = []
	for v in variants:
		if v not in out:
			out.append(v)
	return out


def next_reentry_valid(entry_date: date, previous_exit: date | None, reentry_on: date) -> bool:
	"""A re-entry lies after the first entry and not before the previous exit."""
	if reentry_on < entry_date:
		return False
	return previous_exit is None or reentry_on >= previous_exit


# purposes whose data include special categories (Art. 9 GDPR): disability and minority in the ESF record
SPECIAL_CATEGORY_PURPOSES = frozenset({ESF_CONSENT_PURPOSE})
ART9_LEGAL_BASES = ("Art. 9(2)(a) GDPR Explicit Consent", "Art. 9(2)(g) GDPR Substantial Public Interest")


def legal_basis_fits(purpose: str | None, legal_basis: str | None) -> bool:
	"""Special-category data need an Art. 9(2) basis; an Art. 6 basis alone does not cover them."""
	if purpose in SPECIAL_CATEGORY_PURPOSES:
		return legal_basis in ART9_LEGAL_BASES
	return bool(legal_basis)
