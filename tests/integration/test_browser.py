"""The desk in a real browser (Debian's Chromium, driven by Selenium, headless) against the bench web
server on loopback: a German staff user logs consultations through the quick entry, finds them in the
list and in the contact statistics, opens the case kanban and the office hours calendar, and does not
find another project's residents in a Link field.

Screenshots of every step go to tests/artifacts/browser/ (gitignored). Records the browser commits are
deleted at the end.
"""

import time
import uuid

import frappe

from tests.integration.browser import BROWSER_MARKS, Desk, login

pytestmark = BROWSER_MARKS

try:
	from selenium.webdriver.common.by import By
	from selenium.webdriver.common.keys import Keys
	from selenium.webdriver.support import expected_conditions as EC
except ImportError:  # pragma: no cover - selenium is part of the bench environment
	pass


def _new_consultations(project: str, since: str) -> list[dict]:
	frappe.db.rollback()  # see what the web server committed
	return frappe.get_all(
		"Consultation",
		filters={"project": project, "creation": (">=", since)},
		fields=["name", "anonymous", "resident", "channel", "note", "staff_member", "consultation_date"],
		order_by="creation asc",
	)


def test_staff_day_in_the_desk(server, world, browser, created):
	marker = uuid.uuid4().hex[:8]
	since = frappe.utils.now()
	desk = Desk(browser, server.url)
	login(desk, world.users.staff_a, world.password)
	assert desk.js("return frappe.boot.lang") == "de"
	# the browser is on another day than the site: what the desk proposes must still be the site's date
	browser_day = desk.js("const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]")
	site_day = frappe.utils.getdate(frappe.utils.today())
	assert browser_day != [site_day.year, site_day.month, site_day.day]
	assert desk.js("return frappe.datetime.get_today()") == str(site_day)

	# 1. the workspace, in German
	desk.go("/app/gemeinwesen")
	desk.wait_text("Neuer Beratungskontakt")
	desk.wait_text("KONTAKTE DIESEN MONAT")  # number card titles are upper case by style
	desk.wait_text("Kontakte pro Monat")
	desk.wait.until(
		EC.presence_of_element_located((By.CSS_SELECTOR, ".widget.dashboard-widget-box .chart-container svg"))
	)
	text = desk.body_text()
	for german in ("Gemeinwesen", "Tagesgeschäft", "Beratung", "Datenschutz", "Sprechzeiten-Kalender"):
		assert german in text, german
	assert "OFFENE FÄLLE" in text.upper()
	assert not desk.driver.find_elements(By.CSS_SELECTOR, ".modal.show .msgprint")  # no error popped up
	desk.shot("01_workspace")
	desk.js(
		"document.querySelector('.ce-block:last-child') && document.querySelector('.ce-block:last-child').scrollIntoView()"
	)
	desk.wait_text("Arbeitsbereiche")
	text = desk.body_text()
	for german in ("Veranstaltungen", "Ehrenamt", "Netzwerk", "Berichte", "Kontaktstatistik", "Einwilligung"):
		assert german in text, german
	desk.shot("01b_workspace_areas_of_work")

	# 2. anonymous consultation through the quick entry (workspace shortcut, keyboard only)
	shortcut = desk.wait.until(
		EC.element_to_be_clickable(
			(
				By.XPATH,
				"//*[contains(@class,'shortcut-widget-box')][.//*[contains(., 'Neuer Beratungskontakt')]]",
			)
		)
	)
	shortcut.click()
	dialog = desk.dialog()
	assert "Neuer Beratungskontakt" in dialog.text
	desk.wait.until(
		lambda d: d.execute_script(
			"return document.activeElement && !!document.activeElement.closest(\"[data-gwk-dialog='quick-consultation']\")"
		)
	)
	assert desk.js("return gwk_app.quick_consultation_dialog.get_value('project')") == world.a.project
	assert desk.js("return gwk_app.quick_consultation_dialog.get_value('anonymous')") == 1
	desk.js("gwk_app.quick_consultation_dialog.set_value('channel', 'Phone')")
	desk.js("gwk_app.quick_consultation_dialog.set_value('age_group', '30-54')")
	note = desk.field(dialog, "note", "textarea")
	note.send_keys(f"Browser-Test anonym {marker}")
	desk.shot("02_quick_entry_anonymous")
	note.send_keys(Keys.CONTROL, Keys.ENTER)
	desk.wait.until(
		EC.invisibility_of_element_located((By.CSS_SELECTOR, "[data-gwk-dialog='quick-consultation']"))
	)
	desk.wait_text("gespeichert")
	desk.shot("03_saved_anonymous")
	rows = _new_consultations(world.a.project, since)
	created.extend(("Consultation", r.name) for r in rows)
	anonymous = [r for r in rows if marker in (r.note or "")]
	assert len(anonymous) == 1 and anonymous[0].anonymous == 1 and anonymous[0].channel == "Phone"
	assert anonymous[0].consultation_date == site_day  # the quick entry's default: the site's date
	assert anonymous[0].staff_member == world.users.staff_a

	# 3. named consultation from the resident form; the form shows the person's connections
	desk.go(f"/app/resident/{world.a.resident}")
	desk.wait_text("Verknüpfungen")
	desk.shot("04_resident_connections")
	button = desk.wait.until(
		EC.element_to_be_clickable((By.XPATH, "//button[contains(., 'Neuer Beratungskontakt')]"))
	)
	button.click()
	dialog = desk.dialog()
	assert desk.js("return gwk_app.quick_consultation_dialog.get_value('anonymous')") == 0
	assert desk.js("return gwk_app.quick_consultation_dialog.get_value('resident')") == world.a.resident
	desk.js("gwk_app.quick_consultation_dialog.set_value('channel', 'Office Hours')")
	note = desk.field(dialog, "note", "textarea")
	note.send_keys(f"Browser-Test namentlich {marker}")
	desk.shot("05_quick_entry_named")
	note.send_keys(Keys.CONTROL, Keys.ENTER)
	desk.wait.until(
		EC.invisibility_of_element_located((By.CSS_SELECTOR, "[data-gwk-dialog='quick-consultation']"))
	)
	desk.wait_text("gespeichert")
	rows = _new_consultations(world.a.project, since)
	created.extend(("Consultation", r.name) for r in rows if ("Consultation", r.name) not in created)
	named = [r for r in rows if f"namentlich {marker}" in (r.note or "")]
	assert len(named) == 1 and named[0].anonymous == 0 and named[0].resident == world.a.resident

	# 4. both are in the list, with their indicators
	desk.go("/app/consultation?project=" + world.a.project.replace(" ", "%20"))
	desk.wait_text(anonymous[0].name)
	desk.wait_text(named[0].name)
	text = desk.body_text()
	assert "Anonym" in text and "Namentlich" in text
	assert world.b.consultation not in text
	desk.shot("06_consultation_list")
	# the list's own "add" button opens the same quick entry; "Edit Full Form" leads to the form
	desk.driver.find_element(By.CSS_SELECTOR, ".page-actions .primary-action").click()
	dialog = desk.dialog()
	assert desk.js("return gwk_app.quick_consultation_dialog.get_value('project')") == world.a.project
	dialog.find_element(By.XPATH, ".//button[contains(., 'Vollständiges Formular')]").click()
	desk.wait.until(lambda d: "/app/consultation/new-consultation" in d.current_url)
	desk.wait.until(lambda d: d.execute_script("return cur_frm && cur_frm.doc.project"))
	assert desk.js("return cur_frm.doc.project") == world.a.project
	desk.shot("06b_full_form_from_quick_entry")

	# 5. the contact statistics report counts them
	desk.go("/app/query-report/Contact Statistics")
	desk.wait_text("Kontaktstatistik")
	desk.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".dt-scrollable .dt-row")))
	table = desk.driver.find_element(By.CSS_SELECTOR, ".dt-scrollable").text
	assert "Sprechzeiten" in table and "Office Hours" not in table  # option values shown in German
	desk.shot("07_contact_statistics")
	year = frappe.utils.getdate(frappe.utils.today()).year
	expected = frappe.db.count(
		"Consultation",
		{"project": world.a.project, "consultation_date": ("between", [f"{year}-01-01", f"{year}-12-31"])},
	)
	summary = dict(
		desk.js(
			"return [...document.querySelectorAll('.report-summary .summary-item')].map(e => "
			"[e.querySelector('.summary-label').innerText.trim(), e.querySelector('.summary-value').innerText.trim()])"
		)
	)
	assert summary.get("Beratungskontakte") == str(expected), summary
	assert world.b.project not in desk.body_text()

	# 6. case kanban
	desk.go("/app/case/view/kanban/Cases by Status")
	desk.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".kanban-column")))
	desk.wait_text("In Bearbeitung")
	text = desk.body_text()
	assert "Nachbarschaftsstreit A" in text and "Nachbarschaftsstreit B" not in text
	desk.shot("08_case_kanban")

	# 7. office hours calendar
	desk.go("/app/community-project/view/calendar/default")
	desk.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".fc-event")))
	desk.wait_text(f"Sprechzeit {world.a.project}")
	desk.wait_text("15:00 - 18:00")  # office hours are wall-clock times of the project
	assert f"Sprechzeit {world.b.project}" not in desk.body_text()
	desk.shot("09_office_hours_calendar")


def test_link_field_offers_own_project_residents_only(server, world, browser):
	desk = Desk(browser, server.url)
	if "/app" not in browser.current_url:
		login(desk, world.users.staff_a, world.password)
	desk.go("/app/consultation/new")
	desk.wait.until(
		EC.presence_of_element_located((By.CSS_SELECTOR, ".frappe-control[data-fieldname='anonymous'] input"))
	)
	desk.wait.until(lambda d: d.execute_script("return cur_frm && cur_frm.doc.doctype === 'Consultation'"))
	desk.js("cur_frm.set_value('anonymous', 0)")
	field = desk.wait.until(
		EC.visibility_of_element_located(
			(By.CSS_SELECTOR, ".frappe-control[data-fieldname='resident'] input")
		)
	)
	first = _dropdown(desk, field)
	desk.shot("10_link_field_own_project_only")
	# without the form's project filter the server still offers only the user's projects
	desk.js("cur_frm.set_query('resident', () => ({}))")
	field.send_keys(Keys.CONTROL, "a", Keys.BACKSPACE)
	second = _dropdown(desk, field)
	desk.shot("11_link_field_without_client_filter")
	for options in (first, second):
		joined = "\n".join(options)
		assert world.a.resident in joined and "AnkerbergA" in joined
		assert world.b.resident not in joined and "AnkerbergB" not in joined


def _dropdown(desk: Desk, field) -> list[str]:
	"""Type into a Link field and return the texts of the suggestions."""
	field.click()
	field.send_keys("Ankerberg")
	listbox = "ul[role='listbox'] [role='option']"
	try:
		desk.wait.until(lambda d: any(li.is_displayed() for li in d.find_elements(By.CSS_SELECTOR, listbox)))
	except Exception:
		desk.shot("failed_link_dropdown")
		raise
	time.sleep(1.5)  # the search is debounced; make sure the final answer is in
	return [li.text for li in desk.driver.find_elements(By.CSS_SELECTOR, listbox) if li.is_displayed()]
