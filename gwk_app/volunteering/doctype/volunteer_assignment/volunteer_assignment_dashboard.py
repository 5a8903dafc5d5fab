"""Connections on the assignment form: the hours logged on it."""

from frappe import _


def get_data():
	return {
		"fieldname": "assignment",
		"transactions": [{"label": _("Volunteering"), "items": ["Volunteer Hours"]}],
	}
