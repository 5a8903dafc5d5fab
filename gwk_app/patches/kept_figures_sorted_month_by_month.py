"""Kept report figures sort the families keyed by month month by month (gwk_app.reports.figures.merge),
so a report joins the months' rows as stored: every row is marked stale and the background job stores it
again in that order (until then the reports count the records)."""

import frappe

from gwk_app.reports.figures import enqueue_refresh


def execute():
	if not frappe.db.table_exists("GWK Report Figures"):
		return
	t = frappe.qb.DocType("GWK Report Figures")
	frappe.qb.update(t).set(t.version, t.version + 1).run()
	enqueue_refresh()
