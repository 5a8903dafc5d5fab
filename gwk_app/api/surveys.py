"""Community surveys: the one endpoint that stores a response (online by
residents, outreach and paper by staff), and the QR code poster of an open survey.

Responses are anonymous: the endpoint takes answers, channel, language and optionally a district, and
nothing else. A response is checked completely (gwk_app.rules.surveys, run by the response's
controller) before anything is stored, in one insert: nothing is stored half. Guests are rate-limited
per address (site config `gwk_survey_response_limit` per hour, default 30), and so is every signed-in
user who is not on the survey's team; the team entering paper questionnaires or outreach responses is
not limited.
"""

import io
import json

import frappe
from frappe import _

from gwk_app.community.surveys import RESPONSE, SURVEY, is_open, may_enter, public_url, survey_row
from gwk_app.rules import surveys as rules

MAX_BODY = 20_000
DEFAULT_GUEST_LIMIT = 30


def _guest_limit() -> int:
	return int(frappe.conf.get("gwk_survey_response_limit") or DEFAULT_GUEST_LIMIT)


def _rate_key() -> str:
	return frappe.cache.make_key(f"rl:gwk_app.api.surveys.submit:{frappe.local.request_ip}")


def _check_rate() -> None:
	"""Everybody but the survey's own team (guests, portal users, other projects' staff) is limited."""
	key = _rate_key()
	count = frappe.cache.incrby(key, 1)
	if count == 1:
		frappe.cache.expire(key, 60 * 60)
	if count > _guest_limit():
		frappe.throw(
			_("Too many responses from your connection. Please try again in an hour."),
			frappe.TooManyRequestsError,
			title=_("Too Many Requests"),
		)


def _invalid(message: str | None = None):
	frappe.throw(
		message or _("The answers could not be read. Please fill in the form again."),
		title=_("Invalid Input"),
	)


def _parse_answers(answers):
	if isinstance(answers, str):
		if len(answers) > MAX_BODY:
			_invalid(_("The response is too long."))
		try:
			answers = json.loads(answers) if answers.strip() else {}
		except ValueError:
			_invalid()
	if not isinstance(answers, dict):
		_invalid()
	return answers


@frappe.whitelist(allow_guest=True, methods=["POST"])
def submit(
	survey: str | None = None,
	answers: str | dict | None = None,
	language: str | None = None,
	channel: str | None = None,
	district: str | None = None,
	submission_key: str | None = None,
) -> dict:
	"""Store one anonymous response. Answers map question keys to a German option, a list of them, a
	number or a short text. A repeated submission key (a tablet re-sending) stores nothing again."""
	frappe.local.lang = rules.pick_language(language)
	row = survey_row(survey)
	staff = bool(row) and may_enter(row.project)
	if not staff:
		_check_rate()
	if not is_open(row):
		_refuse_closed()
	channel = channel or "Online"
	if not isinstance(channel, str) or channel not in rules.CHANNELS:
		_invalid(_("Choose the channel of the response."))
	if channel != "Online" and not staff:
		frappe.throw(_("Only the survey's team enters outreach and paper responses."), frappe.PermissionError)
	if district is not None and (not isinstance(district, str) or len(district) > 140):
		_invalid(_("Choose one of the survey's districts."))
	if submission_key is not None and (
		not isinstance(submission_key, str)
		or not 8 <= len(submission_key) <= 64
		or not submission_key.isascii()
	):
		_invalid()
	answers = _parse_answers(answers)
	if submission_key and frappe.db.exists(RESPONSE, {"submission_key": submission_key}):
		return _thanks()
	doc = frappe.get_doc(
		{
			"doctype": RESPONSE,
			"survey": row.name,
			"project": row.project,
			"channel": channel,
			"language": frappe.local.lang,
			"district": district or None,
			"submission_key": submission_key or None,
			"answers": _answer_rows(row.name, answers),
		}
	)
	# Guests have no permission on responses (and get none): this endpoint is the guest write path. It
	# checked that the survey is open; the controller checks every answer before the one insert.
	doc.flags.ignore_permissions = not staff
	try:
		doc.insert()
	except frappe.UniqueValidationError:
		frappe.db.rollback()
		return _thanks()
	return _thanks()


def _thanks() -> dict:
	return {"stored": True, "message": _("Thank you for taking part.")}


def _refuse_closed():
	frappe.throw(
		_("This survey is not open for responses. It may have ended or not started yet."),
		title=_("Survey Not Open"),
	)


def _answer_rows(survey: str, answers: dict) -> list[dict]:
	"""Raw answers as answer rows for the controller, which checks them against the questions."""
	kinds = dict(
		frappe.get_all(
			"Community Survey Question",
			filters={"parent": survey, "parenttype": SURVEY},
			fields=["name", "question_type"],
			as_list=True,
		)
	)
	rows = []
	for key, value in answers.items():
		if not isinstance(key, str) or key not in kinds:
			rows.append({"question": str(key)[:140]})
			continue
		kind = kinds[key]
		if kind == rules.MULTIPLE:
			values = value if isinstance(value, list) else [value]
			if not all(isinstance(v, str) for v in values) or len(values) > rules.MAX_OPTIONS:
				_invalid()
			rows.extend({"question": key, "answer": v} for v in values if v.strip())
		elif value in (None, ""):
			continue
		elif isinstance(value, dict | list | bool):
			_invalid()
		elif kind == rules.NUMBER:
			rows.append({"question": key, "number_value": _number(value)})
		elif kind == rules.TEXT:
			if not isinstance(value, str):
				_invalid()
			if len(value) > 4 * rules.MAX_TEXT_LENGTH:
				_invalid(_("An answer is too long: at most {0} characters.").format(rules.MAX_TEXT_LENGTH))
			rows.append({"question": key, "text_answer": value})
		else:
			if len(str(value)) > 300:
				_invalid()
			rows.append({"question": key, "answer": str(value)})
	return rows


def _number(value):
	number = rules.as_number(value)
	if number is None:
		_invalid(_("Please enter numbers in number fields."))
	return number


# ---------------------------------------------------------------- QR code poster (staff)


def _readable_survey(survey: str):
	if not isinstance(survey, str) or not survey:
		frappe.throw(_("Choose a survey."), title=_("Invalid Input"))
	doc = frappe.get_doc(SURVEY, survey)
	doc.check_permission("read")
	return doc


def qr_svg(url: str) -> str:
	"""The QR code of `url` as SVG (pyqrcode, which Frappe ships for two-factor login)."""
	import pyqrcode

	buffer = io.BytesIO()
	pyqrcode.create(url, error="M").svg(buffer, scale=6, xmldecl=False, svgns=True, omithw=False)
	return buffer.getvalue().decode("utf-8")


@frappe.whitelist(methods=["GET"])
def poster(survey: str, language: str | None = None) -> None:
	"""A printable page with the survey's title, its QR code and its link (for posters, the district
	paper). Only the survey's team may print it; a survey that is not open says so on the page."""
	doc = _readable_survey(survey)
	language = rules.pick_language(language)
	url = public_url(doc.name, language)
	context = {
		"title": doc.title,
		"purpose": doc.purpose,
		"url": url,
		"qr": qr_svg(url),
		"is_open": is_open(frappe._dict(doc.as_dict())),
		"_": _,
	}
	html = frappe.render_template("gwk_app/templates/pages/survey_poster.html", context)
	frappe.local.response["type"] = "download"
	frappe.local.response["filename"] = "umfrage.html"
	frappe.local.response["content_type"] = "text/html; charset=utf-8"
	frappe.local.response["display_content_as"] = "inline"
	frappe.local.response["filecontent"] = html.encode("utf-8")
