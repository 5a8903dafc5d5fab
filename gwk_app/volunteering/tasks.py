"""Scheduled volunteering jobs. Idempotent: running a job twice creates nothing the second time."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from gwk_app.access import PROJECT_DOCTYPE
from gwk_app.rules.volunteering import clearance_reminder_due, clearance_valid_until
from gwk_app.settings import clearance_reminder_days, clearance_valid_years

CLEARANCE_MARKER = "gwk-clearance-reminder"


def _marker(valid_until) -> str:
	return f"{CLEARANCE_MARKER}:{valid_until.isoformat()}"


def remind_clearance_expiry() -> int:
	"""A ToDo for every team member of the volunteer's project, from the configured number of days before
	the police clearance certificate expires. The ToDo names the volunteer and the date only. One ToDo
	per volunteer, team member and expiry date: a renewed certificate gets reminded again in time."""
	years, days, on = clearance_valid_years(), clearance_reminder_days(), getdate(today())
	volunteers = frappe.get_all(
		"Community Volunteer",
		filters={"status": ("!=", "Left"), "clearance_date": ("is", "set")},
		fields=["name", "volunteer_name", "project", "clearance_date"],
	)
	due = {}
	for v in volunteers:
		if clearance_reminder_due(getdate(v.clearance_date), years, days, on):
			due[v.name] = (v, clearance_valid_until(getdate(v.clearance_date), years))
	if not due:
		return 0

	projects = {v.project for v, _until in due.values()}
	team = frappe.get_all(
		"Community Project Member",
		filters={"parenttype": PROJECT_DOCTYPE, "parent": ("in", list(projects))},
		fields=["parent", "user"],
	)
	members: dict[str, set[str]] = {}
	for row in team:
		if row.user:
			members.setdefault(row.parent, set()).add(row.user)

	existing = frappe.get_all(
		"ToDo",
		filters={
			"reference_type": "Community Volunteer",
			"reference_name": ("in", list(due)),
			"description": ("like", f"%{CLEARANCE_MARKER}%"),
		},
		fields=["reference_name", "allocated_to", "description"],
	)
	done = {
		(t.reference_name, t.allocated_to)
		for t in existing
		if _marker(due[t.reference_name][1]) in (t.description or "")
	}

	created = 0
	for name, (v, valid_until) in sorted(due.items()):
		for user in sorted(members.get(v.project, ())):
			if (name, user) in done:
				continue
			frappe.get_doc(
				{
					"doctype": "ToDo",
					"allocated_to": user,
					"reference_type": "Community Volunteer",
					"reference_name": name,
					"date": today(),
					"priority": "Medium",
					"description": _(
						"The police clearance certificate of volunteer {0} is valid until {1}: ask for a new one."
					).format(v.volunteer_name, frappe.format(valid_until, "Date"))
					+ f"<!-- {_marker(valid_until)} -->",
				}
			).insert(ignore_permissions=True)
			created += 1
	return created


def close_outdated_clearance_reminders(volunteer: str, clearance_date) -> int:
	"""A renewed (or removed) certificate closes the open reminders about the old one."""
	valid_until = (
		clearance_valid_until(getdate(clearance_date), clearance_valid_years()) if clearance_date else None
	)
	current = _marker(valid_until) if valid_until else None
	todo = frappe.qb.DocType("ToDo")
	open_reminders = (
		frappe.qb.from_(todo)
		.select(todo.name, todo.description)
		.where(
			(todo.reference_type == "Community Volunteer")
			& (todo.reference_name == volunteer)
			& (todo.status == "Open")
			& todo.description.like(f"%{CLEARANCE_MARKER}%")
		)
		.run(as_dict=True)
	)
	outdated = [t.name for t in open_reminders if not current or current not in (t.description or "")]
	if not outdated:
		return 0
	frappe.qb.update(todo).set(todo.status, "Closed").where(todo.name.isin(outdated)).run()
	# keep the volunteer's "assigned to" in step with the open ToDos (one recomputation)
	frappe.get_doc("ToDo", outdated[0]).update_in_reference()
	return len(outdated)
