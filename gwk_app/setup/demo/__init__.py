"""Demo data and the sites the app's scripts create, split by domain as crm's crm/demo/ is.

- site.py: regional settings and demo logins of the demo and test sites (scripts/firstrun.py calls
  gwk_app.setup.demo.configure_site, configure_demo_site and ensure_demo_logins)
- generator.py: the deterministic generator (`bench --site S gwk-demo-data`), composed of
- master.py (districts, partners, projects, teams), casework.py (residents, consultations, cases,
  referrals, consents), community.py (events, observations, networks, volunteers),
- data.py (the invented world and the two sizes), utils.py (bulk inserts, the content digest).
"""

from gwk_app.setup.demo.generator import Generator, generate
from gwk_app.setup.demo.site import DEMO_LOGINS, configure_demo_site, configure_site, ensure_demo_logins

__all__ = [
	"DEMO_LOGINS",
	"Generator",
	"configure_demo_site",
	"configure_site",
	"ensure_demo_logins",
	"generate",
]
