# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

from frappe.model.document import Document


class CommunityProjectFunding(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		amount: DF.Currency
		from_date: DF.Date
		funder: DF.Data
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		programme: DF.Literal["ESF Plus", "City", "BIWAQ", "State", "Foundation", "Other"]
		reference: DF.Data | None
		to_date: DF.Date
	# end: auto-generated types
	pass
