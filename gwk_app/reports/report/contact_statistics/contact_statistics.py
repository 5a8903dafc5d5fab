# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt
"""Consultations by month × topic × channel × district, with durations.

A consultation with several topics appears under each of its topics (a row per topic); the summary
counts every consultation once.
"""

from datetime import date

import frappe
from frappe import _
from frappe.query_builder.functions import Avg, Coalesce, Count, Extract, Sum
from frappe.utils.data import format_date

from gwk_app.casework import tallies
from gwk_app.reports import figures
from gwk_app.reports.common import column, report_period, report_projects, summary

REPORT = "Contact Statistics"

NO_TOPIC = "-"


def execute(filters=None):
	filters = frappe._dict(filters or {})
	projects = report_projects(filters)
	if not projects:
		return columns(), [], None, None, report_summary(None)
	start, end = report_period(filters)
	district = filters.get("district")
	parts = figures.parts(REPORT, projects, start, end, district)
	rows, total, by_month = present(parts, projects)
	return columns(), rows, None, chart(by_month), report_summary(total)


def collect(projects, start, end, district=None) -> dict:
	"""{project: {"rows": [...], "totals": {...}, "months": [[year, month, channel, n], ...]}}."""
	out = {
		p: {"rows": [], "totals": {"consultations": 0, "minutes": 0, "anonymous": 0}, "months": []}
		for p in projects
	}
	for r in get_data(projects, start, end, district):
		out[r.project]["rows"].append(r)
	for r in totals(projects, start, end, district):
		out[r.project]["totals"] = {k: int(r[k] or 0) for k in ("consultations", "minutes", "anonymous")}
	for r in month_counts(projects, start, end, district):
		out[r.project]["months"].append([int(r.year), int(r.month), r.channel, int(r.n)])
	tallies.add_to_contact_statistics(out, projects, start, end, district)
	return out


def present(parts: dict, projects) -> tuple[list, dict, list]:
	rows, total, months = [], frappe._dict(consultations=0, minutes=0, anonymous=0, imported=0), []
	for p in dict.fromkeys(projects):
		rows += [frappe._dict(r) for r in parts[p]["rows"]]
		for k in total:
			total[k] += parts[p]["totals"].get(k, 0)
		months += parts[p]["months"]
	return rows, total, months


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
		column(_("Imported Tally"), "imported", "Check", 110),
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
	return (
		frappe.qb.from_(c)
		.select(
			c.project,
			Count(c.name).as_("consultations"),
			Sum(c.duration_minutes).as_("minutes"),
			Sum(c.anonymous).as_("anonymous"),
		)
		.where(_where(c, projects, start, end, district))
		.groupby(c.project)
		.run(as_dict=True)
	)


def month_counts(projects, start, end, district=None):
	c = frappe.qb.DocType("Consultation")
	year = Extract("year", c.consultation_date)
	month = Extract("month", c.consultation_date)
	return (
		frappe.qb.from_(c)
		.select(c.project, year.as_("year"), month.as_("month"), c.channel, Count(c.name).as_("n"))
		.where(_where(c, projects, start, end, district))
		.groupby(c.project, year, month, c.channel)
		.run(as_dict=True)
	)


def chart(by_month):
	"""Stacked bars per month and channel from [[year, month, channel, n], ...] (any number of projects)."""
	values: dict = {}
	for y, m, ch, n in by_month:
		values[(int(y), int(m), ch)] = values.get((int(y), int(m), ch), 0) + int(n)
	if not values:
		return None
	months = sorted({(y, m) for y, m, _ch in values})
	channels = sorted({ch for _y, _m, ch in values})
	return {
		"data": {
			"labels": [format_date(date(y, m, 1), "MMM yyyy") for y, m in months],
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
	imported = int(t.get("imported") or 0)
	recorded = n - imported  # imported tallies carry no duration
	return [
		summary(n, _("Consultations")),
		summary(int(t.get("anonymous") or 0), _("Anonymous Contacts")),
		summary(round(minutes / 60, 1), _("Hours Total"), "Float"),
		summary(round(minutes / recorded, 1) if recorded else 0, _("Average Minutes"), "Float"),
		summary(imported, _("Imported Contacts")),
	]
