"""Area observations: rules, and the map view reads only the user's projects."""

import json

import frappe
import pytest
from frappe.utils import add_days, today

from gwk_app.overrides.geo import get_coords

POINT = json.dumps(
	{
		"type": "FeatureCollection",
		"features": [
			{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [12.9, 50.8]}}
		],
	}
)


def _observation(project, district, **values):
	return frappe.get_doc(
		{
			"doctype": "Area Observation",
			"project": project,
			"district": district,
			"category": values.pop("category", "Cleanliness"),
			"observation_date": values.pop("observation_date", today()),
			"description": values.pop("description", "Sperrmüll an der Haltestelle"),
			**values,
		}
	)


def _refused(doc, error, text):
	before = frappe.db.count(doc.doctype)
	with pytest.raises(error) as info:
		doc.insert()
	assert text in str(info.value), str(info.value)
	assert frappe.db.count(doc.doctype) == before


def test_date_cannot_be_in_the_future(world):
	frappe.set_user(world.users.staff_a)
	doc = _observation(world.a.project, world.a.district, observation_date=add_days(today(), 1))
	_refused(doc, frappe.ValidationError, "Date cannot be in the future.")


def test_passed_on_needs_the_partner(world):
	frappe.set_user(world.users.staff_a)
	doc = _observation(world.a.project, world.a.district, follow_up_status="Passed On")
	_refused(doc, frappe.ValidationError, "Choose the partner the observation was passed on to.")
	doc = _observation(
		world.a.project,
		world.a.district,
		observation_date=add_days(today(), -3),
		follow_up_status="Passed On",
		passed_to=world.partner,
		passed_on_date=add_days(today(), -5),
	)
	_refused(doc, frappe.ValidationError, "Date Passed On must not be before Date.")
	ok = _observation(
		world.a.project,
		world.a.district,
		follow_up_status="Passed On",
		passed_to=world.partner,
		passed_on_date=today(),
	).insert()
	assert ok.passed_to == world.partner


def test_open_observation_keeps_no_partner(world):
	frappe.set_user(world.users.staff_a)
	doc = _observation(
		world.a.project, world.a.district, passed_to=world.partner, passed_on_date=today()
	).insert()
	assert doc.follow_up_status == "Open" and doc.passed_to is None and doc.passed_on_date is None


def test_category_must_be_from_the_list(world):
	frappe.set_user(world.users.staff_a)
	_refused(
		_observation(world.a.project, world.a.district, category="Gossip"),
		frappe.ValidationError,
		"Category cannot be",
	)


def test_no_contact_data_in_the_description(world):
	frappe.set_user(world.users.staff_a)
	doc = _observation(
		world.a.project, world.a.district, description="Anwohner erreichbar unter 0371 1234567"
	)
	_refused(doc, frappe.ValidationError, "An area observation holds no personal contact data")


def test_staff_cannot_create_observation_in_other_project(world):
	frappe.set_user(world.users.staff_a)
	_refused(_observation(world.b.project, world.b.district), frappe.PermissionError, "")


def test_location_is_stored_as_geojson(world):
	frappe.set_user(world.users.staff_a)
	doc = _observation(world.a.project, world.a.district, location=POINT).insert()
	assert json.loads(frappe.db.get_value("Area Observation", doc.name, "location"))["features"][0][
		"geometry"
	]["coordinates"] == [12.9, 50.8]


def _names(geojson):
	return {f["properties"]["name"] for f in geojson["features"]}


def test_map_shows_own_projects_only(world):
	frappe.set_user(world.users.staff_a)
	names = _names(get_coords("Area Observation", None, "location_field"))
	assert world.a.area_observation in names and world.b.area_observation not in names
	filtered = get_coords(
		"Area Observation",
		json.dumps([["Area Observation", "district", "=", world.b.district]]),
		"location_field",
	)
	assert _names(filtered) == set()
	frappe.set_user(world.users.both)
	names = _names(
		get_coords("Area Observation", json.dumps({"district": world.b.district}), "location_field")
	)
	assert world.b.area_observation in names and world.a.area_observation not in names
	districts = set(
		frappe.get_all("Area Observation", filters={"name": ("in", list(names))}, pluck="district")
	)
	assert districts == {world.b.district}
	frappe.set_user(world.users.carrier)
	with pytest.raises(frappe.PermissionError):
		get_coords("Area Observation", None, "location_field")


def test_map_endpoint_over_http(server, world):
	staff_a = server.session(world.users.staff_a, world.password)
	r = staff_a.get(
		f"{server.url}/api/method/frappe.geo.utils.get_coords",
		params={"doctype": "Area Observation", "filters": "[]", "type": "location_field"},
	)
	assert r.status_code == 200, r.text
	names = _names(r.json()["message"])
	assert world.a.area_observation in names and world.b.area_observation not in names


def test_list_view_map_settings_exist():
	from pathlib import Path

	import gwk_app

	path = Path(gwk_app.__file__).parent / "community/doctype/area_observation/area_observation_list.js"
	text = path.read_text()
	assert 'frappe.listview_settings["Area Observation"]' in text and '"Map"' in text
	assert frappe.get_meta("Area Observation").get_field("location").fieldtype == "Geolocation"


def test_print_and_export_of_other_projects_observations(server, world):
	staff_a = server.session(world.users.staff_a, world.password)
	for path in ("/printview", "/api/method/frappe.utils.print_format.download_pdf"):
		r = staff_a.get(
			f"{server.url}{path}", params={"doctype": "Area Observation", "name": world.b.area_observation}
		)
		assert r.status_code in (403, 404), (path, r.status_code)
		assert "Ladenzeile B" not in r.text and not r.content.startswith(b"%PDF")
	lead = server.session(world.users.lead_a, world.password)
	r = lead.post(
		f"{server.url}/api/method/frappe.desk.reportview.export_query",
		data={
			"doctype": "Area Observation",
			"file_format_type": "CSV",
			"fields": '["`tabArea Observation`.`name`", "`tabArea Observation`.`description`"]',
			"title": "Area Observation",
		},
	)
	assert r.status_code == 200, r.text[:300]
	assert "Ladenzeile A" in r.text and "Ladenzeile B" not in r.text
