"""Settings and logins of the sites the app's scripts create (scripts/demo, scripts/test).

Never applied when the app is installed into an existing site: installing changes no site setting.
"""

import frappe
from frappe import _
from frappe.utils.password import update_password

from gwk_app.constants import DEMO_PASSWORD, ESF_ROLE, OFFICER_ROLE, REGIONAL_SETTINGS, VOLUNTEER_ROLE
from gwk_app.setup.demo.utils import insert_user


def configure_site():
	"""The app's regional settings (de, Europe/Berlin, dd.mm.yyyy, Monday, EUR) and the setup wizard
	marked done, so the desk opens on the workspace. For the demo and the test site only."""
	settings = frappe.get_single("System Settings")
	settings.update({**REGIONAL_SETTINGS, "setup_complete": 1})
	settings.flags.ignore_permissions = True
	settings.save()
	frappe.db.set_default("currency", "EUR")
	frappe.db.set_default("desktop:home_page", "workspace")
	if frappe.db.exists("Currency", "EUR"):
		frappe.db.set_value("Currency", "EUR", "enabled", 1)
	# a bench execute step of the site scripts, not a request
	frappe.db.commit()  # nosemgrep
	frappe.clear_cache()


def configure_demo_site():
	"""What only the demo site gets on top: the carrier's name."""
	frappe.db.set_single_value("GWK Settings", "carrier_name", "Beispielträger e.V.")
	# a bench execute step of scripts/demo, not a request
	frappe.db.commit()  # nosemgrep


# who each demo login is: (email, roles, what they see and must not see), in the README's order
DEMO_LOGINS = (
	(
		"demo-p1-team1@example.org",
		None,
		"staff of project 1: its residents, cases, notes; nothing of project 2",
	),
	("demo-p2-team1@example.org", None, "staff of project 2: its records; nothing of project 1"),
	("demo-p1-leitung@example.org", None, "project lead of project 1: its records and reports"),
	("demo-traegerleitung@example.org", None, "carrier manager: figures of all projects, no personal record"),
	(
		"demo-datenschutz@example.org",
		(OFFICER_ROLE,),
		"data protection officer: requests, consents, erasure, access log (audited)",
	),
	(
		"demo-esf@example.org",
		(ESF_ROLE,),
		"ESF officer of project 1: ESF participant data of project 1 only",
	),
	(
		"demo-ehrenamt@example.org",
		(VOLUNTEER_ROLE,),
		"volunteer (portal /volunteering): own profile, availability and hours only",
	),
)


def ensure_demo_logins() -> list[dict]:
	"""Give every demo user the demo password (and create the three the data generator does not).

	Refused on any site that scripts/demo did not create: a real site never gets a known password.
	"""
	if not frappe.conf.get("gwk_demo_site"):
		frappe.throw(_("Demo logins are only set up on a site created by scripts/demo."))
	projects = frappe.get_all("Community Project", pluck="name", order_by="creation asc", limit=1)
	if not projects:
		frappe.throw(_("The demo site has no project yet: generate the demo data first."))
	first_project = projects[0]
	_technical_admin()
	logins = []
	for email, roles, who in DEMO_LOGINS:
		if roles:
			_ensure_user(email, roles)
		if not frappe.db.exists("User", email):
			frappe.throw(_("Demo user {0} is missing: generate the demo data first.").format(email))
		_without_system_manager(email)
		update_password(email, DEMO_PASSWORD)
		logins.append({"email": email, "password": DEMO_PASSWORD, "who": who})
	_on_team(first_project, "demo-esf@example.org")
	_portal_volunteer(first_project, "demo-ehrenamt@example.org")
	# a bench execute step of scripts/demo, not a request
	frappe.db.commit()  # nosemgrep
	return logins


TECHNICAL_ADMIN = "demo-it-admin@example.org"


def _technical_admin():
	"""A System Manager without a password: Frappe gives the first system user after the setup the
	System Manager role when nobody else has it, which made the demo carrier manager an admin who sees
	every personal record. With this account there, each demo login keeps exactly its own roles."""
	if not frappe.db.exists("User", TECHNICAL_ADMIN):
		frappe.get_doc(
			{
				"doctype": "User",
				"email": TECHNICAL_ADMIN,
				"first_name": "IT-Admin",
				"last_name": "Demo",
				"send_welcome_email": 0,
				"roles": [{"role": "System Manager"}],
			}
		).insert(ignore_permissions=True)


def _without_system_manager(email: str):
	if "System Manager" in frappe.get_roles(email):
		frappe.get_doc("User", email).remove_roles("System Manager")
		frappe.clear_cache(user=email)


def _ensure_user(email: str, roles: tuple[str, ...]):
	first, last = email.split("@")[0].removeprefix("demo-").title(), "Demo"
	if not frappe.db.exists("User", email):
		insert_user(email, first, last, roles)
	else:
		user = frappe.get_doc("User", email)
		missing = set(roles) - {r.role for r in user.roles}
		if missing:
			user.add_roles(*missing)


def _on_team(project: str, user: str):
	if frappe.db.exists("Community Project Member", {"parent": project, "user": user}):
		return
	doc = frappe.get_doc("Community Project", project)
	doc.append("team", {"user": user, "project_role": "Coordinator"})
	doc.flags.ignore_permissions = True
	doc.save()


def _portal_volunteer(project: str, user: str):
	"""The portal user's own volunteer profile: the first volunteer of the project without a login."""
	if frappe.db.exists("Community Volunteer", {"user": user}):
		return
	volunteer = frappe.db.get_value(
		"Community Volunteer",
		{"project": project, "user": ("is", "not set")},
		"name",
		order_by="creation asc",
	)
	if volunteer:
		frappe.db.set_value("Community Volunteer", volunteer, "user", user)
