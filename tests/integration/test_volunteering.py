"""Volunteering: volunteer, opportunity, assignment and hours rules, the police clearance check and
reminder, matching, and the volunteer portal over HTTP. Synthetic data only."""

import frappe
import pytest
from frappe.utils import add_days, add_years, getdate, today

from gwk_app.api.volunteering import suggest_volunteers
from gwk_app.volunteering.tasks import CLEARANCE_MARKER, remind_clearance_expiry
from tests.integration.volunteers import assignment as _assignment
from tests.integration.volunteers import portal_user as _portal_user
from tests.integration.volunteers import volunteer as _volunteer


@pytest.fixture(autouse=True)
def _fresh_settings():
	"""Frappe caches single values per connection and a rollback does not clear that cache."""
	frappe.db.value_cache.pop("GWK Settings", None)
	yield
	frappe.db.value_cache.pop("GWK Settings", None)


def _refused(doc, error, text, doctype=None):
	"""Insert must fail with `error` whose message contains `text`, and store nothing."""
	doctype = doctype or doc.doctype
	before = frappe.db.count(doctype)
	with pytest.raises(error) as info:
		doc.insert()
	assert text in str(info.value), str(info.value)
	assert frappe.db.count(doctype) == before
	return info.value


# ---------------------------------------------------------------- Community Volunteer


def test_availability_end_before_start_is_refused(world):
	frappe.set_user(world.users.staff_a)
	for start, end in (("18:00", "09:00"), ("10:00", "10:00")):
		doc = _volunteer(
			world.a.project, availability=[{"weekday": "Tuesday", "from_time": start, "to_time": end}]
		)
		_refused(doc, frappe.ValidationError, "Availability on Tuesday: the end must be after the start.")


def test_availability_in_german(world):
	frappe.set_user(world.users.staff_a)
	frappe.local.lang = "de"
	frappe.local.lang_full_dict = None
	frappe.local.jenv = None
	doc = _volunteer(
		world.a.project, availability=[{"weekday": "Friday", "from_time": "09:00", "to_time": "08:00"}]
	)
	try:
		_refused(
			doc, frappe.ValidationError, "Verfügbarkeit am Freitag: Das Ende muss nach dem Beginn liegen."
		)
	finally:
		frappe.local.lang = "en"
		frappe.local.lang_full_dict = None


def test_resident_must_be_in_the_same_project(world):
	# a user on both teams may read both residents: the same-project rule refuses
	frappe.set_user(world.users.both)
	doc = _volunteer(world.a.project, resident=world.b.resident)
	_refused(doc, frappe.ValidationError, "belongs to another project")
	# staff of project A cannot even name project B's resident: fails like a missing name
	frappe.set_user(world.users.staff_a)
	doc = _volunteer(world.a.project, resident=world.b.resident)
	_refused(doc, frappe.LinkValidationError, "Could not find")
	ok = _volunteer(world.a.project, resident=world.a.resident).insert()
	assert ok.resident == world.a.resident


def test_clearance_date_and_validity(world):
	frappe.set_user(world.users.staff_a)
	doc = _volunteer(world.a.project, clearance_date=add_days(today(), 1))
	_refused(doc, frappe.ValidationError, "Police Clearance Certificate Issued On cannot be in the future.")
	issued = add_days(today(), -10)
	doc = _volunteer(world.a.project, clearance_date=issued).insert()
	assert getdate(doc.clearance_valid_until) == add_days(add_years(getdate(issued), 5), -1)
	frappe.set_user("Administrator")
	frappe.db.set_single_value("GWK Settings", "clearance_valid_years", 3)
	doc.reload()
	doc.save()
	assert getdate(doc.clearance_valid_until) == add_days(add_years(getdate(issued), 3), -1)


def test_portal_login_must_be_a_volunteer_and_unique(world):
	frappe.set_user("Administrator")
	doc = _volunteer(world.a.project, user=world.users.staff_a)
	_refused(
		doc, frappe.ValidationError, "The portal login must be a website user with the role GWK Volunteer."
	)
	user = _portal_user("gwk-vol-unique@example.com")
	_volunteer(world.a.project, user=user).insert()
	doc = _volunteer(world.b.project, name="Zweitprofil", user=user)
	_refused(doc, frappe.ValidationError, "This portal login already belongs to another volunteer profile.")


# ---------------------------------------------------------------- Volunteer Opportunity


def test_opportunity_periods(world):
	frappe.set_user(world.users.staff_a)
	base = {"doctype": "Volunteer Opportunity", "project": world.a.project, "title": "Hausaufgabenhilfe"}
	doc = frappe.get_doc({**base, "start_date": today(), "end_date": add_days(today(), -1)})
	_refused(doc, frappe.ValidationError, "End Date must not be before Start Date.")
	doc = frappe.get_doc({**base, "weekday": "Monday", "from_time": "17:00", "to_time": "15:00"})
	_refused(doc, frappe.ValidationError, "To must be after From.")
	doc = frappe.get_doc({**base, "from_time": "15:00", "to_time": "17:00"}).insert()
	assert (doc.from_time, doc.to_time) == (None, None)  # a time without weekday is dropped


def test_staff_cannot_create_opportunity_in_other_project(world):
	frappe.set_user(world.users.staff_a)
	doc = frappe.get_doc({"doctype": "Volunteer Opportunity", "project": world.b.project, "title": "Fremd"})
	_refused(doc, frappe.PermissionError, "")


# ---------------------------------------------------------------- Volunteer Assignment


def test_assignment_needs_a_placement(world):
	frappe.set_user(world.users.staff_a)
	doc = _assignment(world.a.project, world.a.volunteer)
	_refused(doc, frappe.ValidationError, "Choose the volunteer opportunity or the community event")


def test_assignment_links_stay_in_the_project(world):
	frappe.set_user(world.users.both)
	doc = _assignment(world.a.project, world.b.volunteer, world.a.opportunity)
	_refused(doc, frappe.ValidationError, "belongs to another project")
	doc = _assignment(world.a.project, world.a.volunteer, community_event=world.b.community_event)
	_refused(doc, frappe.ValidationError, "belongs to another project")
	frappe.set_user(world.users.staff_a)
	doc = _assignment(world.a.project, world.b.volunteer, world.a.opportunity)
	_refused(doc, frappe.LinkValidationError, "Could not find")
	event = _assignment(world.a.project, world.a.volunteer, community_event=world.a.community_event).insert()
	assert event.community_event == world.a.community_event


def test_assignment_period(world):
	frappe.set_user(world.users.staff_a)
	doc = _assignment(world.a.project, world.a.volunteer, world.a.opportunity, to_date=add_days(today(), -1))
	_refused(doc, frappe.ValidationError, "To Date must not be before From Date.")


def test_volunteer_who_left_cannot_be_assigned(world):
	frappe.set_user(world.users.staff_a)
	gone = _volunteer(world.a.project, name="Ausgeschieden", status="Left").insert()
	doc = _assignment(world.a.project, gone.name, world.a.opportunity)
	_refused(doc, frappe.ValidationError, "Volunteer Ausgeschieden has left and cannot be assigned.")


@pytest.fixture
def clearance_opportunity(world):
	frappe.set_user(world.users.staff_a)
	doc = frappe.get_doc(
		{
			"doctype": "Volunteer Opportunity",
			"project": world.a.project,
			"title": "Kinderbetreuung beim Stadtteilfest",
			"needs_clearance": 1,
		}
	).insert()
	frappe.set_user("Administrator")
	return doc.name


CLEARANCE_ERROR = "This opportunity needs a police clearance certificate. Volunteer {0} has none"


def test_clearance_is_required_where_the_opportunity_needs_it(world, clearance_opportunity):
	frappe.set_user(world.users.staff_a)
	none = _volunteer(world.a.project, name="Ohne Zeugnis").insert()
	doc = _assignment(world.a.project, none.name, clearance_opportunity)
	_refused(doc, frappe.ValidationError, CLEARANCE_ERROR.format("Ohne Zeugnis"))

	# valid today, but expires during the assignment (5 years from issue)
	expiring = _volunteer(
		world.a.project, name="Bald Abgelaufen", clearance_date=add_days(add_years(today(), -5), 10)
	).insert()
	doc = _assignment(world.a.project, expiring.name, clearance_opportunity, to_date=add_days(today(), 30))
	_refused(doc, frappe.ValidationError, CLEARANCE_ERROR.format("Bald Abgelaufen"))
	# the same volunteer for a short assignment that ends before expiry is fine
	short = _assignment(world.a.project, expiring.name, clearance_opportunity, to_date=add_days(today(), 5))
	short.insert()

	valid = _volunteer(world.a.project, name="Mit Zeugnis", clearance_date=add_days(today(), -30)).insert()
	ok = _assignment(
		world.a.project, valid.name, clearance_opportunity, to_date=add_days(today(), 365)
	).insert()
	assert ok.name
	# an opportunity without the need accepts a volunteer without a certificate
	assert _assignment(world.a.project, none.name, world.a.opportunity).insert().name


def test_clearance_error_in_german(world, clearance_opportunity):
	frappe.set_user(world.users.staff_a)
	none = _volunteer(world.a.project, name="Ohne Zeugnis DE").insert()
	frappe.local.lang = "de"
	frappe.local.lang_full_dict = None
	try:
		doc = _assignment(world.a.project, none.name, clearance_opportunity)
		_refused(doc, frappe.ValidationError, "Dieses Angebot erfordert ein Führungszeugnis.")
	finally:
		frappe.local.lang = "en"
		frappe.local.lang_full_dict = None


# ---------------------------------------------------------------- Volunteer Hours


def _hours(assignment, hours=2, work_date=None, **values):
	return frappe.get_doc(
		{
			"doctype": "Volunteer Hours",
			"assignment": assignment,
			"work_date": work_date or today(),
			"hours": hours,
			**values,
		}
	)


@pytest.mark.parametrize("hours", [0, -1, 24.5, 100])
def test_hours_must_be_between_0_and_24(world, hours):
	frappe.set_user(world.users.staff_a)
	doc = _hours(world.a.volunteer_assignment, hours)
	_refused(doc, frappe.ValidationError, "Hours must be more than 0 and at most 24 per entry.")


def test_hours_dates(world):
	frappe.set_user(world.users.staff_a)
	doc = _hours(world.a.volunteer_assignment, 2, add_days(today(), 1))
	_refused(doc, frappe.ValidationError, "Date cannot be in the future.")
	doc = _hours(world.a.volunteer_assignment, 2, add_days(today(), -365))
	_refused(doc, frappe.ValidationError, "The date must lie within the assignment period.")


def test_hours_on_cancelled_assignment_are_refused(world):
	frappe.set_user(world.users.staff_a)
	cancelled = _assignment(
		world.a.project,
		world.a.volunteer,
		world.a.opportunity,
		status="Cancelled",
		from_date=add_days(today(), -3),
	).insert()
	doc = _hours(cancelled.name)
	_refused(doc, frappe.ValidationError, "The assignment was cancelled")


def test_hours_take_the_assignments_project_and_sum_up(world):
	frappe.set_user(world.users.staff_a)
	assignment = _assignment(
		world.a.project, world.a.volunteer, world.a.opportunity, from_date=add_days(today(), -10)
	).insert()
	first = _hours(assignment.name, 2.5, add_days(today(), -2)).insert()
	assert first.project == world.a.project and first.volunteer == world.a.volunteer
	second = _hours(assignment.name, 1.25, add_days(today(), -1)).insert()
	assert frappe.db.get_value("Volunteer Assignment", assignment.name, "total_hours") == 3.75
	second.hours = 4
	second.save()
	assert frappe.db.get_value("Volunteer Assignment", assignment.name, "total_hours") == 6.5
	frappe.set_user("Administrator")
	frappe.delete_doc("Volunteer Hours", first.name)
	assert frappe.db.get_value("Volunteer Assignment", assignment.name, "total_hours") == 4


def test_staff_cannot_log_hours_on_other_projectsassignment(world):
	frappe.set_user(world.users.staff_a)
	doc = _hours(world.b.volunteer_assignment)
	_refused(doc, frappe.LinkValidationError, "Could not find")
	doc = _hours(world.a.volunteer_assignment, project=world.b.project)
	_refused(doc, frappe.PermissionError, "")


# ---------------------------------------------------------------- clearance reminder


def _reminders(volunteer):
	return frappe.get_all(
		"ToDo",
		filters={"reference_type": "Community Volunteer", "reference_name": volunteer},
		fields=["allocated_to", "description", "status"],
	)


def test_clearance_reminder_is_created_once_for_the_team(world):
	frappe.set_user("Administrator")
	# issued 5 years minus 20 days ago: expires in 19 days, inside the 30-day lead time
	issued = add_days(add_years(today(), -5), 20)
	due = _volunteer(
		world.a.project, name="Erinnerung Fällig", clearance_date=issued, notes="Sucht-Thema vertraulich"
	).insert()
	not_due = _volunteer(
		world.a.project, name="Noch Lange Gültig", clearance_date=add_days(today(), -30)
	).insert()
	gone = _volunteer(world.a.project, name="Schon Weg", clearance_date=issued, status="Left").insert()
	other = _volunteer(world.b.project, name="Projekt B Fällig", clearance_date=issued).insert()

	remind_clearance_expiry()
	todos = _reminders(due.name)
	team_a = {world.users.staff_a, world.users.lead_a, world.users.both}
	assert {t.allocated_to for t in todos} == team_a
	for todo in todos:
		assert "Erinnerung Fällig" in todo.description and CLEARANCE_MARKER in todo.description
		assert "Sucht" not in todo.description  # no notes, no special-category data
	assert _reminders(not_due.name) == [] and _reminders(gone.name) == []
	assert {t.allocated_to for t in _reminders(other.name)} == {world.users.staff_b, world.users.both}

	assert remind_clearance_expiry() == 0
	assert len(_reminders(due.name)) == len(team_a)

	# a reminder someone closed is not reopened
	closed = todos[0]
	frappe.db.set_value(
		"ToDo", {"description": closed.description, "allocated_to": closed.allocated_to}, "status", "Closed"
	)
	assert remind_clearance_expiry() == 0

	# a renewed certificate closes the open reminders about the old one and is reminded again when due
	due.reload()
	due.clearance_date = add_days(add_years(today(), -5), 25)
	due.save()
	assert {t.status for t in _reminders(due.name)} == {"Closed"}
	assert not (frappe.db.get_value("Community Volunteer", due.name, "_assign") or "").strip("[]")
	assert remind_clearance_expiry() == len(team_a)
	assert remind_clearance_expiry() == 0
	assert sorted(t.status for t in _reminders(due.name)) == ["Closed"] * 3 + ["Open"] * 3


def test_reminder_lead_time_comes_from_settings(world):
	frappe.set_user("Administrator")
	doc = _volunteer(
		world.a.project, name="Vorlauf Test", clearance_date=add_days(add_years(today(), -5), 20)
	).insert()
	frappe.db.set_single_value("GWK Settings", "clearance_reminder_days", 10)
	remind_clearance_expiry()
	assert _reminders(doc.name) == []
	frappe.db.set_single_value("GWK Settings", "clearance_reminder_days", 30)
	remind_clearance_expiry()
	assert len(_reminders(doc.name)) == 3


# ---------------------------------------------------------------- matching


@pytest.fixture
def matching(world):
	"""Fixed volunteers in project A (plus a perfect one in project B) for one opportunity."""
	frappe.set_user("Administrator")
	for skill in ("Test-Gärtnern", "Test-Übersetzen", "Test-Kochen"):
		if not frappe.db.exists("Volunteer Skill", skill):
			frappe.get_doc({"doctype": "Volunteer Skill", "skill_name": skill}).insert()
	opportunity = frappe.get_doc(
		{
			"doctype": "Volunteer Opportunity",
			"project": world.a.project,
			"title": "Gemeinschaftsgarten",
			"district": world.a.district,
			"weekday": "Thursday",
			"from_time": "15:00",
			"to_time": "17:00",
			"languages": "Türkisch",
			"skills": [{"skill": "Test-Gärtnern"}, {"skill": "Test-Übersetzen"}],
		}
	).insert()

	def vol(project, name, skills=(), languages=None, districts=(), slots=(), status="Active"):
		return (
			_volunteer(
				project,
				name=name,
				status=status,
				languages=languages,
				skills=[{"skill": s} for s in skills],
				districts=[{"district": d} for d in districts],
				availability=[{"weekday": w, "from_time": f, "to_time": t} for w, f, t in slots],
			)
			.insert()
			.name
		)

	a = world.a.district
	names = {
		# 3+3 skills, 2 language, 2 district, 3 full time = 13
		"best": vol(world.a.project, "Match Eins", ["Test-Gärtnern", "Test-Übersetzen"], "Türkisch", [a],
			[("Thursday", "14:00", "18:00")]),
		# 3 skill, 1 any district, 1 partial time = 5
		"middle": vol(world.a.project, "Match Zwei", ["Test-Gärtnern"], None, [], [("Thursday", "16:00", "19:00")]),
		# 2 language, 2 district = 4
		"low": vol(world.a.project, "Match Drei", [], "türkisch", [a], [("Monday", "15:00", "17:00")]),
		# a perfect match, but paused
		"paused": vol(world.a.project, "Match Pausiert", ["Test-Gärtnern", "Test-Übersetzen"], "Türkisch", [a],
			[("Thursday", "14:00", "18:00")], status="Paused"),
		# a perfect match in the other project
		"other": vol(world.b.project, "Match Fremd", ["Test-Gärtnern", "Test-Übersetzen"], "Türkisch",
			[world.b.district], [("Thursday", "14:00", "18:00")]),
	}  # fmt: skip
	return opportunity.name, names


def test_matching_ranks_the_projects_active_volunteers(world, matching):
	opportunity, names = matching
	frappe.set_user(world.users.staff_a)
	result = suggest_volunteers(opportunity)
	ranked = [r["volunteer"] for r in result]
	mine = [n for n in ranked if n in names.values()]
	assert mine == [names["best"], names["middle"], names["low"]]
	scores = {r["volunteer"]: r["score"] for r in result}
	assert (scores[names["best"]], scores[names["middle"]], scores[names["low"]]) == (13, 5, 4)
	best = result[ranked.index(names["best"])]
	assert best["skills"] == ["Test-Gärtnern", "Test-Übersetzen"] and best["availability"] == "full"
	assert names["paused"] not in ranked and names["other"] not in ranked
	projects = set(frappe.get_all("Community Volunteer", filters={"name": ("in", ranked)}, pluck="project"))
	assert projects == {world.a.project}
	assert [scores[n] for n in ranked] == sorted(scores.values(), reverse=True)


def test_matching_checks_read_permission_first(world, matching):
	opportunity, _names = matching
	frappe.set_user(world.users.staff_b)
	with pytest.raises(frappe.PermissionError) as refused:
		suggest_volunteers(opportunity)
	with pytest.raises(frappe.PermissionError) as missing:
		suggest_volunteers("OPP-DOES-NOT-EXIST")
	assert str(refused.value) == str(missing.value)
	frappe.set_user(world.users.carrier)
	with pytest.raises(frappe.PermissionError):
		suggest_volunteers(world.a.opportunity)


def test_matching_over_http(server, world):
	staff_a = server.session(world.users.staff_a, world.password)
	url = f"{server.url}/api/method/gwk_app.api.volunteering.suggest_volunteers"
	r = staff_a.get(url, params={"opportunity": world.a.opportunity})
	assert r.status_code == 200, r.text
	assert world.a.volunteer in {m["volunteer"] for m in r.json()["message"]}
	assert world.b.volunteer not in {m["volunteer"] for m in r.json()["message"]}
	r = staff_a.get(url, params={"opportunity": world.b.opportunity})
	assert r.status_code == 403


# ---------------------------------------------------------------- volunteer portal over HTTP


@pytest.fixture(scope="module")
def volunteer_session(server, portal, world):
	return server.session(portal.user, world.password)


def _method(server, name):
	return f"{server.url}/api/method/gwk_app.api.volunteering.{name}"


def test_portal_shows_own_profile_only(server, portal, volunteer_session):
	r = volunteer_session.get(_method(server, "get_my_profile"))
	assert r.status_code == 200, r.text
	profile = r.json()["message"]
	assert profile["name"] == portal.own and profile["volunteer_name"] == "Portalia Ehrenwert"
	assert [a["name"] for a in profile["assignments"]] == [portal.own_assignment]
	assert "Andere Freiwillige" not in r.text
	page = volunteer_session.get(f"{server.url}/volunteering", headers={"Accept": "text/html"})
	assert page.status_code == 200
	assert "Portalia Ehrenwert" in page.text and "Andere Freiwillige" not in page.text


def test_portal_user_reads_no_records_directly(server, portal, volunteer_session, world):
	for doctype, name in (
		("Community Volunteer", portal.other),
		("Community Volunteer", portal.own),
		("Volunteer Assignment", portal.other_assignment),
		("Resident", world.a.resident),
	):
		r = volunteer_session.get(f"{server.url}/api/resource/{doctype}/{name}")
		assert r.status_code == 403, (doctype, r.status_code)
	for doctype in ("Community Volunteer", "Resident", "Volunteer Hours"):
		r = volunteer_session.get(f"{server.url}/api/resource/{doctype}")
		assert r.status_code == 403, doctype
	r = volunteer_session.post(
		f"{server.url}/api/method/frappe.desk.search.search_link",
		data={"doctype": "Community Volunteer", "txt": "Andere"},
	)
	assert "Andere Freiwillige" not in r.text


def test_portal_edits_own_profile_and_availability(server, portal, volunteer_session):
	r = volunteer_session.post(
		_method(server, "update_my_profile"),
		data={
			"languages": "Deutsch, Englisch",
			"interests": "Garten, Lesen",
			"availability": '[{"weekday": "Wednesday", "from_time": "16:00", "to_time": "19:00"}]',
			"status": "Left",
			"volunteer_name": "Umbenannt",
			"project": "GWK Test B",
		},
	)
	assert r.status_code == 200, r.text
	frappe.db.rollback()
	row = frappe.db.get_value(
		"Community Volunteer", portal.own, ["languages", "interests", "status", "volunteer_name", "project"]
	)
	assert row == ("Deutsch, Englisch", "Garten, Lesen", "Active", "Portalia Ehrenwert", "GWK Test A")
	slots = frappe.get_all(
		"Community Volunteer Availability", filters={"parent": portal.own}, fields=["weekday", "from_time"]
	)
	assert [s.weekday for s in slots] == ["Wednesday"]


def test_portal_profile_rules_apply(server, portal, volunteer_session):
	before = frappe.get_all("Community Volunteer Availability", filters={"parent": portal.own}, pluck="name")
	r = volunteer_session.post(
		_method(server, "update_my_profile"),
		data={"availability": '[{"weekday": "Friday", "from_time": "18:00", "to_time": "09:00"}]'},
	)
	assert r.status_code == 417 and "Das Ende muss nach dem Beginn liegen" in r.json()["exception"]
	r = volunteer_session.post(
		_method(server, "update_my_profile"),
		data={"availability": '[{"weekday": "Someday", "from_time": "x", "to_time": "y"}]'},
	)
	assert r.status_code == 417 and "Jedes Zeitfenster braucht einen Wochentag" in r.json()["exception"]
	frappe.db.rollback()
	after = frappe.get_all("Community Volunteer Availability", filters={"parent": portal.own}, pluck="name")
	assert after == before


def test_portal_logs_own_hours_only(server, portal, volunteer_session):
	r = volunteer_session.post(
		_method(server, "log_my_hours"),
		data={
			"assignment": portal.own_assignment,
			"work_date": add_days(today(), -1),
			"hours": 3,
			"note": "Beete",
		},
	)
	assert r.status_code == 200, r.text
	frappe.db.rollback()
	entry = frappe.db.get_value(
		"Volunteer Hours",
		r.json()["message"],
		["volunteer", "hours", "logged_by_volunteer", "project"],
		as_dict=True,
	)
	assert entry == {"volunteer": portal.own, "hours": 3, "logged_by_volunteer": 1, "project": "GWK Test A"}
	assert frappe.db.get_value("Volunteer Assignment", portal.own_assignment, "total_hours") == 3

	r = volunteer_session.post(
		_method(server, "log_my_hours"),
		data={"assignment": portal.other_assignment, "work_date": today(), "hours": 1},
	)
	assert r.status_code == 403
	r = volunteer_session.post(
		_method(server, "log_my_hours"),
		data={"assignment": portal.own_assignment, "work_date": today(), "hours": 30},
	)
	assert r.status_code == 417 and "höchstens 24" in r.json()["exception"]
	frappe.db.rollback()
	assert frappe.db.count("Volunteer Hours", {"assignment": portal.other_assignment}) == 0
	assert frappe.db.count("Volunteer Hours", {"assignment": portal.own_assignment}) == 1


def test_portal_endpoints_refuse_staff_and_guests(server, world, portal):
	staff = server.session(world.users.staff_a, world.password)
	assert staff.get(_method(server, "get_my_profile")).status_code == 403
	guest = server.session(None)
	assert guest.get(_method(server, "get_my_profile")).status_code == 403
	r = guest.get(f"{server.url}/volunteering", allow_redirects=False, headers={"Accept": "text/html"})
	assert r.status_code in (301, 302) and "/login" in r.headers["Location"]


def test_portal_login_lands_on_the_portal_page(server, portal, world):
	import requests

	r = requests.post(
		f"{server.url}/api/method/login", data={"usr": portal.user, "pwd": world.password}, timeout=30
	)
	assert r.status_code == 200 and r.json()["home_page"].strip("/") == "volunteering"


# ---------------------------------------------------------------- personal data registry


def test_volunteer_who_is_a_resident_is_part_of_art15_export_and_erasure(world):
	from gwk_app.privacy.erasure import erase
	from gwk_app.privacy.export import collect

	frappe.set_user("Administrator")
	resident = frappe.get_doc(
		{
			"doctype": "Resident",
			"project": world.a.project,
			"first_name": "Hilde",
			"last_name": "Probeweise",
			"birth_year": 1960,
			"gender": "Female",
		}
	).insert()
	volunteer = _volunteer(
		world.a.project, name="Hilde Probeweise", resident=resident.name, phone="0371 555000", status="Left"
	).insert()
	exported = frappe.as_json(collect(resident.name))
	assert volunteer.name in exported and "0371 555000" in exported
	erase(resident.name)
	row = frappe.db.get_value(
		"Community Volunteer", volunteer.name, ["volunteer_name", "phone"], as_dict=True
	)
	assert row.volunteer_name == "***" and not row.phone


def test_portal_page_escapes_what_the_volunteer_typed(server, portal, volunteer_session):
	r = volunteer_session.post(
		_method(server, "update_my_profile"), data={"interests": '<script>alert("x")</script> Garten'}
	)
	assert r.status_code == 200, r.text
	page = volunteer_session.get(f"{server.url}/volunteering", headers={"Accept": "text/html"})
	assert page.status_code == 200 and "Garten" in page.text
	assert '<script>alert("x")</script>' not in page.text


# ---------------------------------------------------------------- public list of opportunities


@pytest.fixture(scope="module")
def public_opportunities(world):
	"""Published, unpublished, closed and ended opportunities, committed for the web server."""
	frappe.set_user("Administrator")
	frappe.db.delete("Volunteer Opportunity", {"title": ("like", "Öffentlich-Test %")})
	base = {"doctype": "Volunteer Opportunity", "project": world.a.project, "district": world.a.district}
	made = {
		key: frappe.get_doc({**base, "title": f"Öffentlich-Test {key}", **values}).insert().name
		for key, values in {
			"shown": {
				"published": 1,
				"public_description": "Wir suchen Vorlesepat:innen.",
				"needs_clearance": 1,
			},
			"hidden": {"published": 0},
			"closed": {"published": 1, "status": "Closed"},
			"ended": {
				"published": 1,
				"start_date": add_days(today(), -60),
				"end_date": add_days(today(), -1),
			},
			"other": {"published": 1, "project": world.b.project, "district": world.b.district},
		}.items()
	}
	frappe.db.commit()
	yield made
	frappe.db.delete("Volunteer Opportunity", {"name": ("in", list(made.values()))})
	frappe.db.commit()


def test_public_page_lists_published_open_opportunities_only(server, world, public_opportunities):
	guest = server.session(None)
	r = guest.get(f"{server.url}/ehrenamt", headers={"Accept": "text/html"})
	assert r.status_code == 200
	assert "Öffentlich-Test shown" in r.text and "Wir suchen Vorlesepat:innen." in r.text
	assert "Für dieses Angebot ist ein Führungszeugnis erforderlich." in r.text  # the site speaks German
	for key in ("hidden", "closed", "ended"):
		assert f"Öffentlich-Test {key}" not in r.text
	# nothing about volunteers or assignments
	assert "Wilma Ehrenfeld" not in r.text
	assert "Öffentlich-Test other" in r.text  # published opportunities of every project
	r = guest.get(
		f"{server.url}/ehrenamt", params={"district": world.b.district}, headers={"Accept": "text/html"}
	)
	assert "Öffentlich-Test other" in r.text and "Öffentlich-Test shown" not in r.text
	# the opportunity itself stays closed to guests
	r = guest.get(f"{server.url}/api/resource/Volunteer Opportunity/{public_opportunities['shown']}")
	assert r.status_code == 403


# ---------------------------------------------------------------- more read paths


def test_child_rows_follow_theirvolunteer(world):
	frappe.set_user(world.users.staff_a)
	rows = frappe.get_list(
		"Community Volunteer Availability",
		parent_doctype="Community Volunteer",
		fields=["parent"],
		limit_page_length=0,
	)
	parents = {r.parent for r in rows}
	assert world.a.volunteer in parents and world.b.volunteer not in parents


@pytest.mark.parametrize(
	"doctype, key, marker",
	[
		("Community Volunteer", "volunteer", "Wilma EhrenfeldB"),
		("Volunteer Opportunity", "opportunity", "Lesepatenschaft B"),
	],
)
def test_print_and_pdf_of_other_project_are_refused(server, world, doctype, key, marker):
	staff_a = server.session(world.users.staff_a, world.password)
	own = staff_a.get(f"{server.url}/printview", params={"doctype": doctype, "name": getattr(world.a, key)})
	assert own.status_code == 200 and marker.replace("B", "A") in own.text
	for path in ("/printview", "/api/method/frappe.utils.print_format.download_pdf"):
		r = staff_a.get(f"{server.url}{path}", params={"doctype": doctype, "name": getattr(world.b, key)})
		assert r.status_code in (403, 404), (path, r.status_code)
		assert marker not in r.text and not r.content.startswith(b"%PDF")


def test_export_holds_own_project_only(server, world):
	lead = server.session(world.users.lead_a, world.password)
	r = lead.post(
		f"{server.url}/api/method/frappe.desk.reportview.export_query",
		data={
			"doctype": "Community Volunteer",
			"file_format_type": "CSV",
			"fields": '["`tabCommunity Volunteer`.`name`", "`tabCommunity Volunteer`.`volunteer_name`"]',
			"title": "Community Volunteer",
		},
	)
	assert r.status_code == 200, r.text[:300]
	assert "Wilma EhrenfeldA" in r.text and "Wilma EhrenfeldB" not in r.text


def test_volunteer_connections_count_for_the_team_only(world):
	from frappe.desk.notifications import get_open_count

	frappe.set_user(world.users.staff_a)
	counts = {
		row["doctype"]: row["count"]
		for row in get_open_count("Community Volunteer", world.a.volunteer)["count"]["external_links_found"]
	}
	assert counts["Volunteer Assignment"] >= 1 and counts["Volunteer Hours"] >= 1
	frappe.set_user(world.users.staff_b)
	with pytest.raises(frappe.PermissionError):
		get_open_count("Community Volunteer", world.a.volunteer)
