"""Who may use Data Import (install step, idempotent): staff and project leads import into their
team's projects (the rules are in gwk_app.imports.importer); each sees only their own imports.
Contact and Address hold the partner directory's contact people and addresses."""

import frappe
from frappe.permissions import setup_custom_perms

from gwk_app.constants import PROJECT_LEAD_ROLE, STAFF_ROLE

IMPORT_ROLES = (STAFF_ROLE, PROJECT_LEAD_ROLE)
# doctype -> (rights, only the user's own records)
RIGHTS = {
	"Data Import": (("read", "write", "create", "delete"), 1),
	"Contact": (("read", "write", "create", "import", "report"), 0),
	"Address": (("read", "write", "create", "import", "report"), 0),
}


def grant_import_permissions() -> None:
	for doctype, (rights, if_owner) in RIGHTS.items():
		changed = setup_custom_perms(doctype)
		for role in IMPORT_ROLES:
			filters = {"parent": doctype, "role": role, "permlevel": 0, "if_owner": if_owner}
			if frappe.db.exists("Custom DocPerm", filters):
				continue
			frappe.get_doc(
				{
					"doctype": "Custom DocPerm",
					"parent": doctype,
					"parenttype": "DocType",
					"parentfield": "permissions",
					**filters,
					**{right: 1 for right in rights},
				}
			).insert(ignore_permissions=True)
			changed = True
		if changed:
			frappe.clear_cache(doctype=doctype)
