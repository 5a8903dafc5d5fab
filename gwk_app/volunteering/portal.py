"""The volunteer portal's reads: the logged-in volunteer's own profile, and the public list of published
opportunities (public fields only). Used by the portal pages (gwk_app/www) and the endpoints in
gwk_app.api.volunteering."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from gwk_app.constants import VOLUNTEER_ROLE


def children(doctype: str, parenttype: str, parents: list[str], fields: list[str]) -> list:
	if not parents:
		return []
	return frappe.get_all(
		doctype,
		filters={"parenttype": parenttype, "parent": ("in", parents)},
		fields=["parent", *fields],
		order_by="idx asc",
	)


def own_volunteer() -> str:
	"""The Community Volunteer of the logged-in portal user; PermissionError for anyone else."""
	user = frappe.session.user
	if user == "Guest" or VOLUNTEER_ROLE not in frappe.get_roles(user):
		frappe.throw(_("Only volunteers with a portal login can use this page."), frappe.PermissionError)
	name = frappe.db.get_value("Community Volunteer", {"user": user, "status": ("!=", "Left")}, "name")
	if not name:
		frappe.throw(_("No volunteer profile belongs to your login."), frappe.PermissionError)
	return name


def profile(name: str) -> dict:
	doc = frappe.db.get_value(
		"Community Volunteer",
		name,
		[
			"name",
			"volunteer_name",
			"status",
			"email",
			"phone",
			"interests",
			"languages",
			"clearance_valid_until",
		],
		as_dict=True,
	)
	doc.skills = [
		r.skill for r in children("Community Volunteer Skill", "Community Volunteer", [name], ["skill"])
	]
	doc.districts = [
		r.district
		for r in children("Community Volunteer District", "Community Volunteer", [name], ["district"])
	]
	doc.availability = [
		{"weekday": r.weekday, "from_time": str(r.from_time), "to_time": str(r.to_time)}
		for r in children(
			"Community Volunteer Availability",
			"Community Volunteer",
			[name],
			["weekday", "from_time", "to_time"],
		)
	]
	assignments = frappe.get_all(
		"Volunteer Assignment",
		filters={"volunteer": name, "status": ("!=", "Cancelled")},
		fields=["name", "opportunity", "community_event", "from_date", "to_date", "status", "total_hours"],
		order_by="from_date desc",
	)
	opportunities = dict(
		frappe.get_all(
			"Volunteer Opportunity",
			filters={"name": ("in", [a.opportunity for a in assignments if a.opportunity])},
			fields=["name", "title"],
			as_list=True,
		)
	)
	events = dict(
		frappe.get_all(
			"Community Event",
			filters={"name": ("in", [a.community_event for a in assignments if a.community_event])},
			fields=["name", "title"],
			as_list=True,
		)
	)
	for a in assignments:
		a.title = opportunities.get(a.opportunity) or events.get(a.community_event) or a.name
	doc.assignments = assignments
	doc.hours = frappe.get_all(
		"Volunteer Hours",
		filters={"volunteer": name},
		fields=["name", "assignment", "work_date", "hours", "note"],
		order_by="work_date desc",
		limit_page_length=100,
	)
	doc.skill_options = frappe.get_all(
		"Volunteer Skill", filters={"disabled": 0}, pluck="name", order_by="name asc"
	)
	return doc


# ---------------------------------------------------------------- public list of opportunities

PUBLIC_OPPORTUNITY_FIELDS = (
	"name",
	"project",
	"title",
	"district",
	"weekday",
	"from_time",
	"to_time",
	"start_date",
	"end_date",
	"needs_clearance",
	"public_description",
)


def published_opportunities(district: str | None = None) -> list[dict]:
	"""Published, open opportunities that have not ended, with their public fields and the contact point
	of the project office. Reads with get_all: the list is meant for everyone and this projection holds
	no personal data (no volunteers, no assignments, no internal notes)."""
	opp = frappe.qb.DocType("Volunteer Opportunity")
	query = (
		frappe.qb.from_(opp)
		.select(*[opp[f] for f in PUBLIC_OPPORTUNITY_FIELDS])
		.where(
			(opp.published == 1)
			& (opp.status == "Open")
			& (opp.end_date.isnull() | (opp.end_date >= getdate(today())))
		)
		.orderby(opp.title)
		.limit(500)
	)
	if district:
		query = query.where(opp.district == district)
	rows = query.run(as_dict=True)
	names = [r.name for r in rows]
	skills: dict[str, list[str]] = {}
	for r in children("Volunteer Opportunity Skill", "Volunteer Opportunity", names, ["skill"]):
		skills.setdefault(r.parent, []).append(r.skill)
	projects = {
		p.name: p
		for p in frappe.get_all(
			"Community Project",
			filters={"name": ("in", list({r.project for r in rows}))},
			fields=["name", "contact_point", "phone", "email"],
		)
	}
	for row in rows:
		row.skills = skills.get(row.name, [])
		office = projects.get(row.pop("project")) or frappe._dict()
		row.contact_point, row.contact_phone, row.contact_email = (
			office.contact_point,
			office.phone,
			office.email,
		)
	return rows


def published_districts() -> list[str]:
	opp = frappe.qb.DocType("Volunteer Opportunity")
	return (
		frappe.qb.from_(opp)
		.select(opp.district)
		.distinct()
		.where((opp.published == 1) & (opp.status == "Open") & opp.district.isnotnull())
		.orderby(opp.district)
		.run(pluck=True)
	)
