# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.query_builder.functions import Sum
from frappe.utils import flt, getdate

from gwk_app.controllers import ProjectBoundDocument, validate_period
from gwk_app.rules.volunteering import clearance_covers
from gwk_app.settings import clearance_valid_years


class VolunteerAssignment(ProjectBoundDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		community_event: DF.Link | None
		from_date: DF.Date
		note: DF.SmallText | None
		opportunity: DF.Link | None
		project: DF.Link
		status: DF.Literal["Planned", "Active", "Completed", "Cancelled"]
		to_date: DF.Date | None
		total_hours: DF.Float
		volunteer: DF.Link
		volunteer_name: DF.Data | None

	# end: auto-generated types
	def validate(self):
		if not (self.opportunity or self.community_event):
			frappe.throw(
				_("Choose the volunteer opportunity or the community event of this assignment."),
				title=_("Missing Placement"),
			)
		self.validate_same_project("volunteer", "opportunity", "community_event")
		validate_period(self.from_date, self.to_date, "From Date", "To Date")
		if self.status != "Cancelled":
			self.validate_volunteer()

	def validate_volunteer(self):
		volunteer = frappe.db.get_value(
			"Community Volunteer",
			self.volunteer,
			["volunteer_name", "status", "clearance_date"],
			as_dict=True,
		)
		if not volunteer:
			return
		if volunteer.status == "Left" and (self.is_new() or self.has_value_changed("volunteer")):
			frappe.throw(
				_("Volunteer {0} has left and cannot be assigned.").format(volunteer.volunteer_name),
				title=_("Volunteer Has Left"),
			)
		if not self.opportunity or not frappe.db.get_value(
			"Volunteer Opportunity", self.opportunity, "needs_clearance"
		):
			return
		start = getdate(self.from_date)
		end = getdate(self.to_date) if self.to_date else None
		if not clearance_covers(volunteer.clearance_date, clearance_valid_years(), start, end):
			frappe.throw(
				_(
					"This opportunity needs a police clearance certificate. Volunteer {0} has none that is"
					" valid for the whole assignment period."
				).format(volunteer.volunteer_name),
				title=_("Police Clearance Certificate Missing"),
			)


def update_total_hours(assignment: str) -> None:
	"""The assignment's total of logged hours (one aggregate query)."""
	hours = frappe.qb.DocType("Volunteer Hours")
	total = (frappe.qb.from_(hours).select(Sum(hours.hours)).where(hours.assignment == assignment).run())[0][
		0
	]
	frappe.db.set_value("Volunteer Assignment", assignment, "total_hours", flt(total), update_modified=False)
