"""Erasure finds the person where other people's records only mention them (issue 12, defect 1).

Resident X is the other party in Y's neighbourhood-conflict case, whose description names X's surname;
a consultation note, an event description, network minutes, an area observation and a comment name X
too. After the erasure no text column of any table holds X's name, pseudonym, phone, e-mail or street,
the other records still exist with the redaction mark in place, the request's outcome lists them, and
every report keeps its figures. The Art. 15 export lists the same records as mentions, apart from X's own.
"""

import json

import frappe
import pytest
from frappe.utils import now_datetime

from gwk_app.privacy import mentions
from gwk_app.privacy.doctype.data_subject_request.data_subject_request import download_export
from tests.integration.privacy_data import (
	all_reports,
	counted_figures,
	database_with,
	privacy_world,
	resident,
)
from tests.integration.world import DISTRICT_A


def _texts_hidden(data, needles):
	if isinstance(data, dict):
		return {k: _texts_hidden(v, needles) for k, v in data.items()}
	if isinstance(data, list):
		return [_texts_hidden(v, needles) for v in data]
	if isinstance(data, str) and any(n in data for n in needles):
		return "<text naming the person>"
	return data


@pytest.fixture(scope="module")
def pw(world):
	return privacy_world(world)


@pytest.fixture
def scene(pw, world):
	tag = frappe.generate_hash(length=6)
	t = frappe._dict(project=pw.project)
	t.surname = f"Quendel{tag}"
	t.first = "Hedwig"
	t.full = f"{t.first} {t.surname}"
	t.pseudonym = f"Wirbelwind{tag}"
	t.phone = "0371 " + str(int(tag, 16) % 1_000_000).zfill(6)
	t.email = f"h.quendel{tag}@example.org"
	t.street = f"Zwirnweg{tag} 7"
	t.markers = [t.surname, t.full, t.pseudonym, t.phone, t.email, t.street]
	t.x = resident(
		pw.project, t.surname, first_name=t.first, pseudonym=t.pseudonym, phone=t.phone, email=t.email,
		street=t.street,
	)  # fmt: skip
	t.y = resident(pw.project, f"Nachbarin{tag}", first_name="Ruth")
	case = frappe.get_doc(
		{
			"doctype": "Case",
			"project": pw.project,
			"title": "Streit im Treppenhaus",
			"case_type": "Neighbourhood Conflict / Mediation",
			"resident": t.y,
			"description": f"Streit im Treppenhaus mit {t.surname}. Lärm nach 22 Uhr.",
			"parties": [{"resident": t.x, "party_role": "Other Party"}],
		}
	).insert()
	case.outcome = f"Gespräch mit Frau {t.surname} vereinbart"
	case.save(ignore_version=False)  # the history names X too
	case.add_comment("Comment", f"{t.surname} rief an: {t.phone}")
	t.case = case.name
	t.consultation = (
		frappe.get_doc(
			{
				"doctype": "Consultation",
				"project": pw.project,
				"anonymous": 0,
				"resident": t.y,
				"duration_minutes": 20,
				"channel": "Office Hours",
				"note": f"Beschwerde über Nachbarn {t.full} ({t.street}), erreichbar unter {t.email}",
			}
		)
		.insert()
		.name
	)
	t.event = (
		frappe.get_doc(
			{
				"doctype": "Community Event",
				"project": pw.project,
				"title": "Hoffest",
				"event_type": "District Festival",
				"status": "Planned",
				"starts_on": now_datetime(),
				"public_description": f"Mit Kuchen von {t.pseudonym} aus dem Hinterhaus",
			}
		)
		.insert()
		.name
	)
	network = frappe.get_doc(
		{"doctype": "Network", "project": pw.project, "network_name": f"Hausrunde {tag}",
		 "network_type": "Round Table", "level": "City"}
	).insert()  # fmt: skip
	t.meeting = (
		frappe.get_doc(
			{
				"doctype": "Network Meeting",
				"project": pw.project,
				"network": network.name,
				"meeting_date": frappe.utils.today(),
				"minutes": f"<p>Herr Meier berichtet vom Konflikt mit<br>{t.surname} im Haus.</p>",
			}
		)
		.insert()
		.name
	)
	t.observation = (
		frappe.get_doc(
			{
				"doctype": "Area Observation",
				"project": pw.project,
				"category": "Cleanliness",
				"district": DISTRICT_A,
				"observation_date": frappe.utils.today(),
				"description": f"Sperrmüll vor {t.street}, gemeldet von {t.full}",
			}
		)
		.insert()
		.name
	)
	t.request = frappe.get_doc(
		{"doctype": "Data Subject Request", "resident": t.x, "request_type": "Art. 17 Erasure",
		 "identity_verified": 1}
	).insert()  # fmt: skip
	t.access = frappe.get_doc(
		{"doctype": "Data Subject Request", "resident": t.x, "request_type": "Art. 15 Access"}
	).insert()
	t.others = {
		("Case", t.case), ("Consultation", t.consultation), ("Community Event", t.event),
		("Network Meeting", t.meeting), ("Area Observation", t.observation),
	}  # fmt: skip
	return t


def test_the_values_are_there_before(scene):
	tables = {table for table, _c, _v in database_with(scene.markers)}
	expected = {"tabCase", "tabConsultation", "tabCommunity Event", "tabNetwork Meeting", "tabArea Observation",
		"tabComment", "tabVersion", "tabResident"}  # fmt: skip
	assert expected <= tables, expected - tables


def test_art15_export_lists_the_records_that_mention_the_person(scene, world):
	frappe.set_user(world.users.dpo)
	download_export(scene.access.name, "JSON")
	data = json.loads(frappe.local.response.filecontent)
	mentioned = {(doctype, name) for doctype, names in data["mentioned_in"].items() for name in names}
	assert scene.others <= mentioned, scene.others - mentioned
	# separate from the person's own records
	assert ("Resident", scene.x) not in mentioned
	assert [r["name"] for r in data["records"]["Resident"]] == [scene.x]
	assert scene.case in {item["record"]["name"] for item in data["party_in"]["Case"]}


def test_erasure_replaces_every_mention_and_keeps_every_figure(scene, world):
	before, reports_before = counted_figures(scene.project), all_reports()
	frappe.set_user(world.users.dpo)
	request = frappe.get_doc("Data Subject Request", scene.request.name)
	result = request.erase_personal_data(confirm_holds=True)
	frappe.set_user("Administrator")

	hits = database_with(scene.markers)
	assert not hits, hits
	assert {tuple(r) for r in result["mentioned_in"]} == scene.others
	outcome = frappe.db.get_value("Data Subject Request", scene.request.name, "outcome")
	for _doctype, name in scene.others:
		assert name in outcome
	# the other records stay, with the mark where the person was named
	assert frappe.db.get_value("Case", scene.case, "description") == (
		"Streit im Treppenhaus mit ***. Lärm nach 22 Uhr."
	)
	assert frappe.db.get_value("Case", scene.case, "resident") == scene.y
	assert "***" in frappe.db.get_value("Consultation", scene.consultation, "note")
	assert frappe.db.get_value("Consultation", scene.consultation, "resident") == scene.y
	assert "***" in frappe.db.get_value("Network Meeting", scene.meeting, "minutes")
	assert frappe.db.get_value("Community Event", scene.event, "title") == "Hoffest"
	assert frappe.db.get_value("Resident", scene.y, "first_name") == "Ruth"
	assert counted_figures(scene.project) == before
	# the reports show the same figures; a text they show (an event's description) shows the mark
	needles = [*scene.markers, "***"]
	assert _texts_hidden(all_reports(), needles) == _texts_hidden(reports_before, needles)


def test_a_surname_another_resident_shares_is_left_to_the_officer(scene):
	"""A bare surname that another resident of the project bears is not replaced (it may name them);
	the full name, contact data and street are."""
	resident(scene.project, scene.surname, first_name="Otto")
	person = frappe.db.get_value("Resident", scene.x, "*", as_dict=True)
	found = mentions.find({scene.x: person})
	records = {mentions.record_of(f) for f in found}
	assert ("Case", scene.case) not in records  # only the bare surname there
	assert ("Consultation", scene.consultation) in records  # the full name and e-mail


def test_committed_rows_are_found_through_the_fulltext_index(scene):
	"""Rows older than the recent window come from the FULLTEXT index alone."""
	frappe.db.commit()  # the index takes rows in when their transaction commits
	try:
		table = frappe.qb.DocType("Comment")
		frappe.qb.update(table).set(table.modified, "2020-01-01").where(
			(table.reference_doctype == "Case") & (table.reference_name == scene.case)
		).run()
		frappe.db.commit()
		rows = mentions.candidates("Comment", "content", [scene.surname])
		assert any(scene.surname in (r.content or "") for r in rows)
		explain = frappe.db.sql(
			"explain select name from `tabComment` where match(`content`) against (%s in boolean mode)",
			(f"+{scene.surname.lower()}",),
			as_dict=True,
		)
		assert explain[0]["type"] == "fulltext", explain
	finally:
		for doctype, name in [*scene.others, ("Data Subject Request", scene.request.name),
				("Data Subject Request", scene.access.name)]:  # fmt: skip
			frappe.delete_doc(doctype, name, force=True, ignore_permissions=True, delete_permanently=True)
		network = frappe.db.get_value("Network", {"network_name": ("like", "Hausrunde %")}, "name")
		if network:
			frappe.delete_doc(
				"Network", network, force=True, ignore_permissions=True, delete_permanently=True
			)
		for name in (scene.x, scene.y):
			frappe.delete_doc("Resident", name, force=True, ignore_permissions=True, delete_permanently=True)
		frappe.db.delete("Comment", {"reference_name": scene.case})
		frappe.db.commit()


def _state(records: dict[str, list[str]]) -> dict:
	"""Every field of the records, and the history and comments about them."""
	out = {}
	for doctype, names in records.items():
		out[doctype] = frappe.get_all(doctype, filters={"name": ("in", names)}, fields=["*"], order_by="name")
		for child in frappe.get_meta(doctype).get_table_fields():
			out[child.options] = frappe.get_all(
				child.options, filters={"parent": ("in", names)}, fields=["*"], order_by="name"
			)
		out[f"Version of {doctype}"] = frappe.get_all(
			"Version", filters={"ref_doctype": doctype, "docname": ("in", names)}, fields=["name", "data"],
			order_by="name",
		)  # fmt: skip
		out[f"Comment on {doctype}"] = frappe.get_all(
			"Comment", filters={"reference_doctype": doctype, "reference_name": ("in", names)},
			fields=["name", "content"], order_by="name",
		)  # fmt: skip
	return out


def test_a_batch_erases_exactly_as_one_resident_after_another(scene, pw):
	"""Retention erases a batch set-based (erasure.erase_many): the records, their history and comments,
	and every outcome are the same as erasing the batch's residents one after another with the mentions
	searched once, as retention did before."""
	from gwk_app.privacy import erasure

	y_name = frappe.db.get_value("Resident", scene.y, "full_name")
	own = frappe.get_doc(
		{"doctype": "Consultation", "project": pw.project, "anonymous": 0, "resident": scene.x,
		 "duration_minutes": 10, "channel": "Phone", "note": f"Fragt nach {y_name} wegen des Streits"}
	).insert()  # fmt: skip
	own.note = f"Fragt nach {y_name} wegen des Streits, Rückruf"
	own.save(ignore_version=False)
	records = {"Resident": [scene.x, scene.y], "Consultation": [scene.consultation, own.name]}
	for doctype, name in scene.others:
		records.setdefault(doctype, []).append(name)
	people = {name: frappe.db.get_value("Resident", name, "*", as_dict=True) for name in (scene.x, scene.y)}

	frappe.db.savepoint("one_by_one")
	found = mentions.find(people)
	one_by_one = {r: erasure.erase(r, found=[f for f in found if r in f.hits]) for r in people}
	expected = _state(records)
	frappe.db.rollback(save_point="one_by_one")
	assert frappe.db.get_value("Resident", scene.x, "last_name") == scene.surname  # rolled back

	batch = erasure.erase_many(people, mentions.find(people))
	assert batch == one_by_one
	assert ["Consultation", own.name] in batch[scene.y]["mentioned_in"]
	assert ["Consultation", scene.consultation] in batch[scene.x]["mentioned_in"]
	assert _state(records) == expected
	assert not database_with([*scene.markers, y_name])
