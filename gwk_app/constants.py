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
