"""Community surveys, read side: the public page's link and what it shows of an open survey, and who
may enter responses on a survey's behalf. The endpoints are in gwk_app/api/surveys.py; the rules in
gwk_app/rules/surveys.py."""

import frappe
from frappe.utils import get_url, getdate, today

from gwk_app.permissions import can_access_project
from gwk_app.rules import surveys as rules

SURVEY = "Community Survey"
RESPONSE = "Community Survey Response"
PAGE = "/umfrage"


def public_url(survey: str, language: str | None = None) -> str:
	url = get_url(PAGE) + "?survey=" + frappe.utils.quote(survey)
	if language and language != rules.DEFAULT_LANGUAGE:
		url += "&lang=" + language
	return url


def survey_row(survey) -> frappe._dict | None:
	if not isinstance(survey, str) or not survey or len(survey) > 140:
		return None
	return frappe.db.get_value(
		SURVEY,
		survey,
		["name", "project", "title", "status", "opens_on", "closes_on", "purpose"],
		as_dict=True,
	)


def is_open(row) -> bool:
	return bool(row) and rules.accepts_responses(
		row.status,
		getdate(row.opens_on) if row.opens_on else None,
		getdate(row.closes_on) if row.closes_on else None,
		getdate(today()),
	)


def page_survey(survey, language: str) -> frappe._dict | None:
	"""What the public page shows of an open survey in `language` (German where a label is missing):
	title, purpose, districts and questions with their options. None for anything not open."""
	row = survey_row(survey)
	if not is_open(row):
		return None
	questions = frappe.get_all(
		"Community Survey Question",
		filters={"parent": row.name, "parenttype": SURVEY, "parentfield": "questions"},
		fields=["*"],
		order_by="idx asc",
	)
	districts = frappe.get_all(
		"Community Survey District",
		filters={"parent": row.name, "parenttype": SURVEY},
		pluck="district",
		order_by="idx asc",
	)
	return frappe._dict(
		name=row.name,
		project=row.project,
		title=row.title,
		purpose=row.purpose,
		districts=districts,
		questions=[
			frappe._dict(
				key=q.name,
				question_type=q.question_type,
				required=q.required,
				label=rules.localised(q, "label", language),
				options=rules.options(q, language),
				min_value=q.min_value,
				max_value=q.max_value,
			)
			for q in questions
		],
	)


def may_enter(project: str | None) -> bool:
	"""Staff entry (outreach, paper): a signed-in member of the survey's team who may create responses."""
	if frappe.session.user == "Guest" or not project:
		return False
	return bool(frappe.has_permission(RESPONSE, "create")) and can_access_project(project)
