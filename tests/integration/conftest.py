"""Integration tests: run inside the Frappe bench's Python against the test site.

scripts/test prepares the bench (links this checkout, migrates the site) and sets GWK_BENCH and
GWK_SITE. Each test runs as Administrator unless it switches user, and everything it writes is
rolled back afterwards. The shared world (two projects, their teams and records) is created once,
committed, and reused: see tests/integration/world.py.
"""

import os
from pathlib import Path

import pytest

BENCH = Path(os.environ.get("GWK_BENCH") or Path.home() / "frappe-bench")
SITE = os.environ.get("GWK_SITE", "gwk-test.localhost")

try:
	import frappe
except ImportError:  # pragma: no cover - the runner only calls us inside the bench
	pytest.exit("integration tests must run with the bench's Python (use scripts/test)", returncode=4)


def pytest_configure(config):
	os.chdir(BENCH / "sites")
	frappe.init(site=SITE, sites_path=".")
	frappe.connect()
	frappe.local.lang = "en"
	if not frappe.conf.allow_tests:
		pytest.exit(f"allow_tests is not set for site {SITE}", returncode=4)


def pytest_unconfigure(config):
	if getattr(frappe.local, "site", None):
		frappe.db.rollback()
		frappe.destroy()


@pytest.fixture(scope="session")
def world():
	from tests.integration.world import build_world

	return build_world()


@pytest.fixture(autouse=True)
def _isolation():
	frappe.set_user("Administrator")
	frappe.local.lang = "en"
	frappe.clear_messages()
	yield
	frappe.db.rollback()
	frappe.set_user("Administrator")
	frappe.local.lang = "en"
	frappe.flags.pop("ignore_permissions", None)


@pytest.fixture(scope="session")
def server(world):
	"""The bench's WSGI app served on loopback, for REST and browser tests."""
	from tests.integration.server import BenchServer

	srv = BenchServer(BENCH, SITE)
	srv.start()
	yield srv
	srv.stop()


# ---------------------------------------------------------------- browser tests (see browser.py)


@pytest.fixture(scope="module")
def desk_site(world):
	"""The runner sets the test site up as the demo is (setup done, Europe/Berlin); a site prepared by
	an older runner may still lack the setup flag, and the desk would send every user to the wizard."""
	if not frappe.db.get_single_value("System Settings", "setup_complete"):
		frappe.db.set_single_value("System Settings", "setup_complete", 1)
		frappe.db.commit()  # the web server must see it
		frappe.clear_cache()


@pytest.fixture(scope="module")
def browser(desk_site):
	from tests.integration.browser import ARTIFACTS, chromium

	ARTIFACTS.mkdir(parents=True, exist_ok=True)
	flags = (
		"--disable-background-networking",
		"--disable-component-update",
		"--disable-sync",
		"--lang=de-DE",
	)
	with chromium("gwk-chromium-", "1440,1000", *flags) as driver:
		yield driver


@pytest.fixture(scope="module")
def portal(world):
	"""A volunteer with a portal login and an assignment, and another volunteer of the same project;
	committed so the web server sees them, deleted afterwards (tests/integration/volunteers.py)."""
	from tests.integration.volunteers import make_portal

	yield from make_portal(world)


# ---------------------------------------------------------------- shared datasets (helper modules)

# the report tests' fixed dataset: `setup` (users and projects, committed once) and `data` (records)
from tests.integration.report_data import data, setup  # noqa: E402, F401


@pytest.fixture(scope="module")
def created():
	"""Names of records the browser committed; deleted for good afterwards."""
	names: list[tuple[str, str]] = []
	yield names
	frappe.db.rollback()
	for doctype, name in names:
		if frappe.db.exists(doctype, name):
			frappe.delete_doc(doctype, name, ignore_permissions=True, force=True)
	frappe.db.commit()  # the browser's records were committed by the web server
