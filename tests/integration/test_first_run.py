"""What the scripts do to the sites they create (scripts/firstrun.py calls these through bench execute)."""

import frappe
import pytest

from gwk_app.constants import REGIONAL_SETTINGS
from gwk_app.setup import demo


def test_the_test_site_has_the_apps_regional_settings_and_no_wizard():
	"""The runner gave the test site what the demo site gets: browser tests depend on it."""
	settings = frappe.get_single("System Settings")
	for key, value in REGIONAL_SETTINGS.items():
		assert settings.get(key) == value, key
	assert settings.setup_complete == 1
	assert frappe.utils.get_system_timezone() == "Europe/Berlin"


def test_configure_site_is_idempotent():
	before = frappe.get_single("System Settings").as_dict()
	demo.configure_site()
	after = frappe.get_single("System Settings").as_dict()
	for key in (*REGIONAL_SETTINGS, "setup_complete"):
		assert before[key] == after[key], key


def test_demo_logins_are_refused_on_a_site_the_demo_did_not_create():
	assert not frappe.conf.get("gwk_demo_site")
	frappe.local.lang = "de"
	with pytest.raises(frappe.ValidationError, match="nur auf einer Website"):
		demo.ensure_demo_logins()
	assert not frappe.db.exists("User", "demo-datenschutz@example.org")


def test_demo_logins_cover_every_role():
	roles = {role for _email, extra, _who in demo.DEMO_LOGINS for role in (extra or ())}
	assert roles == {
		"GWK Data Protection",
		"GWK ESF Officer",
		"GWK Volunteer",
	}  # the others come with the data
	assert len({email for email, _r, _w in demo.DEMO_LOGINS}) == len(demo.DEMO_LOGINS) == 7
