# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe import _

from gwk_app.controllers import validate_period
from gwk_app.validation import CheckedDocument


class CommunityProject(CheckedDocument):
	def validate(self):
		validate_period(self.start_date, self.end_date, "Start Date", "End Date")
		for row in self.fundings:
			validate_period(row.from_date, row.to_date, "From", "To")
		for row in self.office_hours:
			validate_period(row.from_time, row.to_time, "From", "To")
		if self.target_age_min and self.target_age_max and self.target_age_min > self.target_age_max:
			frappe.throw(
				_("Target Age To must not be below Target Age From."), title=_("Invalid Target Group")
			)
		users = [row.user for row in self.team]
		duplicates = sorted({u for u in users if users.count(u) > 1})
		if duplicates:
			frappe.throw(
				_("{0} is on the team more than once.").format(", ".join(duplicates)),
				title=_("Duplicate Member"),
			)
