"""Project access: a staff user of project A gets nothing of project B over any read path, and cannot
write into project B. Tested for every project-bound doctype."""

import json

import frappe
import pytest
from frappe.desk.reportview import get as reportview_get
from frappe.desk.search import search_link
from frappe.utils.global_search import search as global_search

from gwk_app.access import OWN_RECORDS, PROJECT_BOUND
from gwk_app.permissions import query_conditions

DOCTYPES = {
	"Resident": "resident",
	"Consultation": "consultation",
	"Case": "case",
	"Referral": "referral",
	"Consent": "consent",
	"Community Event": "community_event",
	"Community Event Series": "community_event_series",
	"Community Volunteer": "volunteer",
	"Volunteer Opportunity": "opportunity",
	"Volunteer Assignment": "volunteer_assignment",
	"Volunteer Hours": "volunteer_hours",
	"Network": "network",
	"Network Meeting": "network_meeting",
	"Area Observation": "area_observation",
	"Consultation Appointment": "consultation_appointment",
	"Consultation Schedule": "consultation_schedule",
	"Office Hours Visit": "office_hours_visit",
	"Funder Report Submission": "funder_report_submission",
	"Community Survey": "community_survey",
	"Community Survey Response": "community_survey_response",
	"Contact Tally": "contact_tally",
}


# project-bound doctypes that no project staff role reads at all: covered by their own tests
ROLE_RESTRICTED = {"ESF Participation": "tests/integration/test_privacy.py"}
# project-bound doctypes whose records a user reads only when they are their own or they lead the project
# (gwk_app.access.OWN_RECORDS): every read path of the rule is covered in the file named
OWN_RECORDS_TESTS = {"Staff Time Entry": "tests/integration/test_funders.py"}


def test_every_project_bound_doctype_is_covered():
	assert set(DOCTYPES) | set(ROLE_RESTRICTED) | set(OWN_RECORDS_TESTS) == set(PROJECT_BOUND)
	assert set(OWN_RECORDS_TESTS) == set(OWN_RECORDS)


def _names(doctype, user):
	frappe.set_user(user)
	try:
		return set(frappe.get_list(doctype, pluck="name", limit_page_length=0))
	finally:
		frappe.set_user("Administrator")


@pytest.mark.parametrize("doctype", sorted(DOCTYPES))
def test_list_view_shows_own_project_only(world, doctype):
	key = DOCTYPES[doctype]
	names = _names(doctype, world.users.staff_a)
	assert getattr(world.a, key) in names
	assert getattr(world.b, key) not in names
	projects = set(frappe.get_all(doctype, filters={"name": ("in", list(names))}, pluck="project"))
	assert projects == {world.a.project}


@pytest.mark.parametrize("doctype", sorted(DOCTYPES))
def test_user_on_two_teams_sees_both(world, doctype):
	names = _names(doctype, world.users.both)
	key = DOCTYPES[doctype]
	assert {getattr(world.a, key), getattr(world.b, key)} <= names


@pytest.mark.parametrize("doctype", sorted(DOCTYPES))
def test_user_on_no_project_sees_nothing(world, doctype):
	assert _names(doctype, world.users.nobody) == set()
	assert query_conditions(world.users.nobody, doctype) == "1=0"


@pytest.mark.parametrize("doctype", sorted(DOCTYPES))
def test_carrier_manager_reads_no_personal_records(world, doctype):
	frappe.set_user(world.users.carrier)
	with pytest.raises(frappe.PermissionError):
		frappe.get_list(doctype, limit_page_length=1)
	assert not frappe.has_permission(doctype, "read", getattr(world.a, DOCTYPES[doctype]))


@pytest.mark.parametrize("doctype", sorted(DOCTYPES))
def test_form_load_of_other_project_is_refused(world, doctype):
	key = DOCTYPES[doctype]
	other = getattr(world.b, key)
	assert frappe.has_permission(doctype, "read", getattr(world.a, key), user=world.users.staff_a)
	assert not frappe.has_permission(doctype, "read", other, user=world.users.staff_a)
	frappe.set_user(world.users.staff_a)
	with pytest.raises(frappe.PermissionError):
		frappe.get_doc(doctype, other).check_permission("read")
	from frappe.desk.form.load import getdoc

	with pytest.raises(frappe.PermissionError):
		getdoc(doctype, other)


@pytest.mark.parametrize("doctype", sorted(DOCTYPES))
def test_link_search_offers_own_project_only(world, doctype):
	frappe.set_user(world.users.staff_a)
	results = search_link(doctype, "", page_length=500)
	values = {r["value"] for r in results}
	key = DOCTYPES[doctype]
	assert getattr(world.a, key) in values
	assert getattr(world.b, key) not in values


@pytest.mark.parametrize("doctype", sorted(DOCTYPES))
def test_report_view_and_counts_show_own_project_only(world, doctype):
	frappe.set_user(world.users.staff_a)
	frappe.local.form_dict = frappe._dict(
		doctype=doctype,
		fields=json.dumps([f"`tab{doctype}`.`name`", f"`tab{doctype}`.`project`"]),
		page_length=500,
	)
	result = reportview_get()
	rows = [dict(zip(result["keys"], v, strict=False)) for v in result["values"]] if result else []
	assert rows and {r["project"] for r in rows} == {world.a.project}
	from frappe.desk.reportview import get_count

	frappe.local.form_dict = frappe._dict(doctype=doctype, filters=json.dumps({"project": world.b.project}))
	assert get_count() == 0


@pytest.mark.parametrize("doctype", sorted(DOCTYPES))
def test_count_endpoint_counts_own_project_only(world, doctype):
	"""frappe.client.get_count counts without permission checks in core; ours counts through get_list."""
	from gwk_app.overrides.client import get_count

	assert frappe.get_hooks("override_whitelisted_methods")["frappe.client.get_count"][-1] == (
		"gwk_app.overrides.client.get_count"
	)
	frappe.set_user(world.users.staff_a)
	assert get_count(doctype, filters={"project": world.b.project}) == 0
	assert get_count(doctype, filters={"project": world.a.project}) >= 1


def test_child_table_rows_follow_their_parent(world):
	frappe.set_user(world.users.staff_a)
	rows = frappe.get_list(
		"Case Party", parent_doctype="Case", fields=["parent", "resident"], limit_page_length=0
	)
	parents = {r.parent for r in rows}
	assert world.a.case in parents and world.b.case not in parents


def test_global_search_holds_nothing_project_bound(world):
	from frappe.utils.global_search import rebuild_for_doctype

	for doctype in DOCTYPES:
		rebuild_for_doctype(doctype)
	frappe.set_user(world.users.staff_a)
	for marker in ("AnkerbergB", "QuellentalB", "ZeldaB", "Nachbarschaftsstreit B"):
		results = global_search(marker)
		assert not [r for r in results if r.get("doctype") in DOCTYPES], marker


@pytest.mark.parametrize("doctype", sorted(DOCTYPES))
def test_cannot_create_in_other_project(world, doctype):
	source = frappe.get_doc(doctype, getattr(world.a, DOCTYPES[doctype])).as_dict()
	for field in ("name", "creation", "modified", "owner", "modified_by"):
		source.pop(field, None)
	for row in source.get("parties") or []:
		row.pop("name", None)
	source["project"] = world.b.project
	before = frappe.db.count(doctype)
	frappe.set_user(world.users.staff_a)
	with pytest.raises((frappe.PermissionError, frappe.LinkValidationError, frappe.ValidationError)):
		frappe.get_doc(source).insert()
	frappe.set_user("Administrator")
	assert frappe.db.count(doctype) == before


def test_cannot_move_record_into_other_project(world):
	frappe.set_user(world.users.staff_a)
	doc = frappe.get_doc("Consultation", world.a.anonymous_consultation)
	doc.project = world.b.project
	with pytest.raises(frappe.PermissionError):
		doc.save()


def test_cannot_link_other_projects_resident(world):
	"""A name from another project fails exactly like a name that does not exist."""
	frappe.set_user(world.users.staff_a)
	messages = []
	for resident in (world.b.resident, "RES-DOES-NOT-EXIST"):
		doc = frappe.get_doc(
			{
				"doctype": "Consultation",
				"project": world.a.project,
				"anonymous": 0,
				"resident": resident,
				"duration_minutes": 10,
			}
		)
		with pytest.raises(frappe.LinkValidationError) as error:
			doc.insert()
		messages.append(str(error.value).replace(resident, "<name>"))
	assert messages[0] == messages[1]


# ---------------------------------------------------------------- over HTTP


@pytest.fixture(scope="module")
def staff_a(server, world):
	return server.session(world.users.staff_a, world.password)


@pytest.mark.parametrize("doctype", sorted(DOCTYPES))
def test_rest_list_and_get(server, world, staff_a, doctype):
	key = DOCTYPES[doctype]
	r = staff_a.get(
		f"{server.url}/api/resource/{doctype}",
		params={"limit_page_length": 0, "fields": '["name","project"]'},
	)
	assert r.status_code == 200, r.text
	rows = r.json()["data"]
	assert getattr(world.a, key) in {x["name"] for x in rows}
	assert {x["project"] for x in rows} == {world.a.project}
	r = staff_a.get(f"{server.url}/api/resource/{doctype}/{getattr(world.b, key)}")
	assert r.status_code == 403
	r = staff_a.get(
		f"{server.url}/api/method/frappe.client.get",
		params={"doctype": doctype, "name": getattr(world.b, key)},
	)
	assert r.status_code == 403


@pytest.mark.parametrize("doctype", sorted(DOCTYPES))
def test_rest_counts_and_link_checks_reveal_nothing(server, world, staff_a, doctype):
	key = DOCTYPES[doctype]
	r = staff_a.get(
		f"{server.url}/api/method/frappe.client.get_count",
		params={"doctype": doctype, "filters": json.dumps({"project": world.b.project})},
	)
	assert r.status_code == 200 and r.json()["message"] == 0, r.text
	answers = []
	for name in (getattr(world.b, key), "DOES-NOT-EXIST-123"):
		r = staff_a.get(
			f"{server.url}/api/method/frappe.client.validate_link",
			params={"doctype": doctype, "docname": name},
		)
		answers.append((r.status_code, r.json().get("message")))
	assert answers[0] == answers[1]
	r = staff_a.get(
		f"{server.url}/api/method/frappe.client.validate_link",
		params={"doctype": doctype, "docname": getattr(world.a, key)},
	)
	assert r.json()["message"]["name"] == getattr(world.a, key)


def test_rest_search_link_and_report_view(server, world, staff_a):
	r = staff_a.post(
		f"{server.url}/api/method/frappe.desk.search.search_link",
		data={"doctype": "Resident", "txt": "Ankerberg"},
	)
	values = {x["value"] for x in r.json()["message"]}
	assert world.a.resident in values and world.b.resident not in values
	r = staff_a.post(
		f"{server.url}/api/method/frappe.desk.reportview.get",
		data={"doctype": "Resident", "fields": '["`tabResident`.`name`"]', "page_length": 500},
	)
	names = {v[0] for v in r.json()["message"]["values"]}
	assert world.a.resident in names and world.b.resident not in names


def test_rest_link_given_as_object_is_no_oracle(server, world, staff_a):
	"""A Link sent as a JSON object would be resolved as a filter; it must fail like any wrong name."""
	answers = []
	for probe in ({"last_name": "AnkerbergB"}, {"last_name": "NobodyHasThisName"}):
		body = {
			"project": world.a.project,
			"anonymous": 0,
			"resident": probe,
			"duration_minutes": 10,
		}
		r = staff_a.post(f"{server.url}/api/resource/Consultation", json=body)
		answers.append((r.status_code, r.json().get("exc_type")))
	assert answers[0] == answers[1]
	assert answers[0][0] in (404, 417, 400)


def test_rest_create_in_other_project_is_refused(server, world, staff_a):
	frappe.db.rollback()
	before = frappe.db.count("Consultation", {"project": world.b.project})
	r = staff_a.post(
		f"{server.url}/api/resource/Consultation",
		json={"project": world.b.project, "anonymous": 1, "duration_minutes": 10, "channel": "Phone"},
	)
	assert r.status_code == 403
	frappe.db.rollback()
	assert frappe.db.count("Consultation", {"project": world.b.project}) == before


def test_rest_export_of_other_project_is_empty(server, world, staff_a):
	lead = server.session(world.users.lead_a, world.password)
	r = lead.post(
		f"{server.url}/api/method/frappe.desk.reportview.export_query",
		data={
			"doctype": "Resident",
			"file_format_type": "CSV",
			"fields": '["`tabResident`.`name`", "`tabResident`.`last_name`"]',
			"title": "Resident",
		},
	)
	assert r.status_code == 200, r.text[:300]
	assert "AnkerbergA" in r.text and "AnkerbergB" not in r.text
