# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe import _

from gwk_app.controllers import ProjectBoundDocument, validate_period


class VolunteerOpportunity(ProjectBoundDocument):
	def validate(self):
		validate_period(self.start_date, self.end_date, "Start Date", "End Date")
		validate_period(self.from_time, self.to_time, "From", "To")
		if (self.from_time or self.to_time) and not self.weekday:
			frappe.throw(_("Choose the weekday for the time."), title=_("Missing Weekday"))
