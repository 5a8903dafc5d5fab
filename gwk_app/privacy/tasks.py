"""Scheduled privacy jobs. Idempotent: running a job twice changes nothing the second time."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from gwk_app.constants import OFFICER_ROLE
from gwk_app.rules.privacy import REQUEST_OPEN_STATUSES

OVERDUE_MARKER = "gwk-dsr-overdue"


def officers() -> list[str]:
	"""Enabled users holding the data protection role."""
	has_role = frappe.qb.DocType("Has Role")
	user = frappe.qb.DocType("User")
	return (
		frappe.qb.from_(has_role)
		.join(user)
		.on(user.name == has_role.parent)
		.select(user.name)
		.distinct()
		.where(
			(has_role.role == OFFICER_ROLE)
			& (has_role.parenttype == "User")
			& (user.enabled == 1)
			& (user.name.notin(["Administrator", "Guest"]))
		)
		.orderby(user.name)
		.run(pluck=True)
	)


def open_reminders(reference_type: str, names: list[str], marker: str) -> set[tuple[str, str]]:
	"""(record, user) of the open reminder ToDos with `marker` on these records: who has one already."""
	todo = frappe.qb.DocType("ToDo")
	return {
		(r[0], r[1])
		for r in frappe.qb.from_(todo)
		.select(todo.reference_name, todo.allocated_to)
		.where(
			(todo.reference_type == reference_type)
			& todo.reference_name.isin(names)
			& (todo.status == "Open")
			& (todo.description.like(f"%{marker}%"))
		)
		.run()
	}


def remind_overdue_requests() -> int:
	"""Every open data subject request past its due date becomes a ToDo for each data protection officer
	who has no open reminder for it yet. The ToDo names the request, never the person."""
	due = frappe.get_all(
		"Data Subject Request",
		filters={"status": ("in", list(REQUEST_OPEN_STATUSES)), "due_on": ("<", getdate(today()))},
		fields=["name", "request_type", "due_on"],
		order_by="due_on asc",
	)
	if not due:
		return 0
	users = officers()
	existing = open_reminders("Data Subject Request", [r.name for r in due], OVERDUE_MARKER)
	created = 0
	for row in due:
		for user in users:
			if (row.name, user) in existing:
				continue
			frappe.get_doc(
				{
					"doctype": "ToDo",
					"allocated_to": user,
					"reference_type": "Data Subject Request",
					"reference_name": row.name,
					"date": today(),
					"priority": "High",
					"description": _("Data subject request {0} ({1}) was due on {2}.").format(
						row.name, _(row.request_type), frappe.format(row.due_on, "Date")
					)
					+ f"<!-- {OVERDUE_MARKER} -->",
				}
			).insert(ignore_permissions=True)
			created += 1
	return created
