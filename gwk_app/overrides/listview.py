"""The list view sidebar's "assigned to" counts, restricted like the list itself.

Core's frappe.desk.listview.get_group_by_count counts ToDos of every record matching the filters,
without permission checks; for project-bound doctypes that answers questions about other projects."""

import frappe
from frappe.desk.listview import get_group_by_count as core_get_group_by_count
from frappe.query_builder import DocType
from frappe.query_builder.functions import Count
from frappe.query_builder.terms import SubQuery

from gwk_app.access import PROJECT_BOUND
from gwk_app.permissions import allowed_projects


@frappe.whitelist()
def get_group_by_count(doctype: str, current_filters: str, field: str) -> list[dict]:
	if field != "assigned_to" or doctype not in PROJECT_BOUND:
		return core_get_group_by_count(doctype, current_filters, field)
	frappe.has_permission(doctype, "read", throw=True)
	records = frappe.qb.get_query(
		doctype, filters=frappe.parse_json(current_filters), fields=["name"], validate_filters=True
	)
	allowed = allowed_projects()
	if allowed is not None:
		if not allowed:
			return []
		records = records.where(DocType(doctype)[PROJECT_BOUND[doctype]].isin(allowed))
	todo, user = DocType("ToDo"), DocType("User")
	count = Count("*").as_("count")
	return (
		frappe.qb.from_(todo)
		.from_(user)
		.select(todo.allocated_to.as_("name"), count)
		.where(
			(todo.status != "Cancelled")
			& (todo.allocated_to == user.name)
			& (user.user_type == "System User")
			& (todo.reference_type == doctype)
			& (todo.reference_name.isin(SubQuery(records)))
		)
		.groupby(todo.allocated_to)
		.orderby(count, order=frappe.qb.desc)
		.limit(50)
		.run(as_dict=True)
	)
