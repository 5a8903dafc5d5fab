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
# groups: [district (the resident's), partner, status, waiting days or None] -> [referrals]
FAMILIES = {"groups": 4}
STOCK = ()
PEOPLE = False
BY_DISTRICT = True


def execute(filters=None):
	filters = frappe._dict(filters or {})
	projects = report_projects(filters)
	if not projects:
		return columns(), [], None, None, report_summary([], {})
	start, end = report_period(filters)
	parts = figures.parts(REPORT, projects, start, end, filters.get("district"))
	rows, all_days = present(parts, projects, filters.get("partner"))
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


def get_data(projects, start, end, district=None, partner=None):
	"""(rows per project and partner, {waiting days: referrals} over all of them)."""
	return present(figures.parts(REPORT, projects, start, end, district), projects, partner)


def collect(projects, start, end, district=None, *, history=False, by_district=False) -> dict:
	"""{project: {"groups": [[district, partner, status, waiting days, referrals], ...]}} in one pass:
	counts per status and, where an appointment was made, per waiting time."""
	ref = frappe.qb.DocType("Referral")
	res = frappe.qb.DocType("Resident")
	cond = ref.project.isin(projects) & (ref.referred_on >= start) & (ref.referred_on <= end)
	if district:
		cond &= res.district == district
	waiting = Case().when(ref.appointment_date.isnotnull(), ref.waiting_days).else_(None)
	out = {p: {"groups": []} for p in projects}
	query = frappe.qb.from_(ref)
	home = []
	if district or by_district:
		# the resident's district only where asked for (a look-up per referral)
		query = query.left_join(res).on(res.name == ref.resident)
		home = [res.district]
	# thousands of groups (one per waiting time): plain tuples, not a dict per row
	for project, *where, who, status, wait, n in (
		query.select(
			ref.project, *home, ref.partner, ref.status, waiting.as_("waiting_days"), Count("*").as_("n")
		)
		.where(cond)
		.groupby(ref.project, *home, ref.partner, ref.status, waiting)
		.run()
	):
		wait = None if wait is None else int(wait)
		out[project]["groups"].append([where[0] if where else None, who, status, wait, int(n)])
	if by_district:
		return {p: figures.split(part, {"groups": 0}) for p, part in out.items()}
	return out


def present(parts: dict, projects, partner=None) -> tuple[list, dict]:
	"""(rows per project and partner, {waiting days: referrals} over all of them), optionally of one
	partner only."""
	rows: dict = {}
	days: dict = {}
	all_days: dict = {}
	zero = dict.fromkeys(STATUS_FIELDS.values(), 0)
	for p in dict.fromkeys(projects):
		# thousands of groups (one per waiting time): a row and a distribution made once per partner
		for _district, who, status, wait, n in parts[p]["groups"]:
			if partner and who != partner:
				continue
			key = (p, who)
			row = rows.get(key)
			if row is None:
				row = rows[key] = {"project": p, "partner": who, "referrals": 0, **zero}
			row[STATUS_FIELDS.get(status, "referred")] += n
			row["referrals"] += n
			if wait is not None:
				dist = days.get(key)
				if dist is None:
					dist = days[key] = {}
				dist[wait] = dist.get(wait, 0) + n
				all_days[wait] = all_days.get(wait, 0) + n
	out = []
	for key in sorted(rows, key=lambda k: (k[0], k[1] or "")):
		row = frappe._dict(rows[key])
		row.completion_rate = rate(row.completed, row.referrals)
		row.median_waiting_days = median_from_counts(days.get(key, {}))
		avg = mean_from_counts(days.get(key, {}))
		row.average_waiting_days = round(avg, 1) if avg is not None else None
		out.append(row)
	return out, all_days


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
