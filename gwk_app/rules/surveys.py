"""Community survey rules that need no database: languages, question labels, whether a survey takes
responses, and the check of one response's answers.

A response is anonymous by design: it holds the answers, the channel, the language and optionally a
district, never a name or contact data. Free-text answers are refused when they contain an e-mail
address or a phone number (the check anonymous consultations use, gwk_app.rules.common).
"""

import math
import re
from datetime import date

from gwk_app.rules.common import contains_contact_data

# German first: it is the survey's own language and the fallback of every label
LANGUAGES = ("de", "en", "ar", "ru", "uk", "tr")
DEFAULT_LANGUAGE = "de"
LANGUAGE_NAMES = {
	"de": "Deutsch",
	"en": "English",
	"ar": "العربية",
	"ru": "Русский",
	"uk": "Українська",
	"tr": "Türkçe",
}
RTL_LANGUAGES = frozenset({"ar"})

STATUSES = ("Draft", "Open", "Closed")
CHANNELS = ("Online", "Outreach", "Paper")
STAFF_CHANNELS = ("Outreach", "Paper")

SINGLE, MULTIPLE, SCALE, NUMBER, TEXT = (
	"Single Choice",
	"Multiple Choice",
	"Scale 1-5",
	"Number",
	"Short Text",
)
QUESTION_TYPES = (SINGLE, MULTIPLE, SCALE, NUMBER, TEXT)
CHOICE_TYPES = frozenset({SINGLE, MULTIPLE})
SCALE_VALUES = ("1", "2", "3", "4", "5")

MAX_TEXT_LENGTH = 500
MAX_OPTIONS = 30
MAX_NUMBER = 1_000_000
_MARKUP = re.compile(r"<\s*[a-zA-Z/!?]")


def pick_language(requested) -> str:
	"""The language asked for if the survey offers it, else German."""
	if isinstance(requested, str) and requested.strip().lower() in LANGUAGES:
		return requested.strip().lower()
	return DEFAULT_LANGUAGE


def is_rtl(language: str) -> bool:
	return language in RTL_LANGUAGES


def label_field(base: str, language: str) -> str:
	"""`label` for German, `label_en`, `label_ar`, … for the others."""
	return base if language == DEFAULT_LANGUAGE else f"{base}_{language}"


def localised(row: dict, base: str, language: str) -> str:
	"""The text of `base` (e.g. "label") in `language`, falling back to German when it is empty."""
	value = row.get(label_field(base, pick_language(language))) if language != DEFAULT_LANGUAGE else None
	if isinstance(value, str) and value.strip():
		return value.strip()
	return (row.get(base) or "").strip()


def split_options(text: str | None) -> list[str]:
	return [line.strip() for line in (text or "").splitlines() if line.strip()]


def options(question: dict, language: str = DEFAULT_LANGUAGE) -> list[tuple[str, str]]:
	"""[(German option, option shown in `language`)] of a choice question. A translated list is read
	line by line; a line it lacks is shown in German."""
	if question.get("question_type") == SCALE:
		return [(v, v) for v in SCALE_VALUES]
	german = split_options(question.get("options"))
	if language == DEFAULT_LANGUAGE:
		return [(g, g) for g in german]
	translated = split_options(question.get(label_field("options", pick_language(language))))
	return [(g, translated[i] if i < len(translated) else g) for i, g in enumerate(german)]


def question_problem(question: dict) -> str | None:
	"""What is wrong with a question as entered in the survey form (None = fine)."""
	kind = question.get("question_type")
	if kind not in QUESTION_TYPES:
		return "type"
	if not (question.get("label") or "").strip():
		return "label"
	if kind in CHOICE_TYPES:
		german = split_options(question.get("options"))
		if len(german) < 2:
			return "too_few_options"
		if len(german) > MAX_OPTIONS:
			return "too_many_options"
		if len(set(german)) != len(german):
			return "duplicate_options"
		for language in LANGUAGES[1:]:
			translated = split_options(question.get(label_field("options", language)))
			if len(translated) > len(german):
				return "translated_options"
	low, high = question.get("min_value"), question.get("max_value")
	if kind == NUMBER and low not in (None, "") and high not in (None, "") and float(low) > float(high):
		return "range"
	return None


def accepts_responses(status: str | None, opens_on: date | None, closes_on: date | None, today: date) -> bool:
	"""Only an open survey within its period takes responses; a draft or closed one takes nothing."""
	if status != "Open":
		return False
	if opens_on and today < opens_on:
		return False
	if closes_on and today > closes_on:
		return False
	return True


class AnswerProblem(Exception):
	"""One answer that cannot be stored: `code` says why, `question` is the question's German label."""

	def __init__(self, code: str, question: str = "", limit: int | None = None):
		super().__init__(code)
		self.code, self.question, self.limit = code, question, limit


def as_number(value):
	if isinstance(value, bool):
		return None
	if isinstance(value, int | float):
		number = float(value)
	elif isinstance(value, str) and value.strip():
		try:
			number = float(value.strip().replace(",", "."))
		except ValueError:
			return None
	else:
		return None
	return number if math.isfinite(number) else None


def _empty(value) -> bool:
	return value is None or (isinstance(value, str) and not value.strip()) or value == []


def check_answers(questions: list[dict], answers) -> list[dict]:
	"""The rows to store for one response: raises AnswerProblem at the first answer that does not fit,
	so nothing is stored half.

	`questions` are the survey's question rows (dicts with key, question_type, label, options, required,
	min_value, max_value); `answers` maps a question key to the raw answer: a German option (choice,
	scale), a list of German options (multiple choice), a number or a short text. Each stored row has
	question (key), question_label, answer (option), number_value and text_answer.
	"""
	if answers is None:
		answers = {}
	if not isinstance(answers, dict) or not all(isinstance(k, str) for k in answers):
		raise AnswerProblem("invalid")
	by_key = {q["key"]: q for q in questions}
	unknown = [k for k in answers if k not in by_key]
	if unknown:
		raise AnswerProblem("unknown_question")
	rows: list[dict] = []
	for q in questions:
		label, kind, raw = q.get("label") or "", q.get("question_type"), answers.get(q["key"])
		if _empty(raw):
			if q.get("required"):
				raise AnswerProblem("required", label)
			continue
		base = {"question": q["key"], "question_label": label}
		if kind in (SINGLE, SCALE):
			allowed = {g for g, _shown in options(q)}
			if not isinstance(raw, str | int) or isinstance(raw, bool) or str(raw).strip() not in allowed:
				raise AnswerProblem("not_an_option", label)
			rows.append({**base, "answer": str(raw).strip()})
			if kind == SCALE:
				rows[-1]["number_value"] = int(str(raw).strip())
		elif kind == MULTIPLE:
			values = [raw] if isinstance(raw, str) else raw
			allowed = {g for g, _shown in options(q)}
			if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
				raise AnswerProblem("not_an_option", label)
			chosen = list(dict.fromkeys(v.strip() for v in values if v.strip()))
			if len(chosen) > len(allowed) or any(v not in allowed for v in chosen):
				raise AnswerProblem("not_an_option", label)
			if not chosen and q.get("required"):
				raise AnswerProblem("required", label)
			rows.extend({**base, "answer": v} for v in chosen)
		elif kind == NUMBER:
			number = as_number(raw)
			if number is None or abs(number) > MAX_NUMBER:
				raise AnswerProblem("not_a_number", label)
			low, high = q.get("min_value"), q.get("max_value")
			if (low not in (None, "") and number < float(low)) or (
				high not in (None, "") and number > float(high)
			):
				raise AnswerProblem("out_of_range", label)
			rows.append({**base, "number_value": number})
		elif kind == TEXT:
			if not isinstance(raw, str):
				raise AnswerProblem("invalid", label)
			text = " ".join(raw.split())
			if len(text) > MAX_TEXT_LENGTH:
				raise AnswerProblem("too_long", label, MAX_TEXT_LENGTH)
			if _MARKUP.search(text):
				raise AnswerProblem("markup", label)
			if contains_contact_data(text):
				raise AnswerProblem("contact_data", label)
			rows.append({**base, "text_answer": text})
		else:
			raise AnswerProblem("invalid", label)
	return rows


def shares(counts: dict[str, int], total: int) -> dict[str, float]:
	"""Share of each answer among the respondents of a question, in per cent with one decimal."""
	if not total:
		return {k: 0.0 for k in counts}
	return {k: round(100.0 * v / total, 1) for k, v in counts.items()}
