# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

from frappe.model.document import Document


class NetworkMeetingFollowUp(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		action: DF.Data
		assigned_to: DF.Link
		due_date: DF.Date | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		todo: DF.Link | None
	# end: auto-generated types
	pass
