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
	# and count each consultation once (at its first topic)
	frappe.db.add_index("Consultation Topic", ["parent", "topic", "idx"], "parent_topic_idx_index")
	if frappe.db.has_index("tabConsultation Topic", "parent_topic_index"):
		# replaced by the one above: one index less to write
		# Frappe has no API to drop a named index; fixed identifiers, no input
		frappe.db.sql_ddl("ALTER TABLE `tabConsultation Topic` DROP INDEX `parent_topic_index`")  # nosemgrep
