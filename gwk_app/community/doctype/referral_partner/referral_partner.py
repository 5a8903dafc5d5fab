# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

from frappe.contacts.address_and_contact import delete_contact_and_address, load_address_and_contact

from gwk_app.validation import CheckedDocument


class ReferralPartner(CheckedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from gwk_app.community.doctype.referral_partner_district.referral_partner_district import (
			ReferralPartnerDistrict,
		)
		from gwk_app.community.doctype.referral_partner_topic.referral_partner_topic import (
			ReferralPartnerTopic,
		)

		districts: DF.TableMultiSelect[ReferralPartnerDistrict]
		languages: DF.Data | None
		partner_name: DF.Data
		partner_type: DF.Literal[
			"Counselling Service",
			"Authority",
			"Association",
			"Initiative",
			"Housing Company",
			"Local Business",
			"Education",
			"Health",
			"Other",
		]
		service_description: DF.SmallText | None
		services: DF.TableMultiSelect[ReferralPartnerTopic]
		takes_referrals: DF.Check
		website: DF.Data | None

	# end: auto-generated types
	def onload(self):
		load_address_and_contact(self)

	def on_trash(self):
		delete_contact_and_address(self.doctype, self.name)
