"""The carrier manager's desk in a real browser (see test_browser.py): the workspace "Träger" renders its
number cards and charts in German, shows no empty section, and no route it offers opens a personal
record. Screenshots go to tests/artifacts/browser/carrier_*.png."""

from urllib.parse import unquote, urlparse

import frappe

from gwk_app.access import PROJECT_BOUND
from tests.integration.browser import BROWSER_MARKS, Desk, login

pytestmark = BROWSER_MARKS

try:
	from selenium.webdriver.common.by import By
	from selenium.webdriver.support import expected_conditions as EC
except ImportError:  # pragma: no cover - BROWSER_MARKS skip the module then
	pass

CARDS = (
	"Teilnehmende gegenüber Zielen (dieses Jahr)",
	"Kontakte diesen Monat (alle Projekte)",
	"Durchgeführte Veranstaltungen (dieses Jahr)",
	"Ehrenamtsstunden (dieses Jahr)",
	"Vermittlungen ohne Rückmeldung",
)
CHARTS = (
	"Teilnehmende und Plan",
	"Kontakte je Monat (24 Monate)",
	"Anteil anonymer Kontakte",
	"Kontaktwege je Projekt",
)


def test_carrier_manager_sees_the_carrier_desk(server, world, browser):
	desk = Desk(browser, server.url)
	desk.driver.get(f"{desk.url}/api/method/logout")
	desk.driver.delete_all_cookies()
	login(desk, world.users.carrier, world.password)
	desk.go("/app/carrier")
	desk.wait_text("Kennzahlen des Trägers")
	for title in CARDS:
		desk.wait_text(title.upper())  # number card titles are upper case by style
	for title in CHARTS:
		desk.wait_text(title)
	desk.wait.until(
		EC.presence_of_element_located((By.CSS_SELECTOR, ".widget.dashboard-widget-box .chart-container svg"))
	)
	# every card shows a figure (a number, "." for a suppressed one, or "N von M"), none an error
	desk.wait.until(
		lambda d: all(
			(e.text or "").strip() and "..." not in e.text
			for e in d.find_elements(By.CSS_SELECTOR, ".number-widget-box .widget-content")
		)
	)
	text = desk.body_text()
	assert "Träger" in text and "Projekte im Vergleich" in text and "Stammdaten" in text
	assert "Gemeinwesen" not in {
		e.text for e in desk.driver.find_elements(By.CSS_SELECTOR, ".sidebar-item-label")
	}
	assert not desk.driver.find_elements(By.CSS_SELECTOR, ".modal.show .msgprint")
	desk.shot("carrier_01_workspace")

	# no empty section: each heading has widgets below it before the next heading
	sections = desk.js(
		"""const out = []; let current = null;
		for (const block of document.querySelectorAll('.codex-editor .ce-block')) {
			if (block.querySelector('.ce-header')) { current = [block.innerText.trim(), 0]; out.push(current); }
			else if (current && block.querySelector('.widget') && block.offsetHeight > 0) current[1] += 1;
		}
		return out;"""
	)
	assert sections and all(count for _title, count in sections), sections

	# no route it offers opens a personal record
	hrefs = desk.js(
		"return [...document.querySelectorAll('.layout-main-section a[href]')].map(a => a.getAttribute('href'))"
	)
	personal = {frappe.scrub(d).replace("_", "-") for d in PROJECT_BOUND}
	for href in hrefs:
		path = unquote(urlparse(href).path)
		parts = path.strip("/").split("/")
		if len(parts) >= 2 and parts[0] == "app":
			assert parts[1] not in personal, href

	# the drill-down from the Carrier Overview: per district and quarter, aggregated
	desk.go("/app/query-report/Carrier Figures by District")
	desk.wait_text("Trägerkennzahlen nach Stadtteil und Quartal")
	desk.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".dt-scrollable .dt-row")))
	header = desk.driver.find_element(By.CSS_SELECTOR, ".dt-header").text
	for q in ("Q1", "Q2", "Q3", "Q4"):
		assert q in header
	desk.shot("carrier_02_drill_down")
