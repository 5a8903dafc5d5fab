# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.utils import getdate

from gwk_app.controllers import ProjectBoundDocument, validate_not_future
from gwk_app.rules.volunteering import MAX_HOURS_PER_ENTRY, hours_ok
from gwk_app.volunteering.doctype.volunteer_assignment.volunteer_assignment import update_total_hours


class VolunteerHours(ProjectBoundDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		assignment: DF.Link
		hours: DF.Float
		logged_by_volunteer: DF.Check
		note: DF.SmallText | None
		project: DF.Link
		volunteer: DF.Link | None
		volunteer_name: DF.Data | None
		work_date: DF.Date

	# end: auto-generated types
	def before_insert(self):
		# the project follows the assignment; a wrong assignment fails the link check like a missing one
		if not self.project and isinstance(self.assignment, str):
			self.project = frappe.db.get_value("Volunteer Assignment", self.assignment, "project")

	def validate(self):
		if not hours_ok(self.hours):
			frappe.throw(
				_("Hours must be more than 0 and at most {0} per entry.").format(MAX_HOURS_PER_ENTRY),
				title=_("Invalid Hours"),
			)
		validate_not_future(self.work_date, "Date")
		self.validate_same_project("assignment", "volunteer")
		self.validate_assignment_period()

	def validate_assignment_period(self):
		assignment = frappe.db.get_value(
			"Volunteer Assignment", self.assignment, ["from_date", "to_date", "status"], as_dict=True
		)
		if not assignment:
			return
		if assignment.status == "Cancelled":
			frappe.throw(
				_("The assignment was cancelled: no hours can be logged on it."),
				title=_("Assignment Cancelled"),
			)
		day = getdate(self.work_date)
		if day < getdate(assignment.from_date) or (assignment.to_date and day > getdate(assignment.to_date)):
			frappe.throw(
				_("The date must lie within the assignment period."),
				title=_("Invalid Date"),
			)

	def on_update(self):
		update_total_hours(self.assignment)
		previous = self.get_doc_before_save()
		if previous and previous.assignment != self.assignment:
			update_total_hours(previous.assignment)

	def on_trash(self):
		self.flags.update_assignment = self.assignment

	def after_delete(self):
		update_total_hours(self.flags.update_assignment or self.assignment)
