"""Targets per funding period: the linear forecast to the end of the period and the traffic light.

Plain functions without Frappe (unit-tested on fixed series in tests/unit/test_target_rules.py).
"""

from datetime import date

# indicator -> what it counts (the doctype behind it); labels are translated where they are shown
INDICATORS: dict[str, str] = {
	"Participants": "Resident",
	"Consultations": "Consultation",
	"Events": "Community Event",
	"ESF Entries": "ESF Participation",
	"Volunteer Hours": "Volunteer Hours",
	"Network Meetings": "Network Meeting",
	"Cases": "Case",
	"Referrals": "Referral",
	"Area Observations": "Area Observation",
}

GREEN, YELLOW, RED, GREY = "Green", "Yellow", "Red", "Grey"
# a forecast at or above the target is green; from this share of the target on it is yellow
YELLOW_FROM = 0.9
# the fields of work of a staff time entry (its Select options, in this order)
FIELDS_OF_WORK = ("Counselling", "Events", "Networks", "Outreach", "Administration", "Travel")


def period_days(start: date, end: date) -> int:
	"""Days in the period, both ends included (0 for an impossible period)."""
	return max((end - start).days + 1, 0)


def elapsed_days(start: date, end: date, today: date) -> int:
	"""Days of the period that have passed, today included."""
	if today < start:
		return 0
	return period_days(start, min(today, end))


def actual_so_far(series: list[tuple[date, float]], start: date, end: date, today: date) -> float:
	"""Sum of the series' values dated inside the period and not after today."""
	last = min(today, end)
	return float(sum(value for day, value in series if start <= day <= last))


def linear_forecast(actual: float, start: date, end: date, today: date) -> float | None:
	"""Where the figure ends at the end of the period if it keeps its pace so far (per day).

	None before the period starts (no pace yet); the actual itself once the period is over."""
	total = period_days(start, end)
	passed = elapsed_days(start, end, today)
	if total == 0 or passed == 0:
		return None
	if passed >= total:
		return float(actual)
	return float(actual) * total / passed


def forecast_series(series: list[tuple[date, float]], start: date, end: date, today: date) -> float | None:
	"""The linear forecast of a dated series (e.g. one value per record or per month)."""
	return linear_forecast(actual_so_far(series, start, end, today), start, end, today)


def traffic_light(forecast: float | None, target: float | None, yellow_from: float = YELLOW_FROM) -> str:
	"""Green when the forecast reaches the target, yellow from `yellow_from` of it, red below.
	Grey when there is no target or no forecast yet."""
	if not target or target <= 0 or forecast is None:
		return GREY
	share = forecast / target
	if share >= 1:
		return GREEN
	if share >= yellow_from:
		return YELLOW
	return RED


def share(value: float | None, target: float | None) -> float | None:
	"""Percent of the target, one decimal (None without a target)."""
	if value is None or not target or target <= 0:
		return None
	return round(100.0 * value / target, 1)


def periods_overlap(start: date, end: date, other_start: date, other_end: date) -> bool:
	return start <= other_end and other_start <= end


def month_key(day: date) -> str:
	"""'YYYY-MM' of a day (the month a time entry is approved in)."""
	return f"{day.year:04d}-{day.month:02d}"


def month_bounds(month: str) -> tuple[date, date]:
	"""First and last day of a 'YYYY-MM' month; ValueError for anything else."""
	year, number = (int(part) for part in month.split("-"))
	if len(month) != 7 or not 1 <= number <= 12 or year < 1900:
		raise ValueError(month)
	nxt = date(year + number // 12, number % 12 + 1, 1)
	return date(year, number, 1), date.fromordinal(nxt.toordinal() - 1)


def week_days(day: date) -> list[date]:
	"""Monday to Sunday of the week the day lies in (German weeks start on Monday)."""
	monday = date.fromordinal(day.toordinal() - day.weekday())
	return [date.fromordinal(monday.toordinal() + i) for i in range(7)]
