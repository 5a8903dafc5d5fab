# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt
"""Consultations by month × topic × channel × district, with durations.

A consultation with several topics appears under each of its topics (a row per topic); the summary
counts every consultation once.
"""

import frappe
from frappe import _
from frappe.query_builder.functions import Avg, Coalesce, Count, Extract, Sum

from gwk_app.reports.common import column, report_period, report_projects, summary

NO_TOPIC = "-"


def execute(filters=None):
	filters = frappe._dict(filters or {})
	projects = report_projects(filters)
	if not projects:
		return columns(), [], None, None, report_summary(None)
	start, end = report_period(filters)
	rows = get_data(projects, start, end, filters.get("district"))
	return (
		columns(),
		rows,
		None,
		chart(projects, start, end, filters.get("district")),
		report_summary(totals(projects, start, end, filters.get("district"))),
	)


def columns():
	return [
		column(_("Project"), "project", "Link", 160, "Community Project"),
		column(_("Month"), "month", "Data", 80),
		column(_("Topic"), "topic", "Link", 160, "Topic"),
		column(_("Channel"), "channel", "Select", 120),
		column(_("District"), "district", "Link", 130, "District"),
		column(_("Consultations"), "consultations"),
		column(_("Minutes Total"), "minutes"),
		column(_("Average Minutes"), "average_minutes", "Float", 110),
	]


def _where(c, projects, start, end, district):
	cond = c.project.isin(projects) & (c.consultation_date >= start) & (c.consultation_date <= end)
	if district:
		cond &= c.district == district
	return cond


def get_data(projects, start, end, district=None) -> list[dict]:
	c = frappe.qb.DocType("Consultation")
	t = frappe.qb.DocType("Consultation Topic")
	year = Extract("year", c.consultation_date)
	month = Extract("month", c.consultation_date)
	topic = Coalesce(t.topic, NO_TOPIC)
	rows = (
		frappe.qb.from_(c)
		.left_join(t)
		# Consultation Topic is the child table of Consultation.topics only: joining on parent alone lets
		# the (parent, topic) index answer the join without reading the rows
		.on(t.parent == c.name)
		.select(
			c.project,
			year.as_("year"),
			month.as_("month"),
			topic.as_("topic"),
			c.channel,
			c.district,
			Count(c.name).as_("consultations"),
			Sum(c.duration_minutes).as_("minutes"),
			Avg(c.duration_minutes).as_("average_minutes"),
		)
		.where(_where(c, projects, start, end, district))
		.groupby(c.project, year, month, topic, c.channel, c.district)
		.orderby(c.project)
		.orderby(year)
		.orderby(month)
		.orderby(topic)
		.orderby(c.channel)
		.orderby(c.district)
		.run(as_dict=True)
	)
	for r in rows:
		r.month = "{:04d}-{:02d}".format(int(r.pop("year")), int(r.month))
		r.minutes = int(r.minutes or 0)
		r.average_minutes = round(float(r.average_minutes or 0), 1)
	return rows


def totals(projects, start, end, district=None):
	c = frappe.qb.DocType("Consultation")
	row = (
		frappe.qb.from_(c)
		.select(
			Count(c.name).as_("consultations"),
			Sum(c.duration_minutes).as_("minutes"),
			Sum(c.anonymous).as_("anonymous"),
		)
		.where(_where(c, projects, start, end, district))
		.run(as_dict=True)
	)
	return row[0] if row else None


def chart(projects, start, end, district=None):
	c = frappe.qb.DocType("Consultation")
	year = Extract("year", c.consultation_date)
	month = Extract("month", c.consultation_date)
	rows = (
		frappe.qb.from_(c)
		.select(year.as_("year"), month.as_("month"), c.channel, Count(c.name).as_("n"))
		.where(_where(c, projects, start, end, district))
		.groupby(year, month, c.channel)
		.run(as_dict=True)
	)
	if not rows:
		return None
	months = sorted({(int(r.year), int(r.month)) for r in rows})
	channels = sorted({r.channel for r in rows})
	values = {(int(r.year), int(r.month), r.channel): r.n for r in rows}
	return {
		"data": {
			"labels": [f"{m:02d}/{y:04d}" for y, m in months],
			"datasets": [
				{"name": _(ch), "values": [values.get((y, m, ch), 0) for y, m in months]} for ch in channels
			],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
	}


def report_summary(t):
	t = t or frappe._dict()
	n = int(t.get("consultations") or 0)
	minutes = int(t.get("minutes") or 0)
	return [
		summary(n, _("Consultations")),
		summary(int(t.get("anonymous") or 0), _("Anonymous Contacts")),
		summary(round(minutes / 60, 1), _("Hours Total"), "Float"),
		summary(round(minutes / n, 1) if n else 0, _("Average Minutes"), "Float"),
	]
