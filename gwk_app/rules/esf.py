"""ESF Plus core data: a participation whose core data are incomplete does not count toward the targets.

Plain functions without Frappe (unit-tested in tests/unit/test_target_rules.py)."""

from datetime import date, timedelta

# field -> what is missing when it is empty (the label is translated where it is shown)
CORE_FIELDS: dict[str, str] = {
	"entry_date": "Entry Date",
	"gender": "Gender",
	"age_group": "Age Group",
	"employment_status": "Employment Status at Entry",
	"isced_level": "Highest Education (ISCED)",
	"consent": "Consent",
}
# values that say nothing: the age band and the gender must be known for the ESF indicators
UNKNOWN_VALUES: dict[str, frozenset[str]] = {
	"age_group": frozenset({"Unknown"}),
	"gender": frozenset(),
}


def missing_core_data(record: dict) -> list[str]:
	"""The core fields the record lacks, in a fixed order (empty list = complete, it counts)."""
	missing = []
	for field in CORE_FIELDS:
		value = record.get(field)
		if value in (None, "") or value in UNKNOWN_VALUES.get(field, ()):
			missing.append(field)
	return missing


def counts_toward_targets(record: dict) -> bool:
	return not missing_core_data(record)


def reminder_due(planned_exit: date | None, exit_date: date | None, today: date, days: int) -> bool:
	"""Remind the ESF officer `days` before the planned exit of a participant who has not left yet."""
	if not planned_exit or exit_date:
		return False
	return today <= planned_exit <= today + timedelta(days=days)
