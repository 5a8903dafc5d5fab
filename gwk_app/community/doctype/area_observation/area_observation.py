# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe import _

from gwk_app.controllers import ProjectBoundDocument, validate_not_future, validate_period
from gwk_app.rules.text import contains_contact_data


class AreaObservation(ProjectBoundDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		category: DF.Literal[
			"Cleanliness",
			"Safety",
			"Vacancy",
			"Neighbourhood",
			"Infrastructure",
			"Green Spaces",
			"Supply",
			"Other",
		]
		description: DF.SmallText
		district: DF.Link
		follow_up_status: DF.Literal["Open", "Passed On", "Done"]
		observation_date: DF.Date
		passed_on_date: DF.Date | None
		passed_to: DF.Link | None
		project: DF.Link
		source: DF.Literal["Own Observation", "Resident", "Partner", "Outreach", "Event", "Media", "Other"]

	# end: auto-generated types
	def validate(self):
		validate_not_future(self.observation_date, "Date")
		if self.follow_up_status == "Passed On" and not self.passed_to:
			frappe.throw(
				_("Choose the partner the observation was passed on to."), title=_("Missing Partner")
			)
		if self.follow_up_status == "Open":
			self.passed_to = None
			self.passed_on_date = None
		validate_period(self.observation_date, self.passed_on_date, "Date", "Date Passed On")
		validate_not_future(self.passed_on_date, "Date Passed On")
		if contains_contact_data(self.description):
			frappe.throw(
				_(
					"An area observation holds no personal contact data: remove e-mail addresses and phone numbers."
				),
				title=_("Personal Data"),
			)
