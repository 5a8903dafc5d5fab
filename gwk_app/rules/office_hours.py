"""Office hours: weekly rules (weekday, from, to) of a Community Project and their occurrences.

Plain functions without Frappe: the quick entry asks whether a moment lies within a project's office
hours, the office hours calendar lists the occurrences in a date range.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from gwk_app.rules.common import WEEKDAYS, as_time


@dataclass(frozen=True)
class Occurrence:
	day: date
	start: datetime
	end: datetime
	rule: dict


def _rule_window(rule: dict, day: date) -> tuple[datetime, datetime] | None:
	if rule.get("weekday") not in WEEKDAYS or WEEKDAYS.index(rule["weekday"]) != day.weekday():
		return None
	start, end = as_time(rule.get("from_time")), as_time(rule.get("to_time"))
	if not start or not end or end <= start:
		return None
	return datetime.combine(day, start), datetime.combine(day, end)


def occurrences(rules: list[dict], start: date, end: date) -> list[Occurrence]:
	"""Every occurrence of the weekly rules on the days from `start` up to and including `end`."""
	out = []
	day = start
	while day <= end:
		for rule in rules:
			window = _rule_window(rule, day)
			if window:
				out.append(Occurrence(day, window[0], window[1], rule))
		day += timedelta(days=1)
	return sorted(out, key=lambda o: (o.start, o.end))


def within_office_hours(rules: list[dict], moment: datetime) -> bool:
	"""True when `moment` lies within one of the rules (start inclusive, end exclusive)."""
	for rule in rules:
		window = _rule_window(rule, moment.date())
		if window and window[0] <= moment < window[1]:
			return True
	return False
