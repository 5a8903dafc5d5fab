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

from gwk_app.reports import figures
from gwk_app.reports.common import DaysBetween, column, report_period, report_projects, summary
from gwk_app.rules import appointments as rules

Month = CustomFunction("DATE_FORMAT", ["date", "format"])
FIGURES = ("booked", "attended", "no_show", "cancelled", "online", "walk_ins")
REPORT = "Appointment Figures"
# counts: [month, status, booked via] -> [appointments]; lead: [month, days] -> [appointments];
# visits: [month, waiting minutes or None] -> [walk-ins]
FAMILIES = {"counts": 3, "lead": 2, "visits": 2}
STOCK = ()
BY_MONTH = ("counts", "lead", "visits")
PEOPLE = False
BY_DISTRICT = False


def execute(filters=None):
	filters = frappe._dict(filters or {})
	projects = report_projects(filters)
	start, end = report_period(filters)
	rows = present(figures.parts(REPORT, projects, start, end), projects) if projects else []
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


def collect(projects, start, end, district=None, *, history=False, by_district=False) -> dict:
	"""{project: part} (see FAMILIES) from grouped queries."""
	out = {p: {f: [] for f in FAMILIES} for p in projects}
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
		out[r.project]["counts"].append([r.month, r.status, r.booked_via, int(r.n)])
	lead = DaysBetween(a.starts_on, a.booked_on)
	for r in (
		frappe.qb.from_(a)
		.select(a.project, month.as_("month"), lead.as_("days"), Count("*").as_("n"))
		.where(cond & a.booked_on.isnotnull() & (a.status != "Cancelled"))
		.groupby(a.project, month, lead)
		.run(as_dict=True)
	):
		out[r.project]["lead"].append([r.month, max(int(r.days or 0), 0), int(r.n)])

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
		wait = None if r.waiting_minutes is None else int(r.waiting_minutes)
		out[r.project]["visits"].append([r.month, wait, int(r.n)])
	return out


def cells(parts: dict, projects) -> dict:
	"""{(project, month): figures with histograms} from the parts."""
	out: dict = {}

	def cell(project, month):
		return out.setdefault((project, month), {**{f: 0 for f in FIGURES}, "lead": {}, "wait": {}})

	for p in dict.fromkeys(projects):
		for month, status, via, n in parts[p]["counts"]:
			c = cell(p, month)
			c["booked"] += n
			c["attended"] += n if status == "Attended" else 0
			c["no_show"] += n if status == "No-Show" else 0
			c["cancelled"] += n if status == "Cancelled" else 0
			c["online"] += n if via == "Public Booking" else 0
		for month, days, n in parts[p]["lead"]:
			lead = cell(p, month)["lead"]
			lead[days] = lead.get(days, 0) + n
		for month, wait, n in parts[p]["visits"]:
			c = cell(p, month)
			c["walk_ins"] += n
			if wait is not None:
				c["wait"][wait] = c["wait"].get(wait, 0) + n
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
	return present(figures.parts(REPORT, projects, start, end), projects)


def present(parts: dict, projects) -> list[dict]:
	"""Rows per project and month and a total row (medians from the combined histograms)."""
	by_month = cells(parts, projects)
	rows = [_row(p, m, by_month[(p, m)]) for p, m in sorted(by_month)]
	if rows:
		total = {**{f: 0 for f in FIGURES}, "lead": {}, "wait": {}}
		for c in by_month.values():
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
