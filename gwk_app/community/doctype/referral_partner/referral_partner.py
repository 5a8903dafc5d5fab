# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

from frappe.contacts.address_and_contact import delete_contact_and_address, load_address_and_contact

from gwk_app.validation import CheckedDocument


class ReferralPartner(CheckedDocument):
	def onload(self):
		load_address_and_contact(self)

	def on_trash(self):
		delete_contact_and_address(self.doctype, self.name)
