"""The issue radar's number card and the button that records an Area Observation from a flagged row."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from gwk_app.permissions import allowed_projects, check_project_access
from gwk_app.reports.report.issue_radar.issue_radar import count_rising, flags
from gwk_app.rules import radar
from gwk_app.settings import small_cell_threshold


@frappe.whitelist()
def rising_topics(filters: str | dict | None = None) -> dict:
	"""Number card: topics rising in a district (this month or quarter) in the user's projects."""
	frappe.has_permission("Community Project", "read", throw=True)
	projects = allowed_projects()
	if projects is None:
		projects = frappe.get_all("Community Project", pluck="name")
	return {
		"value": count_rising(projects, getdate(today())),
		"fieldtype": "Int",
		"route": ["query-report", "Issue Radar"],
	}


@frappe.whitelist(methods=["POST"])
def record_observation(project: str, district: str, topic: str, period: str, as_of: str | None = None) -> str:
	"""Record an Area Observation for a row the radar flags (checked again here): the project's team
	only. Returns the new observation's name."""
	for value in (project, district, topic, period):
		if not isinstance(value, str) or not value or len(value) > 140:
			frappe.throw(_("The radar row is invalid."), title=_("Invalid Input"))
	if as_of is not None and not isinstance(as_of, str):
		frappe.throw(_("The radar row is invalid."), title=_("Invalid Input"))
	check_project_access(project)
	frappe.has_permission("Area Observation", "create", throw=True)
	try:
		day = getdate(as_of or today())
	except Exception:
		frappe.throw(_("The radar row is invalid."), title=_("Invalid Input"))
	if day > getdate(today()):
		day = getdate(today())
	row = next(
		(
			f
			for f in flags([project], day, district)
			if f.rising and f.topic == topic and f.period_value == period and f.district == district
		),
		None,
	)
	if not row:
		frappe.throw(_("The radar does not flag this topic in this district."), title=_("Not Rising"))
	threshold = small_cell_threshold()
	# no dates in the text: an observation's description is checked for phone numbers, and a date looks
	# like one
	if period == "Month":
		text = _(
			"Issue radar: the topic {0} is rising in {1}: {2} consultations this month, {3} in the same days"
			" a year before."
		)
	else:
		text = _(
			"Issue radar: the topic {0} is rising in {1}: {2} consultations this quarter, {3} in the same days"
			" a year before."
		)
	description = text.format(
		topic, district, radar.shown(row.current_raw, threshold), radar.shown(row.previous_raw, threshold)
	)
	doc = frappe.get_doc(
		{
			"doctype": "Area Observation",
			"project": project,
			"district": district,
			"observation_date": day,
			"category": radar.observation_category(topic),
			"source": "Own Observation",
			"description": description,
		}
	).insert()
	return doc.name
