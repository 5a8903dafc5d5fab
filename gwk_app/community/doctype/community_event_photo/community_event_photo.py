# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

from frappe.model.document import Document


class CommunityEventPhoto(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		caption: DF.Data | None
		consent: DF.Link | None
		image: DF.AttachImage
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		publicity_evidence: DF.Check
		publish: DF.Check
		shows_people: DF.Check
	# end: auto-generated types
	pass
