"""Community events: every rule (bad input, error text, nothing stored), project access, recurring
series, bulk attendance, the photo-consent rule, and the public calendar over HTTP (page, iCal feed,
guest registration with waiting list)."""

import json
import re
import uuid

import frappe
import pytest
from frappe.desk.search import search_link
from frappe.utils import add_days, add_to_date, now_datetime, today

from gwk_app.api.events import mark_attendance

EVENT = "Community Event"
SERIES = "Community Event Series"


def _event(world, **values) -> dict:
	start = add_to_date(now_datetime(), days=14).replace(microsecond=0, second=0)
	return {
		"doctype": EVENT,
		"project": world.a.project,
		"title": "Nähcafé-Test",
		"event_type": "Workshop",
		"starts_on": start,
		"ends_on": add_to_date(start, hours=2),
		"district": world.a.district,
		**values,
	}


def _count(doctype=EVENT, **filters) -> int:
	return frappe.db.count(doctype, filters)


def _refused(doc_or_dict, message: str, exc=frappe.ValidationError):
	"""Insert must fail with `message` in the error, and store nothing."""
	doc = frappe.get_doc(doc_or_dict) if isinstance(doc_or_dict, dict) else doc_or_dict
	before = _count()
	before_rows = _count("Community Event Participant")
	with pytest.raises(exc) as error:
		doc.insert()
	assert message in str(error.value), str(error.value)
	assert _count() == before
	assert _count("Community Event Participant") == before_rows
	return error


# ---------------------------------------------------------------- rules of the event form


def test_valid_event_is_stored_with_counts(world):
	doc = frappe.get_doc(
		_event(
			world,
			registration_required=1,
			capacity=3,
			organisers=[{"user": world.users.staff_a}],
			partners=[{"partner": world.partner}],
			participants=[
				{"resident": world.a.resident, "status": "Attended"},
				{"guest_name": "Gast Eins", "email": "gast1@example.com", "status": "Registered"},
				{"guest_name": "Gast Zwei", "phone": "0371 555123", "status": "Waiting List"},
				{"guest_name": "Gast Drei", "status": "Absent"},
			],
			headcount_total=4,
			headcount_female=2,
			headcount_male=2,
			headcount_30_54=3,
		)
	)
	doc.insert()
	assert (doc.registered_count, doc.waiting_count, doc.attended_count) == (3, 1, 1)
	assert doc.participants[0].resident_name  # fetched from the resident
	assert all(row.registered_on for row in doc.participants)


def test_free_place_goes_to_the_first_on_the_waiting_list(world):
	doc = frappe.get_doc(
		_event(
			world,
			registration_required=1,
			capacity=1,
			participants=[
				{
					"guest_name": "Erste",
					"status": "Registered",
					"registered_on": add_to_date(now_datetime(), days=-3),
				},
				{
					"guest_name": "Spät",
					"status": "Waiting List",
					"registered_on": add_to_date(now_datetime(), days=-1),
				},
				{
					"guest_name": "Früh",
					"status": "Waiting List",
					"registered_on": add_to_date(now_datetime(), days=-2),
				},
			],
		)
	).insert()
	assert [r.status for r in doc.participants] == ["Registered", "Waiting List", "Waiting List"]
	frappe.set_user(world.users.staff_a)
	doc = frappe.get_doc(EVENT, doc.name)
	doc.participants[0].status = "Cancelled"
	frappe.clear_messages()
	doc.save()
	assert {r.guest_name: r.status for r in doc.participants} == {
		"Erste": "Cancelled",
		"Früh": "Registered",
		"Spät": "Waiting List",
	}
	assert "Moved up from the waiting list: Früh." in str(frappe.message_log)
	assert (doc.registered_count, doc.waiting_count) == (1, 1)


def test_end_before_start_is_refused(world):
	values = _event(world)
	values["ends_on"] = add_to_date(values["starts_on"], hours=-1)
	_refused(values, "Ends On must not be before Starts On.")


@pytest.mark.parametrize(
	"values, message",
	[
		(
			{"headcount_total": 10, "headcount_under_18": 6, "headcount_65_plus": 5},
			"The breakdown by age groups adds up to 11, more than the total headcount of 10.",
		),
		(
			{"headcount_total": 3, "headcount_female": 2, "headcount_male": 1, "headcount_diverse": 1},
			"The breakdown by genders adds up to 4, more than the total headcount of 3.",
		),
		(
			{"headcount_female": 1},
			"The breakdown by genders adds up to 1, more than the total headcount of 0.",
		),
		({"headcount_total": -1}, "cannot be negative"),
	],
)
def test_headcount_breakdown_must_not_exceed_total(world, values, message):
	_refused(_event(world, **values), message)


@pytest.mark.parametrize(
	"row, message",
	[
		({"status": "Registered"}, "Row 1: choose a resident or enter a guest name."),
		({"guest_name": "   "}, "Row 1: choose a resident or enter a guest name."),
		({"guest_name": "Gast", "resident": "__RESIDENT__"}, "not both"),
		({"guest_name": "<script>alert(1)</script>"}, "cannot contain HTML or script"),
		({"guest_name": "Gast <b>fett</b>"}, "cannot contain HTML or script"),
		({"guest_name": "X" * 141}, "Guest Name may have at most 140 characters"),
		({"guest_name": "Gast", "email": "kein-mail"}, "kein-mail is not a valid e-mail address."),
		({"guest_name": "Gast", "phone": "abc"}, "abc is not a valid phone number."),
	],
)
def test_bad_participant_rows_are_refused(world, row, message):
	row = {k: (world.a.resident if v == "__RESIDENT__" else v) for k, v in row.items()}
	_refused(_event(world, registration_required=1, participants=[row]), message)


def test_duplicate_participants_are_refused(world):
	_refused(
		_event(world, participants=[{"resident": world.a.resident}, {"resident": world.a.resident}]),
		"is listed twice",
	)
	_refused(
		_event(
			world,
			participants=[
				{"guest_name": "A", "email": "same@example.com"},
				{"guest_name": "B", "email": "SAME@example.com"},
			],
		),
		"is registered twice",
	)


def test_participant_from_other_project_is_refused(world):
	# as staff of project A the resident of B fails like a missing name ...
	frappe.set_user(world.users.staff_a)
	_refused(
		_event(world, participants=[{"resident": world.b.resident}]),
		"Could not find",
		frappe.LinkValidationError,
	)
	# ... and a user on both teams gets told that it belongs to another project
	frappe.set_user(world.users.both)
	_refused(_event(world, participants=[{"resident": world.b.resident}]), "belongs to another project")


# ---------------------------------------------------------------- photos and consent


def _consent(world, purpose="Photos and Publication", withdrawn_on=None, project="a") -> str:
	side = getattr(world, project)
	doc = frappe.get_doc(
		{
			"doctype": "Consent",
			"project": side.project,
			"resident": side.resident,
			"purpose": purpose,
			"given_on": add_days(today(), -20),
			"withdrawn_on": withdrawn_on,
		}
	)
	doc.insert()
	return doc.name


def _photo(**values) -> dict:
	return {"image": "/files/gwk-test-stadtteilfest.jpg", "caption": "Bühne", **values}


def test_photo_with_people_needs_photo_consent_to_be_published(world):
	message = "a photo that shows people can be published only with a consent for photos and publication"
	_refused(_event(world, photos=[_photo(shows_people=1, publish=1)]), message)
	wrong_purpose = _consent(world, purpose="Newsletter")
	_refused(_event(world, photos=[_photo(shows_people=1, publish=1, consent=wrong_purpose)]), message)
	withdrawn = _consent(world, withdrawn_on=add_days(today(), -1))
	_refused(_event(world, photos=[_photo(shows_people=1, publish=1, consent=withdrawn)]), message)

	active = _consent(world)
	doc = frappe.get_doc(
		_event(
			world,
			photos=[
				_photo(shows_people=1, publish=1, consent=active, publicity_evidence=1),
				_photo(shows_people=0, publish=1),
				_photo(
					shows_people=1, publish=0, publicity_evidence=1, image="/private/files/gwk-gruppe.jpg"
				),
			],
		)
	).insert()
	assert len(doc.photos) == 3


def test_unpublished_photo_of_people_must_be_private(world):
	_refused(
		_event(world, photos=[_photo(shows_people=1, publish=0, image="/files/gwk-gruppe.jpg")]),
		"Row 1: a photo that shows people must be uploaded as a private file unless it is published with consent.",
	)


def test_photo_consent_error_is_translated(world):
	frappe.local.lang = "de"
	frappe.local.lang_full_dict = None
	frappe.local.jenv = None
	try:
		error = _refused(_event(world, photos=[_photo(shows_people=1, publish=1)]), "Foto")
		assert "Einwilligung in Fotos und Veröffentlichung" in str(error.value)
	finally:
		frappe.local.lang = "en"
		frappe.local.lang_full_dict = None


def test_photo_consent_of_other_project_is_refused(world):
	other = _consent(world, project="b")
	frappe.set_user(world.users.staff_a)
	_refused(
		_event(world, photos=[_photo(shows_people=1, publish=1, consent=other)]),
		"Could not find",
		frappe.LinkValidationError,
	)


# ---------------------------------------------------------------- recurring series


def _series(world, side="a", **values) -> frappe._dict:
	s = getattr(world, side)
	doc = frappe.get_doc(
		{
			"doctype": SERIES,
			"project": s.project,
			"title": "Seniorengymnastik",
			"event_type": "Group Session",
			"weekday": "Tuesday",
			"start_time": "10:00:00",
			"end_time": "11:30:00",
			"from_date": add_days(today(), 1),
			"to_date": add_days(today(), 49),
			"place": "Turnhalle",
			"district": s.district,
			"published": 1,
			"registration_required": 1,
			"capacity": 12,
			**values,
		}
	)
	doc.insert()
	return doc


def test_series_generates_sessions_once(world):
	series = _series(world)
	dates = series.session_dates()
	assert 7 <= len(dates) <= 8
	frappe.set_user(world.users.staff_a)
	series = frappe.get_doc(SERIES, series.name)
	result = series.generate_sessions()
	assert len(result["created"]) == len(dates)
	sessions = frappe.get_all(
		EVENT,
		filters={"series": series.name},
		fields=["name", "series_date", "starts_on", "ends_on", "project", "capacity", "published", "status"],
		order_by="starts_on asc",
	)
	assert [s.series_date for s in sessions] == dates
	assert {s.project for s in sessions} == {world.a.project}
	assert all(
		s.starts_on.strftime("%H:%M") == "10:00" and s.ends_on.strftime("%H:%M") == "11:30" for s in sessions
	)
	assert all(s.starts_on.strftime("%A") == "Tuesday" for s in sessions)
	assert {(s.capacity, s.published, s.status) for s in sessions} == {(12, 1, "Planned")}

	# a session that was cancelled or moved stays as it is and is not made again
	moved = frappe.get_doc(EVENT, sessions[0].name)
	moved.starts_on = add_to_date(moved.starts_on, days=1)
	moved.ends_on = add_to_date(moved.ends_on, days=1)
	moved.save()
	frappe.db.set_value(EVENT, sessions[1].name, "status", "Cancelled")
	again = frappe.get_doc(SERIES, series.name).generate_sessions()
	assert again["created"] == []
	assert _count(series=series.name) == len(dates)

	# lengthening the period adds only the new dates
	series = frappe.get_doc(SERIES, series.name)
	series.to_date = add_days(series.to_date, 14)
	series.save()
	more = series.generate_sessions()
	assert len(more["created"]) == len(series.session_dates()) - len(dates)


def test_each_session_carries_its_own_attendance(world):
	series = _series(world)
	series.generate_sessions()
	first, second = frappe.get_all(
		EVENT, filters={"series": series.name}, pluck="name", order_by="starts_on asc"
	)[:2]
	doc = frappe.get_doc(EVENT, first)
	doc.append("participants", {"guest_name": "Turnerin Eins", "status": "Attended"})
	doc.save()
	assert frappe.db.get_value(EVENT, first, "attended_count") == 1
	assert frappe.db.get_value(EVENT, second, "attended_count") == 0
	assert not frappe.get_all("Community Event Participant", filters={"parent": second})


@pytest.mark.parametrize(
	"values, message",
	[
		({"to_date": add_days(today(), -5)}, "To must not be before From."),
		({"end_time": "09:00:00"}, "End Time must not be before Start Time."),
		({"interval_weeks": 0}, "Every N Weeks must be at least 1."),
		({"to_date": add_days(today(), 366 * 6)}, "A series can have at most 260 sessions."),
	],
)
def test_bad_series_is_refused(world, values, message):
	before = _count(SERIES)
	with pytest.raises(frappe.ValidationError) as error:
		_series(world, **values)
	assert message in str(error.value)
	assert _count(SERIES) == before


def test_staff_cannot_generate_sessions_of_other_project(world):
	series = _series(world, side="b")
	frappe.set_user(world.users.staff_a)
	loaded = frappe.get_doc(SERIES, series.name)
	with pytest.raises(frappe.PermissionError):
		loaded.check_permission("read")
	with pytest.raises(frappe.PermissionError):
		loaded.generate_sessions()
	# values sent along with the call do not count: the stored series decides
	loaded.project = world.a.project
	with pytest.raises(frappe.PermissionError):
		loaded.generate_sessions()
	frappe.set_user("Administrator")
	assert _count(series=series.name) == 0


# ---------------------------------------------------------------- bulk attendance


def _with_participants(world, side="a") -> frappe._dict:
	s = getattr(world, side)
	doc = frappe.get_doc(
		_event(
			world,
			project=s.project,
			district=s.district,
			registration_required=1,
			participants=[
				{"guest_name": "Anna Beispiel", "status": "Registered"},
				{"guest_name": "Bernd Probe", "status": "Registered"},
				{"resident": s.resident, "status": "Registered"},
			],
		)
	)
	doc.insert()
	return doc


def test_bulk_attendance_marks_rows_and_adds_pasted_names(world):
	doc = _with_participants(world)
	frappe.set_user(world.users.staff_a)
	result = mark_attendance(
		doc.name,
		participants=json.dumps([doc.participants[2].name]),
		names="anna  beispiel\n\nNeue Person\nNeue Person\n  Carla Test  ",
	)
	assert result == {"marked": 2, "added": 2, "attended": 4}
	rows = {r.guest_name or r.resident: r.status for r in frappe.get_doc(EVENT, doc.name).participants}
	assert rows == {
		"Anna Beispiel": "Attended",
		"Bernd Probe": "Registered",
		world.a.resident: "Attended",
		"Neue Person": "Attended",
		"Carla Test": "Attended",
	}


@pytest.mark.parametrize(
	"participants, names, message",
	[
		(None, "", "Choose participants or paste at least one name"),
		(None, "\n   \n", "Choose participants or paste at least one name"),
		(None, "Anna\n<script>alert(1)</script>", "Names cannot contain HTML or script."),
		(None, "Anna\n" + "Z" * 141, "A name in the list is longer than 140 characters."),
		(None, "\n".join(f"Person {i}" for i in range(301)), "Paste at most 300 names at once."),
		(json.dumps(["not-a-row"]), "", "The participant list is invalid."),
		(json.dumps({"a": 1}), "", "The participant list is invalid."),
	],
)
def test_bulk_attendance_rejects_bad_input(world, participants, names, message):
	doc = _with_participants(world)
	frappe.set_user(world.users.staff_a)
	with pytest.raises(frappe.ValidationError) as error:
		mark_attendance(doc.name, participants=participants, names=names)
	assert message in str(error.value)
	frappe.set_user("Administrator")
	after = frappe.get_doc(EVENT, doc.name)
	assert len(after.participants) == 3 and after.attended_count == 0


def test_bulk_attendance_needs_write_permission_on_the_event(world):
	doc = _with_participants(world, side="b")
	for user in (world.users.staff_a, world.users.carrier, "Guest"):
		frappe.set_user(user)
		with pytest.raises(frappe.PermissionError):
			mark_attendance(doc.name, names="Eindringling")
	frappe.set_user("Administrator")
	assert len(frappe.get_doc(EVENT, doc.name).participants) == 3


def test_bulk_attendance_refused_for_cancelled_event(world):
	doc = _with_participants(world)
	doc.db_set("status", "Cancelled")
	frappe.set_user(world.users.staff_a)
	with pytest.raises(frappe.ValidationError, match="cancelled event"):
		mark_attendance(doc.name, names="Anna Beispiel")


# ---------------------------------------------------------------- project access


def test_staff_reads_own_projects_events_only(world):
	mine = frappe.get_doc(_event(world, title="Fest A")).insert()
	theirs = frappe.get_doc(
		_event(world, project=world.b.project, district=world.b.district, title="Fest B")
	).insert()
	series_b = _series(world, side="b")
	frappe.set_user(world.users.staff_a)
	names = set(frappe.get_list(EVENT, pluck="name", limit_page_length=0))
	assert mine.name in names and theirs.name not in names
	assert series_b.name not in set(frappe.get_list(SERIES, pluck="name", limit_page_length=0))
	with pytest.raises(frappe.PermissionError):
		frappe.get_doc(EVENT, theirs.name).check_permission("read")
	assert not frappe.has_permission(SERIES, "read", series_b.name)
	assert theirs.name not in {r["value"] for r in search_link(EVENT, "Fest", page_length=100)}
	assert series_b.name not in {r["value"] for r in search_link(SERIES, "", page_length=100)}
	# the desk calendar reads through get_list
	from frappe.desk.calendar import get_events

	shown = get_events(
		EVENT,
		add_days(today(), -30),
		add_days(today(), 60),
		json.dumps({"start": "starts_on", "end": "ends_on", "id": "name", "title": "title"}),
	)
	shown = {r.name for r in shown}
	assert mine.name in shown and theirs.name not in shown


def test_participant_rows_follow_their_event(world):
	a = _with_participants(world)
	b = _with_participants(world, side="b")
	frappe.set_user(world.users.staff_a)
	rows = frappe.get_list(
		"Community Event Participant", parent_doctype=EVENT, fields=["parent"], limit_page_length=0
	)
	parents = {r.parent for r in rows}
	assert a.name in parents and b.name not in parents


def test_staff_cannot_create_events_or_series_in_other_project(world):
	frappe.set_user(world.users.staff_a)
	before = (_count(), _count(SERIES))
	with pytest.raises(frappe.PermissionError):
		frappe.get_doc(_event(world, project=world.b.project, district=world.b.district)).insert()
	with pytest.raises(frappe.PermissionError):
		_series(world, side="b")
	frappe.set_user("Administrator")
	assert (_count(), _count(SERIES)) == before


def test_staff_cannot_link_other_projects_series(world):
	series_b = _series(world, side="b")
	frappe.set_user(world.users.staff_a)
	_refused(_event(world, series=series_b.name), "Could not find", frappe.LinkValidationError)


# ---------------------------------------------------------------- public calendar over HTTP

MARK = uuid.uuid4().hex[:8]


def _public(world, title, **values):
	return _event(world, title=f"{title} {MARK}", published=1, **values)


@pytest.fixture(scope="module")
def public_events(world):
	"""Committed events for the web server (deleted afterwards)."""
	frappe.set_user("Administrator")
	past = add_to_date(now_datetime(), days=-3)
	specs = {
		"open": _public(world, "Frühjahrsputz", event_type="Spring Clean-up"),
		"small": _public(
			world,
			"Computerkurs",
			registration_required=1,
			capacity=1,
			public_description="Für Anfänger:innen\nLaptops sind da.",
			participants=[
				{"guest_name": "Geheime Teilnehmerin", "email": "geheim@example.com", "status": "Cancelled"}
			],
		),
		"roomy": _public(world, "Lesung", event_type="Reading", registration_required=1, capacity=50),
		"south": _public(
			world,
			"Adventsmarkt",
			project=world.b.project,
			district=world.b.district,
			event_type="Advent Market",
		),
		"markup": _public(world, "<b>Fett</b> & <script>x()</script>"),
		"hidden": _event(world, title=f"Unveröffentlicht {MARK}", registration_required=1),
		"cancelled": _public(world, "Abgesagt", status="Cancelled", registration_required=1),
		"past": _public(
			world,
			"Vorbei",
			registration_required=1,
			starts_on=add_to_date(past, hours=-2),
			ends_on=past,
		),
	}
	docs = {}
	for key, values in specs.items():
		docs[key] = frappe.get_doc(values).insert()
	frappe.db.commit()  # the web server reads committed data only
	yield frappe._dict({k: d.name for k, d in docs.items()}, titles={k: d.title for k, d in docs.items()})
	frappe.db.rollback()
	frappe.set_user("Administrator")
	names = [d.name for d in docs.values()]
	for name in names:
		frappe.delete_doc(EVENT, name, force=True, ignore_permissions=True)
	version = frappe.qb.DocType("Version")
	frappe.qb.from_(version).delete().where(
		(version.ref_doctype == EVENT) & version.docname.isin(names)
	).run()
	frappe.db.commit()  # remove the committed test events


def _reset_rate_limit():
	frappe.cache.delete(frappe.cache.make_key("rl:gwk_app.api.events.register:127.0.0.1"))


@pytest.fixture
def guest(server):
	_reset_rate_limit()
	return server.session(None)


def _participants(event: str) -> list[dict]:
	frappe.db.rollback()  # see what the server committed
	return frappe.get_all(
		"Community Event Participant",
		filters={"parent": event},
		fields=["guest_name", "email", "phone", "status", "registered_via"],
		order_by="idx asc",
	)


def test_page_lists_published_upcoming_events_only(server, world, public_events, guest):
	r = guest.get(f"{server.url}/veranstaltungen", headers={"Accept": "text/html"})
	assert r.status_code == 200
	html = r.text
	for key in ("open", "small", "roomy", "south"):
		assert public_events.titles[key] in html, key
	for key in ("hidden", "cancelled", "past"):
		assert public_events.titles[key] not in html, key
		assert public_events[key] not in html, key
	# participants and their contact data never appear
	assert "Geheime Teilnehmerin" not in html and "geheim@example.com" not in html
	# titles are escaped, never rendered as markup
	# (Frappe already escapes the script tag on save; the page escapes the rest)
	assert "<script>x()" not in html and "<b>Fett</b>" not in html
	assert "&lt;b&gt;Fett&lt;/b&gt;" in html
	# an event that takes registrations has a form, an open one says so
	assert f'data-event="{public_events.small}"' in html
	assert "No registration needed" in html or "Keine Anmeldung nötig" in html
	assert "deleted 30 days after the event" in html or "30 Tage nach der Veranstaltung gelöscht" in html


def test_page_filters_by_district(server, world, public_events, guest):
	r = guest.get(f"{server.url}/veranstaltungen", params={"district": world.b.district})
	assert r.status_code == 200
	assert public_events.titles["south"] in r.text
	assert public_events.titles["open"] not in r.text
	# an unknown district is ignored, never an error
	r = guest.get(f"{server.url}/veranstaltungen", params={"district": "<script>"})
	assert r.status_code == 200 and public_events.titles["open"] in r.text


def _unfold(text: str) -> list[str]:
	assert text.endswith("\r\n")
	raw = text.split("\r\n")[:-1]
	assert all(len(line.encode("utf-8")) <= 75 for line in raw)
	lines = []
	for line in raw:
		if line.startswith(" "):
			lines[-1] += line[1:]
		else:
			lines.append(line)
	return lines


def _vevents(lines: list[str]) -> list[dict]:
	events, current = [], None
	for line in lines:
		if line == "BEGIN:VEVENT":
			current = {}
		elif line == "END:VEVENT":
			events.append(current)
			current = None
		elif current is not None:
			key, _, value = line.partition(":")
			current[key] = value
	return events


def test_ical_feed_holds_published_upcoming_events_only(server, world, public_events, guest):
	r = guest.get(f"{server.url}/api/method/gwk_app.api.events.ical")
	assert r.status_code == 200
	assert r.headers["Content-Type"].startswith("text/calendar")
	lines = _unfold(r.content.decode("utf-8"))
	assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
	assert "VERSION:2.0" in lines and any(x.startswith("PRODID:") for x in lines)
	events = _vevents(lines)
	for event in events:
		assert {"UID", "DTSTAMP", "DTSTART", "SUMMARY"} <= set(event)
		assert re.fullmatch(r"\d{8}T\d{6}Z", event["DTSTART"])
	uids = {e["UID"].split("@")[0] for e in events}
	for key in ("open", "small", "roomy", "south", "markup"):
		assert public_events[key] in uids, key
	for key in ("hidden", "cancelled", "past"):
		assert public_events[key] not in uids, key
	assert "Geheime Teilnehmerin" not in r.text and "geheim@example.com" not in r.text
	small = next(e for e in events if e["UID"].startswith(public_events.small))
	assert small["DESCRIPTION"] == "Für Anfänger:innen\\nLaptops sind da."
	# the district filter
	r = guest.get(f"{server.url}/api/method/gwk_app.api.events.ical", params={"district": world.b.district})
	uids = {e["UID"].split("@")[0] for e in _vevents(_unfold(r.content.decode("utf-8")))}
	assert public_events.south in uids and public_events.open not in uids


def _register(guest, server, lang="en", **data):
	return guest.post(f"{server.url}/api/method/gwk_app.api.events.register", data={"_lang": lang, **data})


def _error_text(r) -> str:
	return " ".join(json.loads(m)["message"] for m in json.loads(r.json()["_server_messages"]))


BAD_REGISTRATIONS = [
	({"full_name": ""}, "Please enter your name."),
	({"full_name": "   "}, "Please enter your name."),
	({"full_name": "<script>alert(1)</script>"}, "HTML and script are not allowed"),
	({"full_name": "Erika <i>Muster</i>"}, "HTML and script are not allowed"),
	({"email": "erika@example.com<img src=x>"}, "HTML and script are not allowed"),
	({"full_name": "E" * 141}, "Your name may have at most 140 characters."),
	({"email": "e" * 140 + "@example.com"}, "too long"),
	({"email": "kein-mail"}, "Please enter a valid e-mail address."),
	({"email": "", "phone": ""}, "Please enter an e-mail address or a phone number"),
	({"email": "", "phone": "ruf mich an"}, "Please enter a valid phone number."),
	({"event": "hidden"}, "This event is not open for registration."),
	({"event": "cancelled"}, "This event is not open for registration."),
	({"event": "past"}, "This event is not open for registration."),
	({"event": "open"}, "This event is not open for registration."),  # takes no registrations
	({"event": "EVT-DOES-NOT-EXIST"}, "This event is not open for registration."),
]


@pytest.mark.parametrize("change, message", BAD_REGISTRATIONS)
def test_bad_registration_gets_clear_error_and_stores_nothing(server, public_events, guest, change, message):
	data = {"event": public_events.roomy, "full_name": "Erika Muster", "email": "erika@example.com"}
	data.update(change)
	if data["event"] in public_events:
		data["event"] = public_events[data["event"]]
	before = {key: len(_participants(public_events[key])) for key in ("roomy", "hidden", "cancelled", "past")}
	r = _register(guest, server, **data)
	assert 400 <= r.status_code < 500, (r.status_code, r.text[:300])
	assert message in _error_text(r)
	assert r.json()["exc_type"] == "ValidationError"
	after = {key: len(_participants(public_events[key])) for key in before}
	assert after == before


def test_registration_errors_are_translated(server, public_events, guest):
	r = _register(guest, server, lang="de", event=public_events.roomy, full_name="", email="x@example.com")
	assert r.status_code == 417
	assert "Bitte geben Sie Ihren Namen an." in _error_text(r)
	r = _register(
		guest, server, lang="de", event=public_events.hidden, full_name="Erika", email="x@example.com"
	)
	assert "Für diese Veranstaltung ist keine Anmeldung möglich." in _error_text(r)


def test_objects_instead_of_text_are_refused(server, public_events, guest):
	r = guest.post(
		f"{server.url}/api/method/gwk_app.api.events.register",
		json={"event": public_events.roomy, "full_name": {"a": 1}, "email": "x@example.com"},
	)
	assert 400 <= r.status_code < 500
	assert len(_participants(public_events.roomy)) == 0


def test_full_event_puts_guest_on_waiting_list(server, public_events, guest):
	event = public_events.small
	r = _register(guest, server, event=event, full_name="Erste Anmeldung", email="erste@example.com")
	assert r.status_code == 200, r.text[:300]
	assert r.json()["message"] == {"status": "Registered", "message": "Thank you, you are registered."}
	r = _register(guest, server, event=event, full_name="Zweite Anmeldung", phone="0371 987654")
	assert r.status_code == 200, r.text[:300]
	answer = r.json()["message"]
	assert answer["status"] == "Waiting List"
	assert "fully booked" in answer["message"] and "waiting list" in answer["message"]
	assert set(answer) == {"status", "message"}  # nothing about other participants
	rows = [r for r in _participants(event) if r.registered_via == "Public Registration"]
	assert [(r.guest_name, r.status) for r in rows] == [
		("Erste Anmeldung", "Registered"),
		("Zweite Anmeldung", "Waiting List"),
	]
	assert rows[0].email == "erste@example.com" and rows[1].phone == "0371 987654"
	# the page now says the event is full
	html = guest.get(f"{server.url}/veranstaltungen", params={"_lang": "en"}).text
	assert "Fully booked" in html or "Ausgebucht" in html
	# the same address again stores nothing and answers like any registration
	r = _register(guest, server, event=event, full_name="Erste Anmeldung", email="erste@example.com")
	assert r.status_code == 200 and r.json()["message"]["status"] == "Waiting List"
	assert len([r for r in _participants(event) if r.registered_via == "Public Registration"]) == 2
	frappe.db.rollback()
	assert frappe.db.get_value(EVENT, event, ["registered_count", "waiting_count"]) == (1, 1)


def test_registration_is_rate_limited(server, public_events, guest):
	limit = int(frappe.conf.get("gwk_event_registration_limit") or 20)
	codes = [
		_register(guest, server, event=public_events.roomy, full_name="", email="x@example.com").status_code
		for _ in range(limit + 1)
	]
	assert codes[:limit] == [417] * limit
	assert codes[-1] == 429
	_reset_rate_limit()


def test_guest_cannot_read_events_over_rest(server, public_events, guest):
	r = guest.get(f"{server.url}/api/resource/{EVENT}/{public_events.roomy}")
	assert r.status_code == 403
	r = guest.get(f"{server.url}/api/resource/{EVENT}", params={"fields": '["name"]'})
	assert r.status_code == 403


def test_rest_staff_of_a_cannot_read_b_events(server, world, public_events):
	staff_a = server.session(world.users.staff_a, world.password)
	r = staff_a.get(
		f"{server.url}/api/resource/{EVENT}", params={"limit_page_length": 0, "fields": '["name","project"]'}
	)
	assert r.status_code == 200
	rows = r.json()["data"]
	assert public_events.small in {x["name"] for x in rows}
	assert public_events.south not in {x["name"] for x in rows}
	assert {x["project"] for x in rows} == {world.a.project}
	r = staff_a.get(f"{server.url}/api/resource/{EVENT}/{public_events.south}")
	assert r.status_code == 403
	r = staff_a.post(
		f"{server.url}/api/method/gwk_app.api.events.mark_attendance",
		data={"event": public_events.south, "names": "Eindringling"},
	)
	assert r.status_code == 403
	assert len(_participants(public_events.south)) == 0


def test_rest_staff_of_a_cannot_create_b_events_or_series(server, world, public_events):
	staff_a = server.session(world.users.staff_a, world.password)
	frappe.db.rollback()
	before = (_count(project=world.b.project), _count(SERIES, project=world.b.project))
	start = add_to_date(now_datetime(), days=20).replace(microsecond=0)
	r = staff_a.post(
		f"{server.url}/api/resource/{EVENT}",
		json={
			"project": world.b.project,
			"title": "Eingeschleust",
			"event_type": "Other",
			"starts_on": str(start),
		},
	)
	assert r.status_code == 403, r.text[:300]
	r = staff_a.post(
		f"{server.url}/api/resource/{SERIES}",
		json={
			"project": world.b.project,
			"title": "Eingeschleust",
			"weekday": "Monday",
			"start_time": "10:00:00",
			"end_time": "11:00:00",
			"from_date": today(),
			"to_date": add_days(today(), 30),
		},
	)
	assert r.status_code == 403, r.text[:300]
	frappe.db.rollback()
	assert (_count(project=world.b.project), _count(SERIES, project=world.b.project)) == before


def test_print_and_export_of_b_events_are_refused_to_staff_of_a(server, world, public_events):
	lead_a = server.session(world.users.lead_a, world.password)
	r = lead_a.get(
		f"{server.url}/api/method/frappe.www.printview.get_html_and_style",
		params={"doc": EVENT, "name": public_events.south},
	)
	assert r.status_code == 403
	assert public_events.titles["south"] not in r.text
	r = lead_a.get(
		f"{server.url}/api/method/frappe.www.printview.get_html_and_style",
		params={"doc": EVENT, "name": public_events.roomy},
	)
	assert r.status_code == 200 and MARK in r.json()["message"]["html"]
	r = lead_a.post(
		f"{server.url}/api/method/frappe.desk.reportview.export_query",
		data={
			"doctype": EVENT,
			"file_format_type": "CSV",
			"fields": json.dumps([f"`tab{EVENT}`.`name`", f"`tab{EVENT}`.`title`"]),
			"title": EVENT,
		},
	)
	assert r.status_code == 200, r.text[:300]
	assert public_events.titles["small"] in r.text
	assert public_events.titles["south"] not in r.text


def test_guest_contact_data_is_removed_after_the_event(world):
	from gwk_app.community.tasks import clear_guest_contact_data
	from gwk_app.rules.events import GUEST_CONTACT_RETENTION_DAYS

	def event_ended(days_ago):
		end = add_to_date(now_datetime(), days=-days_ago)
		return frappe.get_doc(
			_event(
				world,
				starts_on=add_to_date(end, hours=-2),
				ends_on=end,
				status="Held",
				participants=[
					{"guest_name": "Gast Alt", "email": "alt@example.com", "phone": "0371 111111"},
					{"resident": world.a.resident, "status": "Attended"},
				],
			)
		).insert()

	old = event_ended(GUEST_CONTACT_RETENTION_DAYS + 1)
	recent = event_ended(GUEST_CONTACT_RETENTION_DAYS - 1)
	assert clear_guest_contact_data() >= 1
	old_rows = frappe.get_all(
		"Community Event Participant",
		filters={"parent": old.name},
		fields=["guest_name", "email", "phone", "resident"],
		order_by="idx asc",
	)
	assert (old_rows[0].guest_name, old_rows[0].email, old_rows[0].phone) == ("Gast Alt", None, None)
	assert old_rows[1].resident == world.a.resident
	recent_row = frappe.get_all(
		"Community Event Participant",
		filters={"parent": recent.name, "guest_name": "Gast Alt"},
		fields=["email"],
	)
	assert recent_row[0].email == "alt@example.com"
	from gwk_app import hooks

	assert "gwk_app.community.tasks.clear_guest_contact_data" in hooks.scheduler_events["daily"]


def test_series_form_links_to_its_sessions(world):
	from frappe.desk.notifications import get_open_count

	series = _series(world)
	series.generate_sessions()
	frappe.set_user(world.users.staff_a)
	counts = get_open_count(SERIES, series.name)["count"]["external_links_found"]
	found = {row["doctype"]: row["count"] for row in counts}
	assert found[EVENT] == len(series.session_dates())
