"""Event rules (gwk_app/rules/events.py): no Frappe, no database."""

from datetime import date, datetime

import pytest

from gwk_app.rules import events as ev

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
	"total, parts, exceeds",
	[(10, [3, 4, 3], False), (10, [3, 4, 4], True), (0, [], False), (None, [1], True), (5, [None, 2], False),
	 (5, ["2", "3"], False), (5, ["abc", 6], True)],
)  # fmt: skip
def test_breakdown_must_not_exceed_total(total, parts, exceeds):
	assert ev.breakdown_exceeds(total, parts) is exceeds


def test_negative_headcounts_are_found():
	assert ev.has_negative([1, -1])
	assert not ev.has_negative([0, None, 3])


def test_count_participants():
	counts = ev.count_participants(
		["Registered", "Attended", "Absent", "Waiting List", "Cancelled", "Attended"]
	)
	assert counts == {"registered": 4, "waiting": 1, "attended": 2}


@pytest.mark.parametrize(
	"taken, capacity, status",
	[(0, 2, "Registered"), (1, 2, "Registered"), (2, 2, "Waiting List"), (5, 2, "Waiting List"),
	 (100, None, "Registered"), (100, 0, "Registered")],
)  # fmt: skip
def test_registration_status_waiting_list_when_full(taken, capacity, status):
	assert ev.registration_status(taken, capacity) == status


@pytest.mark.parametrize(
	"name, email, phone, problem",
	[
		("Erika Muster", "erika@example.com", None, None),
		("Erika Muster", None, "0371 123456", None),
		("Erika Muster", "", "+49 (371) 12-34-56", None),
		("", "erika@example.com", None, "name_missing"),
		("   ", "erika@example.com", None, "name_missing"),
		(None, "erika@example.com", None, "name_missing"),
		("<script>alert(1)</script>", "erika@example.com", None, "markup"),
		("Erika <b>Muster</b>", "erika@example.com", None, "markup"),
		("Erika", "erika@example.com<script>", None, "markup"),
		("Erika", "javascript:alert(1)@x.de", None, "markup"),
		("Erika &lt;", "erika@example.com", None, "markup"),
		("E" * 141, "erika@example.com", None, "name_too_long"),
		("Erika", "e" * 140 + "@example.com", None, "too_long"),
		("Erika", None, "0" * 31, "too_long"),
		("Erika", None, None, "contact_missing"),
		("Erika", "not-an-address", None, "email_invalid"),
		("Erika", "erika@localhost", None, "email_invalid"),
		("Erika", "erika@@example.com", None, "email_invalid"),
		("Erika", None, "12345", "phone_invalid"),
		("Erika", None, "call me maybe", "phone_invalid"),
		({"x": 1}, "erika@example.com", None, "invalid"),
		("Erika", ["a@b.de"], None, "invalid"),
	],
)
def test_guest_registration_problems(name, email, phone, problem):
	assert ev.guest_registration_problem(name, email, phone) == problem


def test_name_list_from_paper():
	names, problem = ev.parse_name_list("Anna Beispiel\n\n  anna   beispiel \r\nBernd Probe\n   \nCarla Test")
	assert problem is None
	assert names == ["Anna Beispiel", "Bernd Probe", "Carla Test"]


@pytest.mark.parametrize(
	"text, problem",
	[("Anna\n<script>x</script>", "markup"), ("A" * 141, "name_too_long"),
	 ("\n".join(f"Name {i}" for i in range(ev.MAX_PASTED_NAMES + 1)), "too_many"), (None, "invalid"),
	 (["Anna"], "invalid")],
)  # fmt: skip
def test_name_list_rejects_bad_input(text, problem):
	assert ev.parse_name_list(text) == ([], problem)


def test_name_list_empty_is_no_names():
	assert ev.parse_name_list(" \n\n ") == ([], None)


def test_series_dates_weekly_and_fortnightly():
	# 2026-11-02 is a Monday
	dates = ev.series_dates(date(2026, 11, 1), date(2026, 11, 30), "Thursday")
	assert dates == [date(2026, 11, 5), date(2026, 11, 12), date(2026, 11, 19), date(2026, 11, 26)]
	assert ev.series_dates(date(2026, 11, 1), date(2026, 11, 30), "Thursday", 2) == [
		date(2026, 11, 5),
		date(2026, 11, 19),
	]
	# the first day itself counts when it is the weekday
	assert ev.series_dates(date(2026, 11, 5), date(2026, 11, 5), "Thursday") == [date(2026, 11, 5)]


def test_series_dates_empty_for_bad_input():
	assert ev.series_dates(date(2026, 11, 30), date(2026, 11, 1), "Monday") == []
	assert ev.series_dates(date(2026, 11, 1), date(2026, 11, 30), "Caturday") == []
	assert ev.series_dates(None, date(2026, 11, 30), "Monday") == []
	assert ev.series_dates(date(2026, 11, 1), date(2026, 11, 30), "Monday", 0) == ev.series_dates(
		date(2026, 11, 1), date(2026, 11, 30), "Monday", 1
	)


@pytest.mark.parametrize(
	"purpose, given, withdrawn, ok",
	[("Photos and Publication", date(2026, 1, 1), None, True),
	 ("Photos and Publication", date(2026, 1, 1), date(2026, 12, 1), True),
	 ("Photos and Publication", date(2026, 1, 1), date(2026, 11, 21), False),
	 ("Photos and Publication", date(2026, 12, 1), None, False),
	 ("Counselling", date(2026, 1, 1), None, False),
	 ("Photos and Publication", None, None, False)],
)  # fmt: skip
def test_photo_consent_in_force(purpose, given, withdrawn, ok):
	assert ev.consent_in_force(purpose, given, withdrawn, TODAY) is ok


@pytest.mark.parametrize(
	"shows_people, publish, consent_ok, allowed",
	[(1, 1, False, False), (1, 1, True, True), (0, 1, False, True), (1, 0, False, True), (0, 0, False, True)],
)
def test_photo_with_people_needs_consent_to_publish(shows_people, publish, consent_ok, allowed):
	assert ev.photo_may_be_published(shows_people, publish, consent_ok) is allowed


def test_ical_escape_and_fold():
	assert ev.ical_escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
	line = "DESCRIPTION:" + "ä" * 100
	folded = ev.ical_fold(line)
	parts = folded.split("\r\n")
	assert all(len(p.encode("utf-8")) <= 75 for p in parts)
	assert all(p.startswith(" ") for p in parts[1:])
	assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line


def test_ical_calendar_is_well_formed():
	events = [
		{
			"name": "EVT-2026-00001",
			"title": "Stadtteilfest, Nord; mit Musik",
			"starts_on": datetime(2026, 7, 4, 14, 0),
			"ends_on": datetime(2026, 7, 4, 18, 30),
			"place": "Marktplatz",
			"description": "Zeile 1\nZeile 2",
			"url": "https://example.org/veranstaltungen#EVT-2026-00001",
		},
		{"name": "EVT-2026-00002", "title": "Lesung", "starts_on": datetime(2026, 12, 1, 19, 0)},
	]
	text = ev.build_ical(events, "Europe/Berlin", datetime(2026, 6, 1, 12, 0), "example.org", "Events")
	assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
	lines = text.split("\r\n")[:-1]
	assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
	assert "VERSION:2.0" in lines and any(x.startswith("PRODID:") for x in lines)
	assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == 2
	# summer time: 14:00 in Berlin is 12:00 UTC; winter: 19:00 is 18:00 UTC
	assert "DTSTART:20260704T120000Z" in lines and "DTEND:20260704T163000Z" in lines
	assert "DTSTART:20261201T180000Z" in lines
	assert "UID:EVT-2026-00001@example.org" in lines
	assert "SUMMARY:Stadtteilfest\\, Nord\\; mit Musik" in lines
	assert "DESCRIPTION:Zeile 1\\nZeile 2" in lines
	assert lines.count("DTSTAMP:20260601T100000Z") == 2


def test_waiting_list_moves_up_in_order_of_registration():
	rows = [
		("a", "Registered", "2026-11-01 10:00:00"),
		("b", "Cancelled", "2026-11-01 11:00:00"),
		("c", "Waiting List", "2026-11-03 09:00:00"),
		("d", "Waiting List", "2026-11-02 09:00:00"),
		("e", "Waiting List", "2026-11-04 09:00:00"),
	]
	assert ev.to_move_up(rows, 1) == []
	assert ev.to_move_up(rows, 2) == ["d"]
	assert ev.to_move_up(rows, 3) == ["d", "c"]
	assert ev.to_move_up(rows, 10) == ["d", "c", "e"]
	# without a capacity nobody needs to wait
	assert ev.to_move_up(rows, 0) == ["d", "c", "e"]
	assert ev.to_move_up(rows[:2], 1) == []


@pytest.mark.parametrize(
	"shows_people, publish, consent_ok, url, must",
	[(1, 0, False, "/files/a.jpg", True), (1, 0, False, "/private/files/a.jpg", False),
	 (1, 1, True, "/files/a.jpg", False), (1, 1, False, "/files/a.jpg", True), (0, 0, False, "/files/a.jpg", False),
	 (1, 0, False, "https://example.org/a.jpg", True)],
)  # fmt: skip
def test_photo_of_people_not_cleared_must_be_private(shows_people, publish, consent_ok, url, must):
	assert ev.photo_must_be_private(shows_people, publish, consent_ok, url) is must
