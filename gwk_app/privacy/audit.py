"""Who read or exported personal data, when and what: written to Frappe's Access Log, which the data
protection officer reviews in the report Access Log Review."""

from urllib.parse import unquote

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


# records whose every read is logged, also over the REST API
LOGGED_DOCTYPES = frozenset({"Resident", "ESF Participation"})
_RESOURCE_PREFIXES = ("/api/resource/", "/api/v1/resource/", "/api/v2/document/")
_READ_METHODS = ("/api/method/frappe.client.get", "/api/v1/method/frappe.client.get")


def log_rest_read(response=None, request=None) -> None:
	"""after_request hook: a successful REST read of a resident or ESF record is logged like a form
	load (the desk form logs through `onload`; REST reads never call it)."""
	if response is None or request is None or response.status_code != 200:
		return
	session = getattr(frappe.local, "session", None)
	if not session or session.get("user") in (None, "Guest"):
		return
	doctype = name = None
	path = request.path
	if request.method == "GET" and path.startswith(_RESOURCE_PREFIXES):
		parts = [unquote(p) for p in path.split("/") if p]
		if len(parts) == 4:  # api, resource, doctype, name
			doctype, name = parts[2], parts[3]
	elif path in _READ_METHODS:
		doctype, name = frappe.form_dict.get("doctype"), frappe.form_dict.get("name")
	if doctype in LOGGED_DOCTYPES and isinstance(name, str) and name:
		log_access(doctype, name, method="REST Read")
