# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

from frappe.model.document import Document


class CommunityProjectTarget(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from_date: DF.Date
		funder: DF.Data
		indicator: DF.Literal[
			"Participants",
			"Consultations",
			"Events",
			"ESF Entries",
			"Volunteer Hours",
			"Network Meetings",
			"Cases",
			"Referrals",
			"Area Observations",
		]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		target_value: DF.Float
		to_date: DF.Date
	# end: auto-generated types
	pass
