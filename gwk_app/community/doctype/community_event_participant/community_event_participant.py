# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

from frappe.model.document import Document


class CommunityEventParticipant(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		email: DF.Data | None
		guest_name: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		phone: DF.Data | None
		registered_on: DF.Datetime | None
		registered_via: DF.Literal["Staff", "Public Registration"]
		resident: DF.Link | None
		resident_name: DF.Data | None
		status: DF.Literal["Registered", "Waiting List", "Attended", "Absent", "Cancelled"]
	# end: auto-generated types
	pass
