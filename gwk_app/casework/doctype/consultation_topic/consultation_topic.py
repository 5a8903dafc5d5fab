# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe.model.document import Document


class ConsultationTopic(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		topic: DF.Link
	# end: auto-generated types
	pass


def on_doctype_update():
	# contact statistics join consultations to their topics through this index alone
	frappe.db.add_index("Consultation Topic", ["parent", "topic"], "parent_topic_index")
	# ... and count each consultation once (its first topic) from the same index
	frappe.db.add_index("Consultation Topic", ["parent", "topic", "idx"], "parent_topic_idx_index")
