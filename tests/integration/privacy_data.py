"""Synthetic records for the privacy tests (never real names)."""

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


__all__ = ["PASSWORD", "ESF_OFFICER", "PROJECT", "STAFF", "privacy_world", "resident", "consent", "esf"]
