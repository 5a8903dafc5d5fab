# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt
"""A funder report as it was submitted: its figures frozen, each with the names of the records behind
it (record names only, never personal data). Later changes to the records do not change it; the
comparison lists what changed since, and the team opens exactly the records a figure counted."""

import json
from datetime import date

import frappe
from frappe import _
from frappe.utils import now_datetime

from gwk_app.controllers import ProjectBoundDocument
from gwk_app.reports.funder import funder_report_context
from gwk_app.reports.trail import FIGURES, collect


class FunderReportSubmission(ProjectBoundDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from gwk_app.reports.doctype.funder_report_submission_figure.funder_report_submission_figure import (
			FunderReportSubmissionFigure,
		)

		amended_from: DF.Link | None
		figures: DF.Table[FunderReportSubmissionFigure]
		from_date: DF.Date | None
		funder: DF.Data | None
		key_figures: DF.LongText | None
		project: DF.Link
		submitted_by: DF.Link | None
		submitted_on: DF.Datetime | None
		to_date: DF.Date | None
		year: DF.Int

	# end: auto-generated types
	def validate(self):
		try:
			year = int(self.year)
		except (TypeError, ValueError):
			year = 0
		if not 2000 <= year <= 2100:
			frappe.throw(_("The year must lie between 2000 and 2100."), title=_("Invalid Year"))
		self.from_date, self.to_date = date(year, 1, 1), date(year, 12, 31)

	def before_submit(self):
		other = frappe.db.get_value(
			"Funder Report Submission",
			{"project": self.project, "year": self.year, "docstatus": 1, "name": ("!=", self.name)},
		)
		if other:
			frappe.throw(
				_("The funder report {0} of this project and year is already submitted ({1}).").format(
					self.year, other
				),
				title=_("Already Submitted"),
			)
		self.freeze()

	def freeze(self):
		"""Figures and trail as of now; the report's key figures as the PDF shows them."""
		self.submitted_on = now_datetime()
		self.submitted_by = frappe.session.user
		self.set("figures", [])
		for key, figure in collect(self.project, self.from_date, self.to_date).items():
			self.append(
				"figures",
				{
					"figure": key,
					# in the submitter's language, as the PDF's key figures
					"label": _(FIGURES[key][0]),
					"value": figure["value"],
					"record_count": sum(len(n) for n in figure["records"].values()),
					"records": json.dumps(figure["records"], sort_keys=True),
				},
			)
		context = funder_report_context(self.project, int(self.year))
		self.key_figures = json.dumps([[label, value] for label, value in context["key_figures"]])

	def submitted_records(self, figure: str) -> dict[str, list[str]]:
		for row in self.figures:
			if row.figure == figure:
				return json.loads(row.records or "{}")
		frappe.throw(_("This submission has no figure {0}.").format(figure), title=_("Unknown Figure"))

	def comparison(self) -> list[dict]:
		"""Per figure: submitted and current value, and the records added or gone since submission."""
		now = collect(self.project, self.from_date, self.to_date)
		out = []
		for row in self.figures:
			then = json.loads(row.records or "{}")
			current = now.get(row.figure, {"value": 0, "records": {}})
			doctypes = sorted(set(then) | set(current["records"]))
			added = {
				dt: sorted(set(current["records"].get(dt, [])) - set(then.get(dt, []))) for dt in doctypes
			}
			removed = {
				dt: sorted(set(then.get(dt, [])) - set(current["records"].get(dt, []))) for dt in doctypes
			}
			out.append(
				{
					"figure": row.figure,
					"label": row.label,
					"submitted": row.value,
					"current": current["value"],
					"added": {dt: n for dt, n in added.items() if n},
					"removed": {dt: n for dt, n in removed.items() if n},
				}
			)
		return out


def on_residents_erased(residents: list[str]) -> None:
	"""Erased residents leave the trail of every submission; the submitted figures stay. One read of the
	figures table per thousand residents (not per resident)."""
	fig = frappe.qb.DocType("Funder Report Submission Figure")
	for start in range(0, len(residents), 1000):
		chunk = set(residents[start : start + 1000])
		condition = None
		for resident in sorted(chunk):
			term = fig.records.like("%" + json.dumps(resident) + "%")
			condition = term if condition is None else condition | term
		rows = frappe.qb.from_(fig).select(fig.name, fig.records).where(condition).run(as_dict=True)
		for row in rows:
			records = json.loads(row.records or "{}")
			records = {
				dt: [n for n in names if not (dt == "Resident" and n in chunk)]
				for dt, names in records.items()
			}
			frappe.db.set_value(
				"Funder Report Submission Figure",
				row.name,
				"records",
				json.dumps(records, sort_keys=True),
				update_modified=False,
			)
