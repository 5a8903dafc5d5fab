"""Which doctypes are bound to a Community Project, and through which field.

Plain data, no Frappe import: hooks.py builds the permission hooks from it, the unit tests check it
against the doctype JSON, and `gwk_app.permissions` applies it. A module that adds a project-bound
doctype declares it here and nowhere else.
"""

from gwk_app.constants import CARRIER_ROLE, OFFICER_ROLE, PROJECT_LEAD_ROLE

# doctype -> the Link field (to Community Project) that binds a record to its project
PROJECT_BOUND: dict[str, str] = {
	"Resident": "project",
	"Consultation": "project",
	"Case": "project",
	"Referral": "project",
	"Consent": "project",
	"ESF Participation": "project",
	"Community Volunteer": "project",
	"Volunteer Opportunity": "project",
	"Volunteer Assignment": "project",
	"Volunteer Hours": "project",
	"Network": "project",
	"Network Meeting": "project",
	"Area Observation": "project",
	"Community Event": "project",
	"Community Event Series": "project",
	"Consultation Appointment": "project",
	"Consultation Schedule": "project",
	"Office Hours Visit": "project",
	"Staff Time Entry": "project",
	"Funder Report Submission": "project",
	"Community Survey": "project",
	"Community Survey Response": "project",
	"Contact Tally": "project",
}

# child doctype -> parent doctype, for child tables of project-bound doctypes
PROJECT_BOUND_CHILDREN: dict[str, str] = {
	"Consultation Topic": "Consultation",
	"Case Topic": "Case",
	"Case Party": "Case",
	"Community Volunteer Skill": "Community Volunteer",
	"Community Volunteer District": "Community Volunteer",
	"Community Volunteer Availability": "Community Volunteer",
	"Volunteer Opportunity Skill": "Volunteer Opportunity",
	"Network Member": "Network",
	"Network Meeting Attendee": "Network Meeting",
	"Network Meeting Follow Up": "Network Meeting",
	"Community Event Organiser": "Community Event",
	"Community Event Partner": "Community Event",
	"Community Event Participant": "Community Event",
	"Community Event Photo": "Community Event",
	"Consultation Schedule Slot": "Consultation Schedule",
	"Consultation Schedule Closed Day": "Consultation Schedule",
	"Funder Report Submission Figure": "Funder Report Submission",
	"Community Survey Question": "Community Survey",
	"Community Survey District": "Community Survey",
	"Community Survey Answer": "Community Survey Response",
	"Contact Tally Count": "Contact Tally",
}

# Project-bound doctypes that hold a staff member's own data: besides the project rule, a user reads a
# record only when it is their own (field below) or they lead the record's project (LEAD_ROLE on its team).
OWN_RECORDS: dict[str, str] = {"Staff Time Entry": "staff"}
LEAD_ROLE = PROJECT_LEAD_ROLE

# Roles that read every project's records. The data protection officer needs them for requests
# under Art. 15/17 GDPR; what they read is logged.
ALL_PROJECTS_ROLES: frozenset[str] = frozenset({OFFICER_ROLE})

# Roles that see every Community Project's master data (never its residents).
ALL_PROJECT_MASTERS_ROLES: frozenset[str] = frozenset({CARRIER_ROLE, OFFICER_ROLE})

# The doctype that defines teams.
PROJECT_DOCTYPE = "Community Project"


def hook_map(method: str) -> dict[str, str]:
	"""{doctype: dotted path} for every doctype the access rules cover."""
	doctypes = [*PROJECT_BOUND, *PROJECT_BOUND_CHILDREN, PROJECT_DOCTYPE]
	return {doctype: f"gwk_app.permissions.{method}" for doctype in doctypes}
