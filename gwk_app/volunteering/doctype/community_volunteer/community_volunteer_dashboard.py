"""Connections on the volunteer form: the volunteer's assignments and logged hours. Frappe's form
dashboard counts them with the user's list permissions (project rules included)."""

from frappe import _


def get_data():
	return {
		"fieldname": "volunteer",
		"transactions": [{"label": _("Volunteering"), "items": ["Volunteer Assignment", "Volunteer Hours"]}],
	}
