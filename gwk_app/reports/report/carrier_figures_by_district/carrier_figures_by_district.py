# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt
"""A carrier figure per district and quarter (the drill-down of the Carrier Overview and the carrier's
desk): consultations, anonymous contacts, cases opened or referrals of one year, aggregated only.

Small cells are suppressed with their row and column totals (gwk_app.rules.suppression), so the
quarters and districts add up to the Carrier Overview's figure without revealing a small one.
Distinct people (participants) are left out: they do not add up over quarters or districts.
"""

from datetime import date

import frappe
from frappe import _
from frappe.query_builder.functions import Count, Extract

from gwk_app.reports.common import column, report_projects
from gwk_app.rules.suppression import SUPPRESSED, suppress_table
from gwk_app.settings import small_cell_threshold

FIGURES = {
	"consultations": "Consultations",
	"anonymous": "Anonymous Contacts",
	"cases_opened": "Cases Opened",
	"referrals": "Referrals",
}
QUARTERS = (1, 2, 3, 4)
NO_DISTRICT = ""


def execute(filters=None):
	filters = frappe._dict(filters or {})
	figure = filters.get("figure") or "consultations"
	if figure not in FIGURES:
		frappe.throw(_("Unknown figure: {0}").format(figure), title=_("Invalid Filter"))
	try:
		year = int(filters.get("year") or frappe.utils.getdate().year)
	except (TypeError, ValueError):
		frappe.throw(_("The year must be a number."), title=_("Invalid Filter"))
	projects = report_projects(filters, carrier_wide=True)
	rows = get_data(projects, year, figure, small_cell_threshold())
	return columns(figure), rows


def columns(figure: str):
	cols = [column(_("District"), "district", "Data", 180)]
	cols += [column(_("Q{0}").format(q), f"q{q}", "Data", 90) for q in QUARTERS]
	cols.append(column(_(FIGURES[figure]) + " " + _("Total"), "total", "Data", 140))
	return cols


def counts(projects: list[str], year: int, figure: str) -> dict[tuple[str, int], int]:
	"""{(district, quarter): true count} — never leaves this module unsuppressed."""
	if not projects:
		return {}
	start, end = date(year, 1, 1), date(year, 12, 31)
	if figure in ("consultations", "anonymous"):
		t = frappe.qb.DocType("Consultation")
		day, district = t.consultation_date, t.district
		cond = t.project.isin(projects) & (day >= start) & (day <= end)
		if figure == "anonymous":
			cond &= t.anonymous == 1
		query = frappe.qb.from_(t)
	elif figure == "cases_opened":
		t = frappe.qb.DocType("Case")
		day, district = t.opened_on, t.district
		cond = t.project.isin(projects) & (day >= start) & (day <= end)
		query = frappe.qb.from_(t)
	else:  # referrals: the district of the referred resident, as the Carrier Overview filters them
		t = frappe.qb.DocType("Referral")
		r = frappe.qb.DocType("Resident")
		day, district = t.referred_on, r.district
		cond = t.project.isin(projects) & (day >= start) & (day <= end)
		query = frappe.qb.from_(t).left_join(r).on(r.name == t.resident)
	quarter = Extract("quarter", day)
	out = {}
	for d, q, n in query.select(district, quarter, Count("*")).where(cond).groupby(district, quarter).run():
		key = (d or NO_DISTRICT, int(q))
		out[key] = out.get(key, 0) + int(n)
	return out


def get_data(projects: list[str], year: int, figure: str, threshold: int = 3) -> list[dict]:
	true = counts(projects, year, figure)
	districts = sorted({d for d, _q in true}, key=lambda d: (d == NO_DISTRICT, d))
	if not districts:
		return []
	table = suppress_table([[true.get((d, q), 0) for q in QUARTERS] for d in districts], threshold)

	def shown(value):
		return SUPPRESSED if value is None else value

	rows = []
	for i, d in enumerate(districts):
		row = frappe._dict(district=d or _("No District"), total=shown(table.row_totals[i]))
		for j, q in enumerate(QUARTERS):
			row[f"q{q}"] = shown(table.cells[i][j])
		rows.append(row)
	total = frappe._dict(district=_("Total"), total=shown(table.grand_total), is_total_row=1)
	for j, q in enumerate(QUARTERS):
		total[f"q{q}"] = shown(table.col_totals[j])
	rows.append(total)
	return rows
