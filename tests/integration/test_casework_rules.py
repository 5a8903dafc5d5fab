"""Casework rules in the bench: each bad input gets its clear, translated error and nothing is stored."""

import frappe
import pytest
from frappe.utils import add_days, today

from gwk_app.casework.tasks import FOLLOW_UP_MARKER, create_referral_follow_ups


def _rejected(doc: dict, message: str, user: str = "Administrator", lang: str = "en"):
	"""Insert `doc` as `user`; assert the error contains `message` and nothing was stored."""
	doctype = doc["doctype"]
	before = frappe.db.count(doctype)
	frappe.set_user(user)
	frappe.local.lang = lang
	with pytest.raises(frappe.ValidationError) as error:
		frappe.get_doc(doc).insert()
	frappe.set_user("Administrator")
	frappe.local.lang = "en"
	assert message in str(error.value), str(error.value)
	assert frappe.db.count(doctype) == before
	return str(error.value)


def consultation(world, **values):
	return {
		"doctype": "Consultation",
		"project": world.a.project,
		"anonymous": 1,
		"duration_minutes": 20,
		"channel": "Office Hours",
		"consultation_date": today(),
		**values,
	}


# ---------------------------------------------------------------- consultations


def test_consultation_in_the_future(world):
	_rejected(consultation(world, consultation_date=add_days(today(), 1)), "Date cannot be in the future.")


@pytest.mark.parametrize("minutes", [0, -10, 481, 10_000])
def test_consultation_duration_out_of_range(world, minutes):
	_rejected(
		consultation(world, duration_minutes=minutes), "The duration must be between 1 and 480 minutes."
	)


def test_anonymous_consultation_with_resident(world):
	_rejected(
		consultation(world, resident=world.a.resident),
		"An anonymous consultation cannot carry a name or contact data.",
		user=world.users.staff_a,
	)


@pytest.mark.parametrize("note", ["Rückruf unter 0371 1234567", "schreibt an vorname.nachname@example.org"])
def test_anonymous_consultation_with_contact_data_in_note(world, note):
	_rejected(
		consultation(world, note=note), "An anonymous consultation cannot carry a name or contact data."
	)


def test_named_consultation_needs_resident(world):
	_rejected(consultation(world, anonymous=0), "Choose the resident or mark the consultation as anonymous.")


def test_consultation_resident_from_other_project(world):
	"""A user on both teams may read both residents, but a record must not mix projects."""
	_rejected(
		consultation(world, anonymous=0, resident=world.b.resident),
		"belongs to another project",
		user=world.users.both,
	)


def test_error_messages_are_translated(world):
	message = _rejected(
		consultation(world, duration_minutes=0),
		"Die Dauer muss zwischen 1 und 480 Minuten liegen.",
		lang="de",
	)
	assert "duration" not in message


def test_valid_consultations_are_stored(world):
	frappe.set_user(world.users.staff_a)
	anonymous = frappe.get_doc(
		consultation(world, note="Fragen zum Wohngeld", topics=[{"topic": "Wohngeld"}])
	)
	anonymous.insert()
	named = frappe.get_doc(consultation(world, anonymous=0, resident=world.a.resident))
	named.insert()
	assert named.gender == "Female" and named.age_group and named.resident_name == "ZeldaA AnkerbergA"
	assert anonymous.resident_name is None and anonymous.topics[0].topic == "Wohngeld"


# ---------------------------------------------------------------- periods


def test_case_closed_before_opened(world):
	_rejected(
		{
			"doctype": "Case",
			"project": world.a.project,
			"title": "Zeitraum",
			"resident": world.a.resident,
			"status": "Closed",
			"opened_on": today(),
			"closed_on": add_days(today(), -5),
		},
		"Closed On must not be before Opened On.",
	)


def test_project_end_before_start_and_office_hours(world):
	base = {"doctype": "Community Project", "project_type": "Other", "team": []}
	_rejected(
		{**base, "project_name": "Zeitraumtest 1", "start_date": "2026-01-01", "end_date": "2025-01-01"},
		"End Date must not be before Start Date.",
	)
	_rejected(
		{
			**base,
			"project_name": "Zeitraumtest 2",
			"office_hours": [{"weekday": "Tuesday", "from_time": "18:00", "to_time": "15:00"}],
		},
		"To must not be before From.",
	)
	_rejected(
		{
			**base,
			"project_name": "Zeitraumtest 3",
			"fundings": [{"funder": "Stadt", "from_date": "2026-12-31", "to_date": "2026-01-01"}],
		},
		"To must not be before From.",
	)


def test_referral_appointment_before_referral(world):
	_rejected(
		{
			"doctype": "Referral",
			"project": world.a.project,
			"resident": world.a.resident,
			"partner": world.partner,
			"referred_on": today(),
			"appointment_date": add_days(today(), -2),
		},
		"Appointment Date must not be before Referred On.",
	)


# ---------------------------------------------------------------- case workflow


def test_case_status_change_not_allowed(world):
	case = frappe.get_doc(
		{
			"doctype": "Case",
			"project": world.a.project,
			"title": "Statusprobe",
			"resident": world.a.resident,
			"case_type": "Counselling",
		}
	).insert()
	case.status = "Closed"
	case.save()
	assert case.closed_on
	case.status = "Referred"
	with pytest.raises(frappe.ValidationError, match="A case cannot go from status Closed to Referred."):
		case.save()
	assert frappe.db.get_value("Case", case.name, "status") == "Closed"
	case.reload()
	case.status = "In Progress"  # reopening is allowed and clears the closing date
	case.save()
	assert case.closed_on is None


def test_case_parties_from_other_project_and_duplicates(world):
	base = {
		"doctype": "Case",
		"project": world.a.project,
		"title": "Nachbarn",
		"case_type": "Neighbourhood Conflict / Mediation",
		"resident": world.a.resident,
	}
	_rejected(
		{**base, "parties": [{"resident": world.b.resident, "party_role": "Other Party"}]},
		"belongs to another project",
		user=world.users.both,
	)
	_rejected(
		{**base, "parties": [{"resident": world.a.resident, "party_role": "Other Party"}]},
		"is already a party of this case",
	)


# ---------------------------------------------------------------- referrals and consent


def test_referral_passing_data_needs_consent(world):
	_rejected(
		{
			"doctype": "Referral",
			"project": world.a.project,
			"resident": world.a.other_resident,
			"partner": world.partner,
			"method": "Contact Data Passed On",
		},
		"Contact data may only be passed on to a partner with the resident's recorded consent",
		user=world.users.staff_a,
	)


def test_referral_with_consent_records_it(world):
	referral = frappe.get_doc(
		{
			"doctype": "Referral",
			"project": world.a.project,
			"resident": world.a.resident,
			"partner": world.partner,
			"method": "Appointment Made",
			"referred_on": add_days(today(), -10),
			"appointment_date": add_days(today(), -3),
		}
	).insert()
	assert referral.consent == world.a.consent
	assert referral.waiting_days == 7


def test_withdrawn_consent_stops_referral(world):
	consent = frappe.get_doc("Consent", world.a.consent)
	consent.withdrawn_on = add_days(today(), -1)
	consent.save()
	assert consent.status == "Withdrawn"
	_rejected(
		{
			"doctype": "Referral",
			"project": world.a.project,
			"resident": world.a.resident,
			"partner": world.partner,
			"method": "Contact Data Passed On",
		},
		"Contact data may only be passed on",
	)


def test_referral_resident_from_other_project(world):
	_rejected(
		{
			"doctype": "Referral",
			"project": world.a.project,
			"resident": world.b.resident,
			"partner": world.partner,
		},
		"belongs to another project",
		user=world.users.both,
	)


# ---------------------------------------------------------------- duplicates


def test_possible_duplicates_are_flagged_not_merged(world):
	values = {
		"doctype": "Resident",
		"project": world.a.project,
		"first_name": "Jürgen",
		"last_name": "Dublettenprüfer",
		"birth_year": 1966,
		"postcode": "09122",
	}
	first = frappe.get_doc(values).insert()
	second = frappe.get_doc({**values, "first_name": "juergen", "postcode": "09 122"}).insert()
	assert second.possible_duplicate == 1 and second.duplicate_candidates == first.name
	first.save()
	assert first.possible_duplicate == 1 and first.duplicate_candidates == second.name
	other_year = frappe.get_doc({**values, "birth_year": 1967}).insert()
	assert other_year.possible_duplicate == 0
	in_b = frappe.get_doc({**values, "project": world.b.project}).insert()
	assert in_b.possible_duplicate == 0, "candidates never cross projects"
	assert frappe.db.count("Resident", {"last_name": "Dublettenprüfer"}) == 4


def test_resident_needs_a_name_and_a_sane_birth_year(world):
	_rejected(
		{"doctype": "Resident", "project": world.a.project, "gender": "Female"},
		"Enter a name or a pseudonym.",
	)
	_rejected(
		{"doctype": "Resident", "project": world.a.project, "pseudonym": "Frau K.", "birth_year": 1850},
		"The birth year must lie between 1900 and",
	)
	pseudonymous = frappe.get_doc(
		{"doctype": "Resident", "project": world.a.project, "pseudonym": "Frau K.", "birth_year": 1990}
	).insert()
	assert pseudonymous.full_name == "Frau K." and pseudonymous.age_group == "30-54"


# ---------------------------------------------------------------- referral loop


def test_open_referral_becomes_follow_up_once_and_feedback_closes_it(world):
	referral = frappe.get_doc(
		{
			"doctype": "Referral",
			"project": world.a.project,
			"resident": world.a.resident,
			"partner": world.partner,
			"method": "Information Only",
			"responsible": world.users.staff_a,
			"referred_on": add_days(today(), -30),
		}
	).insert()
	fresh = frappe.get_doc(
		{
			"doctype": "Referral",
			"project": world.a.project,
			"resident": world.a.resident,
			"partner": world.partner,
			"responsible": world.users.staff_a,
			"referred_on": add_days(today(), -2),
		}
	).insert()

	def todos(name):
		return frappe.get_all(
			"ToDo",
			filters={"reference_type": "Referral", "reference_name": name},
			fields=["name", "status", "allocated_to", "description"],
		)

	create_referral_follow_ups()
	open_todos = todos(referral.name)
	assert len(open_todos) == 1 and open_todos[0].status == "Open"
	assert open_todos[0].allocated_to == world.users.staff_a
	assert FOLLOW_UP_MARKER in open_todos[0].description
	assert not todos(fresh.name), "a referral younger than the setting is not due"

	create_referral_follow_ups()
	assert len(todos(referral.name)) == 1, "running the job twice creates nothing new"

	referral.reload()
	referral.feedback_on = today()
	referral.status = "Completed"
	referral.save()
	assert [t.status for t in todos(referral.name)] == ["Closed"]
	create_referral_follow_ups()
	assert len(todos(referral.name)) == 1


def test_follow_up_days_come_from_settings(world):
	frappe.db.set_single_value("GWK Settings", "referral_feedback_days", 1)
	referral = frappe.get_doc(
		{
			"doctype": "Referral",
			"project": world.a.project,
			"resident": world.a.resident,
			"partner": world.partner,
			"responsible": world.users.staff_a,
			"referred_on": add_days(today(), -2),
		}
	).insert()
	create_referral_follow_ups()
	assert frappe.db.count("ToDo", {"reference_type": "Referral", "reference_name": referral.name}) == 1


def test_settings_reject_nonsense(world):
	settings = frappe.get_doc("GWK Settings")
	settings.small_cell_threshold = 0
	with pytest.raises(frappe.ValidationError, match="The small-cell threshold must be at least 1."):
		settings.save()


def _versions(name):
	return frappe.get_all("Version", filters={"ref_doctype": "Consultation", "docname": name}, pluck="data")


def test_versions_of_a_consultation_as_core_keeps_them(world):
	"""An insert from the desk or REST leaves no Version (core builds one only to drop it; the app skips
	building it), an edit leaves one, an insert from a Data Import (updater_reference) leaves one."""
	doc = frappe.get_doc(consultation(world, topics=[{"topic": "Wohngeld"}])).insert()
	assert _versions(doc.name) == []
	doc.duration_minutes = 35
	doc.save()
	(data,) = _versions(doc.name)
	assert "duration_minutes" in data and "35" in data
	imported = frappe.get_doc(consultation(world))
	imported.flags.updater_reference = {"doctype": "Data Import", "docname": "test", "label": "test"}
	imported.insert()
	(data,) = _versions(imported.name)
	assert "updater_reference" in data
