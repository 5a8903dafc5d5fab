"""Settings of a demo site (never applied when the app is installed into an existing site)."""

import frappe


def configure_demo_site():
	"""German desk defaults for the demo site: language, time zone, date format, week start, currency."""
	settings = frappe.get_single("System Settings")
	settings.update(
		{
			"language": "de",
			"time_zone": "Europe/Berlin",
			"date_format": "dd.mm.yyyy",
			"time_format": "HH:mm",
			"number_format": "#.###,##",
			"first_day_of_the_week": "Monday",
			"country": "Germany",
		}
	)
	settings.flags.ignore_permissions = True
	settings.save()
	frappe.db.set_default("currency", "EUR")
	if frappe.db.exists("Currency", "EUR"):
		frappe.db.set_value("Currency", "EUR", "enabled", 1)
	frappe.db.set_single_value("GWK Settings", "carrier_name", "Beispielträger e.V.")
