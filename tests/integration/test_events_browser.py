"""Community events in a real browser (headless Chromium, see test_browser.py): a guest registers on the
public calendar and lands on the waiting list when the event is full; a staff user records attendance
from a paper list through the form's dialog, sees the event in the calendar view and generates the
sessions of a recurring group. Screenshots go to tests/artifacts/browser/events_*.png."""

import uuid

import frappe
import pytest
from frappe.utils import add_days, add_to_date, now_datetime, today

from tests.integration.browser import BROWSER_MARKS, Desk, login

pytestmark = BROWSER_MARKS

try:
	from selenium.webdriver.common.by import By
	from selenium.webdriver.support import expected_conditions as EC
except ImportError:  # pragma: no cover - BROWSER_MARKS skip the module then
	pass

EVENT = "Community Event"
MARK = uuid.uuid4().hex[:8]


@pytest.fixture(scope="module")
def records(world):
	"""Committed records for the web server; deleted (with everything the browser made) afterwards."""
	frappe.set_user("Administrator")
	start = add_to_date(now_datetime(), hours=3).replace(second=0, microsecond=0)
	event = frappe.get_doc(
		{
			"doctype": EVENT,
			"project": world.a.project,
			"title": f"Computerkurs {MARK}",
			"event_type": "Workshop",
			"starts_on": start,
			"ends_on": add_to_date(start, hours=2),
			"district": world.a.district,
			"published": 1,
			"registration_required": 1,
			"capacity": 1,
			"participants": [{"guest_name": "Bernd Probe", "status": "Registered"}],
		}
	).insert()
	public = frappe.get_doc(
		{
			"doctype": EVENT,
			"project": world.a.project,
			"title": f"Lesung {MARK}",
			"event_type": "Reading",
			"starts_on": add_to_date(start, hours=1),
			"district": world.a.district,
			"published": 1,
			"registration_required": 1,
			"capacity": 1,
		}
	).insert()
	series = frappe.get_doc(
		{
			"doctype": "Community Event Series",
			"project": world.a.project,
			"title": f"Nähgruppe {MARK}",
			"weekday": "Wednesday",
			"start_time": "14:00:00",
			"end_time": "16:00:00",
			"from_date": today(),
			"to_date": add_days(today(), 27),
		}
	).insert()
	frappe.db.commit()  # the web server reads committed data only
	yield frappe._dict(event=event.name, public=public.name, series=series.name)
	frappe.db.rollback()
	names = [event.name, public.name, *frappe.get_all(EVENT, filters={"series": series.name}, pluck="name")]
	for name in names:
		frappe.delete_doc(EVENT, name, force=True, ignore_permissions=True)
	frappe.delete_doc("Community Event Series", series.name, force=True, ignore_permissions=True)
	version = frappe.qb.DocType("Version")
	frappe.qb.from_(version).delete().where(version.docname.isin([*names, series.name])).run()
	frappe.db.commit()  # remove the committed test records


def _rows(event: str) -> list[dict]:
	frappe.db.rollback()  # see what the web server committed
	return frappe.get_all(
		"Community Event Participant",
		filters={"parent": event},
		fields=["guest_name", "email", "status", "registered_via"],
		order_by="idx asc",
	)


def _register(desk: Desk, event: str, name: str, email: str) -> str:
	form = desk.wait.until(
		EC.visibility_of_element_located((By.CSS_SELECTOR, f"form.gwk-register[data-event='{event}']"))
	)
	form.find_element(By.NAME, "full_name").send_keys(name)
	form.find_element(By.NAME, "email").send_keys(email)
	form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
	answer = form.find_element(By.CSS_SELECTOR, ".gwk-register-answer")
	desk.wait.until(lambda d: answer.text.strip())
	return answer.text


def test_guest_registers_on_the_public_calendar(server, world, browser, records):
	from gwk_app.api.events import _registration_limit

	frappe.cache.delete(frappe.cache.make_key("rl:gwk_app.api.events.register:127.0.0.1"))
	assert _registration_limit() >= 2
	desk = Desk(browser, server.url)
	browser.delete_all_cookies()
	browser.get(f"{server.url}/veranstaltungen")
	desk.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".gwk-events")))
	assert f"Computerkurs {MARK}" in desk.body_text()
	assert "Bernd Probe" not in browser.page_source
	answer = _register(desk, records.public, "Erika Beispiel", "erika.beispiel@example.com")
	desk.shot("events_01_registered")
	assert answer in ("Vielen Dank, Sie sind angemeldet.", "Thank you, you are registered.")
	# the computer course is full: the guest goes on the waiting list and is told so
	answer = _register(desk, records.event, "Max Warte", "max.warte@example.com")
	desk.shot("events_02_waiting_list")
	assert "Warteliste" in answer or "waiting list" in answer
	assert [(r.guest_name, r.status, r.registered_via) for r in _rows(records.public)] == [
		("Erika Beispiel", "Registered", "Public Registration")
	]
	assert [(r.guest_name, r.status) for r in _rows(records.event)] == [
		("Bernd Probe", "Registered"),
		("Max Warte", "Waiting List"),
	]
	# a script in the name is refused with a message, and nothing is stored
	answer = _register(desk, records.public, "<script>alert(1)</script>", "x@example.com")
	desk.shot("events_03_refused")
	assert "HTML" in answer
	assert len(_rows(records.public)) == 1


def test_staff_records_attendance_from_a_paper_list(server, world, browser, records):
	desk = Desk(browser, server.url)
	browser.delete_all_cookies()
	login(desk, world.users.staff_a, world.password)
	desk.go(f"/app/community-event/{records.event}")
	desk.wait_text(f"Computerkurs {MARK}")
	button = desk.wait.until(
		EC.element_to_be_clickable((By.XPATH, "//button[contains(., 'Teilnahme erfassen')]"))
	)
	button.click()
	dialog = desk.wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".modal.show .modal-dialog")))
	assert "Bernd Probe" in dialog.text
	textarea = dialog.find_element(By.CSS_SELECTOR, "[data-fieldname='names'] textarea")
	textarea.send_keys("bernd probe\nNeue Teilnehmerin")
	desk.shot("events_04_attendance_dialog")
	dialog.find_element(By.CSS_SELECTOR, ".btn-primary").click()
	desk.wait.until(EC.invisibility_of_element_located((By.CSS_SELECTOR, ".modal.show .modal-dialog")))
	desk.wait_text("Neue Teilnehmerin")
	desk.shot("events_05_attendance_saved")
	statuses = {r.guest_name: r.status for r in _rows(records.event)}
	assert statuses["Bernd Probe"] == "Attended" and statuses["Neue Teilnehmerin"] == "Attended"

	# the calendar view shows the project's events
	desk.go("/app/community-event/view/calendar/default")
	desk.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".fc-event")))
	desk.wait_text(f"Computerkurs {MARK}")
	assert world.b.community_event not in desk.body_text()
	desk.shot("events_06_calendar")


def test_staff_generates_the_sessions_of_a_group(server, world, browser, records):
	desk = Desk(browser, server.url)
	if "/app" not in browser.current_url:
		login(desk, world.users.staff_a, world.password)
	desk.go(f"/app/community-event-series/{records.series}")
	desk.wait_text(f"Nähgruppe {MARK}")
	desk.wait.until(
		EC.element_to_be_clickable((By.XPATH, "//button[contains(., 'Termine erzeugen')]"))
	).click()
	desk.wait_text("Termine angelegt")
	desk.shot("events_07_sessions_generated")
	frappe.db.rollback()
	sessions = frappe.get_all(EVENT, filters={"series": records.series}, pluck="series_date")
	assert len(sessions) == 4 and all(d.strftime("%A") == "Wednesday" for d in sessions)
	desk.wait.until(
		EC.element_to_be_clickable((By.XPATH, "//button[contains(., 'Termine erzeugen')]"))
	).click()
	desk.wait_text("bereits angelegt")
	frappe.db.rollback()
	assert frappe.db.count(EVENT, {"series": records.series}) == 4
