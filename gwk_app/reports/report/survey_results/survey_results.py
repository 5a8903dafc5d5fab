# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt
"""The results of one Community Survey: per question and answer the count and share of respondents,
broken down by district, language or both. Counts below the small-cell threshold (GWK Settings) are
shown as "." with secondary suppression per question (gwk_app.rules.suppression); a share is shown only
with its count. Free-text answers are listed only on request, to the survey's team (they read the
survey: the report is not given to the carrier manager, whose overview gets figures only)."""

import frappe
from frappe import _
from frappe.query_builder.functions import Count
from frappe.utils import escape_html

from gwk_app.permissions import check_project_access
from gwk_app.reports.common import column, summary
from gwk_app.rules import surveys as rules
from gwk_app.rules.suppression import SUPPRESSED, suppress_table
from gwk_app.settings import small_cell_threshold

NO_DISTRICT = "No District"
BREAKDOWNS = ("District", "Language", "District and Language", "None")


def execute(filters=None):
	filters = frappe._dict(filters or {})
	if not filters.get("survey"):
		return columns([]), [], _("Choose a survey."), None, []
	survey = _survey(filters.get("survey"))
	breakdown = filters.get("breakdown") if filters.get("breakdown") in BREAKDOWNS else "District"
	result = get_data(survey, breakdown, small_cell_threshold())
	rows = result["rows"]
	if filters.get("free_text"):
		rows = rows + free_text_rows(survey)
	return (
		columns(result["groups"]),
		rows,
		charts_html(result),
		chart(result, filters.get("question")),
		[summary(result["respondents"], _("Responses"))],
	)


def _survey(name):
	if not isinstance(name, str) or not name:
		frappe.throw(_("Choose a survey."), title=_("Missing Filter"))
	project = frappe.db.get_value("Community Survey", name, "project")
	# an unknown survey and one of another project answer alike
	check_project_access(project)
	return frappe.get_doc("Community Survey", name)


def columns(groups):
	cols = [
		column(_("No."), "question_no", "Int", 50),
		column(_("Question"), "question", "Data", 260),
		column(_("Answer"), "answer", "Data", 200),
		column(_("Total"), "total", "Data", 80),
		column(_("Share %"), "share", "Data", 80),
	]
	for i, (label, _key) in enumerate(groups):
		cols.append(column(label, f"g{i}", "Data", 110))
		cols.append(column(label + " %", f"g{i}_share", "Data", 90))
	return cols


def _group_of(breakdown, district, language):
	district = district or NO_DISTRICT
	if breakdown == "District":
		return (district,)
	if breakdown == "Language":
		return (language,)
	if breakdown == "District and Language":
		return (district, language)
	return ()


def _group_label(key):
	parts = []
	for value in key:
		if value == NO_DISTRICT:
			parts.append(_(NO_DISTRICT))
		elif value in rules.LANGUAGE_NAMES:
			parts.append(rules.LANGUAGE_NAMES[value])
		else:
			parts.append(value)
	return " · ".join(parts)


def raw_counts(survey_name):
	"""(respondents per (district, language), {question key: {answer: {(district, language): n}}},
	{question key: {(district, language): respondents who answered}}) from grouped queries."""
	resp = frappe.qb.DocType("Community Survey Response")
	ans = frappe.qb.DocType("Community Survey Answer")
	respondents = {
		(r.district, r.language): int(r.n)
		for r in frappe.qb.from_(resp)
		.select(resp.district, resp.language, Count("*").as_("n"))
		.where(resp.survey == survey_name)
		.groupby(resp.district, resp.language)
		.run(as_dict=True)
	}
	base = (
		frappe.qb.from_(ans)
		.join(resp)
		.on((ans.parent == resp.name) & (ans.parenttype == "Community Survey Response"))
		.where(resp.survey == survey_name)
	)
	answers: dict = {}
	for r in (
		base.select(ans.question, ans.answer, resp.district, resp.language, Count("*").as_("n"))
		.where(ans.answer.isnotnull())
		.groupby(ans.question, ans.answer, resp.district, resp.language)
		.run(as_dict=True)
	):
		answers.setdefault(r.question, {}).setdefault(r.answer, {})[(r.district, r.language)] = int(r.n)
	answered: dict = {}
	for r in (
		base.select(ans.question, resp.district, resp.language, Count(ans.parent).distinct().as_("n"))
		.groupby(ans.question, resp.district, resp.language)
		.run(as_dict=True)
	):
		answered.setdefault(r.question, {})[(r.district, r.language)] = int(r.n)
	return respondents, answers, answered


def get_data(survey, breakdown, threshold):
	respondents, answers, answered = raw_counts(survey.name)
	group_keys = (
		sorted({_group_of(breakdown, d, lang) for d, lang in respondents}) if breakdown != "None" else []
	)
	groups = [(_group_label(k), k) for k in group_keys]
	rows, charts = [], []
	for no, q in enumerate(survey.questions, start=1):
		label = q.label
		by_answer = answers.get(q.name, {})
		if q.question_type in rules.CHOICE_TYPES or q.question_type == rules.SCALE:
			values = [g for g, _shown in rules.options(q.as_dict())]
		else:
			values = []
		# the question's table: answers (or one line "answered") × groups, plus the respondents line
		lines = values or [None]

		def count(cells, key):
			return sum(n for (d, lang), n in cells.items() if _group_of(breakdown, d, lang) == key)

		if values:
			matrix = [[count(by_answer.get(v, {}), k) for k in group_keys] or [0] for v in values]
			if not group_keys:
				matrix = [[sum(by_answer.get(v, {}).values())] for v in values]
		else:
			cells = answered.get(q.name, {})
			matrix = [[count(cells, k) for k in group_keys]] if group_keys else [[sum(cells.values())]]
		denominators = [count(answered.get(q.name, {}), k) for k in group_keys] if group_keys else []
		total_answered = sum(answered.get(q.name, {}).values())
		table = suppress_table(matrix, threshold)
		shown_counts = []
		for i, line in enumerate(lines):
			total = table.row_totals[i] if group_keys else table.cells[i][0]
			row = frappe._dict(
				question_no=no,
				question=label,
				answer=line if line is not None else _("Answered"),
				total=_shown(total),
				share=_share(total, total_answered),
			)
			for j, _key in enumerate(group_keys):
				value = table.cells[i][j]
				row[f"g{j}"] = _shown(value)
				row[f"g{j}_share"] = _share(value, denominators[j])
			rows.append(row)
			shown_counts.append(total)
		charts.append(
			{
				"question": label,
				"labels": [ln for ln in lines if ln is not None],
				"values": shown_counts,
				"shares": [_share(v, total_answered) for v in shown_counts],
			}
		)
	return {"rows": rows, "groups": groups, "respondents": sum(respondents.values()), "charts": charts}


def _shown(value):
	return SUPPRESSED if value is None else value


def _share(value, denominator):
	if value is None:
		return SUPPRESSED
	return rules.shares({"x": value}, denominator)["x"]


def chart(result, question_no=None):
	"""A bar chart of one question (filter "Chart of Question No.", default the first choice question);
	suppressed counts are left out of the chart."""
	choice = [i for i, c in enumerate(result["charts"]) if c["labels"]]
	if not choice:
		return None
	try:
		index = int(question_no) - 1 if question_no else choice[0]
	except (TypeError, ValueError):
		index = choice[0]
	if index not in choice:
		index = choice[0]
	c = result["charts"][index]
	return {
		"data": {
			"labels": c["labels"],
			"datasets": [{"name": _("Responses"), "values": [v or 0 for v in c["values"]]}],
		},
		"type": "bar",
		"title": c["question"],
	}


def charts_html(result) -> str:
	"""A bar chart per choice and scale question (shares of its respondents), drawn as plain HTML above
	the table; a suppressed count gets no bar."""
	parts = []
	for no, c in enumerate(result["charts"], start=1):
		if not c["labels"]:
			continue
		bars = []
		for label, value, share in zip(c["labels"], c["values"], c["shares"], strict=True):
			width = 0 if value is None else max(min(float(share), 100.0), 0.0)
			shown = SUPPRESSED if value is None else f"{value} ({share} %)"
			bars.append(
				'<div class="gwk-bar-row" style="display:flex;align-items:center;margin:2px 0">'
				f'<span style="width:30%;overflow:hidden">{escape_html(label)}</span>'
				f'<span style="width:50%"><span style="display:block;height:12px;width:{width}%;'
				'background:var(--blue-500, #2490ef)"></span></span>'
				f'<span style="width:20%;padding-left:8px">{shown}</span></div>'
			)
		parts.append(
			f'<div class="gwk-survey-chart" data-question="{no}" style="margin-bottom:12px">'
			f"<b>{no}. {escape_html(c['question'])}</b>{''.join(bars)}</div>"
		)
	return "".join(parts)


def free_text_rows(survey):
	"""The free-text answers, for the survey's team (level 1 of the responses: not the carrier)."""
	if not frappe.has_permission("Community Survey Response", "read") or not _reads_level_one():
		return []
	resp = frappe.qb.DocType("Community Survey Response")
	ans = frappe.qb.DocType("Community Survey Answer")
	numbers = {q.name: (i, q.label) for i, q in enumerate(survey.questions, start=1)}
	texts = (
		frappe.qb.from_(ans)
		.join(resp)
		.on((ans.parent == resp.name) & (ans.parenttype == "Community Survey Response"))
		.select(ans.question, ans.text_answer)
		.where((resp.survey == survey.name) & ans.text_answer.isnotnull() & (ans.text_answer != ""))
		.orderby(ans.question)
		.orderby(ans.text_answer)
		.limit(5000)
		.run(as_dict=True)
	)
	return [
		frappe._dict(
			question_no=numbers.get(t.question, (0, ""))[0],
			question=numbers.get(t.question, (0, ""))[1],
			answer=t.text_answer,
		)
		for t in texts
	]


def _reads_level_one():
	meta = frappe.get_meta("Community Survey Response")
	roles = set(frappe.get_roles())
	return any(p.permlevel == 1 and p.read and p.role in roles for p in meta.permissions)
