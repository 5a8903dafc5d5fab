# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

from gwk_app.validation import CheckedDocument


class VolunteerSkill(CheckedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		disabled: DF.Check
		skill_description: DF.SmallText | None
		skill_name: DF.Data
	# end: auto-generated types
	pass
