"""What the survey tests share: the synthetic questions and the clean-up of test surveys."""

import frappe

SURVEY = "Community Survey"
RESPONSE = "Community Survey Response"

QUESTIONS = [
	{
		"question_type": "Single Choice",
		"label": "Wie gern wohnen Sie hier?",
		"label_ar": "هل تحب السكن هنا؟",
		"label_en": "Do you like living here?",
		"options": "Gern\nEs geht\nNicht gern",
		"options_ar": "نعم\nإلى حد ما\nلا",
		"required": 1,
	},
	{
		"question_type": "Multiple Choice",
		"label": "Was fehlt im Viertel?",
		"options": "Grün\nSpielplatz\nCafé",
	},
	{"question_type": "Scale 1-5", "label": "Wie sicher fühlen Sie sich?"},
	{
		"question_type": "Number",
		"label": "Seit wie vielen Jahren wohnen Sie hier?",
		"min_value": 0,
		"max_value": 1000,
	},
	{"question_type": "Short Text", "label": "Ihre Idee für das Viertel"},
]


def delete_surveys(names):
	response = frappe.qb.DocType(RESPONSE)
	answer = frappe.qb.DocType("Community Survey Answer")
	ids = frappe.get_all(RESPONSE, filters={"survey": ("in", names)}, pluck="name")
	if ids:
		frappe.qb.from_(answer).delete().where(answer.parent.isin(ids)).run()
		frappe.qb.from_(response).delete().where(response.name.isin(ids)).run()
	for name in names:
		frappe.delete_doc(SURVEY, name, force=True, ignore_permissions=True)
	version = frappe.qb.DocType("Version")
	frappe.qb.from_(version).delete().where(version.docname.isin(names)).run()
