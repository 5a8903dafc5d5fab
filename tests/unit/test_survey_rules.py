"""Community survey rules: anonymity check, open/closed surveys, language fallback, answer checks."""

from datetime import date

import pytest

from gwk_app.rules import surveys as rules
from gwk_app.rules.surveys import AnswerProblem, check_answers

QUESTIONS = [
	{
		"key": "q1",
		"question_type": "Single Choice",
		"label": "Wie gern wohnen Sie hier?",
		"label_ar": "هل تحب السكن هنا؟",
		"options": "Gern\nEs geht\nNicht gern",
		"options_ar": "نعم\nإلى حد ما",
		"required": 1,
	},
	{
		"key": "q2",
		"question_type": "Multiple Choice",
		"label": "Was fehlt?",
		"options": "Grün\nSpielplatz\nCafé",
	},
	{"key": "q3", "question_type": "Scale 1-5", "label": "Sicherheit", "label_en": "Safety"},
	{"key": "q4", "question_type": "Number", "label": "Jahre im Viertel", "min_value": 0, "max_value": 100},
	{"key": "q5", "question_type": "Short Text", "label": "Ihre Idee"},
]


def test_anonymity_check_refuses_contact_data_in_free_text():
	for text in ("Ruf mich an: 0371 1234567", "mail an anna.beispiel@example.org", "+49 371 123456"):
		with pytest.raises(AnswerProblem) as err:
			check_answers(QUESTIONS, {"q1": "Gern", "q5": text})
		assert err.value.code == "contact_data" and err.value.question == "Ihre Idee"
	rows = check_answers(QUESTIONS, {"q1": "Gern", "q5": "Mehr Bänke am Spielplatz, Baujahr 1975"})
	assert rows[-1]["text_answer"] == "Mehr Bänke am Spielplatz, Baujahr 1975"


def test_answers_are_checked_completely():
	rows = check_answers(QUESTIONS, {"q1": "Gern", "q2": ["Grün", "Café", "Grün"], "q3": "4", "q4": "12,5"})
	assert [(r["question"], r.get("answer"), r.get("number_value")) for r in rows] == [
		("q1", "Gern", None),
		("q2", "Grün", None),
		("q2", "Café", None),
		("q3", "4", 4),
		("q4", None, 12.5),
	]
	cases = [
		({}, "required"),
		({"q1": "Vielleicht"}, "not_an_option"),
		({"q1": "Gern", "q2": ["Kino"]}, "not_an_option"),
		({"q1": "Gern", "q3": "6"}, "not_an_option"),
		({"q1": "Gern", "q4": "viele"}, "not_a_number"),
		({"q1": "Gern", "q4": "NaN"}, "not_a_number"),
		({"q1": "Gern", "q4": "101"}, "out_of_range"),
		({"q1": "Gern", "q5": "x" * 501}, "too_long"),
		({"q1": "Gern", "q5": "<script>alert(1)</script>"}, "markup"),
		({"q1": "Gern", "q9": "?"}, "unknown_question"),
		({"q1": {"a": 1}}, "not_an_option"),
	]
	for answers, code in cases:
		with pytest.raises(AnswerProblem) as err:
			check_answers(QUESTIONS, answers)
		assert err.value.code == code, answers
	with pytest.raises(AnswerProblem):
		check_answers(QUESTIONS, ["q1"])


def test_closed_and_draft_surveys_take_nothing():
	today = date(2026, 6, 15)
	assert rules.accepts_responses("Open", None, None, today)
	assert rules.accepts_responses("Open", date(2026, 6, 15), date(2026, 6, 15), today)
	assert not rules.accepts_responses("Draft", None, None, today)
	assert not rules.accepts_responses("Closed", None, None, today)
	assert not rules.accepts_responses("Open", date(2026, 6, 16), None, today)
	assert not rules.accepts_responses("Open", None, date(2026, 6, 14), today)
	assert not rules.accepts_responses(None, None, None, today)


def test_language_falls_back_to_german():
	q1, q3 = QUESTIONS[0], QUESTIONS[2]
	assert rules.pick_language("ar") == "ar"
	assert rules.pick_language("fr") == "de" and rules.pick_language(None) == "de"
	assert rules.pick_language(["ar"]) == "de"
	assert rules.localised(q1, "label", "ar") == "هل تحب السكن هنا؟"
	assert rules.localised(q1, "label", "tr") == "Wie gern wohnen Sie hier?"
	assert rules.localised(q3, "label", "en") == "Safety"
	assert rules.localised({**q3, "label_en": "  "}, "label", "en") == "Sicherheit"
	# the Arabic list lacks the third option: shown in German; the value stored is always German
	assert rules.options(q1, "ar") == [
		("Gern", "نعم"),
		("Es geht", "إلى حد ما"),
		("Nicht gern", "Nicht gern"),
	]
	assert rules.options(q1, "ru") == [("Gern", "Gern"), ("Es geht", "Es geht"), ("Nicht gern", "Nicht gern")]
	assert rules.is_rtl("ar") and not rules.is_rtl("uk")


def test_question_problems():
	assert rules.question_problem(QUESTIONS[0]) is None
	assert rules.question_problem({**QUESTIONS[0], "options": "Nur eine"}) == "too_few_options"
	assert rules.question_problem({**QUESTIONS[0], "options": "A\nA"}) == "duplicate_options"
	assert rules.question_problem({**QUESTIONS[0], "options_ar": "1\n2\n3\n4"}) == "translated_options"
	assert rules.question_problem({**QUESTIONS[3], "min_value": 5, "max_value": 1}) == "range"
	assert rules.question_problem({"question_type": "Essay", "label": "x"}) == "type"


def test_shares():
	assert rules.shares({"a": 1, "b": 2}, 3) == {"a": 33.3, "b": 66.7}
	assert rules.shares({"a": 0}, 0) == {"a": 0.0}


def test_response_doctypes_hold_no_personal_fields():
	"""Anonymous by design: no link to a resident, a user or a contact, no phone or e-mail field."""
	from tests.unit.doctypes import fields

	for doctype in ("Community Survey Response", "Community Survey Answer"):
		for f in fields(doctype):
			assert not (f["fieldtype"] == "Link" and f.get("options") in ("Resident", "User", "Contact")), f
			assert f["fieldtype"] not in ("Phone", "Dynamic Link") and f.get("options") != "Email", f
			assert not any(word in f["fieldname"] for word in ("name", "email", "phone", "address")), f
