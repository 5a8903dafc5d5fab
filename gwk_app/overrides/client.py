"""frappe.client.get_count and frappe.client.validate_link, safe for project-bound doctypes (hooks.py
`override_whitelisted_methods`; tests/integration/test_overrides.py checks the signatures against core)."""

import frappe
from frappe import _
from frappe.client import get_count as core_get_count
from frappe.client import validate_link as core_validate_link

from gwk_app.access import PROJECT_BOUND, PROJECT_BOUND_CHILDREN


def guarded(doctype) -> bool:
	"""Whether core's endpoint must not answer for this doctype: it is project-bound (or a child of one)."""
	return isinstance(doctype, str) and (doctype in PROJECT_BOUND or doctype in PROJECT_BOUND_CHILDREN)


@frappe.whitelist()
def get_count(doctype: str, filters=None, debug: bool = False, cache: bool = False) -> int:
	"""frappe.client.get_count counts without any permission check; for our doctypes count through
	get_list, which applies the role and project rules."""
	if not guarded(doctype):
		return core_get_count(doctype, filters=filters, debug=debug, cache=cache)
	frappe.has_permission(doctype, "read", throw=True)
	rows = frappe.get_list(
		doctype, filters=frappe.parse_json(filters) if filters else None, fields=["count(*) as n"]
	)
	return rows[0].n if rows else 0


@frappe.whitelist()
def validate_link(doctype: str, docname: str, fields=None):
	"""frappe.client.validate_link tells whether any name exists; for our doctypes a name the user may
	not read answers exactly like one that does not exist."""
	if not guarded(doctype) or not isinstance(docname, str):
		return core_validate_link(doctype, docname, fields)
	if not frappe.has_permission(doctype, "read"):
		frappe.throw(
			_("You do not have Read or Select Permissions for {}").format(frappe.bold(doctype)),
			frappe.PermissionError,
		)
	visible = frappe.get_list(doctype, filters={"name": docname}, pluck="name", limit=1)
	if not visible:
		return frappe._dict(name=None)
	return core_validate_link(doctype, docname, fields)
