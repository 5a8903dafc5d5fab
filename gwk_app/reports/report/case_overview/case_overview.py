# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt
"""Cases by type and topic: opened and closed in the period, open at its end, time to close.

A case with several topics appears under each of its topics; the summary counts every case once.
Time to close (days from opened to closed) is counted in SQL per value; average and median are taken
from that distribution.
"""

import frappe
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Coalesce, Count, Sum

from gwk_app.reports import figures
from gwk_app.reports.common import DaysBetween, column, report_period, report_projects, summary
from gwk_app.rules.reports import mean_from_counts, median_from_counts

REPORT = "Case Overview"
# rows: [district, case type, topic] -> [opened, closed]; days: [district, case type, topic, days to close]
# -> [cases]; open: [district, case type, topic] -> [open at the end]; the same per case (not per topic):
# overall [district] -> [opened, closed], overall_days [district, days] -> [cases], overall_open
# [district] -> [open at the end]. The open ones are a state at the end of the period (STOCK).
FAMILIES = {"rows": 3, "days": 4, "open": 3, "overall": 1, "overall_days": 2, "overall_open": 1}
STOCK = ("open", "overall_open")
PEOPLE = False
BY_DISTRICT = True

NO_TOPIC = "-"


def execute(filters=None):
	filters = frappe._dict(filters or {})
	projects = report_projects(filters)
	if not projects:
		return columns(), [], None, None, report_summary(frappe._dict(), {})
	start, end = report_period(filters)
	district = filters.get("district")
	parts = figures.parts(REPORT, projects, start, end, district)
	rows, overall, days = present(parts, projects)
	return columns(), rows, None, chart(rows), report_summary(overall, days)


def collect(projects, start, end, district=None, *, history=False, by_district=False) -> dict:
	"""{project: part} (see FAMILIES): rows by topic; the overall counts and days to close count every
	case once."""
	out = {p: {f: [] for f in FAMILIES} for p in projects}
	for r in counts(projects, start, end, district, by_district=True):
		key = [r.district, r.case_type, r.topic]
		if r.opened or r.closed:
			out[r.project]["rows"].append([*key, int(r.opened or 0), int(r.closed or 0)])
		if r.open_at_end:
			out[r.project]["open"].append([*key, int(r.open_at_end)])
	for r in counts(projects, start, end, district, by_topic=False, by_project=True, by_district=True):
		if r.opened or r.closed:
			out[r.project]["overall"].append([r.district, int(r.opened or 0), int(r.closed or 0)])
		if r.open_at_end:
			out[r.project]["overall_open"].append([r.district, int(r.open_at_end)])
	for (project, where, case_type, topic), dist in close_days(
		projects, start, end, district, by_district=True
	).items():
		out[project]["days"] += [[where, case_type, topic, d, n] for d, n in dist.items()]
	for (project, where), dist in close_days(
		projects, start, end, district, by_topic=False, by_project=True, by_district=True
	).items():
		out[project]["overall_days"] += [[where, d, n] for d, n in dist.items()]
	if by_district:
		return {p: figures.split(part, dict.fromkeys(FAMILIES, 0)) for p, part in out.items()}
	return out


def present(parts: dict, projects) -> tuple[list, frappe._dict, dict]:
	"""(rows, overall counts, overall days-to-close distribution) from the parts: tens of thousands of
	family rows over a funding period, added up in plain lists and dicts."""
	acc: dict = {}  # (project, case type, topic) -> [opened, closed, open at the end]
	dists: dict = {}  # (project, case type, topic) -> {days to close: cases}
	opened_all = closed_all = open_all = 0
	days: dict = {}
	for p in dict.fromkeys(projects):
		part = parts[p]
		for _district, case_type, topic, opened, closed in part["rows"]:
			key = (p, case_type, topic)
			a = acc.get(key)
			if a is None:
				acc[key] = [opened, closed, 0]
			else:
				a[0] += opened
				a[1] += closed
		for _district, case_type, topic, n in part["open"]:
			key = (p, case_type, topic)
			a = acc.get(key)
			if a is None:
				acc[key] = [0, 0, n]
			else:
				a[2] += n
		for _district, case_type, topic, d, n in part["days"]:
			key = (p, case_type, topic)
			dist = dists.get(key)
			if dist is None:
				dist = dists[key] = {}
			d = int(d)
			dist[d] = dist.get(d, 0) + n
		for _district, opened, closed in part["overall"]:
			opened_all += opened
			closed_all += closed
		for _district, n in part["overall_open"]:
			open_all += n
		for _district, d, n in part["overall_days"]:
			d = int(d)
			days[d] = days.get(d, 0) + n
	out = []
	labels: dict = {}  # translated once per case type, not per row
	for key in sorted(acc):
		opened, closed, open_at_end = acc[key]
		if not (opened or closed or open_at_end):
			continue
		project, case_type, topic = key
		dist = dists.get(key, {})
		avg = mean_from_counts(dist)
		if case_type not in labels:
			labels[case_type] = _(case_type)
		out.append(
			frappe._dict(
				project=project, case_type=labels[case_type], topic=topic, opened=opened, closed=closed,
				open_at_end=open_at_end, average_days=round(avg, 1) if avg is not None else None,
				median_days=median_from_counts(dist),
			)
		)  # fmt: skip
	overall = frappe._dict(opened=opened_all, closed=closed_all, open_at_end=open_all)
	return out, overall, days


def columns():
	return [
		column(_("Project"), "project", "Link", 160, "Community Project"),
		column(_("Case Type"), "case_type", "Select", 190),
		column(_("Topic"), "topic", "Link", 160, "Topic"),
		column(_("Opened"), "opened"),
		column(_("Closed"), "closed"),
		column(_("Open at End of Period"), "open_at_end", "Int", 140),
		column(_("Average Days to Close"), "average_days", "Float", 140),
		column(_("Median Days to Close"), "median_days", "Float", 140),
	]


def _base(projects, district):
	c = frappe.qb.DocType("Case")
	t = frappe.qb.DocType("Case Topic")
	cond = c.project.isin(projects)
	if district:
		cond &= c.district == district
	return c, t, cond


def counts(projects, start, end, district=None, by_topic=True, by_project=False, by_district=False):
	c, t, cond = _base(projects, district)
	opened = Sum(Case().when((c.opened_on >= start) & (c.opened_on <= end), 1).else_(0))
	closed = Sum(Case().when((c.closed_on >= start) & (c.closed_on <= end), 1).else_(0))
	open_at_end = Sum(
		Case().when((c.opened_on <= end) & (c.closed_on.isnull() | (c.closed_on > end)), 1).else_(0)
	)
	q = frappe.qb.from_(c)
	fields = [opened.as_("opened"), closed.as_("closed"), open_at_end.as_("open_at_end")]
	where = [c.district] if by_district else []
	if by_topic:
		topic = Coalesce(t.topic, NO_TOPIC)
		q = q.left_join(t).on((t.parent == c.name) & (t.parenttype == "Case") & (t.parentfield == "topics"))
		q = q.select(c.project, *where, c.case_type, topic.as_("topic"), *fields).groupby(
			c.project, *where, c.case_type, topic
		)
	elif by_project:
		q = q.select(c.project, *where, *fields).groupby(c.project, *where)
	else:
		q = q.select(*fields)
	# only cases that touch the period: opened before its end
	return q.where(cond & (c.opened_on <= end)).run(as_dict=True)


def close_days(
	projects, start, end, district=None, by_topic=True, by_project=False, by_district=False
) -> dict:
	"""{(project, case_type, topic), (project,) or (): {days: cases}} for cases closed in the period (with
	`by_district` the case's district after the project)."""
	c, t, cond = _base(projects, district)
	days = DaysBetween(c.closed_on, c.opened_on)
	q = frappe.qb.from_(c)
	keys = []
	where = [c.district] if by_district else []
	if by_topic:
		topic = Coalesce(t.topic, NO_TOPIC)
		q = q.left_join(t).on((t.parent == c.name) & (t.parenttype == "Case") & (t.parentfield == "topics"))
		keys = [c.project, *where, c.case_type, topic]
		q = q.select(c.project, *where, c.case_type, topic.as_("topic"))
	elif by_project:
		keys = [c.project, *where]
		q = q.select(c.project, *where)
	rows = (
		q.select(days.as_("days"), Count("*").as_("n"))
		.where(cond & (c.closed_on >= start) & (c.closed_on <= end))
		.groupby(*keys, days)
		.run(as_dict=True)
	)
	out: dict = {}
	for r in rows:
		key = (r.project, r.case_type, r.topic) if by_topic else (r.project,) if by_project else ()
		if by_district:
			key = (*key[:1], r.district, *key[1:])
		out.setdefault(key, {})[int(r.days)] = int(r.n)
	return out


def get_data(projects, start, end, district=None):
	"""Rows per project, case type (translated) and topic."""
	return present(figures.parts(REPORT, projects, start, end, district), projects)[0]


def chart(rows):
	if not rows:
		return None
	opened: dict = {}
	closed: dict = {}
	for r in rows:  # one pass (a report has hundreds of rows)
		opened[r["case_type"]] = opened.get(r["case_type"], 0) + r["opened"]
		closed[r["case_type"]] = closed.get(r["case_type"], 0) + r["closed"]
	types = sorted(opened)
	return {
		"data": {
			"labels": types,
			"datasets": [
				{"name": _("Opened"), "values": [opened[t] for t in types]},
				{"name": _("Closed"), "values": [closed[t] for t in types]},
			],
		},
		"type": "bar",
	}


def report_summary(overall, days):
	avg = mean_from_counts(days)
	median = median_from_counts(days)
	return [
		summary(int(overall.get("opened") or 0), _("Opened")),
		summary(int(overall.get("closed") or 0), _("Closed")),
		summary(int(overall.get("open_at_end") or 0), _("Open at End of Period"), indicator="Orange"),
		summary(round(avg, 1) if avg is not None else 0, _("Average Days to Close"), "Float"),
		summary(median or 0, _("Median Days to Close"), "Float"),
	]
