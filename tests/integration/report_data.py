"""The fixed dataset of the report tests (test_reports, test_report_figures): own projects ("GWK Report X"
with data, "GWK Report Y" with none) and own team users, so the figures are exact whatever else the site
holds. `setup` commits users and projects once (idempotent); `data` creates the records in each test,
rolled back afterwards. Import the fixtures into a test module to use them."""

import frappe
import pytest

from gwk_app.rules.privacy import EMPLOYMENT_STATUSES
from tests.integration.world import _user as ensure_user

PASSWORD = "Gwk-Report-Pass-2026!"
PROJECT_X = "GWK Report X"
PROJECT_Y = "GWK Report Y"
NORTH = "Reportbezirk Nord"
SOUTH = "Reportbezirk Süd"
PARTNER = "Report-Partnerdienst"
USERS = {
	"staff_x": ("gwk-report-x@example.com", ["GWK Staff"]),
	"staff_y": ("gwk-report-y@example.com", ["GWK Staff"]),
	"lead_x": ("gwk-report-lead-x@example.com", ["GWK Project Lead"]),
	"carrier": ("gwk-report-carrier@example.com", ["GWK Carrier Manager"]),
	"esf_x": ("gwk-report-esf-x@example.com", ["GWK ESF Officer"]),
}
YEAR = 2025

# residents of project X: key -> (first name, last name, birth year, age group, gender, district)
RESIDENTS = {
	"r1": ("Berit", "Wendelstein", 1980, None, "Female", NORTH),
	"r2": ("Mats", "Kronsbeck", 2010, None, "Male", NORTH),
	"r3": ("Ilka", "Faltenbach", 1950, None, "Diverse", SOUTH),
	"r4": ("Jarne", "Hollerbusch", None, "30-54", None, SOUTH),
}
# consultations of project X: (date, resident key or None, age group if anonymous, district, channel, minutes, topics)
CONSULTATIONS = [
	("2025-03-04", "r1", None, NORTH, "Office Hours", 30, ["Wohngeld", "Schulden"]),
	("2025-03-11", "r1", None, NORTH, "Office Hours", 20, ["Wohngeld"]),
	("2025-06-17", "r1", None, NORTH, "Phone", 10, []),
	("2025-12-31", "r1", None, NORTH, "Phone", 15, ["Schulden"]),
	("2026-01-01", "r1", None, NORTH, "Office Hours", 45, ["Schulden"]),
	("2025-03-05", "r2", None, NORTH, "Outreach", 5, ["Familie"]),
	("2025-06-03", "r3", None, SOUTH, "Home Visit", 60, ["Wohnen"]),
	("2025-06-10", "r4", None, SOUTH, "Office Hours", 25, ["Wohngeld"]),
	("2025-03-18", None, "18-29", NORTH, "Office Hours", 10, ["Alltagsfragen"]),
	("2025-06-24", None, "65 and over", NORTH, "Phone", 5, []),
]
# cases of project X: (resident, type, opened, closed, topics)
CASES = [
	("r1", "Counselling", "2025-02-01", "2025-02-11", ["Schulden"]),
	("r2", "Counselling", "2025-03-01", "2025-03-21", ["Familie"]),
	("r3", "Housing", "2025-04-01", "2025-05-01", ["Wohnen"]),
	("r4", "Application Help", "2025-06-01", None, ["Wohngeld"]),
	("r1", "Counselling", "2024-11-01", "2024-11-05", []),
]
# referrals of project X: (resident, status, referred, appointment)
REFERRALS = [
	("r1", "Completed", "2025-03-04", "2025-03-09"),
	("r2", "Completed", "2025-03-05", "2025-03-12"),
	("r3", "Declined", "2025-06-03", None),
	("r4", "Referred", "2025-06-10", None),
]
# events of project X: (key, title, type, starts, status, published, headcount, participants, photos)
EVENTS = [
	(
		"fest",
		"Stadtteilfest Nord",
		"District Festival",
		"2025-06-14 14:00:00",
		"Held",
		1,
		120,
		[],
		[("Bühne", 1), ("Aufbau", 0)],
	),
	(
		"kurs",
		"Computerkurs",
		"Workshop",
		"2025-06-20 10:00:00",
		"Held",
		1,
		0,
		[("r1", "Attended"), ("r2", "Attended"), ("r3", "Absent"), ("r4", "Registered")],
		[],
	),
	("lesung", "Lesung im Park", "Reading", "2025-06-27 18:00:00", "Cancelled", 1, 0, [], []),
	("intern", "Teamtreffen", "Other", "2025-06-05 09:00:00", "Held", 0, 6, [], []),
	("advent", "Adventsmarkt", "Advent Market", "2025-12-06 15:00:00", "Held", 1, 300, [], [("Stände", 1)]),
]
VOLUNTEER_HOURS = [("2025-03-02", 2.5), ("2025-03-09", 1.5), ("2025-04-01", 3.0), ("2026-01-05", 2.0)]
# (date, district, category, follow-up status)
OBSERVATIONS = [
	("2025-02-01", NORTH, "Cleanliness", "Open"),
	("2025-02-15", NORTH, "Cleanliness", "Passed On"),
	("2025-05-01", SOUTH, "Vacancy", "Done"),
	("2024-12-31", NORTH, "Safety", "Open"),
]
MEETINGS = [("2025-02-10", ["Frau Nordmann", "Herr Südmann"]), ("2025-05-12", ["Frau Nordmann"])]
# ESF participations: (resident, entry, employment status, ISCED, disability)
ESF = [
	("r1", "2025-02-01", "Long-term Unemployed", "ISCED 3-4", "No"),
	("r3", "2025-03-01", EMPLOYMENT_STATUSES[2], "ISCED 0-2", "Yes"),
	("r4", "2025-04-01", "Unemployed", "ISCED 5-8", "Not specified"),
]


def _user(email, roles):
	return ensure_user(email, roles, language=None, password=PASSWORD)


def _ensure(doctype, name, values):
	if not frappe.db.exists(doctype, name):
		frappe.get_doc({"doctype": doctype, **values}).insert(ignore_permissions=True)


@pytest.fixture(scope="module")
def setup():
	frappe.set_user("Administrator")
	users = {k: _user(email, roles) for k, (email, roles) in USERS.items()}
	for d in (NORTH, SOUTH):
		_ensure("District", d, {"district_name": d, "city": "Teststadt"})
	_ensure("Referral Partner", PARTNER, {"partner_name": PARTNER, "partner_type": "Counselling Service"})
	_ensure(
		"Community Project",
		PROJECT_X,
		{
			"project_name": PROJECT_X,
			"project_type": "Community Coordination",
			"participant_target": 10,
			"target_age_min": 18,
			"target_age_max": 65,
			"districts": [{"district": NORTH}],
			"team": [
				{"user": users["staff_x"], "project_role": "Coordinator"},
				{"user": users["lead_x"], "project_role": "Project Lead"},
				{"user": users["esf_x"], "project_role": "Other"},
			],
		},
	)
	_ensure(
		"Community Project",
		PROJECT_Y,
		{
			"project_name": PROJECT_Y,
			"project_type": "District Pilots",
			"participant_target": 50,
			"team": [{"user": users["staff_y"], "project_role": "Coordinator"}],
		},
	)
	project = frappe.get_doc("Community Project", PROJECT_X)
	missing = {users["esf_x"]} - {m.user for m in project.team}
	for user in missing:  # a site set up before the ESF officer joined the team
		project.append("team", {"user": user, "project_role": "Other"})
	if missing:
		project.save(ignore_permissions=True)
	frappe.db.commit()  # shared by the tests of this module; records themselves are rolled back
	return frappe._dict(users)


@pytest.fixture
def data(setup):
	"""The fixed dataset of project X (rolled back after the test)."""
	frappe.set_user("Administrator")
	residents = {}
	for key, (first, last, birth_year, age_group, gender, district) in RESIDENTS.items():
		doc = frappe.get_doc(
			{
				"doctype": "Resident",
				"project": PROJECT_X,
				"first_name": first,
				"last_name": last,
				"birth_year": birth_year,
				"age_group": age_group,
				"gender": gender,
				"district": district,
			}
		).insert()
		residents[key] = doc.name
	for day, res, age_group, district, channel, minutes, topics in CONSULTATIONS:
		frappe.get_doc(
			{
				"doctype": "Consultation",
				"project": PROJECT_X,
				"consultation_date": day,
				"anonymous": int(res is None),
				"resident": residents.get(res),
				"age_group": age_group,
				"gender": "Female" if res is None else None,
				"district": district,
				"channel": channel,
				"duration_minutes": minutes,
				"topics": [{"topic": t} for t in topics],
			}
		).insert()
	for res, case_type, opened, closed, topics in CASES:
		frappe.get_doc(
			{
				"doctype": "Case",
				"project": PROJECT_X,
				"title": f"Fall {res} {opened}",
				"case_type": case_type,
				"status": "Closed" if closed else "Open",
				"resident": residents[res],
				"opened_on": opened,
				"closed_on": closed,
				"topics": [{"topic": t} for t in topics],
			}
		).insert()
	for res, status, referred, appointment in REFERRALS:
		frappe.get_doc(
			{
				"doctype": "Referral",
				"project": PROJECT_X,
				"resident": residents[res],
				"partner": PARTNER,
				"status": status,
				"method": "Information Only",
				"referred_on": referred,
				"appointment_date": appointment,
			}
		).insert()
	events = {}
	for key, title, kind, starts, status, published, headcount, participants, photos in EVENTS:
		doc = frappe.get_doc(
			{
				"doctype": "Community Event",
				"project": PROJECT_X,
				"title": title,
				"event_type": kind,
				"status": status,
				"starts_on": starts,
				"place": "Stadtteilbüro",
				"district": NORTH,
				"published": published,
				"public_description": "Offen für alle.",
				"headcount_total": headcount,
				"registration_required": int(bool(participants)),
				"participants": [{"resident": residents[r], "status": st} for r, st in participants],
				"photos": [
					{"image": f"/files/{key}-{i}.jpg", "caption": cap, "publicity_evidence": ev}
					for i, (cap, ev) in enumerate(photos)
				],
			}
		).insert()
		events[key] = doc.name
	volunteer = frappe.get_doc(
		{
			"doctype": "Community Volunteer",
			"project": PROJECT_X,
			"volunteer_name": "Volker Tannberg",
			"status": "Active",
		}
	).insert()
	opportunity = frappe.get_doc(
		{
			"doctype": "Volunteer Opportunity",
			"project": PROJECT_X,
			"title": "Lesepatenschaft",
			"status": "Open",
		}
	).insert()
	assignment = frappe.get_doc(
		{
			"doctype": "Volunteer Assignment",
			"project": PROJECT_X,
			"volunteer": volunteer.name,
			"opportunity": opportunity.name,
			"status": "Active",
			"from_date": "2025-01-01",
		}
	).insert()
	for day, hours in VOLUNTEER_HOURS:
		frappe.get_doc(
			{
				"doctype": "Volunteer Hours",
				"project": PROJECT_X,
				"assignment": assignment.name,
				"volunteer": volunteer.name,
				"work_date": day,
				"hours": hours,
			}
		).insert()
	for day, district, category, status in OBSERVATIONS:
		frappe.get_doc(
			{
				"doctype": "Area Observation",
				"project": PROJECT_X,
				"observation_date": day,
				"district": district,
				"category": category,
				"source": "Own Observation",
				"follow_up_status": status,
				"passed_to": PARTNER if status == "Passed On" else None,
				"passed_on_date": day if status == "Passed On" else None,
				"description": "Beobachtung im Quartier",
			}
		).insert()
	network = frappe.get_doc(
		{
			"doctype": "Network",
			"project": PROJECT_X,
			"network_name": "Stadtteilrunde Report",
			"network_type": "Round Table",
			"level": "District",
			"district": NORTH,
			"active": 1,
		}
	).insert()
	for day, attendees in MEETINGS:
		frappe.get_doc(
			{
				"doctype": "Network Meeting",
				"project": PROJECT_X,
				"network": network.name,
				"meeting_date": day,
				"attendees": [{"attendee_name": a} for a in attendees],
			}
		).insert()
	for res, entry, employment, isced, disability in ESF:
		frappe.get_doc(
			{
				"doctype": "Consent",
				"project": PROJECT_X,
				"resident": residents[res],
				"purpose": "ESF Participant Data",
				"legal_basis": "Art. 9(2)(a) GDPR Explicit Consent",
				"given_on": "2025-01-02",
			}
		).insert()
		frappe.get_doc(
			{
				"doctype": "ESF Participation",
				"project": PROJECT_X,
				"resident": residents[res],
				"entry_date": entry,
				"employment_status": employment,
				"isced_level": isced,
				"third_country_national": "No",
				"foreign_background": "Not specified",
				"homeless": "No",
				"rural_area": "No",
				"disability": disability,
				"minority": "Not specified",
			}
		).insert()
	return frappe._dict(residents=residents, users=setup, events=events, network=network.name)
