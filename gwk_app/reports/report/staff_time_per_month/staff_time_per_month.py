# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt
"""Staff time per project, person and month, by field of work.

Staff see their own hours, project leads their team's (the list rules of Staff Time Entry, applied
through frappe.get_list); the carrier manager sees hours per project and month only, never a person."""

import frappe
from frappe import _
from frappe.query_builder.functions import Sum

from gwk_app.reports.common import CARRIER_ROLE, column, report_projects
from gwk_app.rules.targets import FIELDS_OF_WORK


def _key(field: str) -> str:
	return "h_" + field.lower()


def aggregate_only() -> bool:
	"""The carrier manager (not on the team, no read right on the entries) gets project totals."""
	return CARRIER_ROLE in frappe.get_roles() and not frappe.has_permission("Staff Time Entry", "read")


def execute(filters=None):
	filters = frappe._dict(filters or {})
	by_person = not aggregate_only()
	return columns(by_person), get_data(filters, by_person)


def columns(by_person=True):
	cols = [column(_("Project"), "project", "Link", 160, "Community Project")]
	if by_person:
		cols.append(column(_("Staff Member"), "staff", "Link", 180, "User"))
	cols.append(column(_("Month"), "month", "Data", 80))
	cols += [column(_(f), _key(f), "Float", 100) for f in FIELDS_OF_WORK]
	cols.append(column(_("Total Hours"), "total", "Float", 100))
	if by_person:
		cols.append(column(_("Approved"), "approved", "Check", 80))
	return cols


def _filters(filters) -> dict:
	out = {}
	if filters.get("month"):
		out["month"] = filters.month
	elif filters.get("year"):
		out["month"] = ("like", f"{int(filters.year)}-%")
	if filters.get("staff"):
		out["staff"] = filters.staff
	return out


def get_data(filters, by_person=True) -> list[dict]:
	projects = report_projects(filters, carrier_wide=not by_person)
	if not projects:
		return []
	where = {**_filters(filters), "project": ("in", projects)}
	if by_person:
		groups = frappe.get_list(
			"Staff Time Entry",
			filters=where,
			fields=[
				"project",
				"staff",
				"month",
				"field_of_work",
				"sum(hours) as hours",
				"min(approved) as approved",
			],
			group_by="project, staff, month, field_of_work",
			limit_page_length=0,
		)
	else:
		if "staff" in where:
			return []
		t = frappe.qb.DocType("Staff Time Entry")
		q = frappe.qb.from_(t).select(t.project, t.month, t.field_of_work, Sum(t.hours).as_("hours"))
		q = q.where(t.project.isin(projects))
		if filters.get("month"):
			q = q.where(t.month == filters.month)
		elif filters.get("year"):
			q = q.where(t.month.like(f"{int(filters.year)}-%"))
		groups = q.groupby(t.project, t.month, t.field_of_work).run(as_dict=True)
	rows: dict = {}
	for g in groups:
		key = (g.project, g.get("staff"), g.month)
		row = rows.setdefault(
			key,
			frappe._dict(
				project=g.project, staff=g.get("staff"), month=g.month, total=0.0, approved=1,
				**{_key(f): 0.0 for f in FIELDS_OF_WORK},
			),
		)  # fmt: skip
		row[_key(g.field_of_work)] += float(g.hours or 0)
		row.total += float(g.hours or 0)
		if by_person:
			row.approved = min(row.approved, int(g.approved or 0))
	return sorted(rows.values(), key=lambda r: (r.project, r.month, r.staff or ""))
