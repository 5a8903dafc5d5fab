# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt
"""ESF Plus output indicators (Reg. 2021/1057 Annex I) per project, with the gender breakdown
(women / men / non-binary, plus "not specified"), for participants who entered in the period.

Counted in SQL: one conditional sum per indicator, grouped by project and gender. The figures go to
the managing authority as they are (no small-cell suppression: the authority needs exact counts).
"""

import frappe
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Coalesce, Count, Sum

from gwk_app.reports.common import column, report_period, report_projects, summary
from gwk_app.rules.reports import ESF_INDICATORS

GENDER_FIELDS = {"Female": "female", "Male": "male", "Diverse": "diverse"}


def execute(filters=None):
	filters = frappe._dict(filters or {})
	projects = report_projects(filters)
	start, end = report_period(filters)
	rows = get_data(projects, start, end) if projects else []
	return columns(), rows, None, chart(rows), report_summary(rows)


def columns():
	return [
		# Data, not Link: Frappe checks read access on linked doctypes, and the ESF officer reads no projects
		column(_("Project"), "project", "Data", 180),
		column(_("Code"), "code", "Data", 80),
		column(_("Indicator"), "indicator", "Data", 320),
		column(_("Women"), "female"),
		column(_("Men"), "male"),
		column(_("Non-binary"), "diverse"),
		column(_("Not specified"), "not_specified"),
		column(_("Total"), "total"),
	]


def get_data(projects, start, end):
	e = frappe.qb.DocType("ESF Participation")
	sums = []
	for code, _label, field, values in ESF_INDICATORS:
		if field is None:
			sums.append(Count("*").as_(code))
		else:
			sums.append(Sum(Case().when(e[field].isin(list(values)), 1).else_(0)).as_(code))
	gender = Coalesce(e.gender, "")
	groups = (
		frappe.qb.from_(e)
		.select(e.project, gender.as_("gender"), *sums)
		.where(e.project.isin(projects) & (e.entry_date >= start) & (e.entry_date <= end))
		.groupby(e.project, gender)
		.run(as_dict=True)
	)
	rows = []
	for project in projects:
		mine = [g for g in groups if g.project == project]
		for code, label, _field, _values in ESF_INDICATORS:
			row = frappe._dict(
				project=project, code=code, indicator=_(label), female=0, male=0, diverse=0, not_specified=0
			)
			for g in mine:
				row[GENDER_FIELDS.get(g.gender, "not_specified")] += int(g[code] or 0)
			row.total = row.female + row.male + row.diverse + row.not_specified
			rows.append(row)
	return rows


def chart(rows):
	totals = [r for r in rows if r.code == "EECO01"]
	if not totals:
		return None
	return {
		"data": {
			"labels": [r.project for r in totals],
			"datasets": [
				{"name": _("Women"), "values": [r.female for r in totals]},
				{"name": _("Men"), "values": [r.male for r in totals]},
				{"name": _("Non-binary"), "values": [r.diverse for r in totals]},
			],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
	}


def report_summary(rows):
	totals = [r for r in rows if r.code == "EECO01"]
	return [
		summary(sum(r.total for r in totals), _("Total number of participants")),
		summary(sum(r.female for r in totals), _("Women")),
		summary(sum(r.male for r in totals), _("Men")),
		summary(sum(r.diverse for r in totals), _("Non-binary")),
	]
