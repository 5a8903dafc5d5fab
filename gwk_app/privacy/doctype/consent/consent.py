# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

from gwk_app.controllers import ProjectBoundDocument, validate_not_future, validate_period


class Consent(ProjectBoundDocument):
	def validate(self):
		validate_not_future(self.given_on, "Given On")
		validate_not_future(self.withdrawn_on, "Withdrawn On")
		validate_period(self.given_on, self.withdrawn_on, "Given On", "Withdrawn On")
		self.validate_same_project("resident")
		self.status = "Withdrawn" if self.withdrawn_on else "Active"
