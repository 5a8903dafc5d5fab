"""Volunteering endpoints: matching volunteers to an opportunity (desk) and the volunteer portal.

Every endpoint checks permission first. The portal endpoints resolve the volunteer from the session
user and touch nothing but that volunteer's own profile, availability, assignments and hours.
"""

import re

import frappe
from frappe import _
from frappe.utils import getdate, today

from gwk_app.rules.common import WEEKDAYS
from gwk_app.rules.volunteering import (
	OpportunityProfile,
	Slot,
	VolunteerProfile,
	rank_volunteers,
)
from gwk_app.settings import clearance_valid_years
from gwk_app.volunteering.portal import children, own_volunteer, profile

_TIME = re.compile(r"^([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?$")
MAX_TEXT = 500


# ---------------------------------------------------------------- matching (desk)


@frappe.whitelist()
def suggest_volunteers(opportunity: str, limit: int = 50) -> list[dict]:
	"""Active volunteers of the opportunity's project, best match first."""
	if not frappe.db.exists("Volunteer Opportunity", opportunity) or not frappe.has_permission(
		"Volunteer Opportunity", "read", doc=opportunity
	):
		frappe.throw(_("You cannot read this volunteer opportunity."), frappe.PermissionError)
	frappe.has_permission("Community Volunteer", "read", throw=True)
	opp = frappe.db.get_value(
		"Volunteer Opportunity",
		opportunity,
		[
			"project",
			"languages",
			"district",
			"weekday",
			"from_time",
			"to_time",
			"needs_clearance",
			"start_date",
		],
		as_dict=True,
	)
	wanted = {
		r.skill
		for r in children("Volunteer Opportunity Skill", "Volunteer Opportunity", [opportunity], ["skill"])
	}
	volunteers = frappe.get_all(
		"Community Volunteer",
		filters={"project": opp.project, "status": "Active"},
		fields=["name", "volunteer_name", "status", "languages", "clearance_date"],
	)
	names = [v.name for v in volunteers]
	profiles = {
		v.name: VolunteerProfile(
			name=v.name,
			status=v.status,
			languages=v.languages,
			clearance_date=getdate(v.clearance_date) if v.clearance_date else None,
		)
		for v in volunteers
	}
	for r in children("Community Volunteer Skill", "Community Volunteer", names, ["skill"]):
		profiles[r.parent].skills.add(r.skill)
	for r in children("Community Volunteer District", "Community Volunteer", names, ["district"]):
		profiles[r.parent].districts.add(r.district)
	for r in children(
		"Community Volunteer Availability", "Community Volunteer", names, ["weekday", "from_time", "to_time"]
	):
		profiles[r.parent].availability.append(Slot(r.weekday, r.from_time, r.to_time))

	target = OpportunityProfile(
		skills=wanted,
		languages=opp.languages,
		district=opp.district,
		weekday=opp.weekday,
		from_time=opp.from_time,
		to_time=opp.to_time,
		needs_clearance=bool(opp.needs_clearance),
		start_date=getdate(opp.start_date) if opp.start_date else None,
	)
	ranked = rank_volunteers(list(profiles.values()), target, clearance_valid_years(), getdate(today()))
	titles = {v.name: v.volunteer_name for v in volunteers}
	limit = max(1, min(int(limit or 50), 200))
	return [
		{
			"volunteer": m.volunteer,
			"volunteer_name": titles[m.volunteer],
			"score": m.score,
			"skills": m.skills,
			"languages": m.languages,
			"district": m.district,
			"availability": m.availability,
			"clearance_ok": m.clearance_ok,
		}
		for m in ranked[:limit]
	]


# ---------------------------------------------------------------- volunteer portal


@frappe.whitelist(methods=["GET", "POST"])
def get_my_profile() -> dict:
	"""The logged-in volunteer's own profile, availability, assignments and logged hours."""
	return profile(own_volunteer())


def _text(value, label: str) -> str | None:
	if value is None:
		return None
	if not isinstance(value, str) or len(value) > MAX_TEXT:
		frappe.throw(_("{0} must be a text of at most {1} characters.").format(_(label), MAX_TEXT))
	return value.strip()


def _availability(value) -> list[dict]:
	rows = frappe.parse_json(value) if isinstance(value, str) else value
	if not isinstance(rows, list) or len(rows) > 21:
		frappe.throw(_("Availability must be a list of at most 21 time slots."))
	out = []
	for row in rows:
		if not isinstance(row, dict):
			frappe.throw(_("Each availability slot needs a weekday, a start and an end."))
		weekday, start, end = row.get("weekday"), row.get("from_time"), row.get("to_time")
		if weekday not in WEEKDAYS or not all(isinstance(t, str) and _TIME.match(t) for t in (start, end)):
			frappe.throw(_("Each availability slot needs a weekday, a start and an end."))
		out.append({"weekday": weekday, "from_time": start, "to_time": end})
	return out


def _names(value, doctype: str, label: str) -> list[str]:
	items = frappe.parse_json(value) if isinstance(value, str) else value
	if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
		frappe.throw(_("{0} must be a list of names.").format(_(label)))
	items = list(dict.fromkeys(items))
	known = set(frappe.get_all(doctype, filters={"name": ("in", items)}, pluck="name")) if items else set()
	unknown = [i for i in items if i not in known]
	if unknown:
		frappe.throw(_("Could not find {0}").format(", ".join(unknown)), frappe.LinkValidationError)
	return items


@frappe.whitelist(methods=["POST"])
def update_my_profile(
	phone: str | None = None,
	interests: str | None = None,
	languages: str | None = None,
	skills: str | list | None = None,
	districts: str | list | None = None,
	availability: str | list | None = None,
) -> dict:
	"""The volunteer edits their own contact phone, interests, languages, skills, districts and
	availability; nothing else of the profile (name, status, clearance, project) can be changed here."""
	name = own_volunteer()
	doc = frappe.get_doc("Community Volunteer", name)
	for field, value in (("phone", phone), ("interests", interests), ("languages", languages)):
		value = _text(value, doc.meta.get_label(field))
		if value is not None:
			doc.set(field, value)
	if skills is not None:
		doc.set("skills", [{"skill": s} for s in _names(skills, "Volunteer Skill", "Skills")])
	if districts is not None:
		doc.set("districts", [{"district": d} for d in _names(districts, "District", "Districts")])
	if availability is not None:
		doc.set("availability", _availability(availability))
	doc.flags.ignore_permissions = True  # the volunteer is no desk user; own_volunteer() checked ownership
	doc.save()
	return profile(name)


@frappe.whitelist(methods=["POST"])
def log_my_hours(assignment: str, work_date: str, hours: float | str, note: str | None = None) -> str:
	"""Log hours on one of the volunteer's own assignments."""
	name = own_volunteer()
	owner = frappe.db.get_value("Volunteer Assignment", assignment, "volunteer")
	if owner != name:
		frappe.throw(_("You can log hours only on your own assignments."), frappe.PermissionError)
	try:
		day = getdate(work_date)
	except Exception:
		frappe.throw(_("Enter the date as YYYY-MM-DD."), title=_("Invalid Date"))
	try:
		value = float(hours)
	except (TypeError, ValueError):
		value = 0
	entry = frappe.get_doc(
		{
			"doctype": "Volunteer Hours",
			"assignment": assignment,
			"work_date": day,
			"hours": value,
			"note": _text(note, "Note"),
			"logged_by_volunteer": 1,
		}
	)
	entry.flags.ignore_permissions = True  # ownership of the assignment is checked above
	entry.insert()
	return entry.name
