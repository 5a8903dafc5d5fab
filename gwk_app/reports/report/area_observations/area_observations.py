# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt
"""Area observations (Gebietsbeobachtung) per district and category, with their follow-up state."""

import frappe
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Count, Sum

from gwk_app.reports.common import column, report_period, report_projects, summary

STATES = {"Open": "open", "Passed On": "passed_on", "Done": "done"}


def execute(filters=None):
	filters = frappe._dict(filters or {})
	projects = report_projects(filters)
	start, end = report_period(filters)
	rows = get_data(projects, start, end, filters.get("district")) if projects else []
	return columns(), rows, None, chart(rows), report_summary(rows)


def columns():
	return [
		column(_("Project"), "project", "Link", 180, "Community Project"),
		column(_("District"), "district", "Link", 130, "District"),
		column(_("Category"), "category", "Select", 140),
		column(_("Observations"), "observations"),
		column(_("Open"), "open"),
		column(_("Passed On"), "passed_on"),
		column(_("Done"), "done"),
	]


def get_data(projects, start, end, district=None):
	o = frappe.qb.DocType("Area Observation")
	cond = o.project.isin(projects) & (o.observation_date >= start) & (o.observation_date <= end)
	if district:
		cond &= o.district == district
	states = [Sum(Case().when(o.follow_up_status == s, 1).else_(0)).as_(f) for s, f in STATES.items()]
	rows = (
		frappe.qb.from_(o)
		.select(o.project, o.district, o.category, Count("*").as_("observations"), *states)
		.where(cond)
		.groupby(o.project, o.district, o.category)
		.orderby(o.project)
		.orderby(o.district)
		.orderby(o.category)
		.run(as_dict=True)
	)
	for r in rows:
		for f in STATES.values():
			r[f] = int(r[f] or 0)
		r.category_value = r.category
		r.category = _(r.category)
	return rows


def chart(rows):
	if not rows:
		return None
	cats = sorted({r.category for r in rows})
	return {
		"data": {
			"labels": cats,
			"datasets": [
				{
					"name": _("Observations"),
					"values": [sum(r.observations for r in rows if r.category == c) for c in cats],
				}
			],
		},
		"type": "bar",
	}


def report_summary(rows):
	return [
		summary(sum(r.observations for r in rows), _("Observations")),
		summary(sum(r.open for r in rows), _("Open"), indicator="Orange"),
		summary(sum(r.passed_on for r in rows), _("Passed On")),
		summary(sum(r.done for r in rows), _("Done"), indicator="Green"),
	]
