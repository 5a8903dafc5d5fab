"""ESF participations with incomplete core data (they do not count toward the targets), and the daily
reminder to the project's ESF officers before such a participant's planned exit."""

import frappe
from frappe import _
from frappe.query_builder.functions import Coalesce
from frappe.utils import getdate, today

from gwk_app.constants import ESF_ROLE
from gwk_app.privacy.tasks import open_reminders
from gwk_app.rules.esf import CORE_FIELDS, UNKNOWN_VALUES, missing_core_data, reminder_due
from gwk_app.settings import esf_exit_reminder_days

REMINDER_MARKER = "gwk-esf-core-data"


def complete_condition(table):
	"""The query condition "core data complete" on an ESF Participation table, built from the rule's own
	data (rules.esf.CORE_FIELDS and UNKNOWN_VALUES, which missing_core_data reads): a report that counts
	only complete participations counts exactly those counts_toward_targets accepts."""
	condition = None
	for field in CORE_FIELDS:
		term = Coalesce(table[field], "").notin(["", *sorted(UNKNOWN_VALUES.get(field, ()))])
		condition = term if condition is None else condition & term
	return condition


def incomplete(projects: list[str]) -> list[frappe._dict]:
	"""ESF participations of the projects with incomplete core data (system-side: callers scope)."""
	if not projects:
		return []
	rows = frappe.get_all(
		"ESF Participation",
		filters={"project": ("in", projects)},
		fields=["name", "project", "exit_date", "planned_exit_date", *CORE_FIELDS],
		order_by="entry_date asc, name asc",
	)
	out = []
	for r in rows:
		missing = missing_core_data(r)
		if missing:
			out.append(frappe._dict(r, missing_fields=missing))
	return out


def project_officers(project: str) -> list[str]:
	"""Enabled users on the project's team holding the ESF officer role."""
	member = frappe.qb.DocType("Community Project Member")
	has_role = frappe.qb.DocType("Has Role")
	user = frappe.qb.DocType("User")
	return (
		frappe.qb.from_(member)
		.join(has_role)
		.on((has_role.parent == member.user) & (has_role.parenttype == "User"))
		.join(user)
		.on(user.name == member.user)
		.select(member.user)
		.distinct()
		.where(
			(member.parent == project)
			& (member.parenttype == "Community Project")
			& (has_role.role == ESF_ROLE)
			& (user.enabled == 1)
		)
		.orderby(member.user)
		.run(pluck=True)
	)


def remind_before_exit(days: int | None = None) -> int:
	"""Daily: an incomplete ESF record whose planned exit is within `days` becomes a ToDo for each ESF
	officer of its project, once. The ToDo names the record and what is missing, never the person."""
	days = days or esf_exit_reminder_days()
	on_day = getdate(today())
	projects = frappe.get_all("Community Project", pluck="name")
	due = [
		r
		for r in incomplete(projects)
		if reminder_due(
			getdate(r.planned_exit_date) if r.planned_exit_date else None, r.exit_date, on_day, days
		)
	]
	if not due:
		return 0
	existing = open_reminders("ESF Participation", [r.name for r in due], REMINDER_MARKER)
	officers: dict[str, list[str]] = {}
	created = 0
	for row in due:
		for user in officers.setdefault(row.project, project_officers(row.project)):
			if (row.name, user) in existing:
				continue
			frappe.get_doc(
				{
					"doctype": "ToDo",
					"allocated_to": user,
					"reference_type": "ESF Participation",
					"reference_name": row.name,
					"date": row.planned_exit_date,
					"priority": "High",
					"description": _(
						"ESF record {0}: core data incomplete ({1}); it does not count. Planned exit on {2}."
					).format(
						row.name,
						", ".join(_(CORE_FIELDS[f]) for f in row.missing_fields),
						frappe.format(row.planned_exit_date, "Date"),
					)
					+ f"<!-- {REMINDER_MARKER} -->",
				}
			).insert(ignore_permissions=True)
			created += 1
	return created
