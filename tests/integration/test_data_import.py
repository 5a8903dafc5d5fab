"""Data Import with the app's rules: the templates in fixtures/ imported as a staff user of project A,
one file per rule with one bad row, Update, the bench command path and the dry run."""

import inspect
import io
import subprocess
import sys
from contextlib import redirect_stdout
from datetime import date, timedelta
from pathlib import Path

import frappe
import pytest

from gwk_app.imports import templates
from tests.integration import imports
from tests.integration.conftest import BENCH, SITE
from tests.integration.world import DISTRICT_A, DISTRICT_B, PROJECT_A, PROJECT_B

ORDER = [
	("bewohnerinnen", "Resident"),
	("kooperationspartner", "Referral Partner"),
	("kooperationspartner_kontakte", "Contact"),
	("kooperationspartner_adressen", "Address"),
	("ehrenamtliche", "Community Volunteer"),
	("veranstaltungen", "Community Event"),
	("netzwerke", "Network"),
	("beratungskontakte", "Consultation"),
	("strichlisten", "Contact Tally"),
]
PROJECT_BOUND = {
	"Resident",
	"Community Volunteer",
	"Community Event",
	"Network",
	"Consultation",
	"Contact Tally",
}


@pytest.fixture
def committed(world):
	c = imports.Committed()
	imports.ensure_skills()
	frappe.db.commit()  # nosemgrep
	yield c
	c.clean()


def _existing_duplicate():
	"""A resident of A already in the app, the same person as the template's first row."""
	header, rows = templates.build("bewohnerinnen")
	first = rows[0]
	doc = frappe.get_doc(
		{
			"doctype": "Resident",
			"project": PROJECT_A,
			"first_name": first[1],
			"last_name": first[2],
			"birth_year": first[5],
			"postcode": first[7],
		}
	).insert(ignore_permissions=True)
	frappe.db.commit()  # nosemgrep
	return doc.name


def test_core_signatures_the_override_relies_on():
	from frappe.core.doctype.data_import import data_import as core
	from frappe.core.doctype.data_import import importer

	from gwk_app.imports.importer import GWKImporter
	from gwk_app.overrides.data_import import GWKDataImport

	assert list(inspect.signature(importer.Importer.__init__).parameters) == [
		"self", "doctype", "data_import", "file_path", "import_type", "console",
	]  # fmt: skip
	assert list(inspect.signature(importer.Row.__init__).parameters) == [
		"self", "index", "row", "doctype", "header", "import_type",
	]  # fmt: skip
	assert list(inspect.signature(importer.Header.__init__).parameters) == [
		"self", "index", "row", "doctype", "raw_data", "column_to_field_map",
	]  # fmt: skip
	for method in ("validate_value", "get_date", "parse_doc"):
		assert hasattr(importer.Row, method)
	for method in ("parse_next_row_for_import", "get_payloads_for_import", "get_warnings"):
		assert hasattr(importer.ImportFile, method)
	assert "Importer(" in inspect.getsource(core.start_import)
	assert "Importer(" in inspect.getsource(core.import_file)
	# the override class is what Frappe builds, and core's module builds our importer
	assert type(frappe.new_doc("Data Import")) is GWKDataImport
	assert core.Importer is GWKImporter


@pytest.mark.parametrize("stem", [s for s, _d in ORDER])
def test_template_headers_are_frappes_german_headers(stem):
	frappe.local.lang = "de"
	expected = templates.headers(stem)
	csv_header = imports.read_csv(templates.fixtures_path() / f"{stem}.csv")[0]
	from openpyxl import load_workbook

	xlsx_header = [
		c.value for c in next(load_workbook(templates.fixtures_path() / f"{stem}.xlsx").active.iter_rows())
	]
	assert csv_header == expected
	assert xlsx_header == expected
	rows = imports.read_csv(templates.fixtures_path() / f"{stem}.csv")[1:]
	assert 3 <= len([r for r in rows if any(r[:2])]) <= 5


@pytest.mark.parametrize("ext", ["csv", "xlsx"])
def test_every_template_imports_into_project_a_as_staff(world, committed, ext):
	existing = _existing_duplicate()
	results = {}
	for stem, doctype in ORDER:
		path = imports.fixture_for_world(stem, ext)
		results[stem] = imports.desk_import(doctype, path, world.users.staff_a)
		assert results[stem].status == "Success", (
			stem,
			imports.messages(results[stem]),
			results[stem].warnings,
		)
	for stem, doctype in ORDER:
		names = [log.docname for log in results[stem].logs]
		header, rows = templates.build(stem)
		assert len(names) == len([r for r in rows if any(r[: len(header) // 2 or 1])]) or names
		if doctype in PROJECT_BOUND:
			assert {frappe.db.get_value(doctype, n, "project") for n in names} == {PROJECT_A}

	residents = {
		log.docname: frappe.get_doc("Resident", log.docname) for log in results["bewohnerinnen"].logs
	}
	by_row = [residents[log.docname] for log in results["bewohnerinnen"].logs]
	assert len(by_row) == 5
	# German values as the template shows them are stored as the options
	assert [r.gender for r in by_row] == ["Female", "Male", "Diverse", "Not specified", "Male"]
	assert by_row[3].interpreter_needed == 1 and by_row[3].full_name == "Frau mit Hund"
	# flagged, never merged: against an existing resident and within the file
	assert by_row[0].possible_duplicate == 1 and existing in by_row[0].duplicate_candidates
	assert by_row[4].possible_duplicate == 1 and by_row[1].name in by_row[4].duplicate_candidates
	assert by_row[2].possible_duplicate == 0 and by_row[3].possible_duplicate == 0
	assert frappe.db.exists("Resident", existing)

	consultations = [frappe.get_doc("Consultation", log.docname) for log in results["beratungskontakte"].logs]
	assert (
		consultations[0].consultation_date == date(2025, 2, 4)
		or str(consultations[0].consultation_date) == "2025-02-04"
	)
	assert consultations[0].channel == "Office Hours" and consultations[0].anonymous == 0
	assert [t.topic for t in consultations[0].topics] == ["Wohngeld", "Formulare und Anträge"]
	assert consultations[0].resident == by_row[2].name  # named by full name, unique in the project
	assert consultations[1].resident == by_row[3].name

	volunteer = frappe.get_doc("Community Volunteer", results["ehrenamtliche"].logs[0].docname)
	assert [s.skill for s in volunteer.skills] == list(templates.SKILLS[:2])
	assert [a.weekday for a in volunteer.availability] == ["Tuesday", "Thursday"]
	assert volunteer.districts[0].district == DISTRICT_A

	event = frappe.get_doc("Community Event", results["veranstaltungen"].logs[0].docname)
	assert event.event_type == "Group Session" and event.status == "Held"
	assert [p.status for p in event.participants] == ["Attended", "Absent", "Attended"]
	assert event.participants[0].resident == by_row[2].name and event.participants[2].guest_name

	network = frappe.get_doc("Network", results["netzwerke"].logs[0].docname)
	assert [m.partner for m in network.members] == list(templates.PARTNERS[:2])
	contact = frappe.get_doc("Contact", results["kooperationspartner_kontakte"].logs[0].docname)
	assert (
		contact.links[0].link_doctype == "Referral Partner"
		and contact.links[0].link_name == templates.PARTNERS[0]
	)
	address = frappe.get_doc("Address", results["kooperationspartner_adressen"].logs[0].docname)
	assert address.address_type == "Office" and address.links[0].link_name == templates.PARTNERS[0]
	tally = frappe.get_doc("Contact Tally", results["strichlisten"].logs[0].docname)
	assert tally.month == date(2024, 10, 1) or str(tally.month) == "2024-10-01"
	assert tally.total_contacts == 40 and tally.counts[2].age_group == "Unknown"


# ------------------------------------------------------------------ one file per rule

RESIDENT_HEADER = ["Projekt", "Vorname", "Nachname", "Geschlecht", "Geburtsjahr", "Stadtgebiet"]
CONSULTATION_HEADER = [
	"Projekt",
	"Datum",
	"Dauer (Minuten)",
	"Zugangsweg",
	"Anonym",
	"Kurznotiz",
	"Thema (Themen)",
]


def _good_residents(tag):
	return [
		[PROJECT_A, f"Ilse{tag}", "Regelfall", "Weiblich", "1970", DISTRICT_A],
		[PROJECT_A, f"Bodo{tag}", "Regelfall", "Männlich", "1982", DISTRICT_A],
	]


def _good_consultations(tag):
	return [
		[PROJECT_A, "03.02.2025", "20", "Sprechzeiten", "1", f"Frage {tag} eins", "Alltagsfragen"],
		[PROJECT_A, "04.02.2025", "10", "Telefon", "Ja", f"Frage {tag} zwei", "Wohngeld"],
	]


def _run(world, doctype, header, rows):
	result = imports.desk_import(doctype, imports.write_csv([header, *rows]), world.users.staff_a)
	return result, imports.messages(result)


def _stored(doctype, **filters):
	return frappe.db.count(doctype, filters)


def _check_rule(world, doctype, header, good, bad, bad_at, expected_text, column):
	"""Rows: good[0], bad (file row 3), good[1]; the bad one is refused with its row, column and reason."""
	rows = [good[0], bad, good[1]] if bad_at == 3 else [*good, bad]
	result, texts = _run(world, doctype, header, rows)
	assert result.status == "Partial Success", (texts, result.warnings)
	assert len(texts) >= 1
	text = texts[0]
	assert text.startswith(f"Zeile {bad_at}, Spalte „{column}“: "), text
	assert expected_text in text, text
	assert [log.success for log in result.logs] == ([1, 0, 1] if bad_at == 3 else [1, 1, 0])
	return result, texts


def test_row_naming_another_project_is_refused_without_revealing_it(world, committed):
	bad = [PROJECT_B, "Greta", "Fremdprojekt", "Weiblich", "1975", DISTRICT_B]
	result, texts = _check_rule(
		world, "Resident", RESIDENT_HEADER, _good_residents("P"), bad, 3, "Projekte Ihres Teams", "Projekt"
	)
	assert _stored("Resident", last_name="Fremdprojekt") == 0
	assert _stored("Resident", first_name="IlseP", project=PROJECT_A) == 1
	assert _stored("Resident", first_name="BodoP", project=PROJECT_A) == 1
	# a project that does not exist gets the same answer
	missing = [["Projekt gibt es nicht", "Greta", "Fremdprojekt", "Weiblich", "1975", ""]]
	_result, other = _run(world, "Resident", RESIDENT_HEADER, missing)
	assert (
		other[0].replace("Projekt gibt es nicht", "X")[1:]
		== texts[0].replace(PROJECT_B, "X").replace("Zeile 3", "Zeile 2")[1:]
	)


def test_anonymous_consultation_with_a_phone_number_is_refused(world, committed):
	bad = [
		PROJECT_A,
		"05.02.2025",
		"15",
		"Sprechzeiten",
		"1",
		"Rückruf unter 0151 2345678 erbeten",
		"Alltagsfragen",
	]
	_check_rule(
		world,
		"Consultation",
		CONSULTATION_HEADER,
		_good_consultations("T"),
		bad,
		3,
		"Telefonnummer",
		"Kurznotiz",
	)
	assert frappe.db.count("Consultation", {"note": ("like", "%0151 2345678%")}) == 0
	assert frappe.db.count("Consultation", {"note": ("like", "Frage T%"), "project": PROJECT_A}) == 2


def test_date_in_the_future_is_refused(world, committed):
	future = (date.today() + timedelta(days=10)).strftime("%d.%m.%Y")
	bad = [PROJECT_A, future, "15", "Sprechzeiten", "1", "Zukunft", "Alltagsfragen"]
	_check_rule(
		world, "Consultation", CONSULTATION_HEADER, _good_consultations("F"), bad, 3, "Zukunft", "Datum"
	)
	assert frappe.db.count("Consultation", {"note": "Zukunft"}) == 0
	assert frappe.db.count("Consultation", {"note": ("like", "Frage F%")}) == 2


def test_unknown_topic_is_refused(world, committed):
	bad = [PROJECT_A, "05.02.2025", "15", "Sprechzeiten", "1", "Unbekanntes Thema", "Quantenphysik"]
	_check_rule(
		world,
		"Consultation",
		CONSULTATION_HEADER,
		_good_consultations("U"),
		bad,
		3,
		"„Quantenphysik“",
		"Thema (Themen)",
	)
	assert frappe.db.count("Consultation", {"note": "Unbekanntes Thema"}) == 0
	assert frappe.db.count("Consultation", {"note": ("like", "Frage U%")}) == 2


def test_select_value_that_is_not_an_option_is_refused(world, committed):
	bad = [PROJECT_A, "Wanda", "Tippfehler", "Weiblch", "1990", DISTRICT_A]
	_result, texts = _check_rule(
		world, "Resident", RESIDENT_HEADER, _good_residents("S"), bad, 3, "„Weiblch“", "Geschlecht"
	)
	assert "Weiblich" in texts[0]  # the choices as the template shows them
	assert _stored("Resident", last_name="Tippfehler") == 0
	assert _stored("Resident", first_name=("in", ["IlseS", "BodoS"])) == 2


def test_missing_mandatory_value_is_refused(world, committed):
	bad = ["", "Mona", "Ohneprojekt", "Weiblich", "1990", DISTRICT_A]
	_check_rule(world, "Resident", RESIDENT_HEADER, _good_residents("M"), bad, 3, "erforderlich", "Projekt")
	assert _stored("Resident", last_name="Ohneprojekt") == 0
	assert _stored("Resident", first_name=("in", ["IlseM", "BodoM"])) == 2


def test_file_without_a_mandatory_column_stores_nothing(world, committed):
	header = RESIDENT_HEADER[1:]
	rows = [r[1:] for r in _good_residents("C")]
	result, texts = _run(world, "Resident", header, rows)
	assert result.status == "Error"
	assert texts[0] == "Zeile 2, Spalte „Projekt“: Die Spalte fehlt in der Datei; sie ist erforderlich."
	assert texts[1].startswith("Zeile 3, Spalte „Projekt“")
	assert _stored("Resident", first_name=("in", ["IlseC", "BodoC"])) == 0


def test_file_of_only_bad_rows_stores_nothing(world, committed):
	before = frappe.db.count("Resident", {"project": ("in", [PROJECT_A, PROJECT_B])})
	rows = [
		[PROJECT_B, "Greta", "Nurschlecht", "Weiblich", "1975", DISTRICT_B],
		[PROJECT_A, "Wanda", "Nurschlecht", "Unsinn", "1990", DISTRICT_A],
		[PROJECT_A, "Otto", "Nurschlecht", "Männlich", "2990", DISTRICT_A],
	]
	result, texts = _run(world, "Resident", RESIDENT_HEADER, rows)
	assert result.status == "Error"
	assert [t.split(",")[0] for t in texts] == ["Zeile 2", "Zeile 3", "Zeile 4"]
	assert "Geburtsjahr" in texts[2]
	assert frappe.db.count("Resident", {"project": ("in", [PROJECT_A, PROJECT_B])}) == before


def test_update_only_records_of_the_team(world, committed):
	own = frappe.get_doc(
		{"doctype": "Resident", "project": PROJECT_A, "first_name": "Udo", "last_name": "Update"}
	).insert(ignore_permissions=True)
	other = frappe.get_doc(
		{"doctype": "Resident", "project": PROJECT_B, "first_name": "Ute", "last_name": "Update"}
	).insert(ignore_permissions=True)
	frappe.db.commit()  # nosemgrep
	rows = [
		["ID", "Sprachen", "Geschlecht"],
		[own.name, "Türkisch", "Männlich"],
		[other.name, "Polnisch", "Weiblich"],
		["RES-99999", "Polnisch", "Weiblich"],
	]
	result = imports.desk_import(
		"Resident", imports.write_csv(rows), world.users.staff_a, "Update Existing Records"
	)
	texts = imports.messages(result)
	assert [log.success for log in result.logs] == [1, 0, 0]
	assert frappe.db.get_value("Resident", own.name, ["languages", "gender"]) == ("Türkisch", "Male")
	assert frappe.db.get_value("Resident", other.name, "languages") is None
	# another project's record and a name that does not exist: the same answer
	assert texts[0].replace(other.name, "X") == texts[1].replace("RES-99999", "X").replace(
		"Zeile 4", "Zeile 3"
	)
	assert texts[0].startswith("Zeile 3, Spalte „ID“")


def test_bench_data_import_path_keeps_the_rules(world, committed):
	from frappe.core.doctype.data_import.data_import import import_file

	rows = [
		RESIDENT_HEADER,
		*_good_residents("B"),
		[PROJECT_B, "Greta", "Konsole", "Weiblich", "1975", DISTRICT_B],
	]
	frappe.set_user(world.users.staff_a)
	out = io.StringIO()
	with redirect_stdout(out):
		import_file("Resident", imports.write_csv(rows), "Insert", console=True)
	frappe.set_user("Administrator")
	printed = out.getvalue()
	assert "Zeile 4, Spalte „Projekt“" in printed
	assert "2 von 3 Datensätzen übernommen, 1 abgelehnt." in printed
	assert _stored("Resident", first_name=("in", ["IlseB", "BodoB"]), project=PROJECT_A) == 2
	assert _stored("Resident", last_name="Konsole") == 0


def test_dry_run_prints_per_row_and_stores_nothing(world, committed):
	from gwk_app.imports.dry_run import check_file, report_lines

	path = imports.fixture_for_world("bewohnerinnen", "csv")
	rows = imports.read_csv(Path(path))
	rows.append(
		[PROJECT_B, "Greta", "Probelauf", "", "Weiblich", "1975", DISTRICT_B, "", "", "", "", "", "0"]
	)
	path = imports.write_csv(rows)
	before = frappe.db.count("Resident", {"project": ("in", [PROJECT_A, PROJECT_B])})
	frappe.local.lang = "de"
	results = check_file("Resident", path, user=world.users.staff_a)
	lines = report_lines(results)
	frappe.set_user("Administrator")
	assert [r.stored for r in results] == [True, True, True, True, True, False]
	assert lines[0] == f"Zeile 2: würde gespeichert im Projekt {PROJECT_A}"
	assert lines[4] == f"Zeile 6: würde gespeichert im Projekt {PROJECT_A} – mögliche Dublette von Zeile 3"
	assert lines[5] == "Zeile 7: würde abgelehnt"
	assert lines[6].strip().startswith("Zeile 7, Spalte „Projekt“")
	assert lines[-1] == "5 Datensätze würden gespeichert, 1 abgelehnt. Es wurde nichts gespeichert."
	assert frappe.db.count("Resident", {"project": ("in", [PROJECT_A, PROJECT_B])}) == before

	# --project: rows of other projects are refused, empty project cells get it
	results = check_file("Resident", path, project=PROJECT_B)
	assert [r.stored for r in results] == [False] * 5 + [True]
	assert frappe.db.count("Resident", {"project": ("in", [PROJECT_A, PROJECT_B])}) == before


def test_bench_command_gwk_import_check(world, committed):
	path = imports.fixture_for_world("bewohnerinnen", "csv")
	before = frappe.db.count("Resident", {"project": ("in", [PROJECT_A, PROJECT_B])})
	run = subprocess.run(
		[str(BENCH / "env" / "bin" / "python"), "-m", "frappe.utils.bench_helper", "frappe", "--site", SITE,
		 "gwk-import-check", path, "--doctype", "Resident", "--project", PROJECT_A],
		cwd=BENCH / "sites", capture_output=True, text=True, timeout=300,
	)  # fmt: skip
	assert run.returncode == 0, run.stdout + run.stderr
	assert "5 Datensätze würden gespeichert, 0 abgelehnt. Es wurde nichts gespeichert." in run.stdout
	frappe.db.rollback()
	assert frappe.db.count("Resident", {"project": ("in", [PROJECT_A, PROJECT_B])}) == before
	assert sys.executable


# ------------------------------------------------------------------ templates in the workspace


def test_templates_are_downloadable_from_the_workspace(world):
	from frappe.desk.desktop import get_desktop_page

	from gwk_app.api.imports import download_template, list_templates

	ws = frappe.get_doc("Workspace", "Gemeinwesen")
	group = [link.label for link in ws.links if link.type == "Card Break"]
	assert "Import Data" in group
	frappe.clear_cache(user=world.users.staff_a)
	frappe.set_user(world.users.staff_a)
	frappe.local.lang = "de"
	page = get_desktop_page('{"name": "Gemeinwesen", "title": "Gemeinwesen", "public": 1}')
	cards = {c["label"]: [link["label"] for link in c["links"]] for c in page["cards"]["items"]}
	assert cards["Daten übernehmen"] == ["Importvorlagen", "Datenimport", "Strichliste"]
	listed = list_templates()
	assert [t["template"] for t in listed] == list(templates.TEMPLATES)
	download_template("bewohnerinnen", "xlsx")
	assert (
		frappe.local.response.filecontent == (templates.fixtures_path() / "bewohnerinnen.xlsx").read_bytes()
	)
	assert frappe.local.response.filename == "bewohnerinnen.xlsx"
	with pytest.raises(frappe.DoesNotExistError):
		download_template("../../site_config", "json")
	frappe.set_user(world.users.carrier)
	assert list_templates() == []
	with pytest.raises(frappe.PermissionError):
		download_template("bewohnerinnen", "csv")


def test_staff_see_only_their_own_imports(world, committed):
	rows = [RESIDENT_HEADER, *_good_residents("O")]
	result = imports.desk_import("Resident", imports.write_csv(rows), world.users.staff_a)
	assert result.status == "Success"
	assert frappe.has_permission("Data Import", "read", result.doc, user=world.users.staff_a)
	assert not frappe.has_permission("Data Import", "read", result.doc, user=world.users.staff_b)
	frappe.set_user(world.users.staff_b)
	assert result.doc.name not in frappe.get_list("Data Import", pluck="name")
	file_name = frappe.db.get_value("File", {"file_url": result.doc.import_file})
	assert not frappe.has_permission("File", "read", file_name, user=world.users.staff_b)
	frappe.set_user(world.users.carrier)
	assert not frappe.has_permission("Data Import", "create")
