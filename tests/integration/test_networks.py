"""Networks and network meetings: rules, project binding, follow-ups that become ToDos (idempotent)."""

import frappe
import pytest
from frappe.utils import add_days, today

from gwk_app.community.doctype.network_meeting.network_meeting import FOLLOW_UP_MARKER


def _refused(doc, error, text):
	before = frappe.db.count(doc.doctype)
	with pytest.raises(error) as info:
		doc.insert()
	assert text in str(info.value), str(info.value)
	assert frappe.db.count(doc.doctype) == before


def _network(project, **values):
	return frappe.get_doc(
		{
			"doctype": "Network",
			"project": project,
			"network_name": values.pop("network_name", "AG Wohnumfeld"),
			"network_type": values.pop("network_type", "Working Group"),
			"level": values.pop("level", "City"),
			**values,
		}
	)


def _meeting(network, **values):
	return frappe.get_doc(
		{"doctype": "Network Meeting", "network": network, "meeting_date": today(), **values}
	)


def test_district_network_needs_its_district(world):
	frappe.set_user(world.users.staff_a)
	_refused(
		_network(world.a.project, level="District"),
		frappe.ValidationError,
		"A district-level network needs its district.",
	)
	ok = _network(world.a.project, level="District", district=world.a.district).insert()
	assert ok.district == world.a.district


def test_partner_is_a_member_once(world):
	frappe.set_user(world.users.staff_a)
	doc = _network(world.a.project, members=[{"partner": world.partner}, {"partner": world.partner}])
	_refused(doc, frappe.ValidationError, "Each partner can be a member only once.")


def test_level_and_type_are_checked(world):
	frappe.set_user(world.users.staff_a)
	_refused(_network(world.a.project, level="Planet"), frappe.ValidationError, "Level cannot be")


def test_staff_cannot_create_network_in_other_project(world):
	frappe.set_user(world.users.staff_a)
	_refused(_network(world.b.project), frappe.PermissionError, "")


def test_meeting_takes_the_networks_project(world):
	frappe.set_user(world.users.staff_a)
	meeting = _meeting(world.a.network).insert()
	assert meeting.project == world.a.project
	assert meeting.network_name == "Stadtteilrunde A"


def test_meeting_of_another_projects_network_is_refused(world):
	frappe.set_user(world.users.staff_a)
	_refused(_meeting(world.b.network), frappe.LinkValidationError, "Could not find")
	_refused(_meeting(world.b.network, project=world.a.project), frappe.LinkValidationError, "Could not find")
	frappe.set_user(world.users.both)
	_refused(
		_meeting(world.b.network, project=world.a.project),
		frappe.ValidationError,
		"belongs to another project",
	)


def test_follow_up_goes_to_the_team_only(world):
	frappe.set_user(world.users.staff_a)
	doc = _meeting(
		world.a.network, follow_ups=[{"action": "Protokoll verteilen", "assigned_to": world.users.staff_b}]
	)
	_refused(
		doc,
		frappe.ValidationError,
		f"Follow-up #1: {world.users.staff_b} is not on the team of project GWK Test A.",
	)


def _todos(meeting):
	return frappe.get_all(
		"ToDo",
		filters={"reference_type": "Network Meeting", "reference_name": meeting},
		fields=["name", "allocated_to", "description", "date"],
		order_by="creation asc",
	)


def test_follow_ups_become_todos_once(world):
	frappe.set_user(world.users.staff_a)
	meeting = _meeting(
		world.a.network,
		minutes="<p>Vertrauliches Protokoll</p>",
		follow_ups=[
			{
				"action": "Einladung Frühjahrsputz",
				"assigned_to": world.users.staff_a,
				"due_date": add_days(today(), 7),
			},
			{"action": "Anfrage Ordnungsamt", "assigned_to": world.users.lead_a},
		],
	).insert()
	created = meeting.create_todos()
	assert len(created) == 2
	todos = _todos(meeting.name)
	assert [t.allocated_to for t in todos] == [world.users.staff_a, world.users.lead_a]
	assert "Einladung Frühjahrsputz" in todos[0].description and FOLLOW_UP_MARKER in todos[0].description
	assert str(todos[0].date) == add_days(today(), 7)
	assert all("Vertrauliches" not in t.description for t in todos)
	assert [r.todo for r in frappe.get_doc("Network Meeting", meeting.name).follow_ups] == [
		t.name for t in todos
	]

	# a second click creates nothing, and neither does a save from a form that still shows no ToDo
	assert frappe.get_doc("Network Meeting", meeting.name).create_todos() == []
	stale = frappe.get_doc("Network Meeting", meeting.name)
	for row in stale.follow_ups:
		row.todo = None
	stale.save()
	assert [r.todo for r in stale.follow_ups] == [t.name for t in todos]
	assert stale.create_todos() == []
	assert len(_todos(meeting.name)) == 2

	# a follow-up added later gets its own ToDo, the others stay as they are
	stale.append("follow_ups", {"action": "Presse informieren", "assigned_to": world.users.both})
	stale.save()
	assert len(stale.create_todos()) == 1
	assert len(_todos(meeting.name)) == 3


def test_other_project_cannot_create_the_todos(world):
	frappe.set_user(world.users.staff_a)
	meeting = _meeting(
		world.a.network, follow_ups=[{"action": "Flyer drucken", "assigned_to": world.users.staff_a}]
	).insert()
	frappe.set_user(world.users.staff_b)
	with pytest.raises(frappe.PermissionError):
		frappe.get_doc("Network Meeting", meeting.name).create_todos()
	frappe.set_user("Administrator")
	assert _todos(meeting.name) == []


def test_minutes_sit_at_permlevel_1():
	meta = frappe.get_meta("Network Meeting")
	assert meta.get_field("minutes").permlevel == 1
	levels = {(p.role, p.permlevel) for p in meta.permissions if p.read}
	assert ("GWK Staff", 1) in levels and ("GWK Carrier Manager", 0) not in levels


def test_create_todos_over_http_is_refused_for_other_project(server, world):
	staff_b = server.session(world.users.staff_b, world.password)
	before = frappe.db.count("ToDo", {"reference_type": "Network Meeting"})
	r = staff_b.post(
		f"{server.url}/api/method/run_doc_method",
		json={"dt": "Network Meeting", "dn": world.a.network_meeting, "method": "create_todos"},
	)
	assert r.status_code == 403, r.text
	staff_a = server.session(world.users.staff_a, world.password)
	r = staff_a.post(
		f"{server.url}/api/method/run_doc_method",
		json={"dt": "Network Meeting", "dn": world.a.network_meeting, "method": "create_todos"},
	)
	assert r.status_code == 200, r.text  # the team may (the world's meeting has no follow-ups)
	frappe.db.rollback()
	assert frappe.db.count("ToDo", {"reference_type": "Network Meeting"}) == before


def test_print_of_other_projects_meeting_is_refused(server, world):
	staff_a = server.session(world.users.staff_a, world.password)
	own = staff_a.get(f"{server.url}/printview", params={"doctype": "Network", "name": world.a.network})
	assert own.status_code == 200 and "Stadtteilrunde A" in own.text
	for doctype, key, marker in (
		("Network", "network", "Stadtteilrunde B"),
		("Network Meeting", "network_meeting", "Stadtteilrunde B"),
	):
		for path in ("/printview", "/api/method/frappe.utils.print_format.download_pdf"):
			r = staff_a.get(f"{server.url}{path}", params={"doctype": doctype, "name": getattr(world.b, key)})
			assert r.status_code in (403, 404), (doctype, path, r.status_code)
			assert marker not in r.text and not r.content.startswith(b"%PDF")


def test_member_rows_follow_their_network(world):
	frappe.set_user(world.users.staff_a)
	rows = frappe.get_list("Network Member", parent_doctype="Network", fields=["parent"], limit_page_length=0)
	parents = {r.parent for r in rows}
	assert world.a.network in parents and world.b.network not in parents
