# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

from frappe.model.document import Document


class ContactTallyCount(Document):
	pass
