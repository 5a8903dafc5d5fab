# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt
"""Targets per funding period ("Ziele je Förderzeitraum"): per project, funder, period and indicator
the target, the actual so far, a linear forecast to the end of the period and a traffic light.

Counted by gwk_app.reports.trail (as the funder report counts); ESF entries only with complete core
data. The carrier manager sees every project's targets; counts of people below the small-cell
threshold are shown as "." to anybody not on the project's team."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from gwk_app.permissions import allowed_projects
from gwk_app.reports.common import column, report_projects, summary
from gwk_app.reports.trail import INDICATOR_FIGURES, collect
from gwk_app.rules.suppression import SUPPRESSED
from gwk_app.rules.targets import GREEN, GREY, RED, YELLOW, linear_forecast, share, traffic_light
from gwk_app.settings import small_cell_threshold

PEOPLE = frozenset({"Participants", "Consultations", "ESF Entries", "Cases", "Referrals"})
INDICATOR_COLOURS = {GREEN: "green", YELLOW: "orange", RED: "red", GREY: "gray"}


def execute(filters=None):
	filters = frappe._dict(filters or {})
	rows = get_data(filters)
	return columns(), rows, None, None, report_summary(rows)


def columns():
	return [
		column(_("Project"), "project", "Link", 160, "Community Project"),
		column(_("Funder"), "funder", "Data", 120),
		column(_("From"), "from_date", "Date", 95),
		column(_("To"), "to_date", "Date", 95),
		column(_("Indicator"), "indicator_label", "Data", 140),
		column(_("Target Value"), "target_value", "Float", 100),
		column(_("Actual so Far"), "actual", "Data", 100),
		column(_("% of Target"), "actual_rate", "Percent", 90),
		column(_("Forecast"), "forecast", "Data", 90),
		column(_("Forecast % of Target"), "forecast_rate", "Percent", 120),
		column(_("Traffic Light"), "light_label", "Data", 100),
	]


def get_data(filters, on_day=None) -> list[dict]:
	projects = report_projects(filters, carrier_wide=True)
	if not projects:
		return []
	on_day = getdate(on_day or today())
	team = allowed_projects()
	threshold = small_cell_threshold()
	target_filters = {"parent": ("in", projects), "parenttype": "Community Project"}
	if filters.get("indicator"):
		target_filters["indicator"] = filters.indicator
	if filters.get("funder"):
		target_filters["funder"] = filters.funder
	targets = frappe.get_all(
		"Community Project Target",
		filters=target_filters,
		fields=["parent", "funder", "from_date", "to_date", "indicator", "target_value"],
		order_by="parent asc, from_date asc, idx asc",
	)
	figures: dict = {}
	rows = []
	for t in targets:
		start, end = getdate(t.from_date), getdate(t.to_date)
		if filters.get("active_on") and not start <= getdate(filters.active_on) <= end:
			continue
		last = min(on_day, end)
		key = (t.parent, start, last)
		if key not in figures:
			figures[key] = collect(t.parent, start, last) if last >= start else {}
		actual = figures[key].get(INDICATOR_FIGURES[t.indicator], {}).get("value", 0)
		forecast = linear_forecast(actual, start, end, on_day)
		light = traffic_light(forecast, t.target_value)
		hidden = (
			team is not None and t.parent not in team and t.indicator in PEOPLE and 0 < actual < threshold
		)
		rows.append(
			frappe._dict(
				project=t.parent,
				funder=t.funder,
				from_date=start,
				to_date=end,
				indicator=t.indicator,
				indicator_label=_(t.indicator),
				target_value=t.target_value,
				actual=SUPPRESSED if hidden else actual,
				actual_rate=None if hidden else share(actual, t.target_value),
				forecast=SUPPRESSED if hidden or forecast is None else round(forecast, 1),
				forecast_rate=None if hidden else share(forecast, t.target_value),
				light=light,
				light_label=_(light),
				indicator_colour=INDICATOR_COLOURS[light],
			)
		)
	return rows


def report_summary(rows):
	return [
		summary(len([r for r in rows if r.light == GREEN]), _("On Track"), "Int", "Green"),
		summary(len([r for r in rows if r.light == YELLOW]), _("Close to Target"), "Int", "Orange"),
		summary(len([r for r in rows if r.light == RED]), _("At Risk"), "Int", "Red"),
	]
