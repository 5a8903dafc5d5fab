"""Demo casework: residents, consents, consultations, cases and referrals (as documents, or in bulk for the
carrier size)."""

from datetime import date, timedelta

import frappe

from gwk_app.setup.demo.data import (
	BATCH,
	CASE_TYPES,
	CHANNEL_WEIGHTS,
	CHANNELS,
	GENDER_WEIGHTS,
	GENDERS,
	REFERRAL_METHODS,
)
from gwk_app.setup.demo.utils import bulk_insert


class Casework:
	"""Mixin of the Generator: the casework records."""

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
