# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

from gwk_app.validation import CheckedDocument


class District(CheckedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		city: DF.Data | None
		description: DF.SmallText | None
		district_name: DF.Data
		postcodes: DF.SmallText | None
	# end: auto-generated types
	pass
