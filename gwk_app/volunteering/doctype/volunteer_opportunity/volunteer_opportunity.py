# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe import _

from gwk_app.controllers import ProjectBoundDocument, validate_period
from gwk_app.rules.volunteering import time_range_ok


class VolunteerOpportunity(ProjectBoundDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from gwk_app.volunteering.doctype.volunteer_opportunity_skill.volunteer_opportunity_skill import (
			VolunteerOpportunitySkill,
		)

		district: DF.Link | None
		end_date: DF.Date | None
		from_time: DF.Time | None
		languages: DF.Data | None
		needs_clearance: DF.Check
		partner: DF.Link | None
		project: DF.Link
		public_description: DF.SmallText | None
		published: DF.Check
		skills: DF.TableMultiSelect[VolunteerOpportunitySkill]
		start_date: DF.Date | None
		status: DF.Literal["Open", "Filled", "Closed"]
		title: DF.Data
		to_time: DF.Time | None
		weekday: DF.Literal["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

	# end: auto-generated types
	def validate(self):
		validate_period(self.start_date, self.end_date, "Start Date", "End Date")
		if not self.weekday:
			# a time means nothing without its weekday (Frappe fills new Time fields with the current time)
			self.from_time = self.to_time = None
		elif not time_range_ok(self.from_time, self.to_time):
			frappe.throw(_("{0} must be after {1}.").format(_("To"), _("From")), title=_("Invalid Period"))
