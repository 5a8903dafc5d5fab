# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt
"""ESF Plus output indicators (Reg. 2021/1057 Annex I) per project, with the gender breakdown
(women / men / non-binary, plus "not specified"), for participants who entered in the period and whose
core data are complete: a participation with incomplete core data does not count (ESF Plus), it is
listed in "ESF Incomplete Core Data" for the ESF officer, and this report says how many were left out.

Counted in SQL: one conditional sum per indicator, grouped by project and gender. The figures go to
the managing authority as they are (no small-cell suppression: the authority needs exact counts).
"""

import frappe
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Coalesce, Count, Sum

from gwk_app.privacy.esf_completeness import complete_condition
from gwk_app.reports.common import column, report_period, report_projects, summary
from gwk_app.rules.reports import ESF_INDICATORS

GENDER_FIELDS = {"Female": "female", "Male": "male", "Diverse": "diverse"}


def execute(filters=None):
	filters = frappe._dict(filters or {})
	projects = report_projects(filters)
	start, end = report_period(filters)
	rows = get_data(projects, start, end) if projects else []
	left_out = incomplete_count(projects, start, end) if projects else 0
	message = None
	if left_out:
		message = _(
			"{0} participation(s) of the period are not counted: their core data are incomplete (see the"
			" report ESF Incomplete Core Data)."
		).format(left_out)
	return columns(), rows, message, chart(rows), report_summary(rows, left_out)


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
		.where(_in_period(e, projects, start, end) & complete_condition(e))
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


def _in_period(e, projects, start, end):
	return e.project.isin(projects) & (e.entry_date >= start) & (e.entry_date <= end)


def incomplete_count(projects, start, end) -> int:
	"""Participations of the period left out for incomplete core data."""
	e = frappe.qb.DocType("ESF Participation")
	rows = (
		frappe.qb.from_(e)
		.select(Count("*"))
		.where(_in_period(e, projects, start, end) & ~complete_condition(e))
		.run()
	)
	return int(rows[0][0] or 0)


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


def report_summary(rows, left_out: int = 0):
	totals = [r for r in rows if r.code == "EECO01"]
	return [
		summary(sum(r.total for r in totals), _("Total number of participants")),
		summary(sum(r.female for r in totals), _("Women")),
		summary(sum(r.male for r in totals), _("Men")),
		summary(sum(r.diverse for r in totals), _("Non-binary")),
		summary(left_out, _("Not counted: incomplete core data"), "Int", "Red" if left_out else "Green"),
	]
