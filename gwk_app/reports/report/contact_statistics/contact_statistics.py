# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt
"""Consultations by month × topic × channel × district, with durations.

A consultation with several topics appears under each of its topics (a row per topic); the summary
counts every consultation once.
"""

from datetime import date
from functools import partial
from typing import NamedTuple

import frappe
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Coalesce, Count, Extract, Sum
from frappe.utils.data import format_date

from gwk_app.casework import tallies
from gwk_app.reports import figures
from gwk_app.reports.common import column, report_period, report_projects, summary

REPORT = "Contact Statistics"

NO_TOPIC = "-"


FAMILIES = {
	"rows": 5
}  # [month, topic, channel, district, imported] -> [consultations, minutes, once, once_minutes, once_anonymous]
STOCK = ()
BY_MONTH = ("rows",)
PEOPLE = False
BY_DISTRICT = True


def execute(filters=None):
	filters = frappe._dict(filters or {})
	projects = report_projects(filters)
	if not projects:
		return columns(), [], None, None, report_summary(None)
	start, end = report_period(filters)
	pieces = figures.pieces(REPORT, projects, start, end, filters.get("district"))
	rows, total, by_month = present(pieces, projects)
	return columns(), rows, None, chart(by_month), report_summary(total)


def collect(projects, start, end, district=None, *, history=False, by_district=False) -> dict:
	"""{project: {"rows": [[month, topic, channel, district, imported, consultations, minutes, once,
	once_minutes, once_anonymous], ...]}}: a row per topic; "once" counts each consultation at its first
	topic only, so the totals and the months count every consultation once (one query)."""
	out = {p: {"rows": []} for p in projects}
	for r in get_data(projects, start, end, district):
		out[r.project]["rows"].append(
			[r.month, r.topic, r.channel, r.district, 0, int(r.consultations), int(r.minutes or 0),
			int(r.once or 0), int(r.once_minutes or 0), int(r.once_anonymous or 0)]
		)  # fmt: skip
	tallies.add_to_contact_statistics(out, projects, start, end, district)
	if by_district:
		return {p: figures.split(part, {"rows": 3}, shown=("rows",)) for p, part in out.items()}
	return out


def present(pieces: dict, projects) -> tuple[list, dict, list]:
	"""(rows, totals, [[year, month, channel, consultations], ...]) from {project: [part, ...]}, the period's
	parts month by month (`figures.pieces`; no two of a project's parts share a month, so none share a row).
	Over a funding period these are tens of thousands of rows: each part's rows and sums are derived once per
	process for a part of kept figures (`figures.derived`), so a run copies its rows and adds up its sums."""
	projects = list(dict.fromkeys(projects))
	sums = [(p, part, figures.derived(part, "sums", _sums, weight=0)) for p in projects for part in pieces[p]]
	# rows carry "imported" only when some row is an imported tally: Frappe's report runner walks every
	# cell of every row while some column has no value in any row (get_linked_doctypes)
	with_imported = any(s.has_imported for _p, _part, s in sums)
	rows: list = []
	months: dict = {}
	consultations = minutes = anonymous = imported = 0
	for p, part, s in sums:
		# copies: the rows are shared, and Frappe's report runner adds custom columns to the rows it gets
		view = figures.derived(part, ("rows", p, with_imported), partial(_rows, p, with_imported))
		rows.extend([row.copy() for row in view])
		consultations += s.consultations
		minutes += s.minutes
		anonymous += s.anonymous
		imported += s.imported
		for key, n in s.months.items():
			months[key] = months.get(key, 0) + n
	total = frappe._dict(consultations=consultations, minutes=minutes, anonymous=anonymous, imported=imported)
	return rows, total, [[int(m[:4]), int(m[5:7]), ch, n] for (m, ch), n in months.items()]


class Sums(NamedTuple):
	"""A part's totals, each consultation counted once (at its first topic)."""

	has_imported: bool
	consultations: int
	minutes: int
	anonymous: int
	imported: int
	months: dict  # {(month, channel): consultations}


def _sums(part: dict) -> Sums:
	has_imported = False
	consultations = minutes = anonymous = imported = 0
	months: dict = {}
	for month, _topic, channel, _district, is_imported, _n, _m, once, once_minutes, once_anon in part["rows"]:
		consultations += once
		minutes += once_minutes
		anonymous += once_anon
		if is_imported:
			has_imported = True
			imported += once
		key = (month, channel)
		months[key] = months.get(key, 0) + once
	return Sums(has_imported, consultations, minutes, anonymous, imported, months)


def _rows(project: str, with_imported: bool, part: dict) -> list[dict]:
	"""The report's rows of one project's part."""
	out = []
	add = out.append
	for month, topic, channel, district, imported, n, minutes, _once, _once_m, _once_a in part["rows"]:
		row = {
			"project": project,
			"month": month,
			"topic": topic,
			"channel": channel,
			"district": district,
			"consultations": n,
			"minutes": minutes,
			"average_minutes": None if imported or not n else round(minutes / n, 1),
		}
		if with_imported:
			row["imported"] = imported
		add(row)
	return out


def month_channel_counts(pieces: dict, projects) -> dict:
	"""{(project, year, month, channel): consultations} (each consultation once) from `figures.pieces`."""
	out: dict = {}
	for p in dict.fromkeys(projects):
		for part in pieces[p]:
			for (month, channel), n in figures.derived(part, "sums", _sums, weight=0).months.items():
				key = (p, int(month[:4]), int(month[5:7]), channel)
				out[key] = out.get(key, 0) + n
	return out


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
	first = (t.idx == 1) | t.name.isnull()  # the consultation's first topic, or it has none
	rows = (
		frappe.qb.from_(c)
		.left_join(t)
		# Consultation Topic is the child table of Consultation.topics only: joining on parent alone lets
		# the (parent, topic, idx) index answer the join without reading the rows
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
			Sum(Case().when(first, 1).else_(0)).as_("once"),
			Sum(Case().when(first, c.duration_minutes).else_(0)).as_("once_minutes"),
			Sum(Case().when(first, c.anonymous).else_(0)).as_("once_anonymous"),
		)
		.where(_where(c, projects, start, end, district))
		.groupby(c.project, year, month, topic, c.channel, c.district)
		.run(as_dict=True)
	)
	for r in rows:
		r.month = "{:04d}-{:02d}".format(int(r.pop("year")), int(r.month))
	return rows


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
