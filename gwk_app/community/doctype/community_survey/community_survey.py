# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe import _

from gwk_app.controllers import ProjectBoundDocument, validate_period
from gwk_app.rules import surveys as rules

QUESTION_PROBLEMS = {
	"type": "Choose a question type.",
	"label": "Enter the question in German.",
	"too_few_options": "A choice question needs at least two options (one per line).",
	"too_many_options": "A choice question may have at most 30 options.",
	"duplicate_options": "Each option of a question may appear only once.",
	"translated_options": "A translation lists more options than the German question.",
	"range": "The minimum must not be above the maximum.",
}


class CommunitySurvey(ProjectBoundDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from gwk_app.community.doctype.community_survey_district.community_survey_district import (
			CommunitySurveyDistrict,
		)
		from gwk_app.community.doctype.community_survey_question.community_survey_question import (
			CommunitySurveyQuestion,
		)

		closes_on: DF.Date | None
		districts: DF.TableMultiSelect[CommunitySurveyDistrict]
		opens_on: DF.Date | None
		project: DF.Link
		purpose: DF.SmallText | None
		questions: DF.Table[CommunitySurveyQuestion]
		status: DF.Literal["Draft", "Open", "Closed"]
		title: DF.Data

	# end: auto-generated types
	def validate(self):
		validate_period(self.opens_on, self.closes_on, "Opens On", "Closes On")
		for row in self.questions:
			problem = rules.question_problem(row.as_dict())
			if problem:
				frappe.throw(
					_("Question {0}: {1}").format(row.idx, _(QUESTION_PROBLEMS[problem])),
					title=_("Invalid Question"),
				)
		if self.status == "Open" and not self.questions:
			frappe.throw(_("An open survey needs at least one question."), title=_("Invalid Survey"))

	def on_trash(self):
		if frappe.db.exists("Community Survey Response", {"survey": self.name}):
			frappe.throw(
				_("The survey has responses and cannot be deleted. Close it instead."),
				title=_("Survey Has Responses"),
			)
