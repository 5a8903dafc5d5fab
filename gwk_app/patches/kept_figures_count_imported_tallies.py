"""The kept report figures now carry imported tallies (Contact Tally): every kept row is marked stale
so that the background job recomputes it with them (until then the reports count the records)."""

import frappe


def execute():
	if not frappe.db.table_exists("GWK Report Figures"):
		return
	t = frappe.qb.DocType("GWK Report Figures")
	frappe.qb.update(t).set(t.version, t.version + 1).run()
