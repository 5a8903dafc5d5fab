"""What the browser tests share (headless Debian Chromium driven by Selenium): the marks that skip them
without a browser, a time zone on another day than the site, the Desk page helper and the login. The
`browser` and `desk_site` fixtures are in conftest.py."""

import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import frappe
import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "browser"
WAIT = 30

missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
BROWSER_MARKS = [
	pytest.mark.browser,
	pytest.mark.skipif(
		bool(missing),
		reason="browser tests need Debian's Chromium: apt-get install -y chromium chromium-driver "
		f"(missing: {', '.join(missing)})",
	),
]

try:
	from selenium import webdriver
	from selenium.webdriver.common.by import By
	from selenium.webdriver.support import expected_conditions as EC
	from selenium.webdriver.support.ui import WebDriverWait
except ImportError:  # pragma: no cover - selenium is part of the bench environment
	BROWSER_MARKS.append(pytest.mark.skip(reason="selenium is not installed in the bench environment"))


# time zones 13 hours either side of Central Europe: at any hour one of them is on another day than the site
SHIFTED_TIME_ZONES = ("Etc/GMT+12", "Pacific/Kiritimati")


def browser_time_zone(site_zone: str | None = None) -> str:
	"""A time zone for the browser whose date differs from the site's now, so that every test proves
	the desk proposes the site's date, never the browser's."""
	site_zone = site_zone or frappe.db.get_single_value("System Settings", "time_zone") or "Europe/Berlin"
	site_day = datetime.now(ZoneInfo(site_zone)).date()
	for zone in SHIFTED_TIME_ZONES:
		if datetime.now(ZoneInfo(zone)).date() != site_day:
			return zone
	raise AssertionError(f"no browser time zone on another day than {site_zone}")


def chrome_service(zone: str | None = None):
	"""ChromeDriver whose Chromium runs in a time zone on another day than the site's."""
	return webdriver.ChromeService(str(CHROMEDRIVER), env={**os.environ, "TZ": zone or browser_time_zone()})


class Desk:
	def __init__(self, driver, url):
		self.driver, self.url = driver, url
		self.wait = WebDriverWait(driver, WAIT)

	def shot(self, name: str) -> Path:
		time.sleep(0.6)  # let animations settle
		path = ARTIFACTS / f"{name}.png"
		self.driver.save_screenshot(str(path))
		return path

	def go(self, route: str):
		self.driver.execute_script("window.onbeforeunload = null")
		self.driver.get(f"{self.url}{route}")
		self.wait_ready()

	def wait_ready(self):
		self.wait.until(
			lambda d: d.execute_script("return !!(window.frappe && frappe.boot && frappe.router)")
		)
		self.wait.until(lambda d: not d.execute_script("return frappe.request && frappe.request.ajax_count"))
		self.wait.until(
			lambda d: d.execute_script("return !document.querySelector('.freeze-message-container')")
		)

	def js(self, script: str, *args):
		return self.driver.execute_script(script, *args)

	def body_text(self) -> str:
		return self.driver.find_element(By.TAG_NAME, "body").text

	def wait_text(self, text: str, css: str = "body"):
		try:
			self.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, css), text))
		except Exception:
			self.shot("failed_waiting_for_" + "".join(c if c.isalnum() else "_" for c in text)[:40])
			raise

	def dialog(self):
		"""The quick entry, once shown and focused (typing before that could land elsewhere)."""
		return self.wait.until(
			EC.visibility_of_element_located(
				(By.CSS_SELECTOR, "[data-gwk-dialog='quick-consultation'][data-gwk-ready='1']")
			)
		)

	def field(self, container, fieldname: str, tag: str = "input"):
		return container.find_element(By.CSS_SELECTOR, f"[data-fieldname='{fieldname}'] {tag}")


def login(desk: Desk, user: str, password: str):
	desk.driver.get(f"{desk.url}/login")
	desk.wait.until(EC.visibility_of_element_located((By.ID, "login_email"))).send_keys(user)
	desk.driver.find_element(By.ID, "login_password").send_keys(password)
	desk.driver.find_element(By.CSS_SELECTOR, ".btn-login").click()
	desk.wait.until(lambda d: "/app" in d.current_url)
	desk.wait_ready()


@contextmanager
def chromium(profile_prefix: str, window: str, *flags: str):
	"""A headless Chromium (its own throw-away profile, a time zone on another day than the site), quit
	and its profile removed afterwards."""
	profile = tempfile.mkdtemp(prefix=profile_prefix)
	options = webdriver.ChromeOptions()
	options.binary_location = str(CHROMIUM)
	for flag in (
		"--headless",
		"--no-sandbox",
		"--disable-gpu",
		"--disable-dev-shm-usage",
		"--no-first-run",
		f"--user-data-dir={profile}",
		f"--window-size={window}",
		*flags,
	):
		options.add_argument(flag)
	driver = webdriver.Chrome(options=options, service=chrome_service())
	driver.set_page_load_timeout(90)
	try:
		yield driver
	finally:
		driver.quit()
		shutil.rmtree(profile, ignore_errors=True)
