"""before_request guard: REST writes to the app's doctypes must carry a JSON object.

Core answers a JSON array or a JSON string as the body of POST/PUT /api/resource/<doctype> with an
HTTP 500; for the app's doctypes the client gets a clear, translated validation error instead."""

from urllib.parse import unquote

import frappe
from frappe import _

from gwk_app.validation import is_app_doctype


def validate_rest_body() -> None:
	request = getattr(frappe.local, "request", None)
	if request is None or request.method not in ("POST", "PUT"):
		return
	parts = request.path.strip("/").split("/")
	if len(parts) < 3 or parts[:2] != ["api", "resource"]:
		return
	doctype = unquote(parts[2])
	if not is_app_doctype(doctype):
		return
	data = frappe.form_dict.get("data")
	if data is None:
		data = frappe.form_dict  # a JSON object body becomes the form dict itself
	elif isinstance(data, str):
		try:
			data = frappe.parse_json(data)
		except ValueError:
			data = None
	if not isinstance(data, dict):
		frappe.throw(_("The request body must be a JSON object."), title=_("Invalid Request"))
	# core builds the document before any validation runs: a table given as anything but a list of
	# objects fails there with HTTP 500
	for df in frappe.get_meta(doctype).get_table_fields():
		rows = data.get(df.fieldname)
		if rows is not None and not (isinstance(rows, list) and all(isinstance(r, dict) for r in rows)):
			frappe.throw(
				_("{0}: a table needs a list of rows.").format(_(df.label)), title=_("Invalid Request")
			)
