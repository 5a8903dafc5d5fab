# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

from frappe.model.document import Document


class CaseParty(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		party_role: DF.Literal["Other Party", "Affected Person", "Relative", "Witness", "Other"]
		resident: DF.Link
		resident_name: DF.Data | None
	# end: auto-generated types
	pass
