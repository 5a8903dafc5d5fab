"""Kept report figures are now per project, month and district: the rows per year are removed (the
background job computes the new ones; until then the reports count the records)."""

import frappe


def execute():
	if not frappe.db.table_exists("GWK Report Figures"):
		return
	frappe.db.delete("GWK Report Figures", {"month": ("is", "not set")})
