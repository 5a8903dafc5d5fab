"""Connections on the Resident form: the person's consultations, cases, referrals and consents, their
event registrations and their volunteer profile.

Counts come from Frappe's form dashboard, which first checks that the user may read the resident;
every linked record belongs to the resident's project (the controllers enforce that)."""

from frappe import _


def get_data():
	return {
		"fieldname": "resident",
		"transactions": [
			{"label": _("Counselling"), "items": ["Consultation", "Case", "Referral"]},
			{"label": _("Data Protection"), "items": ["Consent"]},
			{"label": _("Community"), "items": ["Community Event", "Community Volunteer"]},
		],
	}
