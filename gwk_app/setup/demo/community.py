"""Demo community work: events, area observations, networks and volunteers (always as documents)."""

from datetime import date, datetime, timedelta

import frappe

from gwk_app.setup.demo.data import EVENT_TYPES


class Community:
	"""Mixin of the Generator: the community records."""

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
		# the doctype's own categories, in its order (the seed gives the same choices)
		categories = frappe.get_meta("Area Observation").get_field("category").options.split("\n")
		self._insert(
			{
				"doctype": "Area Observation",
				"project": project["name"],
				"observation_date": day,
				"district": self.rng.choice(project["districts"]),
				"category": self.rng.choice(categories),
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
