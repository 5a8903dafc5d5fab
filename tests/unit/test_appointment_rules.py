"""Appointment rules without a database: status transitions, overlaps, slot generation, public booking
input, reminders and figures."""

from datetime import date, datetime, timedelta

import pytest

from gwk_app.rules import appointments as r

THURSDAY = date(2026, 12, 3)


def test_status_transitions_follow_requested_confirmed_attended():
	assert r.can_transition(None, "Requested") and r.can_transition(None, "Confirmed")
	assert not r.can_transition(None, "Attended") and not r.can_transition(None, "Cancelled")
	assert r.can_transition("Requested", "Confirmed")
	assert r.can_transition("Confirmed", "Attended")
	assert r.can_transition("Confirmed", "No-Show")
	assert r.can_transition("Confirmed", "Cancelled")
	assert r.can_transition("No-Show", "Attended")
	for final in ("Attended", "Cancelled"):
		for other in r.STATUSES:
			assert r.can_transition(final, other) == (other == final)
	assert not r.can_transition("Confirmed", "Requested")
	assert not r.can_transition("Requested", "Unknown")


def test_visit_transitions():
	assert r.can_visit_transition(None, "Waiting") and not r.can_visit_transition(None, "Done")
	assert r.can_visit_transition("Waiting", "Called") and r.can_visit_transition("Called", "Done")
	assert r.can_visit_transition("Called", "Waiting")
	assert not r.can_visit_transition("Done", "Waiting") and not r.can_visit_transition("Left", "Called")


def test_overlaps_refused_touching_allowed():
	ten, eleven = datetime(2026, 12, 3, 10), datetime(2026, 12, 3, 11)
	others = [("a", datetime(2026, 12, 3, 9), ten), ("b", datetime(2026, 12, 3, 10, 30), eleven)]
	assert r.overlapping(ten, datetime(2026, 12, 3, 10, 30), others) == []
	assert r.overlapping(ten, eleven, others) == ["b"]
	assert r.overlapping(datetime(2026, 12, 3, 9, 30), datetime(2026, 12, 3, 10, 45), others) == ["a", "b"]


@pytest.mark.parametrize(
	"minutes, ok", [(0, False), (1, True), (480, True), (481, False), ("x", False), (None, False)]
)
def test_duration(minutes, ok):
	assert r.duration_ok(minutes) is ok


RULE = {
	"name": "abc123",
	"weekday": "Thursday",
	"from_time": "09:00:00",
	"to_time": "10:45:00",
	"slot_minutes": 30,
	"staff_member": "a@example.com",
	"place": "Büro",
	"channel": "In Person",
}


def test_slots_cut_the_window_and_drop_the_rest():
	slots = r.generate_slots([RULE], [], THURSDAY, THURSDAY + timedelta(days=6))
	assert [s.start.strftime("%H:%M") for s in slots] == ["09:00", "09:30", "10:00"]
	assert all(s.start.date() == THURSDAY for s in slots)
	assert slots[0].end == datetime(2026, 12, 3, 9, 30)
	assert slots[0].key == "abc123@2026-12-03T09:00"


def test_closed_days_have_no_slots():
	two_weeks = (THURSDAY, THURSDAY + timedelta(days=13))
	assert len(r.generate_slots([RULE], [], *two_weeks)) == 6
	assert len(r.generate_slots([RULE], [(THURSDAY, None)], *two_weeks)) == 3
	assert (
		r.generate_slots([RULE], [(THURSDAY - timedelta(days=1), THURSDAY + timedelta(days=8))], *two_weeks)
		== []
	)


def test_bad_rules_give_no_slots_and_a_problem():
	for change, problem in (
		({"weekday": "Funday"}, "weekday"),
		({"to_time": "08:00"}, "window"),
		({"slot_minutes": 2}, "length"),
		({"slot_minutes": 120}, "length"),
	):
		rule = {**RULE, **change}
		assert r.rule_problem(rule) == problem
		assert r.generate_slots([rule], [], THURSDAY, THURSDAY) == []
	assert r.rule_problem(RULE) is None


def test_rules_of_one_staff_member_must_not_overlap():
	other = {**RULE, "name": "b", "from_time": "10:30", "to_time": "12:00"}
	assert r.rules_overlap([RULE, other]) == ("abc123", "b")
	assert r.rules_overlap([RULE, {**other, "staff_member": "b@example.com"}]) is None
	assert r.rules_overlap([RULE, {**other, "from_time": "10:45"}]) is None


def test_free_slots_leave_out_busy_and_too_soon():
	slots = r.generate_slots([RULE], [], THURSDAY, THURSDAY)
	busy = {"a@example.com": [("x", datetime(2026, 12, 3, 9, 15), datetime(2026, 12, 3, 9, 45))]}
	free = r.free_slots(slots, busy, datetime(2026, 12, 1))
	assert [s.start.strftime("%H:%M") for s in free] == ["10:00"]
	assert r.free_slots(slots, {}, datetime(2026, 12, 3, 9, 1))[0].start.strftime("%H:%M") == "09:30"


@pytest.mark.parametrize(
	"value, parsed",
	[
		("abc123@2026-12-03T09:00", ("abc123", datetime(2026, 12, 3, 9))),
		("abc123@2026-13-03T09:00", None),
		("abc@123@2026-12-03T09:00", None),
		("<b>@2026-12-03T09:00", None),
		(["abc"], None),
		("x" * 90, None),
	],
)
def test_slot_keys(value, parsed):
	assert r.parse_slot_key(value) == parsed


@pytest.mark.parametrize(
	"args, problem",
	[
		(("Anna", "anna@example.com", None, "1"), None),
		(("Anna", None, "0371 123456", "1"), None),
		(("Anna", "anna@example.com", None, None), "consent_missing"),
		(("<b>Anna</b>", "anna@example.com", None, "1"), "markup"),
		(("<b>Anna</b>", "anna@example.com", None, None), "markup"),
		(("Anna", "javascript:alert(1)", None, "1"), "markup"),
		(("", "anna@example.com", None, "1"), "name_missing"),
		(("A" * 61, "anna@example.com", None, "1"), "name_too_long"),
		(("Anna", None, None, "1"), "contact_missing"),
		(("Anna", "not-an-address", None, "1"), "email_invalid"),
		(("Anna", None, "12", "1"), "phone_invalid"),
		(("Anna", "a" * 150 + "@example.com", None, "1"), "too_long"),
		((["Anna"], "anna@example.com", None, "1"), "invalid"),
	],
)
def test_booking_input(args, problem):
	assert r.booking_problem(*args) == problem


def test_visit_labels():
	assert r.visit_label_problem(None) is None and r.visit_label_problem("Anna") is None
	assert r.visit_label_problem("<script>") == "markup"
	assert r.visit_label_problem("x" * 41) == "too_long"
	assert r.visit_label_problem({"a": 1}) == "invalid"


def _appointment(**values):
	base = {
		"starts_on": datetime(2026, 12, 4, 10),
		"status": "Confirmed",
		"contact_consent": 1,
		"consent_recorded_on": datetime(2026, 11, 30, 9),
		"email": "anna@example.com",
	}
	return {**base, **values}


def test_reminder_only_with_consent_contact_data_and_while_open():
	assert r.reminder_allowed(_appointment())
	assert r.reminder_allowed(_appointment(status="Requested"))
	assert not r.reminder_allowed(_appointment(contact_consent=0))
	assert not r.reminder_allowed(_appointment(consent_recorded_on=None))
	for status in ("Cancelled", "Attended", "No-Show"):
		assert not r.reminder_allowed(_appointment(status=status))
	assert not r.reminder_allowed(_appointment(email=None))
	assert r.reminder_allowed(_appointment(email=None, phone="0371 123456"))


def test_the_reminder_notifications_send_by_the_rule_once_the_day_before():
	"""The standard Notifications (Frappe's daily "Days Before" run) read the controller's fields."""
	import json
	from pathlib import Path

	folder = Path(r.__file__).resolve().parents[1] / "casework" / "notification"
	email = json.loads(
		(folder / "consultation_appointment_reminder" / "consultation_appointment_reminder.json").read_text()
	)
	sms_dir = folder / "consultation_appointment_reminder_sms"
	sms = json.loads((sms_dir / "consultation_appointment_reminder_sms.json").read_text())
	for n, sent, to in ((email, "reminder_sent", "email"), (sms, "sms_reminder_sent", "phone")):
		assert (n["document_type"], n["event"], n["date_changed"], n["days_in_advance"]) == (
			"Consultation Appointment", "Days Before", "starts_on", 1,
		)  # fmt: skip
		assert n["is_standard"] == 1 and n["enabled"] == 1
		assert n["set_property_after_alert"] == sent and n["property_value"] == "1"
		assert [row["receiver_by_document_field"] for row in n["recipients"]] == [to]
		for reminded in (0, 1):
			for allowed in (0, 1):
				doc = type(
					"Doc",
					(),
					{"reminder_allowed": allowed, sent: reminded, "phone": "0371 1", "email": "a@b.de"},
				)
				assert bool(eval(n["condition"], {}, {"doc": doc})) == (allowed and not reminded)  # noqa: S307
	assert email["channel"] == "Email" and sms["channel"] == "SMS"


def test_reminder_never_names_a_special_category_topic():
	assert r.reminder_topic("Health", True) is None
	assert r.reminder_topic("Wohngeld", False) == "Wohngeld"
	assert r.reminder_topic(None, False) is None


def test_figures():
	assert r.no_show_rate(3, 1) == 25.0 and r.no_show_rate(0, 0) is None
	assert r.lead_days(datetime(2026, 12, 1, 23), datetime(2026, 12, 3, 1)) == 2
	assert r.minutes_between(datetime(2026, 12, 1, 10), datetime(2026, 12, 1, 10, 25)) == 25
	assert r.minutes_between(datetime(2026, 12, 1, 10), datetime(2026, 12, 1, 9)) is None
	assert r.median([3, 1, 2]) == 2.0 and r.median([1, 2, 3, 4]) == 2.5 and r.median([]) is None
	assert r.median_from_counts({1: 2, 5: 1}) == 1.0
	assert r.median_from_counts({1: 1, 3: 1}) == 2.0
	assert r.median_from_counts({}) is None
