# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe import _

from gwk_app.controllers import ProjectBoundDocument


class Network(ProjectBoundDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from gwk_app.community.doctype.network_member.network_member import NetworkMember

		active: DF.Check
		district: DF.Link | None
		level: DF.Literal["District", "City", "State"]
		members: DF.TableMultiSelect[NetworkMember]
		network_name: DF.Data
		network_type: DF.Literal["Committee", "Working Group", "Round Table", "Network"]
		project: DF.Link
		purpose: DF.SmallText | None
		responsible: DF.Link | None

	# end: auto-generated types
	def validate(self):
		if self.level == "District" and not self.district:
			frappe.throw(_("A district-level network needs its district."), title=_("Missing District"))
		partners = [m.partner for m in self.members]
		if len(partners) != len(set(partners)):
			frappe.throw(_("Each partner can be a member only once."), title=_("Duplicate Member"))
