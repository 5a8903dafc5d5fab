"""frappe.geo.utils.get_coords (the Map view), safe for project-bound doctypes (hooks.py
`override_whitelisted_methods`; tests/integration/test_overrides.py checks the signature against core)."""

import frappe
from frappe import _

from gwk_app.overrides.client import guarded


@frappe.whitelist()
def get_coords(doctype: str, filters: str | list | dict | None = None, type: str | None = None) -> dict:
	"""frappe.geo.utils.get_coords (the Map view) reads every record when no filter is set; for our
	doctypes read through get_list, which applies the role and project rules."""
	from frappe.geo.utils import convert_to_geojson
	from frappe.geo.utils import get_coords as core_get_coords

	if not guarded(doctype):
		return core_get_coords(doctype, filters, type)
	frappe.has_permission(doctype, "read", throw=True)
	fields = {"location_field": ["name", "location"], "coordinates": ["name", "latitude", "longitude"]}
	if type not in fields:
		frappe.throw(_("This map type is not supported."), title=_("Map"))
	rows = frappe.get_list(
		doctype,
		filters=frappe.parse_json(filters) if isinstance(filters, str) else filters,
		fields=fields[type],
		limit_page_length=0,
	)
	return convert_to_geojson(type, rows)
