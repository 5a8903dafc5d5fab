"""Volunteering settings from GWK Settings, with the defaults of gwk_app.setup.install."""

import frappe

DEFAULT_CLEARANCE_VALID_YEARS = 5
DEFAULT_CLEARANCE_REMINDER_DAYS = 30


def clearance_valid_years() -> int:
	return int(
		frappe.db.get_single_value("GWK Settings", "clearance_valid_years") or DEFAULT_CLEARANCE_VALID_YEARS
	)


def clearance_reminder_days() -> int:
	return int(
		frappe.db.get_single_value("GWK Settings", "clearance_reminder_days")
		or DEFAULT_CLEARANCE_REMINDER_DAYS
	)
