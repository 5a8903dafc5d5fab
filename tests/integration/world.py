"""The shared test world: two projects with their teams and one of each record, created once and
committed (idempotent), so REST and browser tests see it too. Synthetic data only."""

from types import SimpleNamespace

import frappe
from frappe.utils import add_days, today
from frappe.utils.password import update_password

PASSWORD = "Gwk-Test-Pass-2026!"
PROJECT_A = "GWK Test A"
PROJECT_B = "GWK Test B"
DISTRICT_A = "Testgebiet Nord"
DISTRICT_B = "Testgebiet Süd"
PARTNER = "Test-Schuldnerberatung"

USERS = {
	"staff_a": ("gwk-staff-a@example.com", ["GWK Staff"]),
	"staff_b": ("gwk-staff-b@example.com", ["GWK Staff"]),
	"lead_a": ("gwk-lead-a@example.com", ["GWK Project Lead"]),
	"both": ("gwk-both@example.com", ["GWK Staff"]),
	"nobody": ("gwk-nobody@example.com", ["GWK Staff"]),
	"carrier": ("gwk-carrier@example.com", ["GWK Carrier Manager"]),
	"dpo": ("gwk-dpo@example.com", ["GWK Data Protection"]),
}
TEAMS = {
	PROJECT_A: [("staff_a", "Coordinator"), ("lead_a", "Project Lead"), ("both", "District Pilot")],
	PROJECT_B: [("staff_b", "Coordinator"), ("both", "District Pilot")],
}


SYSTEM_MANAGER = "gwk-it-admin@example.com"


def _ensure_system_manager() -> None:
	"""Frappe makes a new system user a System Manager when no one but Administrator is one (after the
	setup wizard): a technical admin keeps the test users' roles as the tests define them."""
	if not frappe.db.exists("User", SYSTEM_MANAGER):
		frappe.get_doc(
			{
				"doctype": "User",
				"email": SYSTEM_MANAGER,
				"first_name": "IT-Admin",
				"send_welcome_email": 0,
				"roles": [{"role": "System Manager"}],
			}
		).insert(ignore_permissions=True)


def _user(email: str, roles: list[str], language: str | None = "de", password: str = PASSWORD) -> str:
	"""A test user with these roles (put back if the app was reinstalled) and a known password."""
	if email != SYSTEM_MANAGER:
		_ensure_system_manager()
	if not frappe.db.exists("User", email):
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": email.split("@")[0].replace("gwk-", "").title(),
				"send_welcome_email": 0,
				"language": language,
				"time_zone": "Europe/Berlin",
				"roles": [{"role": r} for r in roles],
			}
		)
		user.insert(ignore_permissions=True)
	elif set(roles) - set(frappe.get_roles(email)):
		frappe.get_doc("User", email).add_roles(*roles)  # roles go away when the app is uninstalled
	if "System Manager" not in roles and "System Manager" in frappe.get_roles(email):
		frappe.get_doc("User", email).remove_roles(
			"System Manager"
		)  # given by Frappe before the admin existed
	update_password(email, password)
	return email


def _ensure(doctype: str, filters: dict, values: dict) -> str:
	name = frappe.db.get_value(doctype, filters)
	if name:
		return name
	doc = frappe.get_doc({"doctype": doctype, **filters, **values})
	doc.insert(ignore_permissions=True)
	return doc.name


def _project_records(project: str, district: str, letter: str, users: dict) -> SimpleNamespace:
	staff = users["staff_a" if letter == "A" else "staff_b"]
	resident = _ensure(
		"Resident",
		{"project": project, "last_name": f"Ankerberg{letter}"},
		{
			"first_name": f"Zelda{letter}",
			"birth_year": 1980,
			"gender": "Female",
			"district": district,
			"postcode": "09122",
		},
	)
	other = _ensure(
		"Resident",
		{"project": project, "last_name": f"Quellental{letter}"},
		{"first_name": f"Yorick{letter}", "birth_year": 1975, "gender": "Male", "district": district},
	)
	consultation = _ensure(
		"Consultation",
		{"project": project, "resident": resident, "channel": "Office Hours"},
		{"anonymous": 0, "duration_minutes": 30, "staff_member": staff, "note": f"Notiz {letter}"},
	)
	anonymous = _ensure(
		"Consultation",
		{"project": project, "anonymous": 1, "channel": "Phone"},
		{"duration_minutes": 10, "gender": "Male", "age_group": "30-54", "staff_member": staff},
	)
	case = _ensure(
		"Case",
		{"project": project, "title": f"Nachbarschaftsstreit {letter}"},
		{
			"case_type": "Neighbourhood Conflict / Mediation",
			"resident": resident,
			"responsible": staff,
			"parties": [{"resident": other, "party_role": "Other Party"}],
		},
	)
	consent = _ensure(
		"Consent",
		{"project": project, "resident": resident, "purpose": "Passing Data to a Partner"},
		{"given_on": add_days(today(), -30), "form_version": "2026-01"},
	)
	referral = _ensure(
		"Referral",
		{"project": project, "resident": resident, "partner": PARTNER},
		{
			"method": "Contact Data Passed On",
			"case": case,
			"responsible": staff,
			"referred_on": add_days(today(), -3),
		},
	)
	community_event = _ensure(
		"Community Event",
		{"project": project, "title": f"Stadtteilfest {letter}"},
		{
			"event_type": "District Festival",
			"status": "Held",
			"starts_on": f"{add_days(today(), -10)} 14:00:00",
			"ends_on": f"{add_days(today(), -10)} 18:00:00",
			"district": district,
			"headcount_total": 120,
		},
	)
	community_event_series = _ensure(
		"Community Event Series",
		{"project": project, "title": f"Nähcafé {letter}"},
		{
			"weekday": "Thursday",
			"start_time": "15:00",
			"end_time": "17:00",
			"from_date": add_days(today(), -60),
			"to_date": add_days(today(), 60),
			"district": district,
		},
	)
	# volunteering, networks, area observations
	volunteer = _ensure(
		"Community Volunteer",
		{"project": project, "volunteer_name": f"Wilma Ehrenfeld{letter}"},
		{
			"status": "Active",
			"languages": "Deutsch",
			"districts": [{"district": district}],
			"availability": [{"weekday": "Tuesday", "from_time": "15:00", "to_time": "18:00"}],
			"clearance_date": add_days(today(), -400),
		},
	)
	opportunity = _ensure(
		"Volunteer Opportunity",
		{"project": project, "title": f"Lesepatenschaft {letter}"},
		{"district": district, "weekday": "Tuesday", "from_time": "15:00", "to_time": "17:00"},
	)
	volunteer_assignment = _ensure(
		"Volunteer Assignment",
		{"project": project, "volunteer": volunteer, "opportunity": opportunity},
		{"from_date": add_days(today(), -30), "status": "Active"},
	)
	volunteer_hours = _ensure(
		"Volunteer Hours",
		{"project": project, "assignment": volunteer_assignment},
		{"work_date": add_days(today(), -7), "hours": 2.5},
	)
	network = _ensure(
		"Network",
		{"project": project, "network_name": f"Stadtteilrunde {letter}"},
		{
			"network_type": "Round Table",
			"level": "District",
			"district": district,
			"members": [{"partner": PARTNER}],
		},
	)
	network_meeting = _ensure(
		"Network Meeting",
		{"project": project, "network": network},
		{"meeting_date": add_days(today(), -14), "topics": "Sauberkeit im Quartier"},
	)
	area_observation = _ensure(
		"Area Observation",
		{"project": project, "district": district, "category": "Vacancy"},
		{
			"observation_date": add_days(today(), -2),
			"description": f"Leerstand Ladenzeile {letter}",
			"location": '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},'
			'"geometry":{"type":"Point","coordinates":[12.92,50.83]}}]}',
		},
	)
	# appointments: a schedule (not published: the public booking tests publish their own rules), an
	# appointment with a resident, a walk-in of the office hours
	consultation_schedule = _ensure(
		"Consultation Schedule",
		{"project": project},
		{
			"published": 0,
			"slot_rules": [
				{
					"weekday": "Thursday",
					"from_time": "09:00",
					"to_time": "12:00",
					"slot_minutes": 30,
					"staff_member": staff,
				}
			],
		},
	)
	consultation_appointment = _ensure(
		"Consultation Appointment",
		{"project": project, "resident": resident},
		{
			"starts_on": f"{add_days(today(), 90)} 07:00:00",
			"duration_minutes": 30,
			"staff_member": staff,
			"notes": f"Terminnotiz {letter}",
		},
	)
	office_hours_visit = _ensure(
		"Office Hours Visit", {"project": project, "label": f"Wartend{letter}"}, {"visit_date": today()}
	)
	# a draft (never submitted) funder report submission: the shared access tests read it
	funder_report_submission = _ensure("Funder Report Submission", {"project": project, "year": 2000}, {})
	community_survey = _ensure(
		"Community Survey",
		{"project": project, "title": f"Wohnumfeld-Befragung {letter}"},
		{
			"status": "Open",
			"districts": [{"district": district}],
			"questions": [
				{
					"question_type": "Single Choice",
					"label": "Wie gern wohnen Sie hier?",
					"options": "Gern\nNicht gern",
				}
			],
		},
	)
	community_survey_response = _ensure(
		"Community Survey Response",
		{"survey": community_survey, "channel": "Paper"},
		{"project": project, "language": "de", "district": district},
	)
	contact_tally = _ensure(
		"Contact Tally",
		{"project": project, "month": "2021-01-01"},
		{
			"source": f"Strichliste {letter}",
			"counts": [{"channel": "Office Hours", "district": district, "contacts": 4}],
		},
	)
	return SimpleNamespace(
		project=project,
		consultation_schedule=consultation_schedule,
		consultation_appointment=consultation_appointment,
		office_hours_visit=office_hours_visit,
		district=district,
		resident=resident,
		other_resident=other,
		consultation=consultation,
		anonymous_consultation=anonymous,
		case=case,
		consent=consent,
		referral=referral,
		community_event=community_event,
		community_event_series=community_event_series,
		volunteer=volunteer,
		opportunity=opportunity,
		volunteer_assignment=volunteer_assignment,
		volunteer_hours=volunteer_hours,
		network=network,
		network_meeting=network_meeting,
		area_observation=area_observation,
		funder_report_submission=funder_report_submission,
		community_survey=community_survey,
		community_survey_response=community_survey_response,
		contact_tally=contact_tally,
	)


def build_world() -> SimpleNamespace:
	frappe.set_user("Administrator")
	users = {key: _user(email, roles) for key, (email, roles) in USERS.items()}
	for name in (DISTRICT_A, DISTRICT_B):
		_ensure("District", {"district_name": name}, {"city": "Teststadt", "postcodes": "09122, 09123"})
	_ensure("Referral Partner", {"partner_name": PARTNER}, {"partner_type": "Counselling Service"})
	for project, district in ((PROJECT_A, DISTRICT_A), (PROJECT_B, DISTRICT_B)):
		if not frappe.db.exists("Community Project", project):
			frappe.get_doc(
				{
					"doctype": "Community Project",
					"project_name": project,
					"project_type": "Community Coordination",
					"participant_target": 500,
					"target_age_min": 18,
					"target_age_max": 65,
					"districts": [{"district": district}],
					"team": [{"user": users[key], "project_role": role} for key, role in TEAMS[project]],
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
				}
			).insert(ignore_permissions=True)
	a = _project_records(PROJECT_A, DISTRICT_A, "A", users)
	b = _project_records(PROJECT_B, DISTRICT_B, "B", users)
	frappe.db.commit()  # the world is shared by every test and by the web server
	return SimpleNamespace(users=SimpleNamespace(**users), a=a, b=b, password=PASSWORD, partner=PARTNER)
