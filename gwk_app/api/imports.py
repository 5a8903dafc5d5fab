"""Import templates for the desk (workspace group "Daten übernehmen", page import-templates): the list
and the files of the repository's top-level fixtures/."""

import frappe
from frappe import _

from gwk_app.imports.templates import TEMPLATES, fixtures_path

FILE_TYPES = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def _may_import(doctype: str) -> bool:
	return bool(frappe.has_permission(doctype, "create")) and bool(
		frappe.has_permission("Data Import", "create")
	)


@frappe.whitelist()
def list_templates() -> list[dict]:
	"""The templates this user may import (their doctype's create permission), with their titles."""
	return [
		{"template": stem, "doctype": doctype, "title": title, "doctype_label": _(doctype)}
		for stem, (doctype, _fields, title) in TEMPLATES.items()
		if _may_import(doctype)
	]


@frappe.whitelist()
def download_template(template: str, file_type: str = "xlsx") -> None:
	"""One template file as a download."""
	if not isinstance(template, str) or template not in TEMPLATES or file_type not in FILE_TYPES:
		frappe.throw(_("No such import template."), frappe.DoesNotExistError)
	if not _may_import(TEMPLATES[template][0]):
		frappe.throw(_("You may not import these records."), frappe.PermissionError)
	path = fixtures_path() / f"{template}.{file_type}"
	frappe.local.response.filename = path.name
	frappe.local.response.filecontent = path.read_bytes()
	frappe.local.response.type = "download"
