"""Data protection: consent and its withdrawal, the consent form, ESF participant records, data
subject requests with their reminders, access logging and retention."""

import json
import subprocess

import frappe
import pytest
from frappe.desk.form.load import getdoc
from frappe.utils import add_days, add_years, getdate, today

from gwk_app.privacy import retention
from gwk_app.privacy.tasks import OVERDUE_MARKER, remind_overdue_requests
from tests.integration.conftest import BENCH, SITE
from tests.integration.privacy_data import consent, esf, privacy_world, resident


@pytest.fixture(scope="module")
def pw(world):
	return privacy_world(world)


@pytest.fixture(autouse=True)
def _no_commit_in_access_log(monkeypatch):
	"""Frappe's make_access_log commits outside tests; keep each test inside its rollback."""
	monkeypatch.setattr(frappe.flags, "in_test", True, raising=False)


def _throws(fn, text: str, exc=frappe.ValidationError):
	with pytest.raises(exc) as error:
		fn()
	assert text in str(error.value), str(error.value)


# ---------------------------------------------------------------- consent


def test_consent_status_follows_withdrawal(pw):
	res = resident(pw.project, "Einwilligungstest")
	name = consent(pw.project, res, "Newsletter")
	doc = frappe.get_doc("Consent", name)
	assert doc.status == "Active"
	doc.withdrawn_on = today()
	doc.save()
	assert doc.status == "Withdrawn"
	doc.withdrawn_on = add_days(today(), 3)
	_throws(doc.save, "Withdrawn On cannot be in the future")
	assert getdate(frappe.db.get_value("Consent", name, "withdrawn_on")) == getdate(today())


PURPOSE_TEXTS = [
	("Counselling", "zu beraten und zu unterstützen"),
	("Passing Data to a Partner", "an die von mir gewählte Beratungsstelle weitergibt"),
	("Photos and Publication", "Fotos macht, auf denen ich erkennbar bin"),
	("ESF Participant Data", "Europäischen Union (ESF Plus) kofinanziert"),
	("Newsletter", "Neuigkeiten zu Veranstaltungen"),
]


def test_esf_consent_needs_an_art9_legal_basis(pw):
	res = resident(pw.project, "Rechtsgrundlage")
	_throws(
		lambda: consent(pw.project, res, "ESF Participant Data", legal_basis="Art. 6(1)(a) GDPR Consent"),
		"covers special categories of personal data (Art. 9 GDPR)",
	)
	assert not frappe.db.exists("Consent", {"resident": res})
	consent(
		pw.project, res, "ESF Participant Data", legal_basis="Art. 9(2)(g) GDPR Substantial Public Interest"
	)
	assert frappe.db.count("Consent", {"resident": res}) == 1


@pytest.mark.parametrize("purpose, german", PURPOSE_TEXTS)
def test_consent_form_text_depends_on_purpose(pw, purpose, german):
	res = resident(pw.project, "Formulartest")
	name = consent(pw.project, res, purpose)
	frappe.local.lang = "de"
	frappe.local.lang_full_dict = None
	frappe.local.jenv = None
	try:
		html = frappe.get_print("Consent", name, print_format="Consent Form")
	finally:
		frappe.local.lang = "en"
		frappe.local.lang_full_dict = None
	assert "Einwilligungserklärung" in html and "Unterschrift" in html
	assert german in html
	# only the purpose's own text is printed
	for other_purpose, other_text in PURPOSE_TEXTS:
		if other_purpose != purpose:
			assert other_text not in html, other_purpose


def test_consent_form_renders_as_pdf(pw, server, monkeypatch):
	res = resident(pw.project, "Pdftest")
	name = consent(pw.project, res, "ESF Participant Data")
	# the print view links the site's stylesheets by host name: point it at the test server
	monkeypatch.setitem(frappe.local.conf, "host_name", server.url)
	pdf = frappe.get_print("Consent", name, print_format="Consent Form", as_pdf=True)
	assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF")
	assert len(pdf) > 1000


def test_withdrawal_stops_a_referral_that_passes_data(pw, world):
	res = resident(pw.project, "Vermittlungstest")
	cns = consent(pw.project, res, "Passing Data to a Partner", given_on=add_days(today(), -20))

	def referral():
		return frappe.get_doc(
			{
				"doctype": "Referral",
				"project": pw.project,
				"resident": res,
				"partner": world.partner,
				"method": "Contact Data Passed On",
				"referred_on": today(),
			}
		).insert()

	first = referral()
	assert first.consent == cns
	withdrawn = frappe.get_doc("Consent", cns)
	withdrawn.withdrawn_on = today()
	withdrawn.save()
	before = frappe.db.count("Referral", {"resident": res})
	_throws(referral, "Contact data may only be passed on to a partner with the resident's recorded consent")
	assert frappe.db.count("Referral", {"resident": res}) == before == 1


# ---------------------------------------------------------------- ESF participation


def test_esf_record_needs_consent(pw):
	res = resident(pw.project, "Esfohneeinwilligung")
	_throws(
		lambda: esf(pw.project, res), "ESF participant data may only be recorded with the resident's consent"
	)
	assert not frappe.db.exists("ESF Participation", {"resident": res})
	# a consent for another purpose does not count
	consent(pw.project, res, "Counselling")
	_throws(lambda: esf(pw.project, res), "purpose: ESF Participant Data")
	assert not frappe.db.exists("ESF Participation", {"resident": res})


def test_esf_record_copies_the_situation_at_entry(pw):
	res = resident(pw.project, "Esfeintritt", gender="Male", birth_year=2001)
	cns = consent(pw.project, res, "ESF Participant Data")
	doc = esf(pw.project, res, disability="Yes")
	assert doc.consent == cns
	assert (doc.gender, doc.age_group) == ("Male", "18-29")
	assert doc.third_country_national == "Not specified" and doc.disability == "Yes"


@pytest.mark.parametrize(
	"values, text",
	[
		({"exit_date": "__before__"}, "The exit date must not be before the entry date."),
		({"employment_status": ""}, "Choose exactly one employment status at entry."),
		({"isced_level": ""}, "Choose the highest education level (ISCED)."),
		({"minority": "Maybe"}, "Minority (incl. Roma)"),
		({"entry_date": "__future__"}, "Entry Date cannot be in the future."),
	],
)
def test_esf_record_refuses_bad_input(pw, values, text):
	res = resident(pw.project, "Esfeingabe")
	consent(pw.project, res, "ESF Participant Data")
	values = dict(values)
	if values.get("exit_date") == "__before__":
		values["entry_date"] = add_days(today(), -5)
		values["exit_date"] = add_days(today(), -6)
	if values.get("entry_date") == "__future__":
		values["entry_date"] = add_days(today(), 2)
	_throws(lambda: esf(pw.project, res, **values), text)
	assert not frappe.db.exists("ESF Participation", {"resident": res})


def test_one_esf_record_per_person_and_project_and_reentry_updates_exit_only(pw):
	res = resident(pw.project, "Esfwiedereintritt")
	consent(pw.project, res, "ESF Participant Data", given_on=add_days(today(), -60))
	first = esf(
		pw.project,
		res,
		entry_date=add_days(today(), -50),
		exit_date=add_days(today(), -30),
		employment_status="Unemployed",
		isced_level="ISCED 0-2",
	)
	_throws(
		lambda: esf(pw.project, res, employment_status="Employed (incl. Self-employed)"),
		f"already has the ESF participant record {first.name} in this project",
		frappe.DuplicateEntryError,
	)
	assert frappe.db.count("ESF Participation", {"resident": res}) == 1

	doc = frappe.get_doc("ESF Participation", first.name)
	_throws(lambda: doc.record_reentry(reentry_on=add_days(today(), -40)), "not before the previous exit")
	doc = frappe.get_doc("ESF Participation", first.name)
	doc.record_reentry(
		reentry_on=add_days(today(), -10), exit_date=add_days(today(), -2), exit_status="In Employment"
	)
	doc.reload()
	assert doc.reentry_count == 1
	assert getdate(doc.last_reentry_on) == getdate(add_days(today(), -10))
	assert getdate(doc.exit_date) == getdate(add_days(today(), -2)) and doc.exit_status == "In Employment"
	# the first entry's data stay
	assert getdate(doc.entry_date) == getdate(add_days(today(), -50))
	assert (doc.employment_status, doc.isced_level) == ("Unemployed", "ISCED 0-2")
	doc.entry_date = add_days(today(), -20)
	_throws(doc.save, "Entry Date cannot be changed after the record was created.")


def test_withdrawal_stops_the_esf_record(pw):
	res = resident(pw.project, "Esfwiderruf")
	cns = consent(pw.project, res, "ESF Participant Data", given_on=add_days(today(), -30))
	doc = esf(pw.project, res, entry_date=add_days(today(), -20))
	withdrawn = frappe.get_doc("Consent", cns)
	withdrawn.withdrawn_on = today()
	withdrawn.save()
	doc.reload()
	doc.exit_date = today()
	_throws(doc.save, "ESF participant data may only be recorded with the resident's consent in force")
	assert frappe.db.get_value("ESF Participation", doc.name, "exit_date") is None
	doc.reload()
	_throws(lambda: doc.record_reentry(reentry_on=today()), "Record the consent first.")
	assert frappe.db.get_value("ESF Participation", doc.name, "reentry_count") == 0


def test_esf_records_are_read_only_by_the_roles_that_need_them(pw, world):
	res = resident(pw.project, "Esfzugriff")
	consent(pw.project, res, "ESF Participant Data")
	doc = esf(pw.project, res, disability="Yes", minority="No")
	# the ESF officer on the team reads it, including the Art. 9 fields
	frappe.set_user(pw.officer)
	assert doc.name in frappe.get_list("ESF Participation", pluck="name")
	loaded = frappe.get_doc("ESF Participation", doc.name)
	loaded.check_permission("read")
	assert loaded.has_permlevel_access_to("disability")
	# staff and project leads on the same team, and staff elsewhere, read nothing
	for user in (pw.staff, world.users.staff_a, world.users.lead_a, world.users.carrier):
		frappe.set_user(user)
		assert not frappe.has_permission("ESF Participation", "read", doc.name)
		with pytest.raises(frappe.PermissionError):
			frappe.get_list("ESF Participation", limit_page_length=1)
		with pytest.raises(frappe.PermissionError):
			getdoc("ESF Participation", doc.name)
		from frappe.desk.reportview import get as reportview_get

		frappe.local.form_dict = frappe._dict(
			doctype="ESF Participation", fields=json.dumps(["`tabESF Participation`.`name`"])
		)
		with pytest.raises(frappe.PermissionError):
			reportview_get()
	frappe.set_user("Administrator")


def test_esf_officer_records_participation_and_finds_only_own_residents(pw, world):
	"""The ESF role picks residents of its own projects in the link field but cannot open them."""
	from frappe.desk.search import search_link

	res = resident(pw.project, "Esfauswahl")
	other = resident(world.b.project, "Esfauswahlb", district=world.b.district)
	consent(pw.project, res, "ESF Participant Data")
	frappe.set_user(pw.officer)
	values = {r["value"] for r in search_link("Resident", "Esfauswahl", page_length=50)}
	assert res in values and other not in values
	assert not frappe.has_permission("Resident", "read", res)
	with pytest.raises(frappe.PermissionError):
		getdoc("Resident", res)
	doc = esf(pw.project, res)
	assert doc.owner == pw.officer
	# another project's resident fails like a missing one
	with pytest.raises(frappe.LinkValidationError):
		esf(pw.project, other)
	frappe.set_user("Administrator")
	assert not frappe.db.exists("ESF Participation", {"resident": other})


def test_esf_officer_of_another_project_sees_nothing(pw, world):
	res = resident(world.b.project, "Esfanderesprojekt", district=world.b.district)
	consent(world.b.project, res, "ESF Participant Data")
	doc = esf(world.b.project, res)
	frappe.set_user(pw.officer)
	assert doc.name not in frappe.get_list("ESF Participation", pluck="name")
	assert not frappe.has_permission("ESF Participation", "read", doc.name)


# ---------------------------------------------------------------- data subject requests


def _request(res, request_type="Art. 15 Access", received_on=None, **values):
	return frappe.get_doc(
		{
			"doctype": "Data Subject Request",
			"resident": res,
			"request_type": request_type,
			"received_on": received_on or today(),
			**values,
		}
	).insert()


def test_request_due_date_is_one_month_after_receipt(pw):
	res = resident(pw.project, "Anfragefrist")
	doc = _request(res, received_on="2026-01-31")
	assert getdate(doc.due_on) == getdate("2026-02-28")
	doc.received_on = "2026-03-15"
	doc.save()
	assert getdate(doc.due_on) == getdate("2026-04-15")


def test_request_refuses_bad_input(pw):
	res = resident(pw.project, "Anfrageeingabe")
	before = frappe.db.count("Data Subject Request")
	_throws(lambda: _request(res, received_on=add_days(today(), 1)), "Received On cannot be in the future.")
	_throws(lambda: _request(res, status="Rejected"), "Give the reason for rejecting the request in Outcome.")
	assert frappe.db.count("Data Subject Request") == before


def test_request_points_to_the_same_person_in_other_projects(pw, world):
	here = resident(pw.project, "Doppeltda", first_name="Greta", birth_year=1970, postcode="09111")
	there = resident(
		world.b.project,
		"Doppeltda",
		first_name="Greta",
		birth_year=1970,
		postcode="09111",
		district=world.b.district,
	)
	resident(pw.project, "Doppeltda", first_name="Greta", birth_year=1971, postcode="09111")  # not the same
	doc = _request(here)
	frappe.set_user(world.users.dpo)
	getdoc("Data Subject Request", doc.name)
	loaded = frappe.response.docs[0]
	assert loaded.get_onload().same_person == [{"resident": there, "project": world.b.project}]


def test_only_the_data_protection_role_reads_requests(pw, world):
	res = resident(pw.project, "Anfragezugriff")
	doc = _request(res)
	for user in (world.users.staff_a, world.users.lead_a, pw.officer, world.users.carrier):
		frappe.set_user(user)
		assert not frappe.has_permission("Data Subject Request", "read", doc.name)
	frappe.set_user(world.users.dpo)
	assert frappe.has_permission("Data Subject Request", "read", doc.name)


def test_overdue_requests_raise_one_reminder_per_officer(pw, world):
	res = resident(pw.project, "Anfrageueberfaellig")
	late = _request(res, received_on=add_days(today(), -40))
	current = _request(res, received_on=add_days(today(), -5))

	def reminders(name):
		return frappe.get_all(
			"ToDo",
			filters={
				"reference_type": "Data Subject Request",
				"reference_name": name,
				"status": "Open",
				"description": ("like", f"%{OVERDUE_MARKER}%"),
			},
			fields=["allocated_to", "description"],
		)

	remind_overdue_requests()
	rows = reminders(late.name)
	assert world.users.dpo in {r.allocated_to for r in rows}
	assert not reminders(current.name)
	assert "Einwilligungs" not in rows[0].description and res not in rows[0].description
	count = len(rows)
	assert remind_overdue_requests() == 0  # idempotent
	assert len(reminders(late.name)) == count
	late.reload()
	late.status = "Completed"
	late.outcome = "Auskunft erteilt."
	late.save()
	assert not reminders(late.name)


def test_export_is_refused_to_staff_and_for_other_request_types(pw, world):
	from gwk_app.privacy.doctype.data_subject_request.data_subject_request import download_export

	res = resident(pw.project, "Exportzugriff")
	access = _request(res)
	erasure = _request(res, "Art. 17 Erasure")
	frappe.set_user(world.users.staff_a)
	with pytest.raises(frappe.PermissionError):
		download_export(access.name)
	frappe.set_user(world.users.dpo)
	_throws(lambda: download_export(erasure.name), "Only an access request is answered with a data export.")
	_throws(lambda: download_export(access.name, "XML"), "Choose JSON or PDF.")


def test_erasure_needs_verified_identity_and_confirmation_of_holds(pw):
	res = resident(pw.project, "Loeschpruefung")
	consent(pw.project, res, "ESF Participant Data")
	esf(pw.project, res)
	doc = _request(res, "Art. 17 Erasure")
	_throws(doc.erase_personal_data, "Verify the identity of the person before erasing their data.")
	doc.identity_verified = 1
	doc.save()
	_throws(doc.erase_personal_data, "Erase only after weighing Art. 17(3) GDPR")
	assert frappe.db.get_value("Resident", res, "last_name") == "Loeschpruefung"
	assert doc.get_holds() == [res]
	doc.erase_personal_data(confirm_holds=True)
	assert frappe.db.get_value("Resident", res, "last_name") is None
	assert frappe.db.get_value("Data Subject Request", doc.name, "status") == "Completed"
	doc.reload()
	_throws(doc.erase_personal_data, "already erased")


def test_erasure_acts_on_the_stored_request_only(pw):
	res = resident(pw.project, "Loeschmanipulation")
	access = _request(res, "Art. 15 Access", identity_verified=1)
	access.request_type = "Art. 17 Erasure"  # sent by a client, never saved
	_throws(access.erase_personal_data, "Only an erasure request erases data.")
	assert frappe.db.get_value("Resident", res, "last_name") == "Loeschmanipulation"


# ---------------------------------------------------------------- access log


def test_opening_a_resident_is_logged(pw, world):
	res = resident(pw.project, "Zugriffsprotokoll")
	frappe.set_user(pw.staff)
	getdoc("Resident", res)
	frappe.set_user("Administrator")
	rows = frappe.get_all(
		"Access Log",
		filters={"export_from": "Resident", "reference_document": res},
		fields=["user", "method", "creation"],
	)
	assert [(r.user, r.method) for r in rows] == [(pw.staff, "Form Load")]


def test_officer_reviews_the_access_log_and_staff_cannot(pw, world):
	from frappe.desk.query_report import run

	res = resident(pw.project, "Protokollpruefung")
	frappe.set_user(pw.staff)
	getdoc("Resident", res)
	with pytest.raises(frappe.PermissionError):
		run("Access Log Review", filters={"from_date": today(), "to_date": today()})
	frappe.set_user(world.users.dpo)
	result = run("Access Log Review", filters={"from_date": today(), "to_date": today(), "document": res})
	rows = [r for r in result["result"] if isinstance(r, dict)]
	assert [(r["user"], r["export_from"], r["reference_document"], r["method"]) for r in rows] == [
		(pw.staff, "Resident", res, "Form Load")
	]
	_throws(
		lambda: run("Access Log Review", filters={"from_date": today(), "to_date": add_days(today(), -1)}),
		"To Date must not be before From Date.",
	)


def test_report_export_of_residents_is_logged(pw, world):
	from frappe.desk.reportview import export_query

	frappe.set_user(world.users.lead_a)
	frappe.local.form_dict = frappe._dict(
		doctype="Resident",
		file_format_type="CSV",
		fields=json.dumps(["`tabResident`.`name`", "`tabResident`.`last_name`"]),
		title="Resident",
	)
	before = frappe.db.count("Access Log", {"export_from": "Resident", "user": world.users.lead_a})
	export_query()
	assert (
		frappe.db.count("Access Log", {"export_from": "Resident", "user": world.users.lead_a}) == before + 1
	)


# ---------------------------------------------------------------- retention


def _age(doctype, name, when, **fields):
	"""Move a record into the past (creation and modified), as if it were made on `when`."""
	frappe.db.set_value(doctype, name, {"creation": when, "modified": when, **fields}, update_modified=False)


@pytest.fixture
def retention_cases(pw, world):
	long_ago = add_years(today(), -6)
	out = frappe._dict()
	out.due = resident(pw.project, "Fristablauf", street="Altweg 1", phone="0371 555123")
	frappe.get_doc(
		{
			"doctype": "Consultation",
			"project": pw.project,
			"anonymous": 0,
			"resident": out.due,
			"duration_minutes": 20,
			"channel": "Phone",
			"note": "Alte Notiz Fristablauf",
		}
	).insert()
	cons = frappe.get_all("Consultation", filters={"resident": out.due}, pluck="name")[0]
	_age("Consultation", cons, long_ago, consultation_date=getdate(long_ago))
	_age("Resident", out.due, long_ago)

	out.open_case = resident(pw.project, "Offenerfall")
	case = frappe.get_doc(
		{
			"doctype": "Case",
			"project": pw.project,
			"title": "Offener Altfall",
			"case_type": "Counselling",
			"resident": out.open_case,
			"opened_on": getdate(long_ago),
		}
	).insert()
	_age("Case", case.name, long_ago)
	_age("Resident", out.open_case, long_ago)

	out.esf_duty = resident(pw.project, "Esfpflicht")
	consent(pw.project, out.esf_duty, "ESF Participant Data")
	part = esf(pw.project, out.esf_duty, entry_date=add_years(today(), -2), exit_date=add_years(today(), -1))
	for dt, name in (("ESF Participation", part.name), ("Resident", out.esf_duty)):
		_age(dt, name, long_ago)
	for cns in frappe.get_all("Consent", filters={"resident": out.esf_duty}, pluck="name"):
		_age("Consent", cns, long_ago, given_on=getdate(long_ago))

	out.recent = resident(pw.project, "Aktuell")
	out.project = pw.project
	return out


def _snapshot():
	return frappe.get_all("Resident", fields=["*"], order_by="name")


def test_retention_dry_run_changes_nothing(retention_cases):
	before = _snapshot()
	due = retention.run(dry_run=True)
	names = {r.resident for r in due}
	assert retention_cases.due in names
	assert not names & {retention_cases.open_case, retention_cases.esf_duty, retention_cases.recent}
	assert _snapshot() == before


def test_retention_anonymises_once_and_second_run_changes_nothing(retention_cases):
	done = retention.run(now=True)
	assert retention_cases.due in {r.resident for r in done}
	row = frappe.db.get_value("Resident", retention_cases.due, "*", as_dict=True)
	assert (row.last_name, row.street, row.phone, row.birth_year) == (None, None, None, 0)
	assert row.anonymised_on and (row.gender, row.age_group) == ("Female", "30-54")
	note = frappe.db.get_value("Consultation", {"resident": retention_cases.due}, "note")
	assert note is None
	for kept in (retention_cases.open_case, retention_cases.esf_duty, retention_cases.recent):
		assert frappe.db.get_value("Resident", kept, "last_name") is not None
	snapshot = _snapshot()
	versions = frappe.db.count("Version")
	assert retention.run(now=True) == []
	assert _snapshot() == snapshot
	assert frappe.db.count("Version") == versions


def test_an_anonymised_resident_cannot_be_edited(retention_cases):
	retention.run(now=True)
	doc = frappe.get_doc("Resident", retention_cases.due)
	doc.last_name = "Wiederhergestellt"
	_throws(doc.save, f"Resident {retention_cases.due} was anonymised on")
	assert frappe.db.get_value("Resident", retention_cases.due, "last_name") is None


def test_retention_batch_is_resumable(retention_cases):
	"""A batch re-run after it already ran (or an interrupted run resumed) does nothing twice."""
	assert retention.anonymise_batch([retention_cases.due, retention_cases.recent]) == 1
	snapshot = _snapshot()
	assert retention.anonymise_batch([retention_cases.due, retention_cases.recent]) == 0
	assert _snapshot() == snapshot


def test_retention_runs_in_batches(retention_cases, monkeypatch):
	"""The daily job enqueues one background job per batch (each its own transaction); inline, a
	callback follows every batch."""
	frappe.db.set_single_value("GWK Settings", "retention_batch_size", 1)
	second = resident(retention_cases.project, "Fristablaufzwei")
	_age("Resident", second, add_years(today(), -6))
	enqueued = []
	monkeypatch.setattr(frappe, "enqueue", lambda method, **kw: enqueued.append((method, kw)))
	due = retention.run()
	names = {r.resident for r in due}
	assert {retention_cases.due, second} <= names
	assert len(enqueued) == len(due)
	assert all(
		m == "gwk_app.privacy.retention.anonymise_batch" and len(kw["residents"]) == 1 for m, kw in enqueued
	)
	assert {kw["residents"][0] for _m, kw in enqueued} == names
	assert frappe.db.get_value("Resident", second, "last_name") == "Fristablaufzwei"  # nothing ran yet
	batches = []
	retention.run(now=True, after_batch=lambda: batches.append(1))
	assert len(batches) == len(due)
	assert frappe.db.get_value("Resident", second, "anonymised_on")


def test_retention_keeps_an_active_volunteer_and_a_case_party(pw):
	long_ago = add_years(today(), -6)
	volunteer_res = resident(pw.project, "Ehrenamtalt")
	volunteer = frappe.get_doc(
		{
			"doctype": "Community Volunteer",
			"project": pw.project,
			"resident": volunteer_res,
			"volunteer_name": "Ehrenamt Alt",
			"status": "Active",
		}
	).insert()
	party = resident(pw.project, "Parteialt")
	main = resident(pw.project, "Hauptalt")
	case = frappe.get_doc(
		{
			"doctype": "Case",
			"project": pw.project,
			"title": "Alter Streit",
			"case_type": "Neighbourhood Conflict / Mediation",
			"resident": main,
			"opened_on": getdate(long_ago),
			"parties": [{"resident": party, "party_role": "Other Party"}],
		}
	).insert()
	for doctype, name in (
		("Resident", volunteer_res),
		("Community Volunteer", volunteer.name),
		("Resident", party),
		("Resident", main),
		("Case", case.name),
	):
		_age(doctype, name, long_ago)
	frappe.db.sql("update `tabCase Party` set modified=%s where parent=%s", (long_ago, case.name))
	due = {r.resident for r in retention.candidates()}
	assert not due & {volunteer_res, party, main}
	# once the volunteer has left and the case is closed, they are due
	frappe.db.set_value("Community Volunteer", volunteer.name, "status", "Left", update_modified=False)
	frappe.db.set_value("Case", case.name, "status", "Closed", update_modified=False)
	due = {r.resident for r in retention.candidates()}
	assert {volunteer_res, party, main} <= due


def test_bench_command_dry_run(pw):
	result = subprocess.run(
		[str(BENCH / "env/bin/python"), "-m", "frappe.utils.bench_helper", "frappe", "--site", SITE,
		 "gwk-retention", "--dry-run"],
		cwd=BENCH / "sites",
		capture_output=True,
		text=True,
		timeout=300,
	)  # fmt: skip
	assert result.returncode == 0, result.stderr[-2000:]
	assert "resident(s) would be anonymised." in result.stdout
