# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.utils import getdate

from gwk_app.constants import PROJECT_LEAD_ROLE, STAFF_ROLE, VOLUNTEER_ROLE
from gwk_app.controllers import ProjectBoundDocument, validate_not_future
from gwk_app.rules.volunteering import clearance_valid_until, time_range_ok
from gwk_app.settings import clearance_valid_years
from gwk_app.volunteering.tasks import close_outdated_clearance_reminders


class CommunityVolunteer(ProjectBoundDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from gwk_app.volunteering.doctype.community_volunteer_availability.community_volunteer_availability import (
			CommunityVolunteerAvailability,
		)
		from gwk_app.volunteering.doctype.community_volunteer_district.community_volunteer_district import (
			CommunityVolunteerDistrict,
		)
		from gwk_app.volunteering.doctype.community_volunteer_skill.community_volunteer_skill import (
			CommunityVolunteerSkill,
		)

		availability: DF.Table[CommunityVolunteerAvailability]
		clearance_date: DF.Date | None
		clearance_valid_until: DF.Date | None
		districts: DF.TableMultiSelect[CommunityVolunteerDistrict]
		email: DF.Data | None
		interests: DF.SmallText | None
		languages: DF.Data | None
		notes: DF.SmallText | None
		onboarding_date: DF.Date | None
		phone: DF.Data | None
		project: DF.Link
		resident: DF.Link | None
		skills: DF.TableMultiSelect[CommunityVolunteerSkill]
		status: DF.Literal["Active", "Paused", "Left"]
		user: DF.Link | None
		volunteer_name: DF.Data

	# end: auto-generated types
	def validate(self):
		self.validate_same_project("resident")
		validate_not_future(self.clearance_date, "Police Clearance Certificate Issued On")
		for slot in self.availability:
			if not time_range_ok(slot.from_time, slot.to_time):
				frappe.throw(
					_("Availability on {0}: the end must be after the start.").format(_(slot.weekday)),
					title=_("Invalid Period"),
				)
		self.validate_portal_login()
		self.clearance_valid_until = clearance_valid_until(
			getdate(self.clearance_date) if self.clearance_date else None, clearance_valid_years()
		)

	def on_update(self):
		if not self.is_new() and self.has_value_changed("clearance_date"):
			close_outdated_clearance_reminders(self.name, self.clearance_date)

	def validate_portal_login(self):
		"""One portal login belongs to one volunteer profile, and only a volunteer login can be used."""
		if not self.user:
			return
		other = frappe.db.get_value(
			"Community Volunteer", {"user": self.user, "name": ("!=", self.name or "")}, "name"
		)
		if other:
			frappe.throw(
				_("This portal login already belongs to another volunteer profile."),
				title=_("Portal Login in Use"),
			)
		roles = set(frappe.get_roles(self.user))
		if VOLUNTEER_ROLE not in roles or roles & {STAFF_ROLE, PROJECT_LEAD_ROLE, "System Manager"}:
			frappe.throw(
				_("The portal login must be a website user with the role GWK Volunteer."),
				title=_("Invalid Portal Login"),
			)
