"""App-wide constants, importable without Frappe."""

MODULES = ("Community", "Casework", "Volunteering", "Privacy", "Reports")

# the app's roles: the only place their names are spelled in Python (doctype JSON holds them as data)
STAFF_ROLE = "GWK Staff"
PROJECT_LEAD_ROLE = "GWK Project Lead"
CARRIER_ROLE = "GWK Carrier Manager"
OFFICER_ROLE = "GWK Data Protection"  # the data protection officer
VOLUNTEER_ROLE = "GWK Volunteer"
ESF_ROLE = "GWK ESF Officer"
ROLES = (STAFF_ROLE, PROJECT_LEAD_ROLE, CARRIER_ROLE, OFFICER_ROLE, VOLUNTEER_ROLE, ESF_ROLE)
# roles that work in the desk; volunteers only use the portal
DESK_ROLES = frozenset(ROLES) - {VOLUNTEER_ROLE}
# who may answer data subject requests and review the access log
OFFICER_ROLES = (OFFICER_ROLE, "System Manager")

# Frappe's core doctypes whose rows point at a record of any doctype: (doctype, the field naming the
# doctype, the field naming the record). Uninstall deletes the rows pointing at the app's doctypes;
# erasure deletes those pointing at a person's records, except the ones its own steps handle
# (CORE_REFERENCES_ERASED_APART: communications are scrubbed and unlinked, files leave the disk too,
# deleted documents are matched by their content).
CORE_REFERENCES = (
	("Version", "ref_doctype", "docname"),
	("Comment", "reference_doctype", "reference_name"),
	("Activity Log", "reference_doctype", "reference_name"),
	("View Log", "reference_doctype", "reference_name"),
	("Access Log", "export_from", "reference_document"),
	("Notification Log", "document_type", "document_name"),
	("ToDo", "reference_type", "reference_name"),
	("DocShare", "share_doctype", "share_name"),
	("Document Follow", "ref_doctype", "ref_docname"),
	("Error Log", "reference_doctype", "reference_name"),
	("Communication", "reference_doctype", "reference_name"),
	("File", "attached_to_doctype", "attached_to_name"),
	("Deleted Document", "deleted_doctype", "deleted_name"),
)
CORE_REFERENCES_ERASED_APART = frozenset({"Communication", "File", "Deleted Document"})

# the regional settings of the sites the app's scripts create (demo, test); never of a site the app is
# installed into
REGIONAL_SETTINGS = {
	"language": "de",
	"time_zone": "Europe/Berlin",
	"date_format": "dd.mm.yyyy",
	"time_format": "HH:mm",
	"number_format": "#.###,##",
	"first_day_of_the_week": "Monday",
	"country": "Germany",
}
# the one password of the demo logins: demo-only, set only on a site that scripts/demo created
DEMO_PASSWORD = "Gwk-Demo-2026"
