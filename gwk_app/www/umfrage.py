"""/umfrage?survey=…&lang=…: the public page of an open Community Survey, in the language the
respondent chooses (German where a question has no translation; right-to-left for Arabic). With
`entry=1` a signed-in member of the survey's team enters outreach or paper responses one after
another on the same page. A draft, closed or unknown survey shows the same notice and no form."""

import frappe
from frappe import _

from gwk_app.community.surveys import may_enter, page_survey
from gwk_app.rules import surveys as rules

no_cache = 1


def get_context(context):
	language = rules.pick_language(frappe.form_dict.get("lang"))
	frappe.local.lang = language
	name = frappe.form_dict.get("survey")
	survey = page_survey(name, language)
	context.survey = survey
	context.language = language
	context.rtl = rules.is_rtl(language)
	context.languages = [(code, rules.LANGUAGE_NAMES[code]) for code in rules.LANGUAGES]
	context.survey_name = name if survey else None
	context.entry = bool(survey) and frappe.form_dict.get("entry") == "1" and may_enter(survey.project)
	context.channels = rules.STAFF_CHANNELS
	context.max_text = rules.MAX_TEXT_LENGTH
	context.title = survey.title if survey else _("Survey")
	context.no_breadcrumbs = True
	return context
