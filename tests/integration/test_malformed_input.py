"""Malformed input over REST gets a clear, translated error (HTTP 4xx, never 500) and stores nothing."""

import json

import frappe
import pytest


@pytest.fixture(scope="module")
def staff_a(server, world):
	return server.session(world.users.staff_a, world.password)


def _count():
	frappe.db.rollback()
	return frappe.db.count("Consultation")


def _body(world, **values):
	return {"project": world.a.project, "anonymous": 1, "duration_minutes": 15, "channel": "Phone", **values}


@pytest.mark.parametrize(
	"values, message",
	[
		({"anonymous": "abc"}, "Anonym: Der Wert passt nicht zu einem Feld vom Typ"),
		({"duration_minutes": "NaN"}, "Dauer (Minuten): Der Wert passt nicht zu einem Feld vom Typ"),
		({"duration_minutes": {"$gt": 1}}, "Dauer (Minuten): Der Wert passt nicht zu einem Feld vom Typ"),
		({"consultation_date": "2026-02-31"}, "Datum: Der Wert passt nicht zu einem Feld vom Typ"),
		({"note": {"text": "x"}}, "Kurznotiz: Der Wert passt nicht zu einem Feld vom Typ"),
		({"channel": ["Phone"]}, "Zugangsweg: Der Wert passt nicht zu einem Feld vom Typ"),
	],
)
def test_bad_field_values(server, world, staff_a, values, message):
	"""staff_a works in German: the error names the field by its German label."""
	before = _count()
	r = staff_a.post(f"{server.url}/api/resource/Consultation", json=_body(world, **values))
	assert r.status_code == 417, r.text[:500]
	assert message in json.loads(r.json()["_server_messages"])[0]
	assert _count() == before


@pytest.mark.parametrize("body", ["[1, 2]", '"just a string"', "[]"])
def test_body_that_is_not_an_object(server, world, staff_a, body):
	before = _count()
	r = staff_a.post(
		f"{server.url}/api/resource/Consultation", data=body, headers={"Content-Type": "application/json"}
	)
	assert 400 <= r.status_code < 500, (r.status_code, r.text[:300])
	assert _count() == before


def test_error_in_german_for_a_german_user(server, world, staff_a):
	r = staff_a.post(
		f"{server.url}/api/resource/Consultation",
		json=_body(world, duration_minutes=0),
		headers={"Accept-Language": "de"},
		params={"_lang": "de"},
	)
	assert r.status_code == 417
	messages = r.json()["_server_messages"]
	assert "Die Dauer muss zwischen 1 und 480 Minuten liegen." in json.loads(messages)[0]


@pytest.mark.parametrize("rows", ["nope", 5, {"topic": "Wohngeld"}, ["Wohngeld"]])
def test_table_that_is_not_a_list_of_rows(server, world, staff_a, rows):
	before = _count()
	r = staff_a.post(f"{server.url}/api/resource/Consultation", json=_body(world, topics=rows))
	assert r.status_code == 417, (r.status_code, r.text[:300])
	assert (
		"Themen: Eine Tabelle braucht eine Liste von Zeilen." in json.loads(r.json()["_server_messages"])[0]
	)
	assert _count() == before
