"""Who read or exported personal data, when and what: written to Frappe's Access Log, which the data
protection officer reviews (Desk: Access Log list, filtered by document)."""

import frappe
from frappe.core.doctype.access_log.access_log import make_access_log


def log_access(doctype: str, name: str, method: str, file_type: str | None = None) -> None:
	"""One Access Log row: the user, the time, the record and what was done. Frappe's make_access_log
	defers the write on a read-only request and commits it on a GET (a form load changes nothing else)."""
	make_access_log(doctype=doctype, document=name, method=method, file_type=file_type)


def log_form_load(doc, method=None) -> None:
	"""doc_events `onload` hook: opening a personal record in the form is logged."""
	if frappe.session.user == "Guest":
		return
	log_access(doc.doctype, doc.name, method="Form Load")
