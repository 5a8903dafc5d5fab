"""App-wide constants, importable without Frappe."""

MODULES = ("Community", "Casework", "Volunteering", "Privacy", "Reports")

ROLES = (
	"GWK Staff",
	"GWK Project Lead",
	"GWK Carrier Manager",
	"GWK Data Protection",
	"GWK Volunteer",
	"GWK ESF Officer",
)
# roles that work in the desk; volunteers only use the portal
DESK_ROLES = frozenset(ROLES) - {"GWK Volunteer"}

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
