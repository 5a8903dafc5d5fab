"""Report rules that need no database: periods, target groups, medians, rates, ESF indicators."""

from datetime import date

from gwk_app.rules.common import UNKNOWN_AGE_GROUP
from gwk_app.rules.privacy import EMPLOYMENT_STATUSES

# the four employment statuses at entry, in the order of gwk_app.rules.privacy
UNEMPLOYED, LONG_TERM_UNEMPLOYED, INACTIVE, EMPLOYED = EMPLOYMENT_STATUSES

# inclusive age bounds of the age groups (gwk_app.rules.common.AGE_GROUPS)
AGE_GROUP_BOUNDS: dict[str, tuple[int, int]] = {
	"Under 18": (0, 17),
	"18-29": (18, 29),
	"30-54": (30, 54),
	"55-64": (55, 64),
	"65 and over": (65, 150),
}


def period(year=None, from_date: date | None = None, to_date: date | None = None, today: date | None = None):
	"""(from, to) of a report: explicit dates win; else the whole `year` (default: this year).
	An open end of an explicit period is filled from the other end's year."""
	today = today or date.today()
	if from_date or to_date:
		start = from_date or date((to_date or today).year, 1, 1)
		end = to_date or date(start.year, 12, 31)
		if end < start:
			start, end = end, start
		return start, end
	year = int(year) if year else today.year
	return date(year, 1, 1), date(year, 12, 31)


def years_of(start: date, end: date) -> list[int]:
	return list(range(start.year, end.year + 1))


def in_target_age(
	year: int, birth_year: int | None, age_group: str | None, age_min: int | None, age_max: int | None
) -> bool:
	"""Whether a person belongs to a project's target age in `year`. With a birth year the age
	reached in that year counts; with only an age group, the group must lie inside the target range.
	No target range means everybody; an unknown age is never counted as inside a range."""
	low = int(age_min) if age_min else None
	high = int(age_max) if age_max else None
	if low is None and high is None:
		return True
	if birth_year:
		age = int(year) - int(birth_year)
		return (low is None or age >= low) and (high is None or age <= high)
	if not age_group or age_group == UNKNOWN_AGE_GROUP or age_group not in AGE_GROUP_BOUNDS:
		return False
	g_low, g_high = AGE_GROUP_BOUNDS[age_group]
	return (low is None or g_low >= low) and (high is None or g_high <= high)


def in_served_district(district: str | None, served: set[str] | frozenset[str]) -> bool:
	"""A project that names no districts serves all; a person without district is not counted."""
	if not served:
		return True
	return bool(district) and district in served


def median_from_counts(counts: dict[int, int] | list[tuple[int, int]]) -> float | None:
	"""Median of a distribution given as {value: how many} (so SQL can do the counting)."""
	items = sorted((int(v), int(n)) for v, n in (counts.items() if isinstance(counts, dict) else counts) if n)
	total = sum(n for _, n in items)
	if not total:
		return None
	lower_pos, upper_pos = (total - 1) // 2, total // 2
	lower = upper = None
	seen = 0
	for value, n in items:
		if lower is None and seen + n > lower_pos:
			lower = value
		if seen + n > upper_pos:
			upper = value
			break
		seen += n
	return (lower + upper) / 2


def mean_from_counts(counts: dict[int, int] | list[tuple[int, int]]) -> float | None:
	items = list(counts.items() if isinstance(counts, dict) else counts)
	total = sum(int(n) for _, n in items)
	if not total:
		return None
	return sum(int(v) * int(n) for v, n in items) / total


def rate(part: float | None, whole: float | None, digits: int = 1) -> float | None:
	"""part / whole in percent; None when there is no whole."""
	if not whole:
		return None
	return round(100.0 * float(part or 0) / float(whole), digits)


# ESF Plus output indicators (Reg. 2021/1057 Annex I) as conditions on one participation record:
# (code, label, field, accepted values). Codes follow the order of the Annex (see docs/design.md, "ESF Plus participant data").
ESF_INDICATORS: tuple[tuple[str, str, str | None, tuple[str, ...]], ...] = (
	("EECO01", "Total number of participants", None, ()),
	(
		"EECO02",
		"Unemployed, including long-term unemployed",
		"employment_status",
		("Unemployed", "Long-term Unemployed"),
	),
	("EECO03", "Long-term unemployed", "employment_status", (LONG_TERM_UNEMPLOYED,)),
	("EECO04", "Inactive", "employment_status", (INACTIVE,)),
	("EECO05", "Employed, including self-employed", "employment_status", (EMPLOYED,)),
	("EECO06", "Children below 18 years of age", "age_group", ("Under 18",)),
	("EECO07", "Young people between 18 and 29 years of age", "age_group", ("18-29",)),
	("EECO08", "Participants of 55 years of age and above", "age_group", ("55-64", "65 and over")),
	("EECO09", "With lower secondary education or less (ISCED 0-2)", "isced_level", ("ISCED 0-2",)),
	("EECO10", "With upper secondary or post-secondary education (ISCED 3-4)", "isced_level", ("ISCED 3-4",)),
	("EECO11", "With tertiary education (ISCED 5-8)", "isced_level", ("ISCED 5-8",)),
	("EECO12", "Participants with disabilities", "disability", ("Yes",)),
	("EECO13", "Third-country nationals", "third_country_national", ("Yes",)),
	("EECO14", "Participants with a foreign background", "foreign_background", ("Yes",)),
	("EECO15", "Minorities (including marginalised communities such as Roma)", "minority", ("Yes",)),
	("EECO16", "Homeless or affected by housing exclusion", "homeless", ("Yes",)),
	("EECO17", "Participants from rural areas", "rural_area", ("Yes",)),
)


# ---------------------------------------------------------------- months (the kept figures' unit)
# A month is held as its ordinal, year * 12 + month - 1: consecutive months are consecutive numbers.
NO_MONTH = -1  # "no earlier contact": smaller than every month


def month_ordinal(day: date) -> int:
	return ordinal_of(day.year, day.month)


def ordinal_of(year, month) -> int:
	"""The ordinal of a year and month (numbers, or their strings as a query returns them)."""
	return int(year) * 12 + int(month) - 1


def month_first(ordinal: int) -> date:
	return date(ordinal // 12, ordinal % 12 + 1, 1)


def month_last(ordinal: int) -> date:
	following = month_first(ordinal + 1)
	return date.fromordinal(following.toordinal() - 1)


def month_key(ordinal: int) -> str:
	"""'2025-03'."""
	return f"{ordinal // 12:04d}-{ordinal % 12 + 1:02d}"


def ordinal_of_key(key: str) -> int:
	year, month = key.split("-")
	return ordinal_of(year, month)


def split_period(
	start: date, end: date
) -> tuple[tuple[date, date] | None, list[int], tuple[date, date] | None]:
	"""(the part of the first month when the period starts inside it, the whole months (ordinals), the part
	of the last month when it ends inside it). A period inside one month is all "first part"."""
	if end < start:
		return None, [], None
	first, last = month_ordinal(start), month_ordinal(end)
	head = tail = None
	if start != month_first(first):
		if first == last:
			return (start, end), [], None
		head = (start, month_last(first))
		first += 1
	if end != month_last(last):
		tail = (month_first(last), end)
		last -= 1
	return head, list(range(first, last + 1)), tail


def counted_since(earlier: int | None, since: int, year: int | None = None) -> bool:
	"""Whether a person's month with contacts counts for a period from month `since`: their previous month
	with contacts (`earlier`, NO_MONTH/None for none) lies before the period (or, per year, before the
	year's part of it). This counts every person once per period (or year) from month figures alone."""
	start = since if year is None else max(since, int(year) * 12)
	return earlier is None or int(earlier) < start


def contiguous(ordinals) -> list[tuple[int, int]]:
	"""[(first, last), ...] runs of consecutive month ordinals."""
	runs: list[list[int]] = []
	for o in sorted(set(ordinals)):
		if runs and o == runs[-1][1] + 1:
			runs[-1][1] = o
		else:
			runs.append([o, o])
	return [(a, b) for a, b in runs]


def whole_year(start: date, end: date) -> int | None:
	"""The year when the period is exactly one calendar year (the kept report figures' unit), else None."""
	if start.year == end.year and (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31):
		return start.year
	return None


def recompute_after(changed_at: float, stale_since: float | None, quiet: float, longest: float) -> float:
	"""When (seconds, on the clock of the arguments) a stale kept row is due to be computed again: once its
	last change (`changed_at`) is `quiet` seconds old, so that a project logging one consultation after
	another during office hours is computed when they pause rather than after every save; at the latest
	`longest` seconds after the first change it has not taken in (`stale_since`; unknown: its last change).
	Until then the reports count its month themselves: a row waiting is never a figure behind."""
	first = changed_at if stale_since is None else min(stale_since, changed_at)
	return min(changed_at + quiet, first + longest)
