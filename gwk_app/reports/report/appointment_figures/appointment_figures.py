# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt
"""Appointments per project and month: booked, attended, no-shows, no-show rate, cancellations, online
bookings, lead time (days from booking to appointment), and the office-hours waiting list (walk-ins,
waiting time). Counts only; the medians are combined from per-month histograms."""

import frappe
from frappe import _
from frappe.query_builder import CustomFunction
from frappe.query_builder.functions import Count
from frappe.utils import add_days

from gwk_app.reports.common import DaysBetween, column, report_period, report_projects, summary
from gwk_app.rules import appointments as rules

Month = CustomFunction("DATE_FORMAT", ["date", "format"])
FIGURES = ("booked", "attended", "no_show", "cancelled", "online", "walk_ins")


def execute(filters=None):
	filters = frappe._dict(filters or {})
	projects = report_projects(filters)
	start, end = report_period(filters)
	rows = get_data(projects, start, end) if projects else []
	return columns(), rows, None, chart(rows), report_summary(rows)


def columns():
	return [
		column(_("Project"), "project", "Link", 170, "Community Project"),
		column(_("Month"), "month", "Data", 90),
		column(_("Booked"), "booked"),
		column(_("Attended"), "attended"),
		column(_("No-Show"), "no_show"),
		column(_("No-Show Rate (%)"), "no_show_rate", "Percent", 130),
		column(_("Cancelled"), "cancelled"),
		column(_("Booked Online"), "online"),
		column(_("Median Lead Time (Days)"), "lead_days", "Float", 170),
		column(_("Walk-ins"), "walk_ins"),
		column(_("Median Waiting Time (Minutes)"), "waiting_minutes", "Float", 190),
	]


def collect(projects, start, end) -> dict:
	"""{(project, month): figures with histograms} from grouped queries."""
	out: dict = {}

	def cell(project, month):
		return out.setdefault((project, month), {**{f: 0 for f in FIGURES}, "lead": {}, "wait": {}})

	a = frappe.qb.DocType("Consultation Appointment")
	month = Month(a.starts_on, "%Y-%m")
	cond = a.project.isin(projects) & (a.starts_on >= start) & (a.starts_on < add_days(end, 1))
	for r in (
		frappe.qb.from_(a)
		.select(a.project, month.as_("month"), a.status, a.booked_via, Count("*").as_("n"))
		.where(cond)
		.groupby(a.project, month, a.status, a.booked_via)
		.run(as_dict=True)
	):
		c = cell(r.project, r.month)
		c["booked"] += r.n
		c["attended"] += r.n if r.status == "Attended" else 0
		c["no_show"] += r.n if r.status == "No-Show" else 0
		c["cancelled"] += r.n if r.status == "Cancelled" else 0
		c["online"] += r.n if r.booked_via == "Public Booking" else 0
	lead = DaysBetween(a.starts_on, a.booked_on)
	for r in (
		frappe.qb.from_(a)
		.select(a.project, month.as_("month"), lead.as_("days"), Count("*").as_("n"))
		.where(cond & a.booked_on.isnotnull() & (a.status != "Cancelled"))
		.groupby(a.project, month, lead)
		.run(as_dict=True)
	):
		cell(r.project, r.month)["lead"][max(int(r.days or 0), 0)] = r.n

	v = frappe.qb.DocType("Office Hours Visit")
	vmonth = Month(v.visit_date, "%Y-%m")
	vcond = v.project.isin(projects) & (v.visit_date >= start) & (v.visit_date <= end)
	for r in (
		frappe.qb.from_(v)
		.select(v.project, vmonth.as_("month"), v.waiting_minutes, Count("*").as_("n"))
		.where(vcond)
		.groupby(v.project, vmonth, v.waiting_minutes)
		.run(as_dict=True)
	):
		c = cell(r.project, r.month)
		c["walk_ins"] += r.n
		if r.waiting_minutes is not None:
			c["wait"][int(r.waiting_minutes)] = c["wait"].get(int(r.waiting_minutes), 0) + r.n
	return out


def _row(project, month, c) -> frappe._dict:
	return frappe._dict(
		project=project,
		month=month,
		**{f: c[f] for f in FIGURES},
		no_show_rate=rules.no_show_rate(c["attended"], c["no_show"]),
		lead_days=rules.median_from_counts(c["lead"]),
		waiting_minutes=rules.median_from_counts(c["wait"]),
	)


def get_data(projects, start, end) -> list[dict]:
	cells = collect(projects, start, end)
	rows = [_row(p, m, cells[(p, m)]) for p, m in sorted(cells)]
	if rows:
		total = {**{f: 0 for f in FIGURES}, "lead": {}, "wait": {}}
		for c in cells.values():
			for f in FIGURES:
				total[f] += c[f]
			for key in ("lead", "wait"):
				for value, n in c[key].items():
					total[key][value] = total[key].get(value, 0) + n
		rows.append(_row(_("Total"), "", total) | {"is_total_row": 1})
	return rows


def chart(rows):
	rows = [r for r in rows if not r.get("is_total_row")]
	if not rows:
		return None
	return {
		"data": {
			"labels": [f"{r.month} {r.project}" for r in rows],
			"datasets": [
				{"name": _("Attended"), "values": [r.attended for r in rows]},
				{"name": _("No-Show"), "values": [r.no_show for r in rows]},
			],
		},
		"type": "bar",
	}


def report_summary(rows):
	total = next((r for r in rows if r.get("is_total_row")), None)
	if not total:
		return [summary(0, _("Booked"))]
	return [
		summary(total["booked"], _("Booked")),
		summary(total["attended"], _("Attended"), indicator="Green"),
		summary(total["no_show_rate"] or 0, _("No-Show Rate (%)"), "Percent", "Red"),
		summary(total["lead_days"] or 0, _("Median Lead Time (Days)"), "Float"),
		summary(total["waiting_minutes"] or 0, _("Median Waiting Time (Minutes)"), "Float"),
	]
