# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe import _

from gwk_app import permissions
from gwk_app.controllers import validate_period
from gwk_app.validation import CheckedDocument


class CommunityProject(CheckedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from gwk_app.community.doctype.community_project_district.community_project_district import (
			CommunityProjectDistrict,
		)
		from gwk_app.community.doctype.community_project_funding.community_project_funding import (
			CommunityProjectFunding,
		)
		from gwk_app.community.doctype.community_project_member.community_project_member import (
			CommunityProjectMember,
		)
		from gwk_app.community.doctype.community_project_office_hour.community_project_office_hour import (
			CommunityProjectOfficeHour,
		)
		from gwk_app.community.doctype.community_project_target.community_project_target import (
			CommunityProjectTarget,
		)

		contact_address: DF.SmallText | None
		contact_point: DF.Data | None
		districts: DF.TableMultiSelect[CommunityProjectDistrict]
		email: DF.Data | None
		end_date: DF.Date | None
		fundings: DF.Table[CommunityProjectFunding]
		office_hours: DF.Table[CommunityProjectOfficeHour]
		participant_target: DF.Int
		phone: DF.Data | None
		project_name: DF.Data
		project_type: DF.Literal[
			"Community Coordination",
			"Neighbourhood Management",
			"District Management",
			"District Pilots",
			"Other",
		]
		start_date: DF.Date | None
		status: DF.Literal["Active", "Planned", "Completed"]
		target_age_max: DF.Int
		target_age_min: DF.Int
		target_group: DF.SmallText | None
		targets: DF.Table[CommunityProjectTarget]
		team: DF.Table[CommunityProjectMember]

	# end: auto-generated types
	def on_update(self):
		permissions.forget_teams()  # the team may have changed

	def on_trash(self):
		permissions.forget_teams()

	def after_rename(self, old, new, merge=False):
		permissions.forget_teams()

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
