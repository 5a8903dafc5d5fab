"""Deterministic synthetic demo data (Faker de_DE): `bench --site S gwk-demo-data --size demo|carrier`.

- demo: a few projects with a few hundred records, inserted as documents so every rule runs;
- carrier: 6 projects × 5 years, 100,000 residents and 1,000,000 consultations with cases,
  referrals and consents, written with bulk inserts in batches (one INSERT per 10,000 rows), the
  rest (events, volunteers, observations, networks) as documents.

The same seed and the same `until` date give the same data. District names are the seeds' real
districts; every person is invented by Faker. Nothing here commits: the bench command does, and
in bulk mode it passes `commit` so each batch is committed on its own.
"""

import hashlib
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import frappe
from faker import Faker
from frappe import _
from frappe.utils import getdate, today
from pypika.terms import Parameter

from gwk_app.rules.common import age_group

DISTRICTS = {
	"Talblick": "98119",
	"Rosental": "98123",
	"Eschenweiler": "98122",
	"Birkenhöhe": "98123",
	"Mühlbach": "98112",
	"Altmarkt": "98113",
	"Lindenhain": "98130",
	"Weidenau": "98111",
}
CITY = "Musterstadt"

# (project name, type, districts, participant target, target ages)
PROJECTS = (
	("Demo GWK Lindenhain", "Community Coordination", ["Lindenhain"], 500, (18, 65)),
	(
		"Demo QM Mühlbach-Altmarkt",
		"Neighbourhood Management",
		["Mühlbach", "Altmarkt"],
		400,
		(None, None),
	),
	("Demo Stadtteilpiloten Birkenhöhe", "District Pilots", ["Birkenhöhe", "Eschenweiler"], 300, (16, 27)),
	("Demo Stadtteilmanagement Rosental", "District Management", ["Rosental"], 350, (18, None)),
	("Demo GWK Talblick", "Community Coordination", ["Talblick"], 450, (18, 65)),
	("Demo QM Weidenau", "Neighbourhood Management", ["Weidenau"], 400, (None, 65)),
)

PARTNERS = (
	("Demo Schuldnerberatung", "Counselling Service", ["Schulden"]),
	("Demo Suchtberatung", "Counselling Service", ["Sucht"]),
	("Demo Wohnungsnothilfe", "Counselling Service", ["Wohnen"]),
	("Demo Migrationsberatung", "Counselling Service", ["Integration und Migration", "Sprache"]),
	("Demo Jobcenter", "Authority", ["Bürgergeld", "Arbeitssuche und Bewerbung"]),
	("Demo Wohnungsgenossenschaft", "Housing Company", ["Wohnen"]),
	("Demo Familienzentrum", "Association", ["Familie", "Kinderzuschlag"]),
	("Demo Gewerbestammtisch", "Local Business", []),
)

CHANNELS = ("Office Hours", "Appointment", "Phone", "E-Mail", "Outreach", "Home Visit", "At an Event")
CHANNEL_WEIGHTS = (40, 15, 20, 5, 12, 3, 5)
GENDERS = ("Female", "Male", "Diverse", "Not specified")
GENDER_WEIGHTS = (52, 44, 1, 3)
CASE_TYPES = ("Counselling", "Neighbourhood Conflict / Mediation", "Application Help", "Housing", "Other")
REFERRAL_METHODS = ("Information Only", "Contact Data Passed On", "Appointment Made", "Accompanied")
EVENT_TYPES = (
	("District Festival", "Stadtteilfest"),
	("Spring Clean-up", "Frühjahrsputz"),
	("Business Round Table", "Gewerbestammtisch"),
	("Workshop", "Workshop"),
	("Reading", "Lesung"),
	("Advent Market", "Adventsmarkt"),
	("Group Session", "Nähtreff"),
)
OBSERVATION_CATEGORIES = (
	"Cleanliness",
	"Safety",
	"Vacancy",
	"Neighbourhood",
	"Infrastructure",
	"Green Spaces",
	"Supply",
	"Other",
)


@dataclass(frozen=True)
class Size:
	projects: int
	years: int
	residents: int
	consultations: int
	cases: int
	referrals: int
	events: int  # per project and year
	volunteers: int  # per project
	observations: int  # per project and year
	meetings: int  # per project and year
	bulk: bool
	anonymous_share: float = 0.6


SIZES = {
	"demo": Size(
		projects=3,
		years=2,
		residents=90,
		consultations=300,
		cases=24,
		referrals=24,
		events=4,
		volunteers=3,
		observations=4,
		meetings=2,
		bulk=False,
	),
	"carrier": Size(
		projects=6,
		years=5,
		residents=100_000,
		consultations=1_000_000,
		cases=15_000,
		referrals=20_000,
		events=20,
		volunteers=10,
		observations=20,
		meetings=6,
		bulk=True,
	),
}
BATCH = 10_000


def bulk_insert(doctype: str, fields: list[str], rows: list[list]) -> None:
	"""Insert rows in one round trip per batch.

	frappe.db.bulk_insert renders every value into the statement through the query builder, which
	costs about 0.7 ms per row (most of a million-row run). Here frappe.qb renders one statement with
	a %s parameter per column and the driver's executemany sends the rows as multi-row INSERTs,
	escaping the values itself: the same SQL, no formatted values, about twenty times faster.
	"""
	if not rows:
		return
	table = frappe.qb.DocType(doctype)
	statement = frappe.qb.into(table).columns(*fields).insert(*[Parameter("%s")] * len(fields)).get_sql()
	frappe.db._cursor.executemany(statement, [tuple(r) for r in rows])


class Generator:
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

	def master_data(self):
		self.topics = sorted(frappe.get_all("Topic", filters={"disabled": 0}, pluck="name"))
		for district, postcode in DISTRICTS.items():
			if not frappe.db.exists("District", district):
				self._insert(
					{"doctype": "District", "district_name": district, "city": CITY, "postcodes": postcode}
				)
		for name, kind, topics in PARTNERS:
			if not frappe.db.exists("Referral Partner", name):
				self._insert(
					{
						"doctype": "Referral Partner",
						"partner_name": name,
						"partner_type": kind,
						"takes_referrals": int(kind != "Local Business"),
						"services": [{"topic": t} for t in topics if t in self.topics],
						"districts": [{"district": d} for d in DISTRICTS],
					}
				)
			self.partners.append(name)
		self.carrier_user = self._user("traegerleitung", ["GWK Carrier Manager"])
		for i, (name, kind, districts, target, (age_min, age_max)) in enumerate(
			PROJECTS[: self.size.projects]
		):
			slug = f"p{i + 1}"
			staff = [self._user(f"{slug}-team{j + 1}", ["GWK Staff"]) for j in range(2)]
			lead = self._user(f"{slug}-leitung", ["GWK Project Lead"])
			self._insert(
				{
					"doctype": "Community Project",
					"project_name": name,
					"project_type": kind,
					"status": "Active",
					"start_date": date(self.first_year, 1, 1),
					"participant_target": target,
					"target_age_min": age_min,
					"target_age_max": age_max,
					"target_group": "Erwachsene im Stadtteil" if age_min else "Alle Bewohner:innen",
					"districts": [{"district": d} for d in districts],
					"contact_point": "Stadtteilbüro " + districts[0],
					"fundings": [
						{
							"funder": "Sächsische Aufbaubank" if j % 2 == 0 else "Stadt " + CITY,
							"programme": "ESF Plus" if j % 2 == 0 else "City",
							"from_date": date(self.first_year, 1, 1),
							"to_date": date(self.until.year, 12, 31),
						}
						for j in range(2)
					],
					"office_hours": [
						{
							"weekday": "Tuesday",
							"from_time": "15:00",
							"to_time": "18:00",
							"place": "Stadtteilbüro",
						},
						{
							"weekday": "Wednesday",
							"from_time": "10:00",
							"to_time": "13:00",
							"place": "Stadtteilbüro",
						},
					],
					"team": [{"user": u, "project_role": "Coordinator"} for u in staff]
					+ [{"user": lead, "project_role": "Project Lead"}],
				}
			)
			self.projects.append({"name": name, "districts": districts, "staff": staff, "lead": lead})

	def _user(self, local: str, roles: list[str]) -> str:
		email = f"demo-{local}@example.org"
		# draw the names even when the user exists, so the data that follows stays the same
		first, last = self.fake.first_name(), self.fake.last_name()
		if not frappe.db.exists("User", email):
			self._insert(
				{
					"doctype": "User",
					"email": email,
					"first_name": first,
					"last_name": last,
					"send_welcome_email": 0,
					"language": "de",
					"roles": [{"role": r} for r in roles],
				}
			)
		return email

	# ------------------------------------------------------------------ people
	def _person(self, project: dict) -> dict:
		gender = self.rng.choices(GENDERS, GENDER_WEIGHTS)[0]
		if gender == "Female":
			first = self.fake.first_name_female()
		elif gender == "Male":
			first = self.fake.first_name_male()
		else:
			first = self.fake.first_name()
		birth_year = (
			self.rng.randint(self.until.year - 85, self.until.year - 14) if self.rng.random() < 0.85 else None
		)
		district = (
			self.rng.choice(project["districts"])
			if self.rng.random() < 0.85
			else self.rng.choice(list(DISTRICTS))
		)
		return {
			"first_name": first,
			"last_name": self.fake.last_name(),
			"gender": gender,
			"birth_year": birth_year,
			"age_group": age_group(birth_year, self.until)
			if birth_year
			else self.rng.choice(("30-54", "Unknown")),
			"district": district,
			"postcode": DISTRICTS[district],
		}

	def _split(self, total: int) -> list[int]:
		"""Split a total over the projects (first projects a little larger), deterministic."""
		n = len(self.projects)
		weights = [n + 2 - i for i in range(n)]
		parts = [total * w // sum(weights) for w in weights]
		parts[0] += total - sum(parts)
		return parts

	# ------------------------------------------------------------------ documents (demo)
	def document_casework(self):
		for project, n_res, n_con, n_case, n_ref in zip(
			self.projects,
			self._split(self.size.residents),
			self._split(self.size.consultations),
			self._split(self.size.cases),
			self._split(self.size.referrals),
			strict=True,
		):
			residents = []
			for _i in range(n_res):
				residents.append(
					self._insert({"doctype": "Resident", "project": project["name"], **self._person(project)})
				)
			years = list(range(self.first_year, self.until.year + 1))
			for _i in range(n_con):
				anonymous = self.rng.random() < self.size.anonymous_share
				year = self.rng.choice(years)
				doc = {
					"doctype": "Consultation",
					"project": project["name"],
					"consultation_date": self._day(year),
					"duration_minutes": self.rng.choice((5, 10, 15, 20, 30, 45, 60, 90)),
					"channel": self.rng.choices(CHANNELS, CHANNEL_WEIGHTS)[0],
					"district": self.rng.choice(project["districts"]),
					"staff_member": self.rng.choice(project["staff"]),
					"anonymous": int(anonymous),
					"topics": [
						{"topic": t} for t in self.rng.sample(self.topics, self.rng.choice((1, 1, 2)))
					],
				}
				if anonymous:
					doc["gender"] = self.rng.choices(GENDERS, GENDER_WEIGHTS)[0]
					doc["age_group"] = self.rng.choice(("18-29", "30-54", "55-64", "65 and over", "Unknown"))
				else:
					doc["resident"] = self.rng.choice(residents)
				self._insert(doc)
			for _i in range(n_case):
				opened = self._day(self.rng.choice(years))
				closed = opened + timedelta(days=self.rng.randint(3, 120))
				closed = closed if closed <= self.until and self.rng.random() < 0.7 else None
				self._insert(
					{
						"doctype": "Case",
						"project": project["name"],
						"title": "Anliegen " + self.rng.choice(self.topics),
						"case_type": self.rng.choice(CASE_TYPES),
						"status": "Closed" if closed else self.rng.choice(("Open", "In Progress")),
						"resident": self.rng.choice(residents),
						"responsible": self.rng.choice(project["staff"]),
						"opened_on": opened,
						"closed_on": closed,
						"topics": [{"topic": self.rng.choice(self.topics)}],
					}
				)
			for _i in range(n_ref):
				resident = self.rng.choice(residents)
				referred = self._day(self.rng.choice(years))
				method = self.rng.choice(REFERRAL_METHODS)
				if method in ("Contact Data Passed On", "Appointment Made"):
					self._insert(
						{
							"doctype": "Consent",
							"project": project["name"],
							"resident": resident,
							"purpose": "Passing Data to a Partner",
							"legal_basis": "Art. 6(1)(a) GDPR Consent",
							"given_on": referred,
							"form_version": "2024-01",
						}
					)
				status, appointment = self._referral_outcome(referred)
				self._insert(
					{
						"doctype": "Referral",
						"project": project["name"],
						"resident": resident,
						"partner": self.rng.choice(self.partners[:-1]),
						"method": method,
						"status": status,
						"referred_on": referred,
						"appointment_date": appointment,
						"responsible": self.rng.choice(project["staff"]),
					}
				)
			project["residents"] = residents

	def _referral_outcome(self, referred: date):
		status = self.rng.choices(
			("Referred", "Appointment", "Completed", "Not Taken Up", "Declined"), (10, 10, 55, 15, 10)
		)[0]
		appointment = None
		if status in ("Appointment", "Completed"):
			appointment = referred + timedelta(days=self.rng.randint(1, 40))
			if appointment > self.until:
				appointment, status = None, "Referred"
		return status, appointment

	# ------------------------------------------------------------------ bulk (carrier)
	def _std(self, name: str, owner: str = "Administrator") -> list:
		return [name, self.stamp, self.stamp, owner, owner, 0, 0]

	STD = ["name", "creation", "modified", "owner", "modified_by", "docstatus", "idx"]

	def bulk_residents(self):
		fields = [
			*self.STD,
			"project",
			"first_name",
			"last_name",
			"full_name",
			"gender",
			"birth_year",
			"age_group",
			"district",
			"postcode",
			"possible_duplicate",
		]
		self.resident_pool: list[
			list[tuple]
		] = []  # per project: (name, full name, gender, age group, district)
		n = self._series_start("RES-")
		for project, count in zip(self.projects, self._split(self.size.residents), strict=True):
			pool = []
			rows = []
			for _i in range(count):
				n += 1
				p = self._person(project)
				name = f"RES-{n:05d}"
				full = "{} {}".format(p["first_name"], p["last_name"])
				rows.append(
					[
						*self._std(name),
						project["name"],
						p["first_name"],
						p["last_name"],
						full,
						p["gender"],
						p["birth_year"] or 0,  # Int columns are NOT NULL; a document stores 0 too
						p["age_group"],
						p["district"],
						p["postcode"],
						0,
					]
				)
				pool.append((name, full, p["gender"], p["age_group"], p["district"]))
			for i in range(0, len(rows), BATCH):
				bulk_insert("Resident", fields, rows[i : i + BATCH])
				self.commit()
			self.resident_pool.append(pool)
		self.series = {"RES-": n}

	def bulk_consultations(self):
		fields = [
			*self.STD,
			"project",
			"consultation_date",
			"duration_minutes",
			"channel",
			"district",
			"staff_member",
			"anonymous",
			"resident",
			"resident_name",
			"gender",
			"age_group",
		]
		topic_fields = [*self.STD, "parent", "parenttype", "parentfield", "topic"]
		years = list(range(self.first_year, self.until.year + 1))
		counters: dict[int, int] = {}
		topic_n = 0
		rows, topic_rows = [], []
		durations = (5, 10, 15, 20, 30, 45, 60, 90)
		for pi, (project, count) in enumerate(
			zip(self.projects, self._split(self.size.consultations), strict=True)
		):
			pool = self.resident_pool[pi]
			for _i in range(count):
				year = self.rng.choice(years)
				self._next(counters, "CON", year)
				name = f"CON-{year}-{counters[year]:06d}"
				anonymous = self.rng.random() < self.size.anonymous_share
				if anonymous:
					resident = full = None
					gender = self.rng.choices(GENDERS, GENDER_WEIGHTS)[0]
					group = self.rng.choice(("18-29", "30-54", "55-64", "65 and over", "Unknown"))
				else:
					resident, full, gender, group, _district = self.rng.choice(pool)
				rows.append(
					[
						*self._std(name),
						project["name"],
						self._day(year),
						self.rng.choice(durations),
						self.rng.choices(CHANNELS, CHANNEL_WEIGHTS)[0],
						self.rng.choice(project["districts"]),
						self.rng.choice(project["staff"]),
						int(anonymous),
						resident,
						full,
						gender,
						group,
					]
				)
				for idx, topic in enumerate(
					self.rng.sample(self.topics, 2 if self.rng.random() < 0.3 else 1), 1
				):
					topic_n += 1
					topic_rows.append(
						[
							self._row_name("ct", topic_n),
							self.stamp,
							self.stamp,
							"Administrator",
							"Administrator",
							0,
							idx,
							name,
							"Consultation",
							"topics",
							topic,
						]
					)
				if len(rows) >= BATCH:
					bulk_insert("Consultation", fields, rows)
					bulk_insert("Consultation Topic", topic_fields, topic_rows)
					rows, topic_rows = [], []
					self.commit()
		if rows:
			bulk_insert("Consultation", fields, rows)
			bulk_insert("Consultation Topic", topic_fields, topic_rows)
			self.commit()
		self.series.update({f"CON-{y}-": n for y, n in counters.items()})

	def bulk_consents(self):
		"""Consents to pass data on, for the residents the referrals will need them for."""
		fields = [
			*self.STD,
			"project",
			"resident",
			"resident_name",
			"purpose",
			"legal_basis",
			"status",
			"given_on",
			"form_version",
		]
		rows = []
		counters: dict[int, int] = {}
		self.consented: dict[str, date] = {}
		for pi, project in enumerate(self.projects):
			pool = self.resident_pool[pi]
			for resident, full, *_rest in self.rng.sample(
				pool, min(len(pool), self.size.referrals // len(self.projects))
			):
				given = self._day(self.first_year)
				self._next(counters, "CNS", given.year)
				name = f"CNS-{given.year}-{counters[given.year]:05d}"
				rows.append(
					[
						*self._std(name),
						project["name"],
						resident,
						full,
						"Passing Data to a Partner",
						"Art. 6(1)(a) GDPR Consent",
						"Active",
						given,
						"2022-01",
					]
				)
				self.consented[resident] = (name, given)
		for i in range(0, len(rows), BATCH):
			bulk_insert("Consent", fields, rows[i : i + BATCH])
			self.commit()
		self.series.update({f"CNS-{y}-": n for y, n in counters.items()})

	def bulk_cases(self):
		fields = [
			*self.STD,
			"project",
			"title",
			"case_type",
			"status",
			"resident",
			"resident_name",
			"responsible",
			"district",
			"opened_on",
			"closed_on",
		]
		topic_fields = [*self.STD, "parent", "parenttype", "parentfield", "topic"]
		years = list(range(self.first_year, self.until.year + 1))
		counters: dict[int, int] = {}
		rows, topic_rows = [], []
		for pi, (project, count) in enumerate(zip(self.projects, self._split(self.size.cases), strict=True)):
			pool = self.resident_pool[pi]
			for _i in range(count):
				opened = self._day(self.rng.choice(years))
				self._next(counters, "CASE", opened.year)
				name = f"CASE-{opened.year}-{counters[opened.year]:05d}"
				closed = opened + timedelta(days=self.rng.randint(3, 180))
				closed = closed if closed <= self.until and self.rng.random() < 0.75 else None
				resident, full, _g, _a, district = self.rng.choice(pool)
				topic = self.rng.choice(self.topics)
				rows.append(
					[
						*self._std(name),
						project["name"],
						"Anliegen " + topic,
						self.rng.choice(CASE_TYPES),
						"Closed"
						if closed
						else self.rng.choice(("Open", "In Progress", "Referred", "Dormant")),
						resident,
						full,
						self.rng.choice(project["staff"]),
						district,
						opened,
						closed,
					]
				)
				topic_rows.append(
					[
						self._row_name("kt", len(topic_rows) + 1),
						self.stamp,
						self.stamp,
						"Administrator",
						"Administrator",
						0,
						1,
						name,
						"Case",
						"topics",
						topic,
					]
				)
		for i in range(0, len(rows), BATCH):
			bulk_insert("Case", fields, rows[i : i + BATCH])
			bulk_insert("Case Topic", topic_fields, topic_rows[i : i + BATCH])
			self.commit()
		self.series.update({f"CASE-{y}-": n for y, n in counters.items()})

	def bulk_referrals(self):
		fields = [
			*self.STD,
			"project",
			"resident",
			"resident_name",
			"partner",
			"topic",
			"status",
			"method",
			"consent",
			"responsible",
			"referred_on",
			"appointment_date",
			"feedback_on",
			"waiting_days",
		]
		rows = []
		counters: dict[int, int] = {}
		years = list(range(self.first_year, self.until.year + 1))
		for pi, (project, count) in enumerate(
			zip(self.projects, self._split(self.size.referrals), strict=True)
		):
			pool = self.resident_pool[pi]
			consented = [r for r in pool if r[0] in self.consented]
			for _i in range(count):
				referred = self._day(self.rng.choice(years))
				self._next(counters, "REF", referred.year)
				name = f"REF-{referred.year}-{counters[referred.year]:05d}"
				method = self.rng.choice(REFERRAL_METHODS)
				consent = None
				if method in ("Contact Data Passed On", "Appointment Made") and consented:
					resident, full, *_rest = self.rng.choice(consented)
					consent, given = self.consented[resident]
					referred = max(referred, given)
				else:
					method = "Information Only" if method != "Accompanied" else method
					resident, full, *_rest = self.rng.choice(pool)
				status, appointment = self._referral_outcome(referred)
				feedback = (
					(appointment or referred) + timedelta(days=2)
					if status in ("Completed", "Not Taken Up", "Declined")
					else None
				)
				feedback = feedback if feedback and feedback <= self.until else None
				waiting = (appointment - referred).days if appointment else 0
				rows.append(
					[
						*self._std(name),
						project["name"],
						resident,
						full,
						self.rng.choice(self.partners[:-1]),
						self.rng.choice(self.topics),
						status,
						method,
						consent,
						self.rng.choice(project["staff"]),
						referred,
						appointment,
						feedback,
						waiting,
					]
				)
		for i in range(0, len(rows), BATCH):
			bulk_insert("Referral", fields, rows[i : i + BATCH])
			self.commit()
		self.series.update({f"REF-{y}-": n for y, n in counters.items()})

	def update_series(self):
		"""Move the naming series past the bulk-written names, so new documents never collide."""
		series = frappe.qb.DocType("Series")
		existing = dict(
			frappe.qb.from_(series)
			.select(series.name, series.current)
			.where(series.name.isin(list(self.series)))
			.run()
		)
		for key, current in self.series.items():
			if key not in existing:
				frappe.qb.into(series).columns(series.name, series.current).insert(key, current).run()
			elif int(existing[key] or 0) < current:
				frappe.qb.update(series).set(series.current, current).where(series.name == key).run()

	# ------------------------------------------------------------------ community, volunteering (documents)
	def document_community(self):
		years = list(range(self.first_year, self.until.year + 1))
		for i, project in enumerate(self.projects):
			for year in years:
				for k in range(self.size.events):
					self._event(project, year, k)
				for _k in range(self.size.observations):
					self._observation(project, year)
			self._networks(project, years)
			self._volunteers(project, i)

	def _event(self, project: dict, year: int, k: int):
		kind, title = EVENT_TYPES[(k + year) % len(EVENT_TYPES)]
		day = date(year, 1 + (k * 12 // max(self.size.events, 1)) % 12, self.rng.randint(1, 28))
		start = datetime.combine(day, datetime.min.time()) + timedelta(
			hours=self.rng.choice((10, 14, 15, 17))
		)
		held = day <= self.until
		total = self.rng.randint(15, 250) if held else None
		female = int(total * self.rng.uniform(0.4, 0.6)) if total else None
		self._insert(
			{
				"doctype": "Community Event",
				"project": project["name"],
				"title": "{} {}".format(title, self.rng.choice(project["districts"])),
				"event_type": kind,
				"status": "Held" if held else "Planned",
				"starts_on": start,
				"ends_on": start + timedelta(hours=3),
				"place": "Stadtteilbüro " + project["districts"][0],
				"district": self.rng.choice(project["districts"]),
				"published": int(self.rng.random() < 0.7),
				"public_description": "Offene Veranstaltung für alle im Stadtteil.",
				"headcount_total": total,
				"headcount_female": female,
				"headcount_male": (total - female - 1) if total else None,
			}
		)

	def _observation(self, project: dict, year: int):
		status = self.rng.choice(("Open", "Passed On", "Done"))
		day = self._day(year)
		self._insert(
			{
				"doctype": "Area Observation",
				"project": project["name"],
				"observation_date": day,
				"district": self.rng.choice(project["districts"]),
				"category": self.rng.choice(OBSERVATION_CATEGORIES),
				"source": self.rng.choice(("Own Observation", "Resident", "Partner", "Outreach")),
				"follow_up_status": status,
				"passed_to": self.rng.choice(self.partners) if status == "Passed On" else None,
				"passed_on_date": day if status == "Passed On" else None,
				"description": self.fake.sentence(nb_words=10),
			}
		)

	def _networks(self, project: dict, years: list[int]):
		networks = []
		for level, kind, label in (
			("District", "Round Table", "Stadtteilrunde"),
			("City", "Working Group", "AK Soziale Stadt"),
		):
			networks.append(
				self._insert(
					{
						"doctype": "Network",
						"project": project["name"],
						"network_name": "{} {}".format(label, project["districts"][0]),
						"network_type": kind,
						"level": level,
						"district": project["districts"][0] if level == "District" else None,
						"active": 1,
						"members": [{"partner": p} for p in self.rng.sample(self.partners, 3)],
					}
				)
			)
		for year in years:
			for _k in range(self.size.meetings):
				self._insert(
					{
						"doctype": "Network Meeting",
						"project": project["name"],
						"network": self.rng.choice(networks),
						"meeting_date": self._day(year),
						"place": "Stadtteilbüro",
						"topics": "Planung Stadtteilfest, Sauberkeit",
						"attendees": [{"partner": p} for p in self.rng.sample(self.partners, 3)],
					}
				)

	def _volunteers(self, project: dict, index: int):
		opportunity = self._insert(
			{
				"doctype": "Volunteer Opportunity",
				"project": project["name"],
				"title": "Hilfe beim Stadtteilfest",
				"status": "Open",
				"weekday": "Saturday",
				"from_time": "10:00:00",
				"to_time": "16:00:00",
				"start_date": date(self.first_year, 1, 1),
				"district": project["districts"][0],
				"public_description": "Mitmachen beim Aufbau und an den Ständen.",
			}
		)
		start = date(self.first_year, 1, 1)
		for _k in range(self.size.volunteers):
			volunteer = self._insert(
				{
					"doctype": "Community Volunteer",
					"project": project["name"],
					"volunteer_name": self.fake.name(),
					"status": "Active",
					"onboarding_date": start,
				}
			)
			assignment = self._insert(
				{
					"doctype": "Volunteer Assignment",
					"project": project["name"],
					"volunteer": volunteer,
					"opportunity": opportunity,
					"status": "Active",
					"from_date": start,
				}
			)
			for year in range(self.first_year, self.until.year + 1):
				for _h in range(3):
					self._insert(
						{
							"doctype": "Volunteer Hours",
							"project": project["name"],
							"assignment": assignment,
							"volunteer": volunteer,
							"work_date": self._day(year),
							"hours": self.rng.choice((1, 1.5, 2, 3, 4)),
						}
					)

	# ------------------------------------------------------------------ what was generated
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


def fingerprint(projects: list[str]) -> str:
	"""A digest of the generated content (not of generated names or timestamps)."""
	c = frappe.qb.DocType("Consultation")
	r = frappe.qb.DocType("Resident")
	from frappe.query_builder.functions import Count, Sum

	parts = []
	parts += (
		frappe.qb.from_(c)
		.select(c.project, c.consultation_date, c.channel, c.anonymous, Count("*"), Sum(c.duration_minutes))
		.where(c.project.isin(projects))
		.groupby(c.project, c.consultation_date, c.channel, c.anonymous)
		.orderby(c.project)
		.orderby(c.consultation_date)
		.orderby(c.channel)
		.orderby(c.anonymous)
		.run()
	)
	parts += (
		frappe.qb.from_(r)
		.select(r.project, r.full_name, r.birth_year, r.gender, r.district)
		.where(r.project.isin(projects))
		.orderby(r.project)
		.orderby(r.full_name)
		.orderby(r.birth_year)
		.orderby(r.district)
		.run()
	)
	return hashlib.sha256(repr(parts).encode()).hexdigest()


def generate(size: str = "demo", seed: int = 1, until=None, commit=None, log=None) -> dict:
	return Generator(size, seed, until, commit, log).run()
