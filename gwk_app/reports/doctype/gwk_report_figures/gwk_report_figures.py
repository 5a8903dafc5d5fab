# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe

from gwk_app.validation import CheckedDocument


class GWKReportFigures(CheckedDocument):
	"""Written only by gwk_app.reports.figures (SQL upserts); read by the reports."""


def on_doctype_update():
	# the reports read one report's figures for a year and a list of projects
	frappe.db.add_index("GWK Report Figures", ["report", "year", "project"], "report_year_project_index")
