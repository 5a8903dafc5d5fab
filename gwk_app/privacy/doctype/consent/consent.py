# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe import _

from gwk_app.controllers import ProjectBoundDocument, validate_not_future, validate_period
from gwk_app.rules.privacy import legal_basis_fits


class Consent(ProjectBoundDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		form_version: DF.Data | None
		given_on: DF.Date
		legal_basis: DF.Literal[
			"Art. 6(1)(a) GDPR Consent",
			"Art. 6(1)(b) GDPR Contract",
			"Art. 9(2)(a) GDPR Explicit Consent",
			"Art. 9(2)(g) GDPR Substantial Public Interest",
		]
		project: DF.Link
		purpose: DF.Literal[
			"Counselling",
			"Passing Data to a Partner",
			"Photos and Publication",
			"ESF Participant Data",
			"Newsletter",
		]
		resident: DF.Link
		resident_name: DF.Data | None
		signed_form: DF.Attach | None
		status: DF.Literal["Active", "Withdrawn"]
		withdrawn_on: DF.Date | None

	# end: auto-generated types
	def validate(self):
		validate_not_future(self.given_on, "Given On")
		validate_not_future(self.withdrawn_on, "Withdrawn On")
		validate_period(self.given_on, self.withdrawn_on, "Given On", "Withdrawn On")
		self.validate_same_project("resident")
		if not legal_basis_fits(self.purpose, self.legal_basis):
			frappe.throw(
				_(
					"A consent for {0} covers special categories of personal data (Art. 9 GDPR): choose"
					" Art. 9(2)(a) explicit consent or Art. 9(2)(g) as the legal basis."
				).format(_(self.purpose)),
				title=_("Legal Basis Not Sufficient"),
			)
		self.status = "Withdrawn" if self.withdrawn_on else "Active"
