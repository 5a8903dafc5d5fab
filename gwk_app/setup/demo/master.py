"""Demo master data: districts, partners, projects with their teams and office hours, people."""

from datetime import date

import frappe

from gwk_app.constants import CARRIER_ROLE, PROJECT_LEAD_ROLE, STAFF_ROLE
from gwk_app.rules.common import age_group
from gwk_app.setup.demo.data import CITY, DISTRICTS, GENDER_WEIGHTS, GENDERS, PARTNERS, PROJECTS
from gwk_app.setup.demo.utils import insert_user


class MasterData:
	"""Mixin of the Generator: master data, logins and invented people."""

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
		self.carrier_user = self._user("traegerleitung", [CARRIER_ROLE])
		for i, (name, kind, districts, target, (age_min, age_max)) in enumerate(
			PROJECTS[: self.size.projects]
		):
			slug = f"p{i + 1}"
			staff = [self._user(f"{slug}-team{j + 1}", [STAFF_ROLE]) for j in range(2)]
			lead = self._user(f"{slug}-leitung", [PROJECT_LEAD_ROLE])
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
		insert_user(email, first, last, roles)
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
