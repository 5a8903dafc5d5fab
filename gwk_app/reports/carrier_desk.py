"""The carrier's desk (workspace "Träger"): carrier-wide figures at a glance, aggregated and suppressed.

Every figure comes from a report the carrier already has — the Carrier Overview, Participants vs Plan
and Contact Statistics — so a card or a chart always equals the report for the same period, and reads
the reports' kept figures (gwk_app.reports.figures) where the report does. Figures below the
small-cell threshold are suppressed as the reports suppress them (gwk_app.rules.suppression): a card
shows ".", a chart leaves the bar out (None). Nothing here names or links to a person.

Who: the carrier manager, the data protection officer and System Managers (`require_carrier`).
"""

from datetime import date

import frappe
from frappe import _
from frappe.query_builder.functions import Count
from frappe.utils import add_months, get_first_day, get_last_day, getdate, today
from frappe.utils.data import format_date

from gwk_app.constants import CARRIER_ROLE, OFFICER_ROLE
from gwk_app.reports import figures
from gwk_app.reports.common import report_projects
from gwk_app.reports.report.carrier_overview import carrier_overview
from gwk_app.reports.report.contact_statistics import contact_statistics
from gwk_app.reports.report.participants_vs_plan.participants_vs_plan import participants_per_project
from gwk_app.rules.suppression import SUPPRESSED, suppress_column, suppress_table
from gwk_app.settings import small_cell_threshold

CARRIER_DESK_ROLES = frozenset({CARRIER_ROLE, OFFICER_ROLE, "System Manager"})
MONTHS_SHOWN = 24


def require_carrier():
	if not CARRIER_DESK_ROLES & set(frappe.get_roles()):
		frappe.throw(
			_("Only the carrier's management sees the carrier-wide figures."), frappe.PermissionError
		)


def projects() -> list[str]:
	"""Every project (the carrier desk is carrier-wide); the caller has been checked."""
	require_carrier()
	return report_projects({}, carrier_wide=True)


def shown(value):
	return SUPPRESSED if value is None else value


def year_period(year: int | None = None) -> tuple[date, date]:
	year = year or getdate(today()).year
	return date(year, 1, 1), date(year, 12, 31)


# ---------------------------------------------------------------- the Carrier Overview's total row


def overview_total(start, end) -> frappe._dict:
	"""The Carrier Overview's total row for the period (suppressed as the report shows it)."""
	rows = carrier_overview.get_data(projects(), start, end, None, small_cell_threshold())
	total = next((r for r in rows if r.get("is_total_row")), None)
	return total or frappe._dict(consultations=0, anonymous=0, participants=0, events=0, volunteer_hours=0)


def overview_rows(start, end) -> list[frappe._dict]:
	rows = carrier_overview.get_data(projects(), start, end, None, small_cell_threshold())
	return [r for r in rows if not r.get("is_total_row")]


# ---------------------------------------------------------------- monthly contacts (kept figures)


def monthly_contacts(first_month: date, last_month: date) -> dict:
	"""{(project, year, month, channel): consultations} of the months, from Contact Statistics' figures
	(kept per month when fresh)."""
	scope = projects()
	pieces = figures.pieces(
		contact_statistics.REPORT, scope, get_first_day(first_month), get_last_day(last_month)
	)
	return contact_statistics.month_channel_counts(pieces, scope)


def totals_by(counts: dict, key) -> dict:
	"""The monthly counts summed by `key(project, year, month, channel)` in one pass."""
	out: dict = {}
	for parts, n in counts.items():
		k = key(*parts)
		out[k] = out.get(k, 0) + n
	return out


def month_label(year: int, month: int) -> str:
	"""'Jan. 2026' in German, 'Jan 2026' in English: never '2026-01'."""
	return format_date(date(year, month, 1), "MMM yyyy")


def months_back(count: int, until: date | None = None) -> list[tuple[int, int]]:
	last = get_first_day(until or getdate(today()))
	return [(d.year, d.month) for d in (getdate(add_months(last, -i)) for i in range(count - 1, -1, -1))]


# ---------------------------------------------------------------- number cards


def participants_rows(year: int | None = None) -> list[frappe._dict]:
	"""Per project: the yearly target, participants as Participants vs Plan counts them (named once per
	year plus anonymous contacts; kept figures when fresh) — suppressed down the column — and the share
	of the target where the participants are shown."""
	year = year or getdate(today()).year
	scope = projects()
	per_project = participants_per_project(scope, year)
	targets = dict(
		frappe.get_all(
			"Community Project",
			filters={"name": ("in", scope or [""])},
			fields=["name", "participant_target"],
			as_list=True,
		)
	)
	values, total = suppress_column([per_project.get(p, 0) for p in scope], small_cell_threshold())
	rows = []
	for project, value in zip(scope, values, strict=True):
		target = int(targets.get(project) or 0)
		rate = round(100.0 * value / target, 1) if value is not None and target else None
		rows.append(frappe._dict(project=project, target=target, participants=value, target_rate=rate))
	rows.append(
		frappe._dict(
			project=_("Total"), target=sum(r.target for r in rows), participants=total, is_total_row=1
		)
	)
	return rows


def participants_against_targets(year: int | None = None) -> tuple[object, int]:
	"""(participants this year across all projects — suppressed —, the sum of the yearly targets)."""
	total = participants_rows(year)[-1]
	return shown(total.participants), total.target


def consultations_this_month(on: date | None = None) -> tuple[object, object]:
	"""(consultations this month so far, consultations in the same month a year before) across all
	projects, from Contact Statistics' kept monthly figures; each suppressed as the Carrier Overview
	suppresses its consultations column (so each equals its total for that month)."""
	on = getdate(on or today())
	before = getdate(add_months(on, -12))
	per_month = totals_by(
		monthly_contacts(get_first_day(before), get_first_day(on)), lambda p, y, m, _c: (p, y, m)
	)
	scope = projects()
	threshold = small_cell_threshold()

	def month_total(day: date):
		per_project = [per_month.get((project, day.year, day.month), 0) for project in scope]
		return shown(suppress_column(per_project, threshold)[1]) if scope else 0

	return month_total(on), month_total(before)


def overdue_referrals_count() -> object:
	"""Open referrals of all projects without feedback after the feedback period (suppressed)."""
	from gwk_app.casework.referrals import overdue_referrals_query

	scope = projects()
	if not scope:
		return 0
	referral = frappe.qb.DocType("Referral")
	n = (
		overdue_referrals_query().select(Count(referral.name)).where(referral.project.isin(scope)).run()[0][0]
		or 0
	)
	_values, total = suppress_column([int(n)], small_cell_threshold())
	return shown(total)


# ---------------------------------------------------------------- charts


def chart_participants_vs_plan(year: int | None = None) -> dict:
	rows = [r for r in participants_rows(year) if not r.get("is_total_row")]
	return {
		"labels": [r.project for r in rows],
		"datasets": [
			{"name": _("Participants"), "values": [r.participants for r in rows]},
			{"name": _("Plan"), "values": [r.target for r in rows]},
		],
	}


def chart_contacts_per_month(until: date | None = None) -> dict:
	"""Consultations per project and month over the last 24 months (project × month suppressed)."""
	months = months_back(MONTHS_SHOWN, until)
	scope = projects()
	counts = totals_by(
		monthly_contacts(date(*months[0], 1), date(*months[-1], 1)), lambda p, y, m, _c: (p, y, m)
	)
	matrix = [[counts.get((project, *ym), 0) for ym in months] for project in scope]
	table = suppress_table(matrix, small_cell_threshold()) if scope else None
	return {
		"labels": [month_label(y, m) for y, m in months],
		"datasets": [
			{"name": project, "values": table.cells[i]} for i, project in enumerate(scope)
		] if table else [],
	}  # fmt: skip


def chart_anonymous_share(year: int | None = None) -> dict:
	"""Share of anonymous contacts per project (this year), in percent with one decimal. Left out
	where the anonymous or the named contacts are a small cell (the share would reveal them)."""
	start, end = year_period(year)
	rows = overview_rows(start, end)
	threshold = small_cell_threshold()
	values = []
	for r in rows:
		anonymous, total = r.anonymous, r.consultations
		if not isinstance(anonymous, int) or not isinstance(total, int) or not total:
			values.append(None)
			continue
		named = total - anonymous
		values.append(None if 0 < named < threshold else round(100.0 * anonymous / total, 1))
	return {
		"labels": [r.project for r in rows],
		"datasets": [{"name": _("Anonymous Contacts") + " %", "values": values}],
	}


def chart_channels(year: int | None = None) -> dict:
	"""Consultations per project and channel this year (project × channel suppressed)."""
	start, end = year_period(year)
	scope = projects()
	counts = monthly_contacts(start, date(end.year, 12, 1))
	channels = sorted({c for (_p, _y, _m, c) in counts})
	per_channel = totals_by(counts, lambda p, _y, _m, c: (p, c))
	matrix = [[per_channel.get((project, ch), 0) for ch in channels] for project in scope]
	if not scope or not channels:
		return {"labels": scope, "datasets": []}
	table = suppress_table(matrix, small_cell_threshold())
	return {
		"labels": scope,
		"datasets": [
			{"name": _(ch), "values": [table.cells[i][j] for i in range(len(scope))]}
			for j, ch in enumerate(channels)
		],
	}


# ---------------------------------------------------------------- the monthly e-mail


CARRIER_EMAIL_REPORT = "Carrier Overview"
CARRIER_EMAIL_MARK = "gwk_app: carrier overview for the board"


def ensure_carrier_email_report() -> str:
	"""Frappe's own Auto Email Report of the Carrier Overview, monthly, year to date, as XLSX; created
	disabled (install and migrate). The carrier manager enters the recipients and enables it. The
	report suppresses small cells for every reader, so the e-mail carries aggregates only."""
	existing = frappe.db.get_value("Auto Email Report", {"description": CARRIER_EMAIL_MARK}, "name")
	if existing:
		return existing
	doc = frappe.get_doc(
		{
			"doctype": "Auto Email Report",
			"report": CARRIER_EMAIL_REPORT,
			"report_type": "Script Report",
			"user": "Administrator",
			"enabled": 0,
			"send_if_data": 1,
			"email_to": frappe.db.get_value("User", "Administrator", "email") or "admin@example.com",
			"frequency": "Monthly",
			"format": "XLSX",
			"filters": "{}",
			"dynamic_date_period": "Yearly",
			"from_date_field": "from_date",
			"to_date_field": "to_date",
			"use_first_day_of_period": 1,
			"no_of_rows": 500,
			"description": CARRIER_EMAIL_MARK,
		}
	)
	doc.insert(ignore_permissions=True)
	return doc.name
