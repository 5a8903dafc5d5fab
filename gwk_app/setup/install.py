"""Install and uninstall steps: flat, idempotent, safe to run on every migrate."""

import frappe

from gwk_app.constants import CORE_REFERENCES, DESK_ROLES, MODULES, ROLES
from gwk_app.imports.setup import grant_import_permissions

# The topic master list is data, kept in the carrier's language: (topic, special category under Art. 9)
TOPICS = (
	("Alltagsfragen", 0),
	("Formulare und Anträge", 0),
	("Bürgergeld", 0),
	("Arbeitslosengeld I", 0),
	("Wohngeld", 0),
	("Kinderzuschlag", 0),
	("Arbeitssuche und Bewerbung", 0),
	("Schulden", 0),
	("Sucht", 1),
	("Wohnen", 0),
	("Gesundheit", 1),
	("Familie", 0),
	("Rechtsfragen", 0),
	("Nachbarschaftskonflikt", 0),
	("Integration und Migration", 0),
	("Sprache", 0),
	("Ehrenamt", 0),
	("Sonstiges", 0),
)


def after_install():
	create_roles()
	create_topics()
	grant_import_permissions()
	create_case_kanban_board()
	set_settings_defaults()
	create_carrier_email_report()


def after_migrate():
	create_roles()
	create_topics()
	grant_import_permissions()
	create_case_kanban_board()
	create_carrier_email_report()


def create_carrier_email_report():
	"""The carrier overview's monthly e-mail, off until the carrier manager enables it."""
	from gwk_app.reports.carrier_desk import ensure_carrier_email_report

	ensure_carrier_email_report()


def create_roles():
	for role in ROLES:
		if frappe.db.exists("Role", role):
			continue
		frappe.get_doc({"doctype": "Role", "role_name": role, "desk_access": int(role in DESK_ROLES)}).insert(
			ignore_permissions=True
		)


def create_topics():
	existing = set(frappe.get_all("Topic", pluck="name"))
	for topic, special in TOPICS:
		if topic in existing:
			continue
		frappe.get_doc({"doctype": "Topic", "topic_name": topic, "special_category": special}).insert(
			ignore_permissions=True
		)


CASE_KANBAN_BOARD = "Cases by Status"
# case status -> column colour on the board
CASE_KANBAN_COLUMNS = (
	("Open", "Blue"),
	("In Progress", "Orange"),
	("Referred", "Purple"),
	("Dormant", "Gray"),
	("Closed", "Green"),
)


def create_case_kanban_board():
	"""The shared kanban board of cases by status. Moving a card saves the case, so the status rules
	of the Case controller apply."""
	if frappe.db.exists("Kanban Board", CASE_KANBAN_BOARD):
		return
	frappe.get_doc(
		{
			"doctype": "Kanban Board",
			"kanban_board_name": CASE_KANBAN_BOARD,
			"reference_doctype": "Case",
			"field_name": "status",
			"private": 0,
			"show_labels": 1,
			"fields": '["title", "resident_name", "next_follow_up"]',
			"columns": [
				{"column_name": status, "status": "Active", "indicator": colour}
				for status, colour in CASE_KANBAN_COLUMNS
			],
		}
	).insert(ignore_permissions=True)


def set_settings_defaults():
	"""Write the defaults of the doctype JSON into a new site's GWK Settings (none is overwritten)."""
	from gwk_app import settings

	for field, value in settings.defaults().items():
		if not frappe.db.get_single_value("GWK Settings", field):
			frappe.db.set_single_value("GWK Settings", field, value)


def before_uninstall():
	"""Remove what the app created outside its own doctypes; Frappe drops the doctypes' tables."""
	our_doctypes = frappe.get_all("DocType", filters={"module": ("in", MODULES)}, pluck="name")
	if our_doctypes:
		for doctype, field, _name_field in CORE_REFERENCES:
			frappe.db.delete(doctype, {field: ("in", our_doctypes)})
		global_search = frappe.qb.Table("__global_search")
		frappe.qb.from_(global_search).delete().where(global_search.doctype.isin(our_doctypes)).run()
		boards = frappe.get_all(
			"Kanban Board", filters={"reference_doctype": ("in", our_doctypes)}, pluck="name"
		)
		for board in boards:
			frappe.delete_doc("Kanban Board", board, ignore_permissions=True, force=True)
	our_reports = frappe.get_all("Report", filters={"module": ("in", MODULES)}, pluck="name")
	if our_reports:
		frappe.db.delete("Auto Email Report", {"report": ("in", our_reports)})
	for role in ROLES:
		frappe.db.delete("Has Role", {"role": role})
		frappe.db.delete("Custom DocPerm", {"role": role})
		if frappe.db.exists("Role", role):
			frappe.delete_doc("Role", role, ignore_permissions=True, force=True)
	frappe.db.delete("Custom Field", {"module": ("in", MODULES)})
	frappe.db.delete("Property Setter", {"module": ("in", MODULES)})
	# scheduled jobs come from hooks; Frappe would drop them only at the next migrate
	jobs = frappe.get_all("Scheduled Job Type", filters={"method": ("like", "gwk_app.%")}, pluck="name")
	if jobs:
		frappe.db.delete("Scheduled Job Log", {"scheduled_job_type": ("in", jobs)})
		frappe.db.delete("Scheduled Job Type", {"name": ("in", jobs)})
