"""The project access rules, in one place.

Deny by default: a user sees a project-bound record only when they are on the team of its project.
Both Frappe hook families are served from here (see hooks.py):
- `query_conditions` for get_list, list and report view, list counts and link search;
- `has_permission` for form load, frappe.client.get, insert, save, print and attachments.
Script reports and the app's own endpoints call `project_filter` / `allowed_projects` themselves.
"""

import frappe
from frappe import _

from gwk_app.access import (
	ALL_PROJECT_MASTERS_ROLES,
	ALL_PROJECTS_ROLES,
	LEAD_ROLE,
	OWN_RECORDS,
	PROJECT_BOUND,
	PROJECT_BOUND_CHILDREN,
	PROJECT_DOCTYPE,
)


def _user(user: str | None) -> str:
	return user or frappe.session.user


def sees_all_projects(user: str | None = None) -> bool:
	"""Administrator and the data protection role read every project's records."""
	user = _user(user)
	if user == "Administrator":
		return True
	return bool(ALL_PROJECTS_ROLES.intersection(frappe.get_roles(user)))


def user_projects(user: str | None = None) -> list[str]:
	"""The projects whose team the user is on (read once per transaction, see `_teams`)."""
	user = _user(user)
	if user == "Guest":
		return []
	known = _teams()
	if user not in known:
		member = frappe.qb.DocType("Community Project Member")
		known[user] = tuple(
			sorted(
				frappe.qb.from_(member)
				.select(member.parent)
				.distinct()
				.where((member.user == user) & (member.parenttype == PROJECT_DOCTYPE))
				.run(pluck=True)
			)
		)
	return list(known[user])


def _teams() -> dict:
	"""{user: their projects} read in this transaction: a request asks several times (permission hook,
	link guard, list condition) and reads the team once. Forgotten at commit, rollback and whenever a
	project (its team) is saved or deleted (`forget_teams`)."""
	known = getattr(frappe.local, "gwk_teams", None)
	if known is None:
		known = frappe.local.gwk_teams = {}
		frappe.db.after_commit.add(forget_teams)
		frappe.db.after_rollback.add(forget_teams)
	return known


def forget_teams(*args, **kwargs) -> None:
	frappe.local.gwk_teams = None


def allowed_projects(user: str | None = None) -> list[str] | None:
	"""None means every project; otherwise the list (possibly empty) the user may read."""
	if sees_all_projects(user):
		return None
	return user_projects(user)


def can_access_project(project: str | None, user: str | None = None) -> bool:
	allowed = allowed_projects(user)
	return allowed is None or (bool(project) and project in allowed)


def _in_list_sql(column: str, values: list[str]) -> str:
	if not values:
		return "1=0"
	return "{} in ({})".format(column, ", ".join(frappe.db.escape(v) for v in values))


def project_filter(doctype: str, user: str | None = None) -> str:
	"""SQL condition restricting `doctype` to the user's projects ('' = no restriction)."""
	if doctype == PROJECT_DOCTYPE:
		if _user(user) == "Administrator" or ALL_PROJECT_MASTERS_ROLES.intersection(
			frappe.get_roles(_user(user))
		):
			return ""
		return _in_list_sql(f"`tab{PROJECT_DOCTYPE}`.`name`", user_projects(user))

	allowed = allowed_projects(user)
	if allowed is None:
		return ""
	if doctype in OWN_RECORDS:
		return own_records_filter(doctype, allowed, user)
	if doctype in PROJECT_BOUND:
		return _in_list_sql(f"`tab{doctype}`.`{PROJECT_BOUND[doctype]}`", allowed)
	if doctype in PROJECT_BOUND_CHILDREN:
		parent = PROJECT_BOUND_CHILDREN[doctype]
		inner = _in_list_sql(f"`tab{parent}`.`{PROJECT_BOUND[parent]}`", allowed)
		return f"`tab{doctype}`.`parent` in (select `tab{parent}`.`name` from `tab{parent}` where {inner})"
	return ""


def led_projects(user: str | None = None) -> list[str]:
	"""The projects the user leads: on the team and holding the project lead role."""
	user = _user(user)
	return user_projects(user) if LEAD_ROLE in frappe.get_roles(user) else []


def own_records_filter(doctype: str, allowed: list[str], user: str | None = None) -> str:
	"""Own records of the user's projects, and every record of the projects they lead."""
	project = f"`tab{doctype}`.`{PROJECT_BOUND[doctype]}`"
	own = "{} = {}".format(f"`tab{doctype}`.`{OWN_RECORDS[doctype]}`", frappe.db.escape(_user(user)))
	return f"({_in_list_sql(project, allowed)} and ({own} or {_in_list_sql(project, led_projects(user))}))"


def may_read_own_record(doc, user: str | None = None) -> bool:
	"""For OWN_RECORDS doctypes: the user's own record, or one of a project they lead."""
	user = _user(user)
	if sees_all_projects(user) or doc.get(OWN_RECORDS[doc.doctype]) in (None, "", user):
		return True
	return project_of(doc) in led_projects(user)


def query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""permission_query_conditions hook."""
	return project_filter(doctype, user)


def project_of(doc) -> str | None:
	"""The project a document (or child row) belongs to."""
	if doc.doctype == PROJECT_DOCTYPE:
		return doc.name
	if doc.doctype in PROJECT_BOUND:
		return doc.get(PROJECT_BOUND[doc.doctype])
	if doc.doctype in PROJECT_BOUND_CHILDREN:
		parent = PROJECT_BOUND_CHILDREN[doc.doctype]
		if not doc.get("parent"):
			return None
		return frappe.db.get_value(parent, doc.parent, PROJECT_BOUND[parent])
	return None


def has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool | None:
	"""has_permission hook: can only deny (returns False) or stay neutral (None)."""
	user = _user(user)
	if isinstance(doc, str):
		return None
	if doc.doctype == PROJECT_DOCTYPE:
		if user == "Administrator" or "System Manager" in frappe.get_roles(user):
			return None
		if ptype in ("read", "select", "print", "report") and ALL_PROJECT_MASTERS_ROLES.intersection(
			frappe.get_roles(user)
		):
			return None
		return None if doc.name in user_projects(user) else False

	project = project_of(doc)
	if not project:
		# a new record without project fails its mandatory check; an existing one is nobody's
		return None if (ptype == "create" or doc.is_new()) else False
	if not can_access_project(project, user):
		return False
	if doc.doctype in OWN_RECORDS and not may_read_own_record(doc, user):
		return False
	return None


def check_project_access(project: str | None, user: str | None = None) -> None:
	"""Raise PermissionError unless the user may work in `project`."""
	if not can_access_project(project, user):
		frappe.throw(_("You are not on the team of this project."), frappe.PermissionError)


def file_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""Attachments (File) of project-bound records: only those of the user's projects. Frappe's own
	condition lets anybody list files attached to any doctype they can read."""
	allowed = allowed_projects(user)
	if allowed is None:
		return ""
	bound = ", ".join(frappe.db.escape(dt) for dt in PROJECT_BOUND)
	parts = ["`tabFile`.`attached_to_doctype` is null", f"`tabFile`.`attached_to_doctype` not in ({bound})"]
	for doctype_, field in PROJECT_BOUND.items():
		inner = _in_list_sql(f"`tab{doctype_}`.`{field}`", allowed)
		parts.append(
			f"(`tabFile`.`attached_to_doctype` = {frappe.db.escape(doctype_)} and `tabFile`.`attached_to_name` in "
			f"(select `tab{doctype_}`.`name` from `tab{doctype_}` where {inner}))"
		)
	return "(" + " or ".join(parts) + ")"


def keep_attachments_private(doc, method=None) -> None:
	"""File before_validate: an attachment of a project-bound record is always private (a public file is
	readable by anybody who knows its URL); a file already written to the public folder is moved."""
	if doc.attached_to_doctype in PROJECT_BOUND and not doc.is_private and not doc.is_folder:
		doc.is_private = 1
		if doc.file_url and not doc.is_remote_file:
			doc.handle_is_private_changed()
