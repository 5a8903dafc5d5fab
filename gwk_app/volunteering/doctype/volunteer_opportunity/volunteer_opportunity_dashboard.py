"""Connections on the opportunity form: its assignments."""

from frappe import _


def get_data():
	return {
		"fieldname": "opportunity",
		"transactions": [{"label": _("Volunteering"), "items": ["Volunteer Assignment"]}],
	}
