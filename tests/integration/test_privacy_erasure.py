"""Art. 15 export and Art. 17 erasure of one resident, across every module that declares personal data.

The zero-trace test gives a resident unique marker strings in every field and spreads them over every
place Frappe keeps traces (versions, comments, communications, assignments, attachments on disk, the
access log, deleted documents); after the erasure no text column of any table and no file on disk holds
a marker, while every count the reports rest on is unchanged.
"""

import json
from pathlib import Path

import frappe
import pytest
from frappe.core.doctype.access_log.access_log import make_access_log
from frappe.desk.form.assign_to import add as assign
from frappe.desk.form.load import getdoc
from frappe.utils import add_days, now_datetime, today

from gwk_app.privacy.doctype.data_subject_request.data_subject_request import download_export
from tests.integration.privacy_data import (
	all_reports,
	consent,
	counted_figures,
	database_with,
	esf,
	privacy_world,
	resident,
)


@pytest.fixture(scope="module")
def pw(world):
	return privacy_world(world)


@pytest.fixture(autouse=True)
def _no_commit_in_access_log(monkeypatch):
	"""Frappe's make_access_log commits outside tests; keep each test inside its rollback."""
	monkeypatch.setattr(frappe.flags, "in_test", True, raising=False)


def _files_dir() -> list[Path]:
	site = Path(frappe.get_site_path()).resolve()
	return [site / "public" / "files", site / "private" / "files"]


def _files_on_disk_with(markers: list[str]) -> list[str]:
	hits = []
	needles = [m.lower().encode() for m in markers]
	for folder in _files_dir():
		if not folder.exists():
			continue
		for path in folder.rglob("*"):
			if not path.is_file():
				continue
			name = path.name.lower().encode()
			try:
				content = path.read_bytes().lower() if path.stat().st_size < 5_000_000 else b""
			except OSError:
				continue
			if any(n in name or n in content for n in needles):
				hits.append(str(path))
	return hits


def _png(text: str) -> bytes:
	"""A tiny real PNG carrying `text` in a text chunk."""
	import io

	from PIL import Image, PngImagePlugin

	info = PngImagePlugin.PngInfo()
	info.add_text("Comment", text)
	buffer = io.BytesIO()
	Image.new("RGB", (2, 2), (200, 120, 40)).save(buffer, format="PNG", pnginfo=info)
	return buffer.getvalue()


def _attach(file_name: str, content: str | bytes, doctype: str, name: str):
	return frappe.get_doc(
		{
			"doctype": "File",
			"file_name": file_name,
			"content": content if isinstance(content, bytes) else content.encode(),
			"attached_to_doctype": doctype,
			"attached_to_name": name,
			"is_private": 1,
		}
	).insert(ignore_permissions=True)


@pytest.fixture
def marked(pw, world):
	"""A resident with a unique marker in every field, spread over every record and trace."""
	token = "Zqmark" + frappe.generate_hash(length=8)
	phone = "+49 371 " + str(int(frappe.generate_hash(length=6), 16) % 10_000_000).zfill(7)
	t = frappe._dict(token=token, phone=phone, markers=[token, phone], project=pw.project)

	t.resident = resident(
		pw.project,
		f"{token}Nachname",
		first_name=f"{token}Vorname",
		pseudonym=f"{token}Pseudonym",
		postcode=f"{token}PLZ",
		street=f"{token}strasse 1",
		phone=phone,
		email=f"{token.lower()}@example.com",
		languages=f"{token}Sprache",
		notes=f"Notiz {token} vertraulich",
		special_category_notes=f"Gesundheit {token}",
		gender="Diverse",
		birth_year=1990,
	)
	doc = frappe.get_doc("Resident", t.resident)
	for street in (f"{token}weg 2", f"{token}allee 3"):  # edits: Version history
		doc.street = street
		doc.notes = f"Neue Notiz {token} {street}"
		doc.save(ignore_version=False)  # tests skip versions unless asked
	doc.add_comment("Comment", f"Rückruf bei {token} vereinbart")
	t.attachment = _attach(f"{token}-bescheid.txt", f"Bescheid für {token}", "Resident", t.resident)
	frappe.get_doc(
		{
			"doctype": "Communication",
			"communication_type": "Communication",
			"communication_medium": "Email",
			"sent_or_received": "Received",
			"subject": f"Anfrage {token}",
			"content": f"Hallo, hier schreibt {token}.",
			"sender": f"{token.lower()}@example.com",
			"reference_doctype": "Resident",
			"reference_name": t.resident,
		}
	).insert(ignore_permissions=True)
	assign(
		{
			"assign_to": [pw.staff],
			"doctype": "Resident",
			"name": t.resident,
			"description": f"Bitte {token} anrufen",
		}
	)

	# consents, one with a signed form on file
	t.data_consent = consent(
		pw.project, t.resident, "Passing Data to a Partner", given_on=add_days(today(), -30)
	)
	signed = _attach(f"{token}-einwilligung.txt", f"Unterschrift {token}", "Consent", t.data_consent)
	frappe.db.set_value("Consent", t.data_consent, "signed_form", signed.file_url)
	t.esf_consent = consent(pw.project, t.resident, "ESF Participant Data", given_on=add_days(today(), -30))

	# own records
	t.consultation = (
		frappe.get_doc(
			{
				"doctype": "Consultation",
				"project": pw.project,
				"anonymous": 0,
				"resident": t.resident,
				"duration_minutes": 25,
				"channel": "Office Hours",
				"note": f"Beratung {token} zu Wohngeld",
			}
		)
		.insert()
		.name
	)
	deleted = frappe.get_doc(
		{
			"doctype": "Consultation",
			"project": pw.project,
			"anonymous": 0,
			"resident": t.resident,
			"duration_minutes": 5,
			"channel": "Phone",
			"note": f"Versehentlich {token}",
		}
	).insert()
	frappe.delete_doc("Consultation", deleted.name)  # leaves a Deleted Document
	t.referral = (
		frappe.get_doc(
			{
				"doctype": "Referral",
				"project": pw.project,
				"resident": t.resident,
				"partner": world.partner,
				"method": "Contact Data Passed On",
				"referred_on": today(),
				"reason": f"Schulden {token}",
			}
		)
		.insert()
		.name
	)
	t.own_case = (
		frappe.get_doc(
			{
				"doctype": "Case",
				"project": pw.project,
				"title": f"Fall {token}",
				"case_type": "Counselling",
				"resident": t.resident,
				"description": f"Beschreibung {token}",
			}
		)
		.insert()
		.name
	)
	# a case of someone else where the resident is another party
	t.neighbour = resident(pw.project, "Nachbarinohnemarke", first_name="Ruth", gender="Female")
	case = frappe.get_doc(
		{
			"doctype": "Case",
			"project": pw.project,
			"title": "Streit im Hausflur",
			"case_type": "Neighbourhood Conflict / Mediation",
			"resident": t.neighbour,
			"description": "Lärm am Abend.",
		}
	).insert()
	case.append("parties", {"resident": t.resident, "party_role": "Other Party"})
	case.save(ignore_version=False)  # the Version of this edit names the party
	case.add_comment("Comment", f"Gespräch mit {token}Vorname {token}Nachname")
	t.party_case = case.name
	t.esf = esf(pw.project, t.resident, disability="Yes", minority="Not specified").name

	t.event = None
	if frappe.db.exists("DocType", "Community Event"):
		event = frappe.get_doc(
			{
				"doctype": "Community Event",
				"project": pw.project,
				"title": "Nähcafé",
				"event_type": "Group Session",
				"status": "Held",
				"starts_on": now_datetime(),
				"participants": [{"resident": t.resident, "status": "Attended"}],
			}
		).insert()
		t.event = event.name
		# a published photo showing the person, with their photo consent
		t.photo_consent = consent(pw.project, t.resident, "Photos and Publication")
		photo = _attach(f"{token}-foto.png", _png(token), "Community Event", event.name)
		event.append(
			"photos",
			{
				"image": photo.file_url,
				"caption": f"{token} beim Nähen",
				"shows_people": 1,
				"publish": 1,
				"publicity_evidence": 1,
				"consent": t.photo_consent,
			},
		)
		event.save()

	t.volunteer = None
	if t.event and frappe.db.exists("DocType", "Volunteer Hours"):
		t.volunteer = (
			frappe.get_doc(
				{
					"doctype": "Community Volunteer",
					"project": pw.project,
					"resident": t.resident,
					"volunteer_name": f"{token}Vorname {token}Nachname",
					"status": "Active",
					"email": f"{token.lower()}@example.com",
					"interests": f"Nähen mit {token}",
					"notes": f"Zuverlässig {token}",
				}
			)
			.insert()
			.name
		)
		assignment = frappe.get_doc(
			{
				"doctype": "Volunteer Assignment",
				"project": pw.project,
				"volunteer": t.volunteer,
				"community_event": t.event,
				"status": "Active",
				"from_date": add_days(today(), -3),
				"note": f"Kuchen von {token}",
			}
		).insert()
		t.assignment = assignment.name
		t.hours = (
			frappe.get_doc(
				{
					"doctype": "Volunteer Hours",
					"project": pw.project,
					"assignment": assignment.name,
					"work_date": today(),
					"hours": 2.5,
					"note": f"Aufbau {token}",
				}
			)
			.insert()
			.name
		)

	t.appointment = (
		frappe.get_doc(
			{
				"doctype": "Consultation Appointment",
				"project": pw.project,
				"resident": t.resident,
				"staff_member": pw.staff,
				"starts_on": f"{add_days(today(), 5)} 07:00:00",
				"duration_minutes": 30,
				"email": f"{token.lower()}@example.com",
				"phone": phone,
				"contact_consent": 1,
				"notes": f"Termin wegen {token}",
			}
		)
		.insert()
		.name
	)

	t.request = frappe.get_doc(
		{
			"doctype": "Data Subject Request",
			"resident": t.resident,
			"request_type": "Art. 17 Erasure",
			"identity_verified": 1,
		}
	).insert()
	t.access = frappe.get_doc(
		{"doctype": "Data Subject Request", "resident": t.resident, "request_type": "Art. 15 Access"}
	).insert()

	# reads and exports leave Access Log rows; a report printed to PDF keeps its page there
	frappe.set_user(pw.staff)
	getdoc("Resident", t.resident)
	frappe.set_user("Administrator")
	full_name = frappe.db.get_value("Resident", t.resident, "full_name")
	make_access_log(file_type="PDF", method="PDF", page=f"<table><tr><td>{full_name}</td></tr></table>")

	yield t
	# files written to disk survive the rollback: remove what the test left
	for folder in _files_dir():
		for path in folder.glob(f"*{token}*"):
			path.unlink(missing_ok=True)


def test_markers_are_everywhere_before_the_erasure(marked):
	"""The fixture really spreads the markers: otherwise the zero-trace test would prove nothing."""
	tables = {table for table, _c, _v in database_with(marked.markers)}
	expected = {
		"tabResident", "tabVersion", "tabComment", "tabCommunication", "tabFile", "tabToDo",
		"tabConsultation", "tabReferral", "tabCase", "tabCase Party", "tabConsent", "tabESF Participation",
		"tabDeleted Document", "tabAccess Log", "tabData Subject Request", "tabConsultation Appointment",
	}  # fmt: skip
	if marked.event:
		expected |= {"tabCommunity Event Participant", "tabCommunity Event Photo"}
	if marked.volunteer:
		expected |= {"tabCommunity Volunteer", "tabVolunteer Assignment", "tabVolunteer Hours"}
	assert expected <= tables, expected - tables
	assert _files_on_disk_with(marked.markers)


def test_art15_export_contains_every_record(marked, world):
	frappe.set_user(world.users.dpo)
	download_export(marked.access.name, "JSON")
	data = json.loads(frappe.local.response.filecontent)
	assert frappe.local.response.type == "download"
	records = data["records"]
	assert [r["name"] for r in records["Resident"]] == [marked.resident]
	assert records["Resident"][0]["last_name"] == f"{marked.token}Nachname"
	assert marked.consultation in {r["name"] for r in records["Consultation"]}
	assert {marked.own_case} == {r["name"] for r in records["Case"]}
	assert marked.party_case in {item["record"]["name"] for item in data["party_in"]["Case"]}
	assert marked.referral in {r["name"] for r in records["Referral"]}
	assert {marked.data_consent, marked.esf_consent} <= {r["name"] for r in records["Consent"]}
	assert [r["name"] for r in records["ESF Participation"]] == [marked.esf]
	assert [r["name"] for r in records["Consultation Appointment"]] == [marked.appointment]
	assert records["ESF Participation"][0]["disability"] == "Yes"
	if marked.event:
		assert marked.event in {item["record"]["name"] for item in data["party_in"]["Community Event"]}
	if marked.volunteer:
		assert [r["name"] for r in records["Community Volunteer"]] == [marked.volunteer]
		assert [r["name"] for r in records["Volunteer Assignment"]] == [marked.assignment]
		assert [r["name"] for r in records["Volunteer Hours"]] == [marked.hours]
	assert any(marked.token in (c["content"] or "") for c in data["comments"])
	files = {(f["attached_to_doctype"], f["attached_to_name"]): f["file_name"] for f in data["files"]}
	assert "bescheid" in files[("Resident", marked.resident)]
	assert "einwilligung" in files[("Consent", marked.data_consent)]
	assert any(v["docname"] == marked.resident for v in data["versions"])
	assert any(marked.token in (c["subject"] or "") for c in data["communications"])
	assert any(a["method"] == "Form Load" for a in data["access_log"])
	# the export itself is logged
	assert frappe.db.exists(
		"Access Log",
		{"reference_document": marked.resident, "method": "Art. 15 Export", "user": world.users.dpo},
	)

	# the readable version speaks the reader's language
	from gwk_app.privacy.export import export_html

	frappe.local.lang = "de"
	html = export_html(marked.resident)
	frappe.local.lang = "en"
	assert "Auskunft nach Art. 15 DSGVO" in html and "Änderungsverlauf" in html
	assert f"{marked.token}Nachname" in html and "Divers" in html

	download_export(marked.access.name, "PDF")
	assert frappe.local.response.type == "pdf"
	assert frappe.local.response.filecontent.startswith(b"%PDF")


def test_erasure_leaves_no_trace_and_keeps_every_figure(marked, world):
	before, reports_before = counted_figures(marked.project), all_reports()
	assert len(reports_before) >= 5, sorted(reports_before)  # the reports module's Script Reports ran
	person = frappe.db.get_value(
		"Resident", marked.resident, ["gender", "age_group", "district"], as_dict=True
	)

	frappe.set_user(world.users.dpo)
	request = frappe.get_doc("Data Subject Request", marked.request.name)
	request.erase_personal_data(confirm_holds=True)
	frappe.set_user("Administrator")

	hits = database_with(marked.markers)
	assert not hits, hits
	assert not _files_on_disk_with(marked.markers)
	assert counted_figures(marked.project) == before
	assert all_reports() == reports_before
	# the counted records stay, anonymously
	after = frappe.db.get_value(
		"Resident",
		marked.resident,
		["gender", "age_group", "district", "full_name", "anonymised_on"],
		as_dict=True,
	)
	assert (after.gender, after.age_group, after.district) == (
		person.gender,
		person.age_group,
		person.district,
	)
	assert after.full_name == "***" and after.anonymised_on
	assert frappe.db.exists("Consultation", marked.consultation)
	assert frappe.db.exists("Referral", marked.referral)
	assert frappe.db.get_value("Consultation Appointment", marked.appointment, "status") == "Requested"
	assert frappe.db.get_value("Case Party", {"parent": marked.party_case}, "resident") == marked.resident
	assert frappe.db.get_value("Case", marked.party_case, "description") == "Lärm am Abend."
	assert frappe.db.get_value("Data Subject Request", marked.request.name, "status") == "Completed"
	if marked.volunteer:
		assert frappe.db.get_value("Volunteer Hours", marked.hours, "hours") == 2.5
	if marked.event:
		photo = frappe.db.get_value(
			"Community Event Photo",
			{"parent": marked.event},
			["image", "publish", "publicity_evidence"],
			as_dict=True,
		)
		assert (photo.image, photo.publish, photo.publicity_evidence) == (None, 0, 1)


def test_erasure_is_refused_to_staff(marked, pw):
	frappe.set_user(pw.staff)
	request = frappe.get_doc("Data Subject Request", marked.request.name)
	with pytest.raises(frappe.PermissionError):
		request.erase_personal_data(confirm_holds=True)
	frappe.set_user("Administrator")
	assert frappe.db.get_value("Resident", marked.resident, "last_name") == f"{marked.token}Nachname"
