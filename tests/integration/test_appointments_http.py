"""Public booking over HTTP: the page /termine shows free slots and nothing personal, bad input gets a
clear error and stores nothing, a taken slot is refused with the next free ones, 20 guests racing for
one slot get it exactly once, the cancellation link frees the slot, and the endpoints are rate-limited."""

import json
import threading
from datetime import datetime, timedelta

import frappe
import pytest
from frappe.utils import add_days, getdate, today

APPOINTMENT = "Consultation Appointment"
SCHEDULE = "Consultation Schedule"
BOOK = "/api/method/gwk_app.api.appointments.book"
CANCEL = "/api/method/gwk_app.api.appointments.cancel_booking"


def _reset_rate_limit():
	for method in ("book", "cancel_booking"):
		frappe.cache.delete(frappe.cache.make_key(f"rl:gwk_app.api.appointments.{method}:127.0.0.1"))


def _cleanup(project: str, staff: str, day):
	frappe.db.rollback()
	names = frappe.get_all(
		APPOINTMENT,
		filters={
			"project": project,
			"staff_member": staff,
			"starts_on": ("between", [day, add_days(day, 1)]),
		},
		pluck="name",
	)
	for name in names:
		frappe.delete_doc(APPOINTMENT, name, force=True, ignore_permissions=True)
	frappe.db.delete(
		"Notification Log", {"document_type": APPOINTMENT, "document_name": ("in", names or [""])}
	)
	frappe.db.commit()


@pytest.fixture(scope="module")
def booking(world):
	"""Project A publishes one morning (07:00–08:30, three slots of 30 minutes) four days ahead."""
	day = getdate(add_days(today(), 4))
	doc = frappe.get_doc(SCHEDULE, world.a.consultation_schedule)
	saved = [r.as_dict() for r in doc.slot_rules]
	doc.published = 1
	doc.min_lead_hours = 0
	doc.booking_days = 7
	doc.public_intro = "Beratung nach Absprache"
	doc.slot_rules = []
	doc.append(
		"slot_rules",
		{
			"weekday": day.strftime("%A"),
			"from_time": "07:00",
			"to_time": "08:30",
			"slot_minutes": 30,
			"staff_member": world.users.staff_a,
			"place": "Stadtteilbüro",
		},
	)
	doc.save()
	frappe.db.commit()
	rule = doc.slot_rules[0].name
	_cleanup(world.a.project, world.users.staff_a, day)
	yield frappe._dict(
		day=day, rule=rule, project=world.a.project, slot=lambda hh_mm: f"{rule}@{day}T{hh_mm}"
	)
	_cleanup(world.a.project, world.users.staff_a, day)
	doc = frappe.get_doc(SCHEDULE, world.a.consultation_schedule)
	doc.published = 0
	doc.public_intro = None
	doc.slot_rules = []
	for row in saved:
		doc.append(
			"slot_rules",
			{k: row[k] for k in ("weekday", "from_time", "to_time", "slot_minutes", "staff_member")},
		)
	doc.save()
	frappe.db.commit()


@pytest.fixture
def guest(server, booking):
	_reset_rate_limit()
	_cleanup(
		booking.project,
		frappe.db.get_value("Consultation Schedule Slot", booking.rule, "staff_member"),
		booking.day,
	)
	return server.session(None)


def _booked(booking) -> list[dict]:
	frappe.db.rollback()
	return frappe.get_all(
		APPOINTMENT,
		filters={
			"project": booking.project,
			"starts_on": ("between", [booking.day, add_days(booking.day, 1)]),
		},
		fields=[
			"name",
			"starts_on",
			"status",
			"first_name",
			"email",
			"phone",
			"contact_consent",
			"booked_via",
		],
	)


def _book(guest, server, booking, lang="en", **data):
	body = {
		"_lang": lang,
		"project": booking.project,
		"slot": booking.slot("07:00"),
		"first_name": "Erika",
		"email": "erika@example.com",
		"consent": "1",
	}
	body.update(data)
	return guest.post(f"{server.url}{BOOK}", data=body)


def _error_text(r) -> str:
	return " ".join(json.loads(m)["message"] for m in json.loads(r.json()["_server_messages"]))


def test_page_lists_projects_and_free_slots_and_nothing_personal(server, world, booking, guest):
	r = guest.get(f"{server.url}/termine")
	assert r.status_code == 200 and booking.project in r.text
	r = _book(guest, server, booking, first_name="Geheimname", email="geheim@example.com")
	assert r.status_code == 200, r.text[:300]
	r = guest.get(f"{server.url}/termine", params={"projekt": booking.project})
	assert r.status_code == 200
	page = r.text
	assert "Beratung nach Absprache" in page and "Stadtteilbüro" in page
	assert booking.slot("07:30") in page and booking.slot("08:00") in page
	assert booking.slot("07:00") not in page  # booked
	for private in ("Geheimname", "geheim@example.com", world.users.staff_a, "Staff-A", "Ankerberg"):
		assert private not in page, private
	r = guest.get(f"{server.url}/termine", params={"projekt": world.b.project})
	assert booking.slot("07:30") not in r.text and "Ankerberg" not in r.text


def test_free_slots_endpoint_shows_time_channel_and_place_only(server, booking, guest):
	r = guest.get(
		f"{server.url}/api/method/gwk_app.api.appointments.slots", params={"project": booking.project}
	)
	assert r.status_code == 200, r.text[:300]
	slots = [s for s in r.json()["message"] if s["slot"].startswith(booking.rule)]
	assert [s["start"][11:16] for s in slots] == ["07:00", "07:30", "08:00"]
	assert all(set(s) == {"slot", "start", "end", "channel", "place"} for s in slots)


def test_booking_stores_one_requested_appointment_with_consent(server, world, booking, guest):
	r = _book(guest, server, booking, phone="0371 123456")
	assert r.status_code == 200, r.text[:300]
	answer = r.json()["message"]
	assert answer["status"] == "Booked" and "/termine?absagen=" in answer["cancel_url"]
	rows = _booked(booking)
	assert len(rows) == 1
	row = rows[0]
	assert (row.status, row.first_name, row.email, row.phone, row.contact_consent, row.booked_via) == (
		"Requested", "Erika", "erika@example.com", "0371 123456", 1, "Public Booking",
	)  # fmt: skip
	doc = frappe.get_doc(APPOINTMENT, row.name)
	assert doc.staff_member == world.users.staff_a and doc.consent_recorded_on and doc.consent_text
	assert doc.place == "Stadtteilbüro" and doc.duration_minutes == 30


BAD_BOOKINGS = [
	({"first_name": ""}, "Please enter your first name."),
	({"first_name": "<script>alert(1)</script>"}, "HTML and script are not allowed"),
	({"first_name": "Erika <b>M</b>"}, "HTML and script are not allowed"),
	({"email": "erika@example.com<img src=x>"}, "HTML and script are not allowed"),
	({"first_name": "E" * 61}, "at most 60 characters"),
	({"email": "e" * 140 + "@example.com"}, "too long"),
	({"email": "kein-mail"}, "valid e-mail address"),
	({"email": "", "phone": ""}, "e-mail address or a phone number"),
	({"email": "", "phone": "ruf mich an"}, "valid phone number"),
	({"consent": ""}, "agree to be contacted"),
	({"slot": "nonsense"}, "choose one of the free times"),
	({"slot": "abc@2026-02-30T07:00"}, "choose one of the free times"),
	({"project": "GWK Test B"}, "offers no online booking"),
	({"project": "DOES-NOT-EXIST"}, "offers no online booking"),
]


@pytest.mark.parametrize("change, message", BAD_BOOKINGS)
def test_bad_booking_gets_clear_error_and_stores_nothing(server, booking, guest, change, message):
	before = frappe.db.count(APPOINTMENT)
	r = _book(guest, server, booking, **change)
	assert 400 <= r.status_code < 500, (r.status_code, r.text[:300])
	assert message in _error_text(r)
	frappe.db.rollback()
	assert frappe.db.count(APPOINTMENT) == before


def test_objects_instead_of_text_are_refused(server, booking, guest):
	before = frappe.db.count(APPOINTMENT)
	r = guest.post(
		f"{server.url}{BOOK}",
		json={
			"project": booking.project,
			"slot": booking.slot("07:00"),
			"first_name": {"a": 1},
			"consent": "1",
		},
	)
	assert 400 <= r.status_code < 500
	frappe.db.rollback()
	assert frappe.db.count(APPOINTMENT) == before


def test_booking_errors_are_translated(server, booking, guest):
	r = _book(guest, server, booking, lang="de", first_name="")
	assert "Bitte geben Sie Ihren Vornamen ein." in _error_text(r)


def test_a_slot_outside_the_rules_is_refused(server, booking, guest):
	for slot in (
		booking.slot("07:10"),
		booking.slot("09:00"),
		f"{booking.rule}@{add_days(booking.day, 1)}T07:00",
	):
		r = _book(guest, server, booking, slot=slot)
		assert r.status_code == 409, (slot, r.text[:300])
	assert _booked(booking) == []


def test_taken_slot_is_refused_with_the_next_free_ones(server, booking, guest):
	assert _book(guest, server, booking).status_code == 200
	r = _book(guest, server, booking, first_name="Zweite", email="zweite@example.com")
	assert r.status_code == 409, r.text[:300]
	answer = r.json()["message"]
	assert answer["status"] == "Taken" and "just been booked by someone else" in answer["message"]
	mine = [s for s in answer["next_slots"] if s["slot"].startswith(booking.rule)]
	assert [s["start"][11:16] for s in mine][:2] == ["07:30", "08:00"]
	assert [r.first_name for r in _booked(booking)] == ["Erika"]


def test_staff_booking_takes_the_slot_too(server, world, booking, guest):
	frappe.get_doc(
		{
			"doctype": APPOINTMENT,
			"project": world.a.project,
			"starts_on": datetime.combine(booking.day, datetime.min.time()) + timedelta(hours=7, minutes=30),
			"duration_minutes": 45,
			"staff_member": world.users.staff_a,
			"resident": world.a.resident,
		}
	).insert()
	frappe.db.commit()
	# 07:30–08:15 blocks the 07:30 and the 08:00 slot
	assert _book(guest, server, booking, slot=booking.slot("07:30")).status_code == 409
	assert _book(guest, server, booking, slot=booking.slot("08:00")).status_code == 409
	assert _book(guest, server, booking, slot=booking.slot("07:00")).status_code == 200


def test_twenty_guests_racing_for_one_slot_get_it_once(server, booking, guest):
	results = []
	start = threading.Barrier(20)

	def attempt(i):
		session = server.session(None)
		start.wait()
		r = _book(session, server, booking, first_name=f"Gast{i}", email=f"gast{i}@example.com")
		results.append((r.status_code, r.json().get("message")))

	threads = [threading.Thread(target=attempt, args=(i,)) for i in range(20)]
	for t in threads:
		t.start()
	for t in threads:
		t.join(120)
	codes = sorted(code for code, _m in results)
	assert len(results) == 20
	assert codes.count(200) == 1, codes
	assert codes.count(409) == 19, codes
	assert all(m["status"] == "Taken" and m["next_slots"] for code, m in results if code == 409)
	assert len(_booked(booking)) == 1


def test_cancellation_link_frees_the_slot(server, booking, guest):
	r = _book(guest, server, booking)
	url = r.json()["message"]["cancel_url"]
	key = url.split("absagen=")[1]
	page = guest.get(f"{server.url}/termine", params={"absagen": key})
	assert page.status_code == 200 and "Erika" not in page.text
	assert "Den Termin absagen" in page.text or "Cancel the Appointment" in page.text
	r = guest.post(f"{server.url}{CANCEL}", data={"key": key})
	assert r.status_code == 200 and r.json()["message"]["status"] == "Cancelled", r.text[:300]
	assert [row.status for row in _booked(booking)] == ["Cancelled"]
	assert _book(guest, server, booking, first_name="Nachrückerin").status_code == 200
	for bad in ("x" * 32, "", "<script>"):
		r = guest.post(f"{server.url}{CANCEL}", data={"key": bad, "_lang": "en"})
		assert r.status_code == 417 and "not valid" in _error_text(r)


def test_booking_is_rate_limited(server, booking, guest):
	limit = int(frappe.conf.get("gwk_appointment_booking_limit") or 30)
	codes = [_book(guest, server, booking, first_name="").status_code for _ in range(limit + 1)]
	assert codes[:limit] == [417] * limit
	assert codes[limit] == 429
	_reset_rate_limit()


def test_guest_reads_no_appointments_over_rest(server, booking, guest):
	for path in (
		f"/api/resource/{APPOINTMENT}",
		f"/api/resource/{SCHEDULE}",
		"/api/resource/Office Hours Visit",
	):
		r = guest.get(f"{server.url}{path}")
		assert r.status_code == 403, (path, r.status_code)
