"""Consultation appointments, slot rules and the office-hours waiting list in the database: every rule
of the controllers and endpoints, the consultation of an attended appointment, reminders, retention and
the figures. (Project access for the three doctypes: test_access.py; public booking: test_appointments_http.py.)"""

import email
from datetime import datetime, timedelta
from unittest import mock

import frappe
import pytest
from frappe.utils import add_days, get_datetime, getdate, now_datetime, today

from gwk_app.api import appointments as api
from gwk_app.casework import appointment_tasks as tasks
from gwk_app.casework import appointments as booking

APPOINTMENT = "Consultation Appointment"
SCHEDULE = "Consultation Schedule"
VISIT = "Office Hours Visit"


def _day(days: int, hour: int, minute: int = 0) -> datetime:
	return datetime.combine(getdate(add_days(today(), days)), datetime.min.time()).replace(
		hour=hour, minute=minute
	)


def _appointment(world, side="a", **values):
	project = getattr(world, side)
	staff = world.users.staff_a if side == "a" else world.users.staff_b
	doc = {
		"doctype": APPOINTMENT,
		"project": project.project,
		"starts_on": _day(40, 10),
		"duration_minutes": 30,
		"staff_member": staff,
		"resident": project.resident,
		"channel": "In Person",
	}
	doc.update(values)
	return frappe.get_doc(doc)


def _refused(doc, message: str, exc=frappe.ValidationError):
	with pytest.raises(exc) as error:
		doc.insert() if doc.is_new() else doc.save()
	assert message in str(error.value), str(error.value)


def test_valid_appointment_is_stored_with_end_key_and_booking_time(world):
	frappe.set_user(world.users.staff_a)
	doc = _appointment(world, topic="Wohngeld").insert()
	assert get_datetime(doc.ends_on) == _day(40, 10, 30)
	assert doc.status == "Requested" and doc.booked_via == "Staff"
	assert doc.booked_on and len(doc.cancel_key) >= 20
	assert doc.subject == frappe.db.get_value("Resident", world.a.resident, "full_name")


def test_guest_without_resident_needs_first_name_and_contact(world):
	frappe.set_user(world.users.staff_a)
	_refused(_appointment(world, resident=None), "first name and a phone number or e-mail")
	_refused(_appointment(world, resident=None, first_name="Anna"), "first name and a phone number or e-mail")
	_refused(_appointment(world, resident=None, first_name="<b>Anna</b>", phone="0371 123456"), "plain text")
	_refused(_appointment(world, resident=None, first_name="Anna", phone="12"), "valid phone number")
	doc = _appointment(
		world, resident=None, first_name=" Anna ", phone="0371 123456", contact_consent=1
	).insert()
	assert doc.first_name == "Anna" and doc.consent_recorded_on and doc.subject == "Anna"


def test_consent_is_recorded_only_while_given(world):
	doc = _appointment(world, contact_consent=1).insert()
	assert doc.consent_recorded_on
	doc.contact_consent = 0
	doc.save()
	assert doc.consent_recorded_on is None


def test_overlap_with_the_staff_members_other_appointments_is_refused(world):
	frappe.set_user(world.users.staff_a)
	_appointment(world).insert()
	_refused(_appointment(world, starts_on=_day(40, 10, 15)), "already has an appointment")
	_refused(_appointment(world, starts_on=_day(40, 9, 45)), "already has an appointment")
	touching = _appointment(world, starts_on=_day(40, 10, 30)).insert()
	assert touching.name
	# another staff member at the same time is fine
	other = _appointment(world, staff_member=world.users.lead_a).insert()
	assert other.name


def test_overlap_counts_the_staff_members_appointments_in_other_projects(world):
	"""A staff member on two teams has one calendar: B's appointment blocks the time in A."""
	_appointment(world, side="b", staff_member=world.users.both, starts_on=_day(41, 9)).insert()
	_refused(_appointment(world, staff_member=world.users.both, starts_on=_day(41, 9)), "already has")


def test_cancelled_appointment_frees_the_time(world):
	first = _appointment(world).insert()
	first.status = "Cancelled"
	first.save()
	assert first.cancelled_on
	assert _appointment(world).insert().name


def test_moving_an_appointment_onto_another_is_refused(world):
	_appointment(world).insert()
	later = _appointment(world, starts_on=_day(40, 11)).insert()
	later.starts_on = _day(40, 10)
	_refused(later, "already has an appointment")


@pytest.mark.parametrize(
	"path, refused",
	[
		(["Confirmed", "Attended"], None),
		(["Confirmed", "No-Show", "Attended"], None),
		(["Confirmed", "Requested"], "Requested"),
		(["Cancelled", "Confirmed"], "Confirmed"),
		(["Confirmed", "Attended", "No-Show"], "No-Show"),
	],
)
def test_status_transitions(world, path, refused):
	doc = _appointment(world, starts_on=_day(-1, 10)).insert()
	for status in path:
		doc.status = status
		if status == refused:
			_refused(doc, "An appointment cannot go from")
			return
		doc.save()
	assert doc.status == path[-1]


def test_new_appointment_cannot_start_attended(world):
	_refused(_appointment(world, status="Attended"), "An appointment cannot go from")


def test_staff_member_must_be_on_the_team(world):
	_refused(_appointment(world, staff_member=world.users.staff_b), "must be on the team")


def test_resident_of_other_project_fails_like_a_missing_one(world):
	frappe.set_user(world.users.staff_a)
	messages = []
	for resident in (world.b.resident, "RES-DOES-NOT-EXIST"):
		with pytest.raises(frappe.LinkValidationError) as error:
			_appointment(world, resident=resident).insert()
		messages.append(str(error.value).replace(resident, "<name>"))
	assert messages[0] == messages[1]


def test_notes_sit_at_permlevel_one():
	meta = frappe.get_meta(APPOINTMENT)
	assert meta.get_field("notes").permlevel == 1


# ---------------------------------------------------------------- attended → consultation


def test_attended_appointment_becomes_a_consultation_once(world):
	frappe.set_user(world.users.staff_a)
	doc = _appointment(world, starts_on=_day(-2, 9), duration_minutes=45, topic="Wohngeld").insert()
	with pytest.raises(frappe.ValidationError, match="Mark it as attended first"):
		api.make_consultation(doc.name)
	doc.status = "Attended"
	doc.save()
	name = api.make_consultation(doc.name)
	consultation = frappe.get_doc("Consultation", name)
	assert consultation.channel == "Appointment"
	assert consultation.resident == world.a.resident and not consultation.anonymous
	assert consultation.duration_minutes == 45
	assert [t.topic for t in consultation.topics] == ["Wohngeld"]
	assert str(consultation.consultation_date) == str(getdate(add_days(today(), -2)))
	assert consultation.staff_member == world.users.staff_a
	assert frappe.db.get_value(APPOINTMENT, doc.name, "consultation") == name
	assert api.make_consultation(doc.name) == name
	assert frappe.db.count("Consultation", {"name": name}) == 1


def test_guest_appointment_becomes_an_anonymous_consultation(world):
	doc = _appointment(
		world,
		resident=None,
		first_name="Anna",
		phone="0371 123456",
		starts_on=_day(-1, 9),
		status="Confirmed",
	).insert()
	doc.status = "Attended"
	doc.save()
	consultation = frappe.get_doc("Consultation", api.make_consultation(doc.name))
	assert consultation.anonymous and not consultation.resident


def test_other_project_cannot_make_the_consultation(world):
	doc = _appointment(world, starts_on=_day(-1, 9), status="Confirmed").insert()
	doc.status = "Attended"
	doc.save()
	frappe.set_user(world.users.staff_b)
	with pytest.raises(frappe.PermissionError):
		api.make_consultation(doc.name)


# ---------------------------------------------------------------- slot rules


def _schedule(world, rules, closed=None):
	doc = frappe.get_doc(SCHEDULE, world.a.consultation_schedule)
	doc.slot_rules = []
	for rule in rules:
		doc.append("slot_rules", {"staff_member": world.users.staff_a, "slot_minutes": 30, **rule})
	doc.closed_days = []
	for row in closed or []:
		doc.append("closed_days", row)
	return doc


@pytest.mark.parametrize(
	"rules, message",
	[
		([{"weekday": "Monday", "from_time": "10:00", "to_time": "09:00"}], "To must be after From"),
		([{"weekday": "Monday", "from_time": "10:00", "to_time": "10:20"}], "slot length must fit"),
		(
			[
				{"weekday": "Monday", "from_time": "09:00", "to_time": "11:00"},
				{"weekday": "Monday", "from_time": "10:30", "to_time": "12:00"},
			],
			"overlap",
		),
	],
)
def test_bad_slot_rules_are_refused(world, rules, message):
	_refused(_schedule(world, rules), message)


def test_slot_rule_staff_member_must_be_on_the_team(world):
	doc = _schedule(world, [{"weekday": "Monday", "from_time": "09:00", "to_time": "10:00"}])
	doc.slot_rules[0].staff_member = world.users.staff_b
	_refused(doc, "must be on the team")


def test_closed_day_end_before_start_is_refused(world):
	doc = _schedule(
		world,
		[{"weekday": "Monday", "from_time": "09:00", "to_time": "10:00"}],
		[{"closed_from": add_days(today(), 5), "closed_to": add_days(today(), 2)}],
	)
	_refused(doc, "must not be before")


def test_free_slots_leave_out_booked_closed_and_too_soon(world):
	day = getdate(add_days(today(), 3))
	weekday = day.strftime("%A")
	doc = _schedule(world, [{"weekday": weekday, "from_time": "09:00", "to_time": "11:00"}])
	doc.published = 1
	doc.min_lead_hours = 0
	doc.save()
	slots = [s for s in booking.free_public_slots(world.a.project) if getdate(s["start"]) == day]
	assert [s["start"][11:16] for s in slots] == ["09:00", "09:30", "10:00", "10:30"]
	assert all(set(s) == {"slot", "start", "end", "channel", "place"} for s in slots)
	_appointment(
		world, starts_on=datetime.combine(day, datetime.min.time()).replace(hour=9, minute=30)
	).insert()
	slots = [s for s in booking.free_public_slots(world.a.project) if getdate(s["start"]) == day]
	assert [s["start"][11:16] for s in slots] == ["09:00", "10:00", "10:30"]
	doc.reload()
	doc.append("closed_days", {"closed_from": day, "reason": "Betriebsausflug"})
	doc.save()
	assert not [s for s in booking.free_public_slots(world.a.project) if getdate(s["start"]) == day]


def test_unpublished_schedule_offers_nothing(world):
	assert booking.free_public_slots(world.b.project) is None
	assert world.b.project not in booking.public_projects()


# ---------------------------------------------------------------- waiting list


def test_walk_ins_are_queued_called_in_order_and_closed_into_the_quick_entry(world):
	frappe.set_user(world.users.staff_a)
	first = api.add_walk_in(world.a.project, "Anna")
	second = api.add_walk_in(world.a.project)
	assert second["queue_number"] == first["queue_number"] + 1
	assert second["label"] == str(second["queue_number"])
	frappe.db.set_value(VISIT, first["name"], "arrived_at", now_datetime() - timedelta(minutes=20))
	queue = api.waiting_list(world.a.project)
	assert queue["waiting"] >= 2 and queue["longest_wait"] >= 20
	called = api.call_next(world.a.project)
	assert called["name"] == world.a.office_hours_visit or called["queue_number"] < second["queue_number"]
	while called and called["name"] != first["name"]:
		called = api.call_next(world.a.project)
	assert called["status"] == "Called" and called["waiting_minutes"] >= 20
	entry = api.close_visit(first["name"])
	assert entry["project"] == world.a.project and entry["channel"] == "Office Hours"
	assert entry["consultation_date"] == today() and entry["duration_minutes"] >= 5
	assert frappe.db.get_value(VISIT, first["name"], "status") == "Done"
	api.link_visit_consultation(first["name"], world.a.anonymous_consultation)
	assert frappe.db.get_value(VISIT, first["name"], "consultation") == world.a.anonymous_consultation


def test_waiting_list_refuses_markup_long_labels_and_finished_visits(world):
	frappe.set_user(world.users.staff_a)
	for label in ("<script>x</script>", "x" * 41):
		with pytest.raises(frappe.ValidationError, match="only a first name or a number"):
			api.add_walk_in(world.a.project, label)
	visit = api.add_walk_in(world.a.project, "Ben")
	api.set_visit_status(visit["name"], "Left")
	with pytest.raises(frappe.ValidationError, match="A visit cannot go from"):
		api.set_visit_status(visit["name"], "Called")
	with pytest.raises(frappe.ValidationError):
		api.set_visit_status(visit["name"], "Nonsense")


def test_waiting_list_of_other_project_is_refused(world):
	frappe.set_user(world.users.staff_a)
	with pytest.raises(frappe.PermissionError):
		api.waiting_list(world.b.project)
	with pytest.raises(frappe.PermissionError):
		api.add_walk_in(world.b.project, "Anna")
	with pytest.raises(frappe.PermissionError):
		api.set_visit_status(world.b.office_hours_visit, "Called")
	frappe.set_user(world.users.carrier)
	with pytest.raises(frappe.PermissionError):
		api.waiting_list(world.a.project)


# ---------------------------------------------------------------- reminders


@pytest.fixture
def mail_queue():
	"""A default outgoing account (rolled back with the test): reminders go to the Email Queue."""
	frappe.get_doc(
		{
			"doctype": "Email Account",
			"email_account_name": "GWK Test Termine",
			"email_id": "termine@example.com",
			"enable_outgoing": 1,
			"default_outgoing": 1,
			"smtp_server": "smtp.example.invalid",
			"no_smtp_authentication": 1,
		}
	).insert(ignore_permissions=True)
	yield
	# Frappe keeps the outgoing account in frappe.local: forget it, the rollback removes the account
	frappe.local.outgoing_email_account = {}


def _queued(name: str) -> list[dict]:
	"""The queued mails of an appointment, with their text decoded (the queue holds raw MIME)."""
	rows = frappe.get_all(
		"Email Queue",
		filters={"reference_doctype": APPOINTMENT, "reference_name": name},
		fields=["name", "message"],
	)
	for row in rows:
		mail = email.message_from_string(row.message)
		row.message = " ".join(
			part.get_payload(decode=True).decode()
			for part in mail.walk()
			if part.get_content_type() in ("text/plain", "text/html")
		)
	return rows


def _send_reminders():
	"""Frappe's own daily run of the "Days Before" Notifications (the scheduler's trigger_daily_alerts),
	without the commit it makes after each document (the test's changes are rolled back)."""
	from frappe.email.doctype.notification.notification import trigger_daily_alerts

	with mock.patch.object(frappe.db, "commit"):
		trigger_daily_alerts()


def test_reminder_is_queued_once_and_only_with_consent(world, mail_queue):
	tomorrow = _day(1, 8)
	with_consent = _appointment(
		world,
		resident=None,
		first_name="Anna",
		email="anna@example.com",
		contact_consent=1,
		starts_on=tomorrow,
	).insert()
	without = _appointment(
		world,
		resident=None,
		first_name="Ben",
		email="ben@example.com",
		starts_on=tomorrow + timedelta(hours=1),
	).insert()
	later = _appointment(
		world,
		resident=None,
		first_name="Cem",
		email="cem@example.com",
		contact_consent=1,
		starts_on=_day(2, 8),
	).insert()
	_send_reminders()
	_send_reminders()
	assert len(_queued(with_consent.name)) == 1
	assert _queued(without.name) == [] and _queued(later.name) == []
	assert frappe.db.get_value(APPOINTMENT, with_consent.name, "reminder_sent_on")
	message = _queued(with_consent.name)[0].message
	assert with_consent.cancel_key in message


def test_reminder_never_names_a_special_category_topic(world, mail_queue):
	special = _appointment(
		world,
		resident=None,
		first_name="Anna",
		email="anna@example.com",
		contact_consent=1,
		topic="Gesundheit",
		notes="Diagnose vertraulich",
		starts_on=_day(1, 8),
	).insert()
	plain = _appointment(
		world,
		resident=None,
		first_name="Ben",
		email="ben@example.com",
		contact_consent=1,
		topic="Wohngeld",
		starts_on=_day(1, 9),
	).insert()
	_send_reminders()
	text = _queued(special.name)[0].message
	assert "Gesundheit" not in text and "Diagnose" not in text
	assert "Wohngeld" in _queued(plain.name)[0].message


def test_cancelled_appointment_gets_no_reminder(world, mail_queue):
	doc = _appointment(world, email="anna@example.com", contact_consent=1, starts_on=_day(1, 8)).insert()
	doc.status = "Cancelled"
	doc.save()
	_send_reminders()
	assert _queued(doc.name) == []


def test_resident_is_reminded_through_their_own_contact_data(world, mail_queue):
	frappe.db.set_value("Resident", world.a.resident, "email", "zelda@example.com")
	doc = _appointment(world, contact_consent=1, starts_on=_day(1, 8)).insert()
	_send_reminders()
	assert len(_queued(doc.name)) == 1


def test_sms_only_where_sms_settings_are_configured(world, mail_queue):
	"""Frappe's send_sms sends through the gateway of SMS Settings, and nothing where none is set."""
	gateway = "frappe.core.doctype.sms_settings.sms_settings.send_via_gateway"
	doc = _appointment(
		world, resident=None, first_name="Anna", phone="0371 123456", contact_consent=1, starts_on=_day(1, 8)
	).insert()
	with mock.patch(gateway) as send:
		_send_reminders()
		assert not send.called
	assert frappe.db.get_value(APPOINTMENT, doc.name, "sms_reminder_sent") == 1
	frappe.db.set_value(APPOINTMENT, doc.name, "sms_reminder_sent", 0)
	frappe.db.set_single_value("SMS Settings", "sms_gateway_url", "https://sms.example.invalid/send")
	with mock.patch(gateway) as send:
		_send_reminders()
		_send_reminders()
		assert send.call_count == 1
		arg = send.call_args.args[0]
		assert arg["receiver_list"] == ["0371123456"]
		text = arg["message"].decode()
		assert doc.cancel_key in text and "Gesundheit" not in text


def test_reminders_are_frappe_notifications_of_the_app():
	"""The two standard Notifications are on the site, enabled, for the appointment's start."""
	rows = frappe.get_all(
		"Notification",
		filters={"document_type": APPOINTMENT},
		fields=["name", "channel", "event", "date_changed", "days_in_advance", "enabled", "is_standard"],
		order_by="name asc",
	)
	assert [
		(r.channel, r.event, r.date_changed, r.days_in_advance, r.enabled, r.is_standard) for r in rows
	] == [
		("Email", "Days Before", "starts_on", 1, 1, 1),
		("SMS", "Days Before", "starts_on", 1, 1, 1),
	]


def test_reminder_flag_follows_the_rule(world):
	doc = _appointment(
		world, resident=None, first_name="Anna", email="anna@example.com", starts_on=_day(3, 8)
	)
	doc.insert()
	assert doc.reminder_allowed == 0  # no consent
	doc.contact_consent = 1
	doc.save()
	assert doc.reminder_allowed == 1
	doc.status = "Cancelled"
	doc.save()
	assert doc.reminder_allowed == 0


# ---------------------------------------------------------------- retention and privacy


def test_guest_contact_data_is_removed_after_the_retention_period(world):
	old = _appointment(
		world,
		resident=None,
		first_name="Anna",
		phone="0371 123456",
		starts_on=_day(-40, 9),
		status="Confirmed",
	).insert()
	recent = _appointment(
		world, resident=None, first_name="Ben", phone="0371 654321", starts_on=_day(-5, 9), status="Confirmed"
	).insert()
	visit = api.add_walk_in(world.a.project, "Carla")
	frappe.db.set_value(VISIT, visit["name"], "visit_date", add_days(today(), -3))
	tasks.clear_guest_contact_data()
	assert frappe.db.get_value(APPOINTMENT, old.name, ["first_name", "phone", "subject"]) == (
		None,
		None,
		None,
	)
	assert frappe.db.get_value(APPOINTMENT, recent.name, "first_name") == "Ben"
	assert frappe.db.get_value(VISIT, visit["name"], ["label", "queue_number"]) == (
		None,
		visit["queue_number"],
	)
	assert frappe.db.exists(APPOINTMENT, old.name)


def test_appointments_are_in_the_art15_export_and_erased(world):
	"""(The full-site scan after an erasure covers appointments too: test_privacy_erasure.py.)"""
	from gwk_app.privacy.erasure import erase
	from gwk_app.privacy.export import collect

	doc = _appointment(world, notes="Vertrauliche Terminnotiz", email="zelda@example.com").insert()
	assert doc.name in {r["name"] for r in collect(world.a.resident)["records"][APPOINTMENT]}
	erase(world.a.resident)
	row = frappe.db.get_value(APPOINTMENT, doc.name, ["notes", "email", "subject"], as_dict=True)
	assert "Vertrauliche" not in str(row.notes or "") and "zelda" not in str(row.email or "")
	assert frappe.db.get_value(APPOINTMENT, doc.name, "status") == "Requested"


# ---------------------------------------------------------------- figures


def test_appointment_figures_count_booked_attended_no_show_lead_and_waiting(world):
	from gwk_app.reports.report.appointment_figures import appointment_figures as report

	month_start = getdate(today()).replace(day=1)
	base = datetime.combine(month_start, datetime.min.time())
	made = []
	for i, status in enumerate(("Attended", "Attended", "Attended", "No-Show", "Cancelled")):
		doc = _appointment(world, starts_on=base.replace(hour=6 + i), status="Confirmed").insert()
		doc.db_set("booked_on", base - timedelta(days=2 + i))
		if status != "Confirmed":
			doc.reload()
			doc.status = status
			doc.save()
		made.append(doc)
	visit = api.add_walk_in(world.a.project, "Dana")
	frappe.db.set_value(VISIT, visit["name"], {"visit_date": month_start, "waiting_minutes": 12})
	frappe.set_user(world.users.lead_a)
	before = {r["month"]: r for r in report.get_data([world.b.project], month_start, month_start)}
	columns, rows, _m, _chart, summary = report.execute(
		{"project": world.a.project, "from_date": str(month_start), "to_date": str(month_start)}
	)
	row = next(r for r in rows if r.get("month") == month_start.strftime("%Y-%m"))
	assert row["booked"] == 5 and row["attended"] == 3 and row["no_show"] == 1 and row["cancelled"] == 1
	assert row["no_show_rate"] == 25.0
	assert row["lead_days"] == 3.5  # 2, 3, 4, 5 days (the cancelled one does not count)
	assert row["walk_ins"] >= 1 and row["waiting_minutes"] is not None
	assert before == {}
	with pytest.raises(frappe.PermissionError):
		report.execute({"project": world.b.project})


def test_carrier_overview_has_an_appointments_column(world):
	from gwk_app.reports.report.carrier_overview import carrier_overview

	month_start = getdate(today()).replace(day=1)
	for hour in (6, 7, 8, 9):
		doc = _appointment(
			world,
			starts_on=datetime.combine(month_start, datetime.min.time()).replace(hour=hour),
			status="Confirmed",
		).insert()
		doc.status = "Attended"
		doc.save()
	frappe.set_user(world.users.carrier)
	columns, rows, *_ = carrier_overview.execute({"from_date": str(month_start), "to_date": str(month_start)})
	assert "appointments" in {c["fieldname"] for c in columns}
	row = next(r for r in rows if r.get("project") == world.a.project)
	assert row["appointments"] == 4
