# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.utils import today

from gwk_app.controllers import ProjectBoundDocument, validate_not_future, validate_period
from gwk_app.rules.casework import case_transition_allowed


class Case(ProjectBoundDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from gwk_app.casework.doctype.case_party.case_party import CaseParty
		from gwk_app.casework.doctype.case_topic.case_topic import CaseTopic

		case_type: DF.Literal[
			"Counselling", "Neighbourhood Conflict / Mediation", "Application Help", "Housing", "Other"
		]
		closed_on: DF.Date | None
		description: DF.Text | None
		district: DF.Link | None
		next_follow_up: DF.Date | None
		opened_on: DF.Date
		outcome: DF.SmallText | None
		parties: DF.Table[CaseParty]
		project: DF.Link
		resident: DF.Link
		resident_name: DF.Data | None
		responsible: DF.Link | None
		status: DF.Literal["Open", "In Progress", "Referred", "Closed", "Dormant"]
		title: DF.Data
		topics: DF.TableMultiSelect[CaseTopic]

	# end: auto-generated types
	def validate(self):
		validate_not_future(self.opened_on, "Opened On")
		self.validate_status_change()
		validate_period(self.opened_on, self.closed_on, "Opened On", "Closed On")
		self.validate_parties()
		self.validate_same_project("resident")

	def validate_status_change(self):
		before = self.get_doc_before_save()
		old = before.status if before else None
		if not case_transition_allowed(old, self.status):
			frappe.throw(
				_("A case cannot go from status {0} to {1}.").format(_(old), _(self.status)),
				title=_("Status Change Not Allowed"),
			)
		if self.status == "Closed":
			self.closed_on = self.closed_on or today()
		else:
			self.closed_on = None

	def validate_parties(self):
		seen = {self.resident}
		for row in self.parties:
			if row.resident in seen:
				frappe.throw(
					_("Row #{0}: {1} is already a party of this case.").format(row.idx, row.resident),
					title=_("Duplicate Party"),
				)
			seen.add(row.resident)
