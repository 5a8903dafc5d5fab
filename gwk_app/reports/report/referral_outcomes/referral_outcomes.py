# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt
"""Referrals per partner and status in the period (by referral date): completion rate and waiting
days (referral to appointment; median from a distribution counted in SQL)."""

import frappe
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Count

from gwk_app.reports import figures
from gwk_app.reports.common import column, report_period, report_projects, summary
from gwk_app.rules.reports import mean_from_counts, median_from_counts, rate

REPORT = "Referral Outcomes"

STATUSES = ("Referred", "Appointment", "Completed", "Not Taken Up", "Declined")
STATUS_FIELDS = {s: s.lower().replace(" ", "_") for s in STATUSES}


def execute(filters=None):
	filters = frappe._dict(filters or {})
	projects = report_projects(filters)
	if not projects:
		return columns(), [], None, None, report_summary([], {})
	start, end = report_period(filters)
	parts = figures.parts(REPORT, projects, start, end, filters.get("district"), filters.get("partner"))
	rows, all_days = present(parts, projects)
	return columns(), rows, None, chart(rows), report_summary(rows, all_days)


def columns():
	cols = [
		column(_("Project"), "project", "Link", 160, "Community Project"),
		column(_("Referral Partner"), "partner", "Link", 200, "Referral Partner"),
		column(_("Referrals"), "referrals"),
	]
	cols += [column(_(s), STATUS_FIELDS[s]) for s in STATUSES]
	cols += [
		column(_("Completion Rate"), "completion_rate", "Percent", 120),
		column(_("Median Waiting Days"), "median_waiting_days", "Float", 140),
		column(_("Average Waiting Days"), "average_waiting_days", "Float", 140),
	]
	return cols


def _where(r, projects, start, end, district, partner):
	cond = r.project.isin(projects) & (r.referred_on >= start) & (r.referred_on <= end)
	if partner:
		cond &= r.partner == partner
	if district:
		res = frappe.qb.DocType("Resident")
		cond &= r.resident.isin(frappe.qb.from_(res).select(res.name).where(res.district == district))
	return cond


def get_data(projects, start, end, district=None, partner=None):
	"""(rows per project and partner, {waiting days: referrals} over all of them), counted now."""
	return present(collect(projects, start, end, district, partner), projects)


def collect(projects, start, end, district=None, partner=None) -> dict:
	"""{project: {"rows": [per partner], "days": [[waiting days, referrals], ...]}} (JSON-able)."""
	ref = frappe.qb.DocType("Referral")
	cond = _where(ref, projects, start, end, district, partner)
	# one pass: counts per status and, where an appointment was made, per waiting time
	waiting = Case().when(ref.appointment_date.isnotnull(), ref.waiting_days).else_(None)
	groups = (
		frappe.qb.from_(ref)
		.select(ref.project, ref.partner, ref.status, waiting.as_("waiting_days"), Count("*").as_("n"))
		.where(cond)
		.groupby(ref.project, ref.partner, ref.status, waiting)
		.run(as_dict=True)
	)
	rows: dict = {}
	days: dict = {}
	project_days: dict = {p: {} for p in projects}
	for g in groups:
		row = rows.setdefault(
			(g.project, g.partner),
			{
				"project": g.project,
				"partner": g.partner,
				"referrals": 0,
				**{f: 0 for f in STATUS_FIELDS.values()},
			},
		)
		row[STATUS_FIELDS.get(g.status, "referred")] += int(g.n)
		row["referrals"] += int(g.n)
		if g.waiting_days is not None:
			w = int(g.waiting_days)
			dist = days.setdefault((g.project, g.partner), {})
			dist[w] = dist.get(w, 0) + int(g.n)
			project_days[g.project][w] = project_days[g.project].get(w, 0) + int(g.n)
	for key, row in rows.items():
		row["completion_rate"] = rate(row["completed"], row["referrals"])
		row["median_waiting_days"] = median_from_counts(days.get(key, {}))
		avg = mean_from_counts(days.get(key, {}))
		row["average_waiting_days"] = round(avg, 1) if avg is not None else None
	out = {p: {"rows": [], "days": sorted([w, n] for w, n in project_days[p].items())} for p in projects}
	for (project, _partner), row in sorted(rows.items()):
		out[project]["rows"].append(row)
	return out


def present(parts: dict, projects) -> tuple[list, dict]:
	rows, all_days = [], {}
	for p in dict.fromkeys(projects):
		rows += [frappe._dict(r) for r in parts[p]["rows"]]
		for w, n in parts[p]["days"]:
			all_days[int(w)] = all_days.get(int(w), 0) + int(n)
	return rows, all_days


def chart(rows):
	if not rows:
		return None
	counts: dict = {}
	for r in rows:  # one pass over the rows
		per_status = counts.setdefault(r["partner"], dict.fromkeys(STATUSES, 0))
		for s in STATUSES:
			per_status[s] += r[STATUS_FIELDS[s]]
	partners = sorted(counts)
	return {
		"data": {
			"labels": partners,
			"datasets": [{"name": _(s), "values": [counts[p][s] for p in partners]} for s in STATUSES],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
	}


def report_summary(rows, all_days):
	total = sum(r.referrals for r in rows)
	completed = sum(r.completed for r in rows)
	still_open = sum(r.referred + r.appointment for r in rows)
	return [
		summary(total, _("Referrals")),
		summary(completed, _("Completed"), indicator="Green"),
		summary(still_open, _("Open Referrals"), indicator="Orange"),
		summary(rate(completed, total) or 0, _("Completion Rate"), "Percent"),
		summary(median_from_counts(all_days) or 0, _("Median Waiting Days"), "Float"),
	]
