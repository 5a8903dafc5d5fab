"""Volunteering records for the integration tests: a volunteer and an assignment (unsaved documents),
a portal login, and the committed portal world (the `portal` fixture in conftest.py)."""

import frappe
from frappe.utils import add_days, today
from frappe.utils.password import update_password

from gwk_app.constants import VOLUNTEER_ROLE


def volunteer(project, name="Testperson Ehrenamt", **values):
	return frappe.get_doc(
		{"doctype": "Community Volunteer", "project": project, "volunteer_name": name, **values}
	)


def assignment(project, volunteer, opportunity=None, **values):
	return frappe.get_doc(
		{
			"doctype": "Volunteer Assignment",
			"project": project,
			"volunteer": volunteer,
			"opportunity": opportunity,
			"from_date": values.pop("from_date", today()),
			**values,
		}
	)


def portal_user(email):
	"""A website user with the role GWK Volunteer (the role is restored if something removed it)."""
	if not frappe.db.exists("User", email):
		frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": "Portal",
				"last_name": email.split("@")[0],
				"send_welcome_email": 0,
				"roles": [{"role": VOLUNTEER_ROLE}],
			}
		).insert(ignore_permissions=True)
	user = frappe.get_doc("User", email)
	if VOLUNTEER_ROLE not in {r.role for r in user.roles}:
		user.add_roles(VOLUNTEER_ROLE)
	frappe.clear_cache(user=email)  # cached roles survive a rollback
	return email


def make_portal(world):
	"""A volunteer with a portal login and an assignment, and another volunteer of the same project;
	committed so the web server sees them, deleted afterwards."""
	frappe.set_user("Administrator")
	email = portal_user("gwk-volunteer-portal@example.com")
	remove_portal_records(email)
	update_password(email, world.password)
	own = volunteer(
		world.a.project,
		name="Portalia Ehrenwert",
		user=email,
		languages="Deutsch",
		availability=[{"weekday": "Monday", "from_time": "10:00", "to_time": "12:00"}],
	).insert()
	other = volunteer(world.a.project, name="Andere Freiwillige", languages="Polnisch").insert()
	own_assignment = assignment(
		world.a.project, own.name, world.a.opportunity, from_date=add_days(today(), -20)
	).insert()
	other_assignment = assignment(
		world.a.project, other.name, world.a.opportunity, from_date=add_days(today(), -20)
	).insert()
	frappe.db.commit()
	yield frappe._dict(
		user=email,
		own=own.name,
		other=other.name,
		own_assignment=own_assignment.name,
		other_assignment=other_assignment.name,
	)
	frappe.set_user("Administrator")
	frappe.db.rollback()
	remove_portal_records(email, other.name)  # the login itself stays, like the world's users


def remove_portal_records(email, *extra_volunteers):
	"""Remove what the portal fixture commits (also leftovers of an interrupted run)."""
	volunteers = [
		*frappe.get_all("Community Volunteer", filters={"user": email}, pluck="name"),
		*extra_volunteers,
	]
	volunteers += frappe.get_all(
		"Community Volunteer", filters={"volunteer_name": "Andere Freiwillige"}, pluck="name"
	)
	assignments = frappe.get_all(
		"Volunteer Assignment", filters={"volunteer": ("in", volunteers)}, pluck="name"
	)
	if assignments:
		frappe.db.delete("Volunteer Hours", {"assignment": ("in", assignments)})
		frappe.db.delete("Volunteer Assignment", {"name": ("in", assignments)})
	for name in set(volunteers):
		frappe.delete_doc("Community Volunteer", name, force=True, ignore_permissions=True)
	frappe.db.commit()
