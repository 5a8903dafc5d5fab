"""Connections on the network form: its meetings."""

from frappe import _


def get_data():
	return {
		"fieldname": "network",
		"transactions": [{"label": _("Networks"), "items": ["Network Meeting"]}],
	}
