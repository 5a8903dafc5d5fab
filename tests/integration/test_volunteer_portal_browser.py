"""Volunteering in a real browser (Debian's Chromium, headless): a volunteer adds a time slot, saves the
profile and logs hours through the portal page's own forms; staff see suggested volunteers on the
opportunity form."""

import time

import frappe
import pytest
from frappe.utils import add_days, today

from tests.integration.browser import BROWSER_MARKS, WAIT, chromium

pytestmark = BROWSER_MARKS

try:
	from selenium.webdriver.common.by import By
	from selenium.webdriver.support.ui import WebDriverWait
except ImportError:  # pragma: no cover - BROWSER_MARKS skip the module then
	pass


@pytest.fixture(scope="module")
def browser():
	with chromium("gwk-chromium-portal-", "1280,1000") as driver:
		yield driver


def _wait_for(check, timeout=WAIT):
	deadline = time.monotonic() + timeout
	while time.monotonic() < deadline:
		frappe.db.rollback()  # see what the web server committed
		value = check()
		if value:
			return value
		time.sleep(0.5)
	return check()


def test_volunteer_saves_availability_and_logs_hours_in_the_browser(server, world, portal, browser):  # noqa: F811
	session = server.session(portal.user, world.password)
	browser.get(f"{server.url}/login")
	browser.add_cookie({"name": "sid", "value": session.cookies["sid"], "path": "/"})
	browser.get(f"{server.url}/volunteering")
	WebDriverWait(browser, WAIT).until(lambda d: d.find_elements(By.ID, "gwk-add-slot"))
	assert "Portalia Ehrenwert" in browser.page_source and "Andere Freiwillige" not in browser.page_source

	# a new time slot: Saturday 09:30-12:00
	browser.find_element(By.ID, "gwk-add-slot").click()
	browser.execute_script(
		"""const row = [...document.querySelectorAll('#gwk-availability tbody tr')].pop();
		row.querySelector('[name=weekday]').value = 'Saturday';
		row.querySelector('[name=from_time]').value = '09:30';
		row.querySelector('[name=to_time]').value = '12:00';"""
	)
	browser.find_element(By.CSS_SELECTOR, "#gwk-profile button[type=submit]").click()
	saved = _wait_for(
		lambda: frappe.get_all(
			"Community Volunteer Availability",
			filters={"parent": portal.own, "weekday": "Saturday"},
			fields=["from_time", "to_time"],
		)
	)
	assert saved and str(saved[0].from_time) == "9:30:00" and str(saved[0].to_time) == "12:00:00"

	# log two and a half hours on the own assignment
	browser.get(f"{server.url}/volunteering")
	WebDriverWait(browser, WAIT).until(lambda d: d.find_elements(By.ID, "gwk-log-hours"))
	browser.execute_script(
		"""const form = document.querySelector('#gwk-log-hours');
		form.work_date.value = arguments[0];
		form.hours.value = '2.5';
		form.note.value = 'Beete gegossen';""",
		add_days(today(), -1),
	)
	browser.find_element(By.CSS_SELECTOR, "#gwk-log-hours button[type=submit]").click()
	logged = _wait_for(
		lambda: frappe.get_all(
			"Volunteer Hours",
			filters={"assignment": portal.own_assignment, "note": "Beete gegossen"},
			fields=["hours", "logged_by_volunteer", "volunteer"],
		)
	)
	assert logged and logged[0].hours == 2.5 and logged[0].logged_by_volunteer == 1
	assert logged[0].volunteer == portal.own
	WebDriverWait(browser, WAIT).until(lambda d: "Beete gegossen" in d.page_source)


def test_opportunity_form_shows_suggested_volunteers(server, world, browser):
	"""The desk form of an opportunity lists the project's volunteers with their match."""
	if not frappe.db.get_single_value("System Settings", "setup_complete"):
		frappe.db.set_single_value("System Settings", "setup_complete", 1)
		frappe.db.commit()  # the web server must see it (only the setup flag of this test site)
		frappe.clear_cache()
	session = server.session(world.users.staff_a, world.password)
	browser.get(f"{server.url}/login")
	browser.delete_all_cookies()
	browser.add_cookie({"name": "sid", "value": session.cookies["sid"], "path": "/"})
	browser.get(f"{server.url}/app/volunteer-opportunity/{world.a.opportunity}")
	selector = ".frappe-control[data-fieldname=matching_html] table"
	WebDriverWait(browser, 60).until(
		lambda d: any("Wilma EhrenfeldA" in t.text for t in d.find_elements(By.CSS_SELECTOR, selector))
	)
	table = browser.find_element(By.CSS_SELECTOR, selector).text
	assert "Wilma EhrenfeldB" not in table
	assert browser.find_elements(By.CSS_SELECTOR, f"{selector} .gwk-assign")
