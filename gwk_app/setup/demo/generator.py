"""Deterministic synthetic demo data (Faker de_DE): `bench --site S gwk-demo-data --size demo|carrier`.

- demo: a few projects with a few hundred records, inserted as documents so every rule runs;
- carrier: 6 projects × 5 years, 100,000 residents and 1,000,000 consultations with cases,
  referrals and consents, written with bulk inserts in batches (one INSERT per 10,000 rows), the
  rest (events, volunteers, observations, networks) as documents.

The same seed and the same `until` date give the same data. District names are the seeds' real
districts; every person is invented by Faker. Nothing here commits: the bench command does, and
in bulk mode it passes `commit` so each batch is committed on its own.
"""

import random
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta

import frappe
from faker import Faker
from frappe import _
from frappe.utils import getdate, today

from gwk_app.setup.demo.casework import Casework
from gwk_app.setup.demo.community import Community
from gwk_app.setup.demo.data import PROJECTS, SIZES, Size
from gwk_app.setup.demo.master import MasterData
from gwk_app.setup.demo.utils import fingerprint


class Generator(MasterData, Casework, Community):
	def __init__(
		self,
		size: str = "demo",
		seed: int = 1,
		until: date | None = None,
		commit: Callable[[], None] | None = None,
		log: Callable[[str], None] | None = None,
		scale: Size | None = None,
	):
		if size not in SIZES:
			raise ValueError(f"unknown size {size!r}; choose one of {', '.join(SIZES)}")
		self.size_name = size
		# `scale` overrides the counts of a size (the tests run the bulk path at a small scale)
		self.size = scale or SIZES[size]
		self.seed = int(seed)
		self.rng = random.Random(self.seed)
		self.fake = Faker("de_DE")
		self.fake.seed_instance(self.seed)
		self.until = getdate(until or today())
		self.first_year = self.until.year - self.size.years + 1
		self.commit = commit or (lambda: None)
		self.log = log or (lambda msg: None)
		self.stamp = datetime.combine(self.until, datetime.min.time())
		self.timings: dict[str, float] = {}
		self.topics: list[str] = []
		self.projects: list[dict] = []
		self.partners: list[str] = []

	# ------------------------------------------------------------------ helpers
	def _timed(self, label: str, fn, *args):
		start = time.perf_counter()
		result = fn(*args)
		self.timings[label] = round(time.perf_counter() - start, 2)
		self.log(f"{label}: {self.timings[label]} s")
		return result

	def _day(self, year: int) -> date:
		start = date(year, 1, 1)
		end = min(date(year, 12, 31), self.until)
		return start + timedelta(days=self.rng.randint(0, (end - start).days))

	def _insert(self, doc: dict) -> str:
		d = frappe.get_doc(doc)
		d.insert(ignore_permissions=True)
		return d.name

	def _series_start(self, key: str) -> int:
		"""Where a naming series stands: bulk-written names continue after it, never collide."""
		series = frappe.qb.DocType("Series")
		current = frappe.qb.from_(series).select(series.current).where(series.name == key).run()
		return int(current[0][0] or 0) if current else 0

	def _next(self, counters: dict[int, int], prefix: str, year: int) -> int:
		"""The next number of the yearly series `prefix`-`year`- (read from the database once)."""
		if year not in counters:
			counters[year] = self._series_start(f"{prefix}-{year}-")
		counters[year] += 1
		return counters[year]

	def _row_name(self, kind: str, n: int) -> str:
		# deterministic unique names for child rows written in bulk
		return f"{kind}{self.seed:x}-{n:x}"

	# ------------------------------------------------------------------ master data
	def run(self) -> dict:
		projects = [p[0] for p in PROJECTS[: self.size.projects]]
		if frappe.get_all("Community Project", filters={"name": ("in", projects)}, limit=1):
			frappe.throw(
				_("Demo projects exist already on this site; generate into a fresh site."),
				title=_("Demo Data Exists"),
			)
		self._timed("master data", self.master_data)
		if self.size.bulk:
			self._timed("residents", self.bulk_residents)
			self._timed("consents", self.bulk_consents)
			self._timed("consultations", self.bulk_consultations)
			self._timed("cases", self.bulk_cases)
			self._timed("referrals", self.bulk_referrals)
			self._timed("series", self.update_series)
			self.commit()
		else:
			self._timed("casework", self.document_casework)
		self._timed("community", self.document_community)
		self.commit()
		if self.size.bulk:
			# bulk inserts skip the doc events that keep the reports' figures: compute them once here
			from gwk_app.reports.figures import refresh

			self._timed("report figures", refresh, False)
			self.commit()
		return self.figures()

	def figures(self) -> dict:
		"""Counts and a fingerprint of the generated data (for the determinism check)."""
		projects = [p["name"] for p in self.projects]
		out = {"size": self.size_name, "seed": self.seed, "projects": len(projects), "timings": self.timings}
		for doctype in (
			"Resident",
			"Consultation",
			"Case",
			"Referral",
			"Consent",
			"Community Event",
			"Area Observation",
			"Network Meeting",
			"Community Volunteer",
			"Volunteer Hours",
		):
			out[doctype] = frappe.db.count(doctype, {"project": ("in", projects)})
		out["fingerprint"] = fingerprint(projects)
		return out


def generate(size: str = "demo", seed: int = 1, until=None, commit=None, log=None) -> dict:
	return Generator(size, seed, until, commit, log).run()
