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
