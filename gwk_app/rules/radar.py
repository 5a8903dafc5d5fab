"""The issue radar: consultation topics rising in a district.

The rule, kept simple on purpose so that staff can check it by hand:

	A topic is flagged as rising in a district for a period when
	  (1) it was a topic of at least MIN_COUNT consultations there in the period, and
	  (2) that is at least RISE_FACTOR times (one and a half times) the count of the same period a year
	      before; no contact a year before counts as a rise once (1) holds.

The periods are this month and this quarter, each up to the reference day, against the same days a
year before (1 to 17 March 2026 against 1 to 17 March 2025; for whole months a whole month). Anonymous
and named consultations count alike; a consultation with two topics counts once for each. Counts below
the small-cell threshold are shown as "." (gwk_app.rules.suppression), and so is a change computed from
such a count.
"""

from datetime import date, timedelta

from gwk_app.rules.suppression import DEFAULT_THRESHOLD, SUPPRESSED

MIN_COUNT = 5
RISE_FACTOR = 1.5
PERIODS = ("Month", "Quarter")

# topic (the master list is kept in German) -> Area Observation category, for the observation recorded from a flagged row
TOPIC_CATEGORIES = {"Nachbarschaftskonflikt": "Neighbourhood"}
DEFAULT_CATEGORY = "Other"


def is_rising(current: int, previous: int, min_count: int = MIN_COUNT, factor: float = RISE_FACTOR) -> bool:
	current, previous = int(current or 0), int(previous or 0)
	if current < max(int(min_count), 1):
		return False
	return current >= factor * previous


def year_before(day: date) -> date:
	try:
		return day.replace(year=day.year - 1)
	except ValueError:  # 29 February
		return day.replace(year=day.year - 1, day=28)


def quarter_start(day: date) -> date:
	return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def windows(as_of: date) -> dict[str, tuple[date, date, date, date]]:
	"""{period: (start, end, start a year before, end a year before)} up to `as_of`."""
	out = {}
	for period, start in (("Month", as_of.replace(day=1)), ("Quarter", quarter_start(as_of))):
		out[period] = (start, as_of, year_before(start), year_before(as_of))
	return out


def month_end(year: int, month: int) -> date:
	first_next = date(year + (month == 12), month % 12 + 1, 1)
	return first_next - timedelta(days=1)


def flag_monthly(
	series: dict[tuple[str, str], dict[str, int]],
	year: int,
	month: int,
	min_count: int = MIN_COUNT,
	factor: float = RISE_FACTOR,
) -> list[tuple[str, str, str]]:
	"""The flags for the whole month `year-month` from monthly counts: `series` maps (district, topic)
	to {"YYYY-MM": count}. Returns sorted (district, topic, period) for each flagged period."""
	first = 3 * ((month - 1) // 3) + 1
	spans = {"Month": [month], "Quarter": list(range(first, month + 1))}
	flags = []
	for key, counts in series.items():
		for period, months in spans.items():
			current = sum(int(counts.get(f"{year:04d}-{m:02d}", 0)) for m in months)
			previous = sum(int(counts.get(f"{year - 1:04d}-{m:02d}", 0)) for m in months)
			if is_rising(current, previous, min_count, factor):
				flags.append((key[0], key[1], period))
	return sorted(flags)


def shown(value: int | None, threshold: int = DEFAULT_THRESHOLD):
	"""A count as the radar shows it: below the threshold (but not 0) suppressed."""
	value = int(value or 0)
	return SUPPRESSED if 0 < value < max(int(threshold or 0), 0) else value


def change(current: int, previous: int, threshold: int = DEFAULT_THRESHOLD):
	"""The change against the year before in per cent; suppressed when either count is, None without a
	previous count."""
	if shown(current, threshold) == SUPPRESSED or shown(previous, threshold) == SUPPRESSED:
		return SUPPRESSED
	if not previous:
		return None
	return round(100.0 * (int(current) - int(previous)) / int(previous), 1)


def observation_category(topic: str) -> str:
	return TOPIC_CATEGORIES.get(topic, DEFAULT_CATEGORY)
