"""The weekly time grid in a real browser (headless Chromium, see test_browser.py): a staff member opens
it from the Staff Time Entry list, the week proposed is the site's (the browser is on another day),
the hours typed for today are stored as the staff member's entry. Screenshots: tests/artifacts/browser/."""

import frappe
from frappe.utils import getdate, today

from tests.integration.browser import BROWSER_MARKS, Desk, login

pytestmark = BROWSER_MARKS

try:
	from selenium.webdriver.common.by import By
	from selenium.webdriver.support import expected_conditions as EC
except ImportError:  # pragma: no cover - BROWSER_MARKS skip the module then
	pass


def _entries(world):
	frappe.db.rollback()  # see what the web server committed
	return frappe.get_all(
		"Staff Time Entry",
		filters={"staff": world.users.staff_a, "project": world.a.project, "work_date": today()},
		fields=["name", "field_of_work", "hours"],
	)


def test_weekly_grid_stores_the_sites_day(server, world, browser):
	for row in _entries(world):
		frappe.delete_doc("Staff Time Entry", row.name, force=True, ignore_permissions=True)
	frappe.db.commit()
	desk = Desk(browser, server.url)
	try:
		login(desk, world.users.staff_a, world.password)
		desk.go("/app/staff-time-entry")
		button = desk.wait.until(
			EC.element_to_be_clickable((By.XPATH, "//button[contains(., 'Wochenraster')]"))
		)
		button.click()
		desk.wait.until(
			lambda d: d.execute_script(
				"return !!(gwk_app.staff_time_week_dialog && gwk_app.staff_time_week_dialog.display)"
			)
		)
		assert desk.js("return gwk_app.staff_time_week_dialog.get_value('week_start')") == today()
		desk.js("gwk_app.staff_time_week_dialog.set_value('project', arguments[0])", world.a.project)
		desk.wait.until(
			lambda d: d.execute_script(
				"return (gwk_app.staff_time_week_dialog.fields_dict.rows.df.data || []).length === 6"
			)
		)
		desk.wait_ready()
		weekday = getdate(today()).weekday()
		desk.js(
			"const d = gwk_app.staff_time_week_dialog; const row = d.fields_dict.rows.df.data.find((r) => r.field_of_work === 'Outreach');"
			"row['d' + arguments[0]] = 2.5; d.fields_dict.rows.grid.refresh();",
			weekday,
		)
		desk.shot("funders_weekly_grid")
		text = desk.js("return gwk_app.staff_time_week_dialog.$wrapper.text()")
		assert "Aufsuchende Arbeit" in text or "Outreach" in text
		desk.js("gwk_app.staff_time_week_dialog.get_primary_btn().click()")
		desk.wait.until(lambda d: not d.execute_script("return gwk_app.staff_time_week_dialog.display"))
		desk.wait_ready()
		rows = _entries(world)
		assert [(r.field_of_work, r.hours) for r in rows] == [("Outreach", 2.5)]
	finally:
		for row in _entries(world):
			frappe.delete_doc("Staff Time Entry", row.name, force=True, ignore_permissions=True)
		frappe.db.commit()
