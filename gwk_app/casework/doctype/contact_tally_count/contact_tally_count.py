# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

from frappe.model.document import Document


class ContactTallyCount(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		age_group: DF.Literal["", "Under 18", "18-29", "30-54", "55-64", "65 and over", "Unknown"]
		channel: DF.Literal[
			"Office Hours", "Appointment", "Phone", "E-Mail", "Outreach", "Home Visit", "At an Event"
		]
		contacts: DF.Int
		district: DF.Link | None
		gender: DF.Literal["", "Female", "Male", "Diverse", "Not specified"]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		topic: DF.Link | None
	# end: auto-generated types
	pass
