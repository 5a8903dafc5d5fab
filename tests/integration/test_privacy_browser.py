"""The privacy forms in a real browser (see test_browser.py): the data protection officer erases a
resident from the request form, the ESF officer records a re-entry, staff print a consent form and record
a withdrawal. All in German. Records are committed for the web server and deleted afterwards."""

import frappe
import pytest
from frappe.utils import add_days, getdate, today

from tests.integration.browser import BROWSER_MARKS, Desk, login
from tests.integration.privacy_data import consent, esf, privacy_world, resident

pytestmark = BROWSER_MARKS


@pytest.fixture(scope="module")
def records(world):
	pw = privacy_world(world)
	frappe.set_user("Administrator")
	out = frappe._dict(pw=pw)
	out.erase = resident(pw.project, "Browserloeschung", first_name="Wanda")
	out.request = (
		frappe.get_doc(
			{
				"doctype": "Data Subject Request",
				"resident": out.erase,
				"request_type": "Art. 17 Erasure",
				"identity_verified": 1,
			}
		)
		.insert()
		.name
	)
	out.participant = resident(pw.project, "Browseresf", first_name="Ole")
	out.esf_consent = consent(
		pw.project, out.participant, "ESF Participant Data", given_on=add_days(today(), -60)
	)
	out.esf = esf(
		pw.project, out.participant, entry_date=add_days(today(), -50), exit_date=add_days(today(), -30)
	).name
	out.newsletter = consent(pw.project, out.participant, "Newsletter")
	frappe.db.commit()  # the web server sees committed data only
	yield out
	frappe.db.rollback()
	for doctype, name in (
		("Data Subject Request", out.request),
		("ESF Participation", out.esf),
		("Consent", out.esf_consent),
		("Consent", out.newsletter),
		("Resident", out.participant),
		("Resident", out.erase),
	):
		if frappe.db.exists(doctype, name):
			frappe.delete_doc(doctype, name, ignore_permissions=True, force=True, delete_permanently=True)
	frappe.db.commit()


def _freshlogin(desk: Desk, user: str, password: str):
	"""Each test logs in as its own user: end the previous test's session first."""
	desk.driver.get(f"{desk.url}/api/method/logout")
	desk.driver.delete_all_cookies()
	login(desk, user, password)


def _click_button(desk: Desk, label: str, group: str | None = None):
	if group:
		desk.js(
			"""const g = [...document.querySelectorAll('.inner-group-button button')]
				.find(b => b.innerText.trim() === arguments[0]); g && g.click();""",
			group,
		)
	desk.wait.until(
		lambda d: d.execute_script(
			"""const b = [...document.querySelectorAll('.page-actions button, .dropdown-menu a, .dropdown-item')]
				.find(x => x.innerText.trim() === arguments[0] && x.offsetParent !== null);
			if (b) { b.click(); return true; } return false;""",
			label,
		)
	)


def test_officer_erases_from_the_request_form(server, world, browser, records):
	desk = Desk(browser, server.url)
	_freshlogin(desk, world.users.dpo, world.password)
	desk.go(f"/app/data-subject-request/{records.request}")
	desk.wait_text("Anfrage beantworten")
	desk.shot("privacy_01_request")
	_click_button(desk, "Personenbezogene Daten löschen", group="Anfrage beantworten")
	desk.wait_text("Alle personenbezogenen Daten dieser Person löschen?")
	desk.shot("privacy_02_confirm")
	desk.js("document.querySelector('.modal.show .btn-primary').click()")
	desk.wait.until(lambda d: _erased(records.erase))
	desk.wait_ready()
	desk.shot("privacy_03_erased")
	assert frappe.db.get_value("Data Subject Request", records.request, "status") == "Completed"


def _erased(name: str) -> bool:
	frappe.db.rollback()
	return bool(frappe.db.get_value("Resident", name, "anonymised_on"))


def test_esf_officer_records_a_reentry(server, world, browser, records):
	desk = Desk(browser, server.url)
	_freshlogin(desk, records.pw.officer, world.password)
	desk.go(f"/app/esf-participation/{records.esf}")
	desk.wait_text("Wiedereintritt erfassen")
	text = desk.body_text()
	for german in ("Erwerbsstatus bei Eintritt", "Langzeitarbeitslos", "Besondere Kategorien (Art. 9 DSGVO)"):
		assert german in text, german
	_click_button(desk, "Wiedereintritt erfassen")
	desk.wait_text("Datum des Wiedereintritts", ".modal.show")
	desk.shot("privacy_04_reentry")
	desk.js("document.querySelector('.modal.show .btn-primary').click()")
	desk.wait.until(lambda d: _reentries(records.esf) == 1)
	frappe.db.rollback()
	row = frappe.db.get_value(
		"ESF Participation", records.esf, ["exit_date", "last_reentry_on"], as_dict=True
	)
	assert row.exit_date is None and getdate(row.last_reentry_on) == getdate(today())


def _reentries(name: str) -> int:
	frappe.db.rollback()
	return frappe.db.get_value("ESF Participation", name, "reentry_count")


def test_staff_record_a_consent_withdrawal(server, world, browser, records):
	desk = Desk(browser, server.url)
	_freshlogin(desk, records.pw.staff, world.password)
	desk.go(f"/app/consent/{records.newsletter}")
	desk.wait_text("Einwilligungserklärung drucken")
	_click_button(desk, "Widerruf erfassen")
	desk.wait_text("Widerrufen am", ".modal.show")
	desk.js("document.querySelector('.modal.show .btn-primary').click()")
	desk.wait.until(lambda d: _status(records.newsletter) == "Withdrawn")
	desk.wait_ready()
	desk.shot("privacy_05_withdrawn")


def _status(name: str) -> str:
	frappe.db.rollback()
	return frappe.db.get_value("Consent", name, "status")
