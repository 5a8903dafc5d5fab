# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt
"""One anonymous response to a Community Survey: answers, channel, language and optionally a district.
Created through gwk_app.api.surveys.submit; the checks live here so that every path (also REST) runs
them: the survey must be open, the answers must fit its questions (gwk_app.rules.surveys)."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from gwk_app.controllers import ProjectBoundDocument
from gwk_app.permissions import can_access_project
from gwk_app.rules import surveys as rules


def survey_questions(survey) -> list[dict]:
	"""The question rows of a survey as dicts for gwk_app.rules.surveys (key = the row's name)."""
	return [{**q.as_dict(), "key": q.name} for q in survey.questions]


def answer_problem_message(problem: rules.AnswerProblem) -> str:
	question = problem.question
	messages = {
		"required": _("Please answer the question: {0}").format(question),
		"not_an_option": _("Please choose one of the offered answers for: {0}").format(question),
		"not_a_number": _("Please enter a number for: {0}").format(question),
		"out_of_range": _("The number is outside the allowed range for: {0}").format(question),
		"too_long": _("The answer to {0} may have at most {1} characters.").format(question, problem.limit),
		"markup": _("Please enter plain text only (no HTML) for: {0}").format(question),
		"contact_data": _(
			"The survey is anonymous: please remove e-mail addresses and phone numbers from the answer to: {0}"
		).format(question),
		"unknown_question": _("The answers do not belong to this survey. Please reload the page."),
	}
	return messages.get(problem.code) or _("The answers could not be read. Please fill in the form again.")


def refuse_closed():
	frappe.throw(
		_("This survey is not open for responses. It may have ended or not started yet."),
		title=_("Survey Not Open"),
	)


class CommunitySurveyResponse(ProjectBoundDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from gwk_app.community.doctype.community_survey_answer.community_survey_answer import (
			CommunitySurveyAnswer,
		)

		answers: DF.Table[CommunitySurveyAnswer]
		channel: DF.Literal["Online", "Outreach", "Paper"]
		district: DF.Link | None
		language: DF.Literal["de", "en", "ar", "ru", "uk", "tr"]
		project: DF.Link
		response_date: DF.Date
		submission_key: DF.Data | None
		survey: DF.Link

	# end: auto-generated types
	def before_validate(self):
		if not self.flags.in_insert:
			return
		found = isinstance(self.survey, str) and frappe.db.exists("Community Survey", self.survey)
		survey = frappe.get_doc("Community Survey", self.survey) if found else None
		if not survey or not self.flags.ignore_permissions and not can_access_project(survey.project):
			refuse_closed()
		opens = getdate(survey.opens_on) if survey.opens_on else None
		closes = getdate(survey.closes_on) if survey.closes_on else None
		if not rules.accepts_responses(survey.status, opens, closes, getdate(today())):
			refuse_closed()
		self.project = survey.project
		self.response_date = today()
		self.language = rules.pick_language(self.language)
		if self.channel not in rules.CHANNELS:
			frappe.throw(_("Choose the channel of the response."), title=_("Invalid Input"))
		districts = {d.district for d in survey.districts}
		if self.district and districts and self.district not in districts:
			frappe.throw(_("Choose one of the survey's districts."), title=_("Invalid Input"))
		self._check_answers(survey)

	def _check_answers(self, survey):
		questions = survey_questions(survey)
		kinds = {q["key"]: q["question_type"] for q in questions}
		raw: dict = {}
		for row in self.answers:
			key = row.question
			if not isinstance(key, str) or key not in kinds:
				raise_problem(rules.AnswerProblem("unknown_question"))
			if kinds[key] == rules.MULTIPLE:
				raw.setdefault(key, []).append(row.answer)
			elif kinds[key] == rules.NUMBER:
				raw[key] = row.number_value
			elif kinds[key] == rules.TEXT:
				raw[key] = row.text_answer
			else:
				raw[key] = row.answer
		try:
			rows = rules.check_answers(questions, raw)
		except rules.AnswerProblem as problem:
			raise_problem(problem)
		self.set("answers", rows)

	def validate(self):
		if not self.flags.in_insert:
			frappe.throw(_("A survey response cannot be changed."), title=_("Not Allowed"))


def raise_problem(problem: rules.AnswerProblem):
	frappe.throw(answer_problem_message(problem), title=_("Response Not Stored"))
