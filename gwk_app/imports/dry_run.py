"""The dry run of an import (bench command gwk-import-check): per row what would be stored and what
would be refused and why, with the same rules as Data Import, storing nothing."""

import os

import frappe
from frappe import _

from gwk_app.imports.importer import GWKImporter

IMPORT_TYPES = {"insert": "Insert New Records", "update": "Update Existing Records"}


def check_file(
	doctype: str,
	file_path: str,
	project: str | None = None,
	import_type: str = "insert",
	user: str | None = None,
) -> list[frappe._dict]:
	"""[{rows, stored, name, project, duplicates, messages}] for the file, as `user` would import it
	(default: the current user). Everything written while checking is rolled back."""
	if user:
		frappe.set_user(user)
	data_import = frappe.new_doc("Data Import")
	data_import.reference_doctype = doctype
	data_import.import_type = IMPORT_TYPES[import_type.lower()]
	importer = GWKImporter(
		doctype, data_import=data_import, file_path=os.path.abspath(file_path), console=True
	)
	return importer.dry_run(only_project=project)


def report_lines(results: list[frappe._dict]) -> list[str]:
	lines = []
	for r in results:
		rows = ", ".join(str(n) for n in r.rows)
		if r.stored:
			line = _("Row {0}: would be stored").format(rows)
			if r.project:
				line += " " + _("in project {0}").format(r.project)
			if r.duplicates:
				line += " – " + _("possible duplicate of {0}").format(r.duplicates)
			lines.append(line)
		else:
			lines.append(_("Row {0}: would be refused").format(rows))
			lines += ["    " + m for m in r.messages]
	stored = len([r for r in results if r.stored])
	lines.append(
		_("{0} record(s) would be stored, {1} refused. Nothing was stored.").format(
			stored, len(results) - stored
		)
	)
	return lines
