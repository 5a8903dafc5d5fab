"""German for German users: after compiling gwk_app's de.po (what `bench compile-po-to-mo --app gwk_app`
does), every msgid of the app comes out in German for a user whose language is de."""

import frappe
import pytest
from frappe.translate import get_all_translations, get_user_lang

from tests.integration.german import compile_german
from tests.unit import i18n_strings


@pytest.fixture(scope="module", autouse=True)
def german():
	compile_german()


def test_every_app_string_is_served_in_german():
	served = get_all_translations("de")
	ours = i18n_strings.translations()
	wrong = {k: (v, served.get(k)) for k, v in ours.items() if served.get(k) != v}
	assert not wrong, list(wrong.items())[:10]


def test_a_german_user_gets_german_labels(world):
	user = world.users.staff_a
	assert get_user_lang(user) == "de"
	frappe.set_user(user)
	frappe.local.lang = get_user_lang(user)
	assert frappe._("Consultation") == "Beratungskontakt"
	assert frappe._("Resident") == "Bewohner:in"
	assert frappe._("Office Hours") == "Sprechzeiten"
	assert frappe._("Contacts This Month") == "Kontakte diesen Monat"
	assert frappe._("Gemeinwesen") == "Gemeinwesen"
	assert frappe._("{0} of {1}").format(3, 500) == "3 von 500"
	frappe.local.lang = "en"
	assert frappe._("Consultation") == "Consultation"


def test_desk_boot_carries_german_messages(world):
	"""The desk's __() reads the messages sent at boot / with each doctype's meta."""
	from frappe.translate import get_messages_for_boot

	frappe.set_user(world.users.staff_a)
	frappe.local.lang = "de"
	messages = get_messages_for_boot()
	assert messages.get("New Consultation") == "Neuer Beratungskontakt"
	assert messages.get("Anonymous") == "Anonym"
