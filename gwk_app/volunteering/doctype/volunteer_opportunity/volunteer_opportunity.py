# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe import _

from gwk_app.controllers import ProjectBoundDocument, validate_period
from gwk_app.rules.volunteering import time_range_ok


class VolunteerOpportunity(ProjectBoundDocument):
	def validate(self):
		validate_period(self.start_date, self.end_date, "Start Date", "End Date")
		if not self.weekday:
			# a time means nothing without its weekday (Frappe fills new Time fields with the current time)
			self.from_time = self.to_time = None
		elif not time_range_ok(self.from_time, self.to_time):
			frappe.throw(_("{0} must be after {1}.").format(_("To"), _("From")), title=_("Invalid Period"))
