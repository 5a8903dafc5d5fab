# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.query_builder.functions import Max
from frappe.utils import get_datetime, now_datetime

from gwk_app.controllers import ProjectBoundDocument
from gwk_app.rules import appointments as rules
from gwk_app.rules.events import clean_text

DOCTYPE = "Office Hours Visit"


class OfficeHoursVisit(ProjectBoundDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		arrived_at: DF.Datetime | None
		called_at: DF.Datetime | None
		closed_at: DF.Datetime | None
		consultation: DF.Link | None
		label: DF.Data | None
		project: DF.Link
		queue_number: DF.Int
		staff_member: DF.Link | None
		status: DF.Literal["Waiting", "Called", "Done", "Left"]
		visit_date: DF.Date
		waiting_minutes: DF.Int

	# end: auto-generated types
	def validate(self):
		problem = rules.visit_label_problem(self.label)
		if problem:
			frappe.throw(
				_("Enter only a first name or a number (plain text, at most {0} characters).").format(
					rules.MAX_VISIT_LABEL_LENGTH
				),
				title=_("Invalid Value"),
			)
		self.label = clean_text(self.label) or None
		before = self.get_doc_before_save()
		old = before.status if before else None
		if not rules.can_visit_transition(old, self.status):
			frappe.throw(
				_("A visit cannot go from {0} to {1}.").format(_(old or "New"), _(self.status)),
				title=_("Invalid Status"),
			)
		now = now_datetime()
		self.arrived_at = self.arrived_at or now
		if self.status == "Waiting":
			self.called_at = None
		if self.status == "Called" and not self.called_at:
			self.called_at = now
			self.staff_member = self.staff_member or frappe.session.user
		if self.status in ("Done", "Left"):
			self.closed_at = self.closed_at or now
		self.waiting_minutes = rules.minutes_between(
			get_datetime(self.arrived_at), get_datetime(self.called_at) if self.called_at else None
		)
		self.validate_same_project("consultation")

	def before_insert(self):
		t = frappe.qb.DocType(DOCTYPE)
		last = (
			frappe.qb.from_(t)
			.select(Max(t.queue_number))
			.where((t.project == self.project) & (t.visit_date == self.visit_date))
			.for_update()
			.run()
		)
		self.queue_number = int((last and last[0][0]) or 0) + 1
		self.label = self.label or str(self.queue_number)


def on_doctype_update():
	frappe.db.add_index(DOCTYPE, ["project", "visit_date", "status"], "visit_project_day_index")
