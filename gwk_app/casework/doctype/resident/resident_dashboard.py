"""Connections on the Resident form: the person's consultations, cases, referrals and consents, and
their event registrations and volunteer profile where those doctypes are installed.

Counts come from Frappe's form dashboard, which first checks that the user may read the resident;
every linked record belongs to the resident's project (the controllers enforce that)."""

import frappe
from frappe import _

# doctype -> field on it (or on one of its child tables) that links the resident
OPTIONAL_LINKS = {
	"Community Event": "resident",
	"Community Volunteer": "resident",
}


def get_data():
	data = {
		"fieldname": "resident",
		"non_standard_fieldnames": {},
		"transactions": [
			{"label": _("Counselling"), "items": ["Consultation", "Case", "Referral"]},
			{"label": _("Data Protection"), "items": ["Consent"]},
		],
	}
	community = []
	for doctype, fieldname in OPTIONAL_LINKS.items():
		if frappe.db.exists("DocType", doctype):
			community.append(doctype)
			if fieldname != data["fieldname"]:
				data["non_standard_fieldnames"][doctype] = fieldname
	if community:
		data["transactions"].append({"label": _("Community"), "items": community})
	return data
