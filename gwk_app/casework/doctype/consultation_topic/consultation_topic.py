# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe.model.document import Document


class ConsultationTopic(Document):
	pass


def on_doctype_update():
	# contact statistics join consultations to their topics through this index alone
	frappe.db.add_index("Consultation Topic", ["parent", "topic"], "parent_topic_index")
