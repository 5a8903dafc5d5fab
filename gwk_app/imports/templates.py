"""The import templates in the repository's top-level `fixtures/`: which fields each one has and its
synthetic example rows (Faker de_DE, a fixed seed: never real people).

The headers are Frappe's own (its Exporter, as Data Import's "Download Template" builds them) in
German; the example rows name the demo site's project and districts. `write_fixtures()` writes the
CSV and XLSX files (bench execute gwk_app.imports.templates.write_fixtures); a test checks that the
committed files still carry the headers Frappe shows today.
"""

import csv
import io
from datetime import date, datetime, time
from pathlib import Path

import frappe
from frappe import _

PROJECT = "Demo GWK Lindenhain"
DISTRICT = "Lindenhain"
PARTNERS = ("Schuldnerberatung Lindenhain e.V.", "Sprachcafé Lindenhain", "Wohnungsgenossenschaft Am Hain eG")
SKILLS = ("Nachhilfe", "Begleitung zu Ämtern", "Übersetzen", "Gartenarbeit")

# file stem -> (doctype, {doctype or table field: [fieldnames]}, German title)
TEMPLATES = {
	"bewohnerinnen": (
		"Resident",
		{
			"Resident": [
				"project", "first_name", "last_name", "pseudonym", "gender", "birth_year", "district",
				"postcode", "street", "phone", "email", "languages", "interpreter_needed",
			],
		},
		"Bewohnerinnen und Bewohner",
	),
	"kooperationspartner": (
		"Referral Partner",
		{
			"Referral Partner": [
				"partner_name", "partner_type", "takes_referrals", "website", "languages", "service_description",
			],
			"services": ["topic"],
			"districts": ["district"],
		},
		"Kooperationspartner",
	),
	"kooperationspartner_kontakte": (
		"Contact",
		{
			"Contact": ["first_name", "last_name", "designation"],
			"email_ids": ["email_id", "is_primary"],
			"phone_nos": ["phone", "is_primary_phone"],
			"links": ["link_doctype", "link_name"],
		},
		"Ansprechpersonen der Kooperationspartner",
	),
	"kooperationspartner_adressen": (
		"Address",
		{
			"Address": ["address_title", "address_type", "address_line1", "pincode", "city", "country"],
			"links": ["link_doctype", "link_name"],
		},
		"Adressen der Kooperationspartner",
	),
	"ehrenamtliche": (
		"Community Volunteer",
		{
			"Community Volunteer": [
				"project", "volunteer_name", "status", "onboarding_date", "email", "phone", "languages",
				"interests", "clearance_date",
			],
			"skills": ["skill"],
			"districts": ["district"],
			"availability": ["weekday", "from_time", "to_time"],
		},
		"Ehrenamtliche",
	),
	"veranstaltungen": (
		"Community Event",
		{
			"Community Event": [
				"project", "title", "event_type", "status", "starts_on", "ends_on", "place", "district",
				"headcount_total",
			],
			"participants": ["resident", "guest_name", "status"],
		},
		"Veranstaltungen mit Teilnehmenden",
	),
	"netzwerke": (
		"Network",
		{
			"Network": ["project", "network_name", "network_type", "level", "district", "active", "purpose"],
			"members": ["partner"],
		},
		"Netzwerke und Gremien",
	),
	"beratungskontakte": (
		"Consultation",
		{
			"Consultation": [
				"project", "consultation_date", "duration_minutes", "channel", "district", "anonymous",
				"resident", "note",
			],
			"topics": ["topic"],
		},
		"Beratungskontakte (namentlich)",
	),
	"strichlisten": (
		"Contact Tally",
		{
			"Contact Tally": ["project", "month", "source"],
			"counts": ["topic", "channel", "district", "gender", "age_group", "contacts"],
		},
		"Strichlisten anonymer Kontakte",
	),
}  # fmt: skip


def fixtures_path() -> Path:
	return Path(frappe.get_app_path("gwk_app")).parent / "fixtures"


def headers(stem: str) -> list[str]:
	"""The header row Frappe's Data Import template has for these fields, in the user's language."""
	from frappe.core.doctype.data_import.exporter import Exporter

	doctype, fields, _title = TEMPLATES[stem]
	return list(Exporter(doctype, export_fields=fields, export_data=False).csv_array[0])


def _shown(doctype: str, fieldname: str, value: str) -> str:
	"""A Select value as the template shows it to a German user."""
	df = frappe.get_meta(doctype).get_field(fieldname)
	shown = _(value, context=df.parent)
	return shown if shown != value else _(value)


def example_rows(stem: str, fake) -> list[list]:
	"""Rows in the order of the template's columns (child rows continue on lines with empty parent
	cells, as Frappe's Data Import reads them)."""
	s = _shown
	if stem == "bewohnerinnen":
		people = [
			(fake.first_name_female(), fake.last_name(), "Female", 1961),
			(fake.first_name_male(), fake.last_name(), "Male", 1987),
		]
		people += [(fake.first_name_nonbinary(), fake.last_name(), "Diverse", 1999)]
		rows = []
		for first, last, gender, born in people:
			rows.append(
				[
					PROJECT,
					first,
					last,
					"",
					s("Resident", "gender", gender),
					born,
					DISTRICT,
					"98130",
					fake.street_address(),
					"0371 " + fake.numerify("######"),
					fake.ascii_free_email(),
					"Deutsch",
					0,
				]
			)
		rows.append(
			[
				PROJECT,
				"",
				"",
				"Frau mit Hund",
				s("Resident", "gender", "Not specified"),
				"",
				DISTRICT,
				"",
				"",
				"",
				"",
				"Arabisch",
				1,
			]
		)
		# the same person as the second row, typed a second time: flagged as a possible duplicate
		rows.append(
			[PROJECT, *rows[1][1:3], "", rows[1][4], rows[1][5], DISTRICT, "98130", "", "", "", "", 0]
		)
		return rows
	if stem == "kooperationspartner":
		return [
			[PARTNERS[0], s("Referral Partner", "partner_type", "Counselling Service"), 1, "https://schuldnerberatung.example.org", "Deutsch, Russisch", "Schuldner- und Insolvenzberatung, offene Sprechstunde", "Schulden", DISTRICT],
			["", "", "", "", "", "", "Formulare und Anträge", ""],
			[PARTNERS[1], s("Referral Partner", "partner_type", "Initiative"), 1, "", "Deutsch, Arabisch, Ukrainisch", "Sprachcafé jeden Donnerstag", "Sprache", DISTRICT],
			["", "", "", "", "", "", "Integration und Migration", ""],
			[PARTNERS[2], s("Referral Partner", "partner_type", "Housing Company"), 0, "https://am-hain.example.org", "Deutsch", "Vermietung, Hausverwaltung, Mieterberatung", "Wohnen", DISTRICT],
		]  # fmt: skip
	if stem == "kooperationspartner_kontakte":
		rows = []
		for partner, role in zip(PARTNERS, ("Beraterin", "Koordination", "Kundenberatung"), strict=True):
			rows.append(
				[
					fake.first_name(),
					fake.last_name(),
					role,
					fake.user_name() + "@example.org",
					1,
					"0371 " + fake.numerify("######"),
					1,
					"Referral Partner",
					partner,
				]
			)
		return rows
	if stem == "kooperationspartner_adressen":
		return [
			[partner, s("Address", "address_type", "Office"), fake.street_address(), "98130", "Musterstadt", "Germany", "Referral Partner", partner]
			for partner in PARTNERS
		]  # fmt: skip
	if stem == "ehrenamtliche":
		names = [f"{fake.first_name()} {fake.last_name()}" for _i in range(3)]
		return [
			[PROJECT, names[0], s("Community Volunteer", "status", "Active"), date(2024, 3, 1), fake.ascii_free_email(), "0151 " + fake.numerify("#######"), "Deutsch, Englisch", "Lesen, Kinder", date(2024, 2, 12), SKILLS[0], DISTRICT, s("Community Volunteer Availability", "weekday", "Tuesday"), time(15, 0), time(17, 0)],
			["", "", "", "", "", "", "", "", "", SKILLS[1], "", s("Community Volunteer Availability", "weekday", "Thursday"), time(10, 0), time(12, 0)],
			[PROJECT, names[1], s("Community Volunteer", "status", "Active"), date(2023, 9, 15), fake.ascii_free_email(), "", "Deutsch, Arabisch", "Übersetzen", "", SKILLS[2], DISTRICT, s("Community Volunteer Availability", "weekday", "Monday"), time(9, 0), time(11, 30)],
			[PROJECT, names[2], s("Community Volunteer", "status", "Paused"), date(2022, 5, 2), "", "", "Deutsch", "Garten", "", SKILLS[3], DISTRICT, "", "", ""],
		]  # fmt: skip
	if stem == "veranstaltungen":
		return [
			[PROJECT, "Nähtreff im Stadtteilbüro", s("Community Event", "event_type", "Group Session"), s("Community Event", "status", "Held"), datetime(2025, 3, 4, 15, 0), datetime(2025, 3, 4, 17, 0), "Stadtteilbüro", DISTRICT, 6, "{resident:0}", "", s("Community Event Participant", "status", "Attended")],
			["", "", "", "", "", "", "", "", "", "{resident:1}", "", s("Community Event Participant", "status", "Absent")],
			["", "", "", "", "", "", "", "", "", "", fake.first_name(), s("Community Event Participant", "status", "Attended")],
			[PROJECT, "Computerkurs für Einsteiger:innen", s("Community Event", "event_type", "Workshop"), s("Community Event", "status", "Held"), datetime(2025, 4, 9, 10, 0), datetime(2025, 4, 9, 12, 0), "Bibliothek", DISTRICT, 8, "{resident:0}", "", s("Community Event Participant", "status", "Attended")],
			[PROJECT, "Stadtteilfest Lindenhain", s("Community Event", "event_type", "District Festival"), s("Community Event", "status", "Held"), datetime(2025, 6, 14, 14, 0), datetime(2025, 6, 14, 19, 0), "Marktplatz", DISTRICT, 350, "", "", ""],
		]  # fmt: skip
	if stem == "netzwerke":
		return [
			[PROJECT, "Stadtteilrunde Lindenhain", s("Network", "network_type", "Round Table"), s("Network", "level", "District"), DISTRICT, 1, "Austausch der Träger und Initiativen im Stadtteil", PARTNERS[0]],
			["", "", "", "", "", "", "", PARTNERS[1]],
			[PROJECT, "AK Wohnen", s("Network", "network_type", "Working Group"), s("Network", "level", "City"), "", 1, "Wohnungsnot und Mieterfragen", PARTNERS[2]],
			[PROJECT, "Gewerbestammtisch", s("Network", "network_type", "Round Table"), s("Network", "level", "District"), DISTRICT, 0, "", ""],
		]  # fmt: skip
	if stem == "beratungskontakte":
		office, phone = s("Consultation", "channel", "Office Hours"), s("Consultation", "channel", "Phone")
		return [
			[PROJECT, date(2025, 2, 4), 30, office, DISTRICT, 0, "{resident:0}", "Antrag auf Wohngeld ausgefüllt", "Wohngeld"],
			["", "", "", "", "", "", "", "", "Formulare und Anträge"],
			[PROJECT, date(2025, 2, 11), 15, phone, DISTRICT, 0, "{resident:1}", "Termin bei der Schuldnerberatung vereinbart", "Schulden"],
			[PROJECT, date(2025, 3, 18), 45, office, DISTRICT, 0, "{resident:0}", "", "Arbeitssuche und Bewerbung"],
			[PROJECT, date(2025, 3, 25), 20, s("Consultation", "channel", "Outreach"), DISTRICT, 0, "{resident:0}", "", "Nachbarschaftskonflikt"],
		]  # fmt: skip
	if stem == "strichlisten":
		office = s("Contact Tally Count", "channel", "Office Hours")
		outreach = s("Contact Tally Count", "channel", "Outreach")
		female, male = (
			s("Contact Tally Count", "gender", "Female"),
			s("Contact Tally Count", "gender", "Male"),
		)
		unknown = s("Contact Tally Count", "gender", "Not specified")
		return [
			[PROJECT, date(2024, 10, 1), "Strichliste Sprechstunde", "Alltagsfragen", office, DISTRICT, female, "30-54", 12],
			["", "", "", "Bürgergeld", office, DISTRICT, male, "55-64", 7],
			["", "", "", "Sonstiges", outreach, DISTRICT, unknown, s("Contact Tally Count", "age_group", "Unknown"), 21],
			[PROJECT, date(2024, 11, 1), "Strichliste Sprechstunde", "Alltagsfragen", office, DISTRICT, female, "18-29", 9],
			["", "", "", "Wohnen", outreach, DISTRICT, unknown, s("Contact Tally Count", "age_group", "Unknown"), 14],
			[PROJECT, date(2024, 12, 1), "Strichliste Adventsmarkt", "Ehrenamt", s("Contact Tally Count", "channel", "At an Event"), DISTRICT, female, "65 and over", 5],
		]  # fmt: skip
	raise KeyError(stem)


def resident_names(fake) -> list[str]:
	"""Full names of residents of the resident template that are unique in it (the event and
	consultation templates name them): the third row's and the pseudonym of the fourth."""
	rows = example_rows("bewohnerinnen", fake)
	return [" ".join(rows[2][1:3]), rows[3][3]]


def build(stem: str, seed: int = 2026) -> tuple[list[str], list[list]]:
	from faker import Faker

	fake = Faker("de_DE")
	Faker.seed(seed)
	names = resident_names(fake)
	Faker.seed(seed + sum(ord(c) for c in stem) if stem != "bewohnerinnen" else seed)
	rows = example_rows(stem, fake)
	for row in rows:
		for i, cell in enumerate(row):
			if isinstance(cell, str) and cell.startswith("{resident:"):
				row[i] = names[int(cell[10:-1])]
	return headers(stem), rows


def _csv_cell(value):
	if isinstance(value, datetime):
		return value.strftime("%d.%m.%Y %H:%M")
	if isinstance(value, date):
		return value.strftime("%d.%m.%Y")
	if isinstance(value, time):
		return value.strftime("%H:%M")
	return value


def csv_bytes(header: list[str], rows: list[list]) -> bytes:
	out = io.StringIO()
	writer = csv.writer(out, lineterminator="\n")
	writer.writerow(header)
	writer.writerows([[_csv_cell(c) for c in row] for row in rows])
	return out.getvalue().encode("utf-8")


def xlsx_bytes(header: list[str], rows: list[list], title: str) -> bytes:
	from openpyxl import Workbook
	from openpyxl.styles import Font

	wb = Workbook()
	ws = wb.active
	ws.title = "".join(c for c in title if c not in "[]:*?/\\")[:31]
	ws.append(header)
	for cell in ws[1]:
		cell.font = Font(bold=True)
	for row in rows:
		ws.append([None if c == "" else c for c in row])
	for column in ws.iter_cols(min_row=2):
		for cell in column:
			if isinstance(cell.value, datetime):
				cell.number_format = "DD.MM.YYYY HH:MM"
			elif isinstance(cell.value, date):
				cell.number_format = "DD.MM.YYYY"
			elif isinstance(cell.value, time):
				cell.number_format = "HH:MM"
	for i, text in enumerate(header, start=1):
		ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = max(12, len(text) + 2)
	out = io.BytesIO()
	wb.save(out)
	return out.getvalue()


def write_fixtures(path: str | None = None) -> list[str]:
	"""Write every template as CSV and XLSX (German headers, whatever the caller's language)."""
	frappe.local.lang = "de"
	folder = Path(path) if path else fixtures_path()
	folder.mkdir(parents=True, exist_ok=True)
	written = []
	for stem, (_doctype, _fields, title) in TEMPLATES.items():
		header, rows = build(stem)
		(folder / f"{stem}.csv").write_bytes(csv_bytes(header, rows))
		(folder / f"{stem}.xlsx").write_bytes(xlsx_bytes(header, rows, title))
		written += [f"{stem}.csv", f"{stem}.xlsx"]
	return written
