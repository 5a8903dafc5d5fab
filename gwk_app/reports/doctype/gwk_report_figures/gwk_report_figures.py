# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe

from gwk_app.validation import CheckedDocument


class GWKReportFigures(CheckedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		computed_on: DF.Datetime | None
		district: DF.Data | None
		figures: DF.LongText | None
		fresh_version: DF.Int
		month: DF.Date | None
		project: DF.Link | None
		report: DF.Data | None
		stale_since: DF.Datetime | None
		version: DF.Int
	# end: auto-generated types
	"""Written only by gwk_app.reports.figures (SQL upserts); read by the reports."""


def on_doctype_update():
	# the reports read one report's figures for a district, a list of projects and a range of months
	frappe.db.add_index(
		"GWK Report Figures",
		["report", "district", "project", "month"],
		"report_district_project_month_index",
	)
