# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt
"""Volunteer hours per project and month: hours, entries, volunteers (each counted once a month)."""

import frappe
from frappe import _
from frappe.query_builder.functions import Count, Extract, Sum

from gwk_app.reports.common import column, report_period, report_projects, summary


def execute(filters=None):
	filters = frappe._dict(filters or {})
	projects = report_projects(filters)
	if not projects:
		return columns(), [], None, None, report_summary([], 0)
	start, end = report_period(filters)
	rows = get_data(projects, start, end)
	return columns(), rows, None, chart(rows), report_summary(rows, volunteers(projects, start, end))


def columns():
	return [
		column(_("Project"), "project", "Link", 180, "Community Project"),
		column(_("Month"), "month", "Data", 90),
		column(_("Hours"), "hours", "Float", 100),
		column(_("Entries"), "entries"),
		column(_("Volunteers"), "volunteers"),
		column(_("Logged by Volunteers"), "self_logged", "Int", 150),
	]


def _where(h, projects, start, end):
	return h.project.isin(projects) & (h.work_date >= start) & (h.work_date <= end)


def get_data(projects, start, end):
	h = frappe.qb.DocType("Volunteer Hours")
	year = Extract("year", h.work_date)
	month = Extract("month", h.work_date)
	rows = (
		frappe.qb.from_(h)
		.select(
			h.project,
			year.as_("year"),
			month.as_("month"),
			Sum(h.hours).as_("hours"),
			Count("*").as_("entries"),
			Count(h.volunteer).distinct().as_("volunteers"),
			Sum(h.logged_by_volunteer).as_("self_logged"),
		)
		.where(_where(h, projects, start, end))
		.groupby(h.project, year, month)
		.orderby(h.project)
		.orderby(year)
		.orderby(month)
		.run(as_dict=True)
	)
	for r in rows:
		r.month = "{:04d}-{:02d}".format(int(r.pop("year")), int(r.month))
		r.hours = round(float(r.hours or 0), 2)
		r.self_logged = int(r.self_logged or 0)
	return rows


def volunteers(projects, start, end) -> int:
	h = frappe.qb.DocType("Volunteer Hours")
	row = (
		frappe.qb.from_(h).select(Count(h.volunteer).distinct()).where(_where(h, projects, start, end)).run()
	)
	return int(row[0][0] or 0) if row else 0


def chart(rows):
	if not rows:
		return None
	months = sorted({r.month for r in rows})
	return {
		"data": {
			"labels": months,
			"datasets": [
				{
					"name": _("Hours"),
					"values": [round(sum(r.hours for r in rows if r.month == m), 2) for m in months],
				}
			],
		},
		"type": "bar",
	}


def report_summary(rows, people):
	return [
		summary(round(sum(r.hours for r in rows), 2), _("Volunteer Hours"), "Float"),
		summary(sum(r.entries for r in rows), _("Entries")),
		summary(people, _("Volunteers")),
	]
