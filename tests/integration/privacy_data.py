"""Synthetic records for the privacy tests (never real names), and the scans and figures the erasure
tests compare before and after."""

import json

import frappe
from frappe.utils import add_days, today

from tests.integration.world import DISTRICT_A, PASSWORD, _user

ESF_OFFICER = "gwk-esf-officer@example.com"


PROJECT = "GWK Test Privacy"
STAFF = "gwk-privacy-staff@example.com"


def privacy_world(world):
	"""A project of its own with an ESF officer and a staff member on its team (committed, idempotent):
	the shared world's teams stay as they are."""
	officer = _user(ESF_OFFICER, ["GWK ESF Officer"])
	staff = _user(STAFF, ["GWK Staff", "GWK Project Lead"])
	if not frappe.db.exists("Community Project", PROJECT):
		frappe.get_doc(
			{
				"doctype": "Community Project",
				"project_name": PROJECT,
				"project_type": "Community Coordination",
				"participant_target": 100,
				"districts": [{"district": DISTRICT_A}],
				"team": [
					{"user": officer, "project_role": "Coordinator"},
					{"user": staff, "project_role": "Coordinator"},
				],
			}
		).insert(ignore_permissions=True)
	frappe.db.commit()  # shared by the privacy tests and the web server
	return frappe._dict(project=PROJECT, officer=officer, staff=staff, password=PASSWORD)


def resident(project: str, last_name: str, **values) -> str:
	doc = frappe.get_doc(
		{
			"doctype": "Resident",
			"project": project,
			"first_name": values.pop("first_name", "Testa"),
			"last_name": last_name,
			"gender": values.pop("gender", "Female"),
			"birth_year": values.pop("birth_year", 1984),
			"district": values.pop("district", DISTRICT_A),
			**values,
		}
	)
	doc.insert()
	return doc.name


def consent(project: str, resident_name: str, purpose: str, given_on=None, **values) -> str:
	doc = frappe.get_doc(
		{
			"doctype": "Consent",
			"project": project,
			"resident": resident_name,
			"purpose": purpose,
			"given_on": given_on or add_days(today(), -10),
			"form_version": "2026-01",
			"legal_basis": "Art. 9(2)(a) GDPR Explicit Consent"
			if purpose == "ESF Participant Data"
			else "Art. 6(1)(a) GDPR Consent",
			**values,
		}
	)
	doc.insert()
	return doc.name


def esf(project: str, resident_name: str, **values):
	doc = frappe.get_doc(
		{
			"doctype": "ESF Participation",
			"project": project,
			"resident": resident_name,
			"entry_date": values.pop("entry_date", add_days(today(), -5)),
			"employment_status": values.pop("employment_status", "Long-term Unemployed"),
			"isced_level": values.pop("isced_level", "ISCED 3-4"),
			**values,
		}
	)
	doc.insert()
	return doc


__all__ = [
	"PASSWORD",
	"ESF_OFFICER",
	"PROJECT",
	"STAFF",
	"all_reports",
	"consent",
	"counted_figures",
	"database_with",
	"esf",
	"privacy_world",
	"resident",
]


TEXT_TYPES = ("char", "varchar", "tinytext", "text", "mediumtext", "longtext", "json", "enum", "set")


def database_with(markers: list[str]) -> list[tuple[str, str, str]]:
	"""(table, column, sample) for every text column of every table that holds a marker."""
	columns = frappe.db.sql(
		"""select table_name, column_name from information_schema.columns
		where table_schema = database() and data_type in %(types)s
		order by table_name, ordinal_position""",
		{"types": TEXT_TYPES},
	)
	by_table: dict[str, list[str]] = {}
	for table, column in columns:
		by_table.setdefault(table, []).append(column)
	hits = []
	for table, cols in by_table.items():
		for marker in markers:
			condition = " or ".join(f"`{c}` like %s" for c in cols)
			rows = frappe.db.sql(
				f"select * from `{table}` where {condition} limit 3",  # noqa: S608 - identifiers from information_schema
				[f"%{marker}%"] * len(cols),
				as_dict=True,
			)
			for row in rows:
				for c in cols:
					value = row.get(c)
					if isinstance(value, str) and marker.lower() in value.lower():
						hits.append((table, c, value[:160]))
	return hits


def counted_figures(project: str) -> dict:
	"""The counts every report rests on, by project, age group, gender, district and status."""
	groups = {
		"Resident": ["project", "age_group", "gender", "district"],
		"Consultation": ["project", "age_group", "gender", "district", "channel", "anonymous"],
		"Case": ["project", "status", "case_type"],
		"Case Party": ["parenttype", "party_role"],
		"Referral": ["project", "status", "method", "partner"],
		"Consent": ["project", "purpose", "status"],
		"ESF Participation": [
			"project", "gender", "age_group", "employment_status", "isced_level", "disability", "minority",
		],
		"Data Subject Request": ["request_type"],
		"Consultation Appointment": ["project", "status", "duration_minutes"],
	}  # fmt: skip
	if frappe.db.exists("DocType", "Community Event Participant"):
		groups["Community Event Participant"] = ["parenttype", "status"]
		groups["Community Event Photo"] = ["parenttype", "publicity_evidence"]
	if frappe.db.exists("DocType", "Volunteer Hours"):
		groups["Community Volunteer"] = ["project", "status"]
		groups["Volunteer Assignment"] = ["project", "status"]
		groups["Volunteer Hours"] = ["project", "hours"]
	out = {}
	for doctype, fields in groups.items():
		out[doctype] = frappe.get_all(
			doctype, fields=[*fields, "count(*) as n"], group_by=", ".join(fields), order_by=", ".join(fields)
		)
	return out


def all_reports() -> dict:
	"""The output of every Script Report of the Reports module, run as Administrator."""
	from frappe.core.doctype.report.report import get_report_module_dotted_path

	out = {}
	for name in frappe.get_all(
		"Report", filters={"module": "Reports", "report_type": "Script Report"}, pluck="name"
	):
		module = frappe.get_module(get_report_module_dotted_path("Reports", name))
		result = module.execute(frappe._dict())
		out[name] = json.loads(frappe.as_json(result[:2]))
	return out
