"""Appointments in a real browser (headless Chromium, see test_browser.py): a staff user books an
appointment in the form (the start proposed on the site's date, not the browser's), confirms it, marks
it attended and lands in its consultation with the appointment's values; the calendar shows it; at the
office hours a walk-in is queued, called and closed into the filled-in consultation quick entry.
Screenshots go to tests/artifacts/browser/appointments_*.png."""

import frappe
import pytest
from frappe.utils import getdate, today

from tests.integration.browser import BROWSER_MARKS, Desk, login

pytestmark = BROWSER_MARKS

try:
	from selenium.webdriver.common.by import By
	from selenium.webdriver.support import expected_conditions as EC
except ImportError:  # pragma: no cover - BROWSER_MARKS skip the module then
	pass

APPOINTMENT = "Consultation Appointment"


def _click(desk: Desk, xpath: str):
	desk.wait.until(EC.element_to_be_clickable((By.XPATH, xpath))).click()


def _status_action(desk: Desk, label: str, status: str):
	_click(desk, "//div[contains(@class,'inner-group-button')]//button[contains(., 'Status')]")
	_click(desk, f"//div[contains(@class,'inner-group-button')]//a[contains(., '{label}')]")
	desk.wait.until(
		lambda d: d.execute_script(
			"return cur_frm && cur_frm.doc.status === arguments[0] && !cur_frm.is_dirty()", status
		)
	)
	desk.wait_ready()


def test_staff_book_confirm_attend_and_land_in_the_consultation(server, world, browser, created):
	desk = Desk(browser, server.url)
	login(desk, world.users.staff_a, world.password)
	site_day = str(getdate(today()))
	desk.go("/app/consultation-appointment/new")
	desk.wait.until(
		lambda d: d.execute_script("return cur_frm && cur_frm.doc.doctype === 'Consultation Appointment'")
	)
	# the start is proposed on the site's date although the browser is on another day
	assert desk.js("return (cur_frm.doc.starts_on || '').slice(0, 10)") == site_day
	desk.js(
		"cur_frm.set_value('project', arguments[0]);"
		"cur_frm.set_value('starts_on', arguments[1]);"
		"cur_frm.set_value('duration_minutes', 40);"
		"cur_frm.set_value('channel', 'Phone');"
		"cur_frm.set_value('topic', 'Wohngeld');",
		world.a.project,
		f"{site_day} 06:05:00",
	)
	desk.wait.until(lambda d: d.execute_script("return cur_frm.doc.project && cur_frm.doc.topic"))
	desk.js("cur_frm.set_value('resident', arguments[0])", world.a.resident)
	desk.wait.until(lambda d: d.execute_script("return !!cur_frm.doc.resident_name"))
	desk.shot("appointments_01_new")
	desk.js("cur_frm.save()")
	desk.wait.until(lambda d: d.execute_script("return cur_frm && !cur_frm.is_new() && !cur_frm.is_dirty()"))
	desk.wait_ready()
	name = desk.js("return cur_frm.doc.name")
	created.append((APPOINTMENT, name))
	assert desk.js("return cur_frm.doc.status") == "Requested"
	assert "Angefragt" in desk.body_text()
	desk.shot("appointments_02_saved")

	_status_action(desk, "Bestätigen", "Confirmed")
	desk.shot("appointments_03_confirmed")
	_status_action(desk, "Als teilgenommen markieren", "Attended")
	desk.shot("appointments_04_attended")

	_click(desk, "//button[contains(., 'Beratungskontakt anlegen')]")
	desk.wait.until(lambda d: "/app/consultation/CON-" in d.current_url)
	desk.wait.until(lambda d: d.execute_script("return cur_frm && cur_frm.doc.doctype === 'Consultation'"))
	desk.wait_ready()
	consultation = desk.js("return cur_frm.doc.name")
	created.insert(0, ("Consultation", consultation))
	values = desk.js(
		"const d = cur_frm.doc; return [d.project, d.channel, d.resident, d.duration_minutes,"
		" d.consultation_date, (d.topics || []).map(t => t.topic), d.anonymous]"
	)
	assert values == [world.a.project, "Appointment", world.a.resident, 40, site_day, ["Wohngeld"], 0]
	assert "Termin" in desk.body_text()  # the channel, shown in German
	desk.shot("appointments_05_consultation")
	frappe.db.rollback()
	assert frappe.db.get_value(APPOINTMENT, name, ["status", "consultation"]) == ("Attended", consultation)

	# the appointment is in the staff member's calendar
	desk.go(f"/app/consultation-appointment/view/calendar/default?staff_member={world.users.staff_a}")
	desk.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".fc-event")))
	desk.wait_text("AnkerbergA")
	desk.shot("appointments_06_calendar")


@pytest.fixture
def visits(world):
	yield
	frappe.db.rollback()
	for name in frappe.get_all(
		"Office Hours Visit", filters={"project": world.a.project, "label": "Browsergast"}, pluck="name"
	):
		frappe.delete_doc("Office Hours Visit", name, force=True, ignore_permissions=True)
	frappe.db.commit()


def test_waiting_list_closes_into_the_filled_in_quick_entry(server, world, browser, created, visits):
	desk = Desk(browser, server.url)
	browser.delete_all_cookies()
	login(desk, world.users.staff_a, world.password)
	desk.go(f"/app/waiting-list?project={world.a.project}")
	desk.wait.until(lambda d: d.execute_script("return !!document.querySelector('.gwk-waiting-list')"))
	desk.js(
		"frappe.pages['waiting-list'].gwk_waiting_list.project_field.set_value(arguments[0])", world.a.project
	)
	desk.wait_text("Sprechzeit", ".gwk-waiting-list")
	_click(desk, "//button[contains(., 'Laufkundschaft hinzufügen')]")
	field = desk.wait.until(
		EC.visibility_of_element_located((By.CSS_SELECTOR, ".modal.show [data-fieldname='label'] input"))
	)
	field.send_keys("Browsergast")
	_click(
		desk, "//div[contains(@class,'modal') and contains(@class,'show')]//button[contains(., 'Hinzufügen')]"
	)
	desk.wait_text("Browsergast", ".gwk-waiting-list")
	desk.shot("appointments_07_waiting_list")
	row = "//tr[.//td[contains(., 'Browsergast')]]"
	_click(desk, f"{row}//button[contains(., 'Aufrufen')]")
	desk.wait.until(
		EC.element_to_be_clickable((By.XPATH, f"{row}//button[contains(., 'Besuch abschließen')]"))
	)
	_click(desk, f"{row}//button[contains(., 'Besuch abschließen')]")
	desk.dialog()
	assert desk.js("return gwk_app.quick_consultation_dialog.get_value('project')") == world.a.project
	assert desk.js("return gwk_app.quick_consultation_dialog.get_value('channel')") == "Office Hours"
	assert desk.js("return gwk_app.quick_consultation_dialog.get_value('consultation_date')") == str(
		getdate(today())
	)
	assert desk.js("return gwk_app.quick_consultation_dialog.get_value('duration_minutes')") >= 5
	desk.shot("appointments_08_quick_entry_from_visit")
	desk.js("gwk_app.quick_consultation_dialog.get_primary_btn().trigger('click')")
	desk.wait.until(
		EC.invisibility_of_element_located((By.CSS_SELECTOR, "[data-gwk-dialog='quick-consultation']"))
	)
	desk.wait.until(
		lambda d: (frappe.db.rollback() or True)
		and frappe.db.get_value("Office Hours Visit", {"label": "Browsergast"}, "consultation")
	)
	consultation = frappe.db.get_value("Office Hours Visit", {"label": "Browsergast"}, "consultation")
	created.insert(0, ("Consultation", consultation))
	assert frappe.db.get_value("Consultation", consultation, "channel") == "Office Hours"
	assert frappe.db.get_value("Office Hours Visit", {"label": "Browsergast"}, "status") == "Done"
