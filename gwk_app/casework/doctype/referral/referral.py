# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.utils import getdate, today

from gwk_app.controllers import ProjectBoundDocument, validate_not_future, validate_period
from gwk_app.privacy.consent import active_consent
from gwk_app.rules.casework import REFERRAL_FINAL_STATUSES, referral_passes_data, waiting_days


class Referral(ProjectBoundDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		appointment_date: DF.Date | None
		case: DF.Link | None
		consent: DF.Link | None
		consultation: DF.Link | None
		feedback_on: DF.Date | None
		method: DF.Literal["Information Only", "Contact Data Passed On", "Appointment Made", "Accompanied"]
		outcome: DF.SmallText | None
		partner: DF.Link
		project: DF.Link
		reason: DF.SmallText | None
		referred_on: DF.Date
		resident: DF.Link
		resident_name: DF.Data | None
		responsible: DF.Link | None
		status: DF.Literal["Referred", "Appointment", "Completed", "Not Taken Up", "Declined"]
		topic: DF.Link | None
		waiting_days: DF.Int

	# end: auto-generated types
	def validate(self):
		validate_not_future(self.referred_on, "Referred On")
		validate_period(self.referred_on, self.appointment_date, "Referred On", "Appointment Date")
		validate_period(self.referred_on, self.feedback_on, "Referred On", "Feedback Received On")
		validate_not_future(self.feedback_on, "Feedback Received On")
		self.validate_same_project("resident", "consultation", "case")
		self.validate_consent()
		self.waiting_days = waiting_days(
			getdate(self.referred_on) if self.referred_on else None,
			getdate(self.appointment_date) if self.appointment_date else None,
		)
		if self.status in REFERRAL_FINAL_STATUSES and not self.feedback_on:
			self.feedback_on = today()

	def validate_consent(self):
		if not referral_passes_data(self.method):
			self.consent = None
			return
		consent = active_consent(self.resident, "Passing Data to a Partner", self.referred_on)
		if not consent:
			frappe.throw(
				_(
					"Contact data may only be passed on to a partner with the resident's recorded consent"
					" (purpose: Passing Data to a Partner). Record the consent first or choose Information Only."
				),
				title=_("Consent Missing"),
			)
		self.consent = consent

	def on_update(self):
		if self.feedback_on or self.status in REFERRAL_FINAL_STATUSES:
			from gwk_app.casework.tasks import close_referral_follow_ups

			close_referral_follow_ups(self.name)


def on_doctype_update():
	# Referral Outcomes and the carrier's figures count a period's referrals per project, partner, status
	# and waiting time from this index alone; the referral date needs no index of its own
	frappe.db.add_index(
		"Referral",
		["referred_on", "project", "partner", "status", "appointment_date", "waiting_days"],
		"referral_outcomes_index",
	)
