"""Community surveys and the issue radar: the controller's checks, the public page and the submit
endpoint over HTTP (bad, closed and over-long input, the guest rate limit, 200 responses from 20
threads each stored once), the results report against figures computed here, and the radar."""

import json
import threading
import uuid
from collections import Counter

import frappe
import pytest
import requests
from frappe.utils import add_days, getdate, today

from gwk_app.rules import radar
from gwk_app.rules.suppression import suppress_table
from tests.integration.survey_data import QUESTIONS, RESPONSE, SURVEY, delete_surveys

MARK = uuid.uuid4().hex[:8]
SUBMIT = "/api/method/gwk_app.api.surveys.submit"


def _survey(world, title, status="Open", **values):
	return frappe.get_doc(
		{
			"doctype": SURVEY,
			"project": world.a.project,
			"title": title,
			"status": status,
			"purpose": "Befragung zum Wohnumfeld (Testdaten)",
			"districts": [{"district": world.a.district}, {"district": world.b.district}],
			"questions": QUESTIONS,
			**values,
		}
	).insert()


def _keys(doc) -> list[str]:
	return [q.name for q in doc.questions]


@pytest.fixture(scope="module")
def surveys(world):
	"""Committed surveys for the web server (open, closed, draft); deleted with their responses after."""
	frappe.set_user("Administrator")
	docs = {
		"open": _survey(world, f"Wohnumfeld {MARK}"),
		"closed": _survey(world, f"Vorbei {MARK}", status="Closed"),
		"draft": _survey(world, f"Entwurf {MARK}", status="Draft"),
		"ended": _survey(
			world, f"Abgelaufen {MARK}", closes_on=add_days(today(), -1), opens_on=add_days(today(), -9)
		),
	}
	frappe.db.commit()  # the web server reads committed data only
	yield frappe._dict(
		{k: d.name for k, d in docs.items()}, keys=_keys(docs["open"]), title=docs["open"].title
	)
	frappe.db.rollback()
	frappe.set_user("Administrator")
	delete_surveys([d.name for d in docs.values()])
	frappe.db.commit()  # remove the committed test surveys


def _count(survey: str) -> int:
	frappe.db.rollback()  # see what the web server committed
	return frappe.db.count(RESPONSE, {"survey": survey})


def _reset_rate_limit():
	frappe.cache.delete(frappe.cache.make_key("rl:gwk_app.api.surveys.submit:127.0.0.1"))


def _message(r) -> str:
	body = r.json()
	return " ".join(
		json.loads(m).get("message", "") for m in json.loads(body.get("_server_messages") or "[]")
	)


def _post(session, server, survey, answers, **extra):
	data = {
		"survey": survey,
		"answers": answers if isinstance(answers, str) else json.dumps(answers),
		**extra,
	}
	return session.post(server.url + SUBMIT, data=data, timeout=60)


# ---------------------------------------------------------------- controller


def test_response_is_checked_by_its_controller(world, surveys):
	keys = surveys["keys"]
	frappe.set_user(world.users.staff_a)

	def response(survey, answers):
		return frappe.get_doc({"doctype": RESPONSE, "survey": survey, "channel": "Paper", "answers": answers})

	doc = response(
		surveys.open, [{"question": keys[0], "answer": "Gern"}, {"question": keys[2], "answer": "4"}]
	)
	doc.insert()
	assert doc.project == world.a.project and str(doc.response_date) == today()
	assert [(a.question_label, a.answer, a.number_value) for a in doc.answers] == [
		("Wie gern wohnen Sie hier?", "Gern", None),
		("Wie sicher fühlen Sie sich?", "4", 4),
	]
	with pytest.raises(frappe.ValidationError, match="Vielleicht|offered answers|angebotenen"):
		response(surveys.open, [{"question": keys[0], "answer": "Vielleicht"}]).insert()
	with pytest.raises(frappe.ValidationError, match="anonym"):
		response(
			surveys.open,
			[{"question": keys[0], "answer": "Gern"}, {"question": keys[4], "text_answer": "0171 2345678"}],
		).insert()
	for name in (surveys.closed, surveys.draft, surveys.ended):
		with pytest.raises(frappe.ValidationError, match="not open|nimmt keine"):
			response(name, [{"question": keys[0], "answer": "Gern"}]).insert()
	# a response cannot be changed afterwards, not even by its project lead
	frappe.set_user("Administrator")
	doc.reload()
	doc.channel = "Outreach"
	with pytest.raises(frappe.ValidationError):
		doc.save()
	# another project's staff cannot enter responses into this survey
	frappe.set_user(world.users.staff_b)
	with pytest.raises((frappe.ValidationError, frappe.PermissionError)):
		response(surveys.open, [{"question": keys[0], "answer": "Gern"}]).insert()


def test_survey_refuses_broken_questions(world):
	with pytest.raises(frappe.ValidationError, match="two options|zwei"):
		_survey(
			world, "Kaputt", questions=[{"question_type": "Single Choice", "label": "Ja?", "options": "Ja"}]
		)
	with pytest.raises(frappe.ValidationError):
		_survey(world, "Zeitraum", opens_on=today(), closes_on=add_days(today(), -1))


# ---------------------------------------------------------------- public page over HTTP


def test_public_page_in_the_chosen_language(server, surveys):
	guest = server.session(None)
	html = guest.get(
		f"{server.url}/umfrage", params={"survey": surveys.open}, headers={"Accept": "text/html"}
	)
	assert html.status_code == 200
	assert surveys.title in html.text and "Wie gern wohnen Sie hier?" in html.text
	assert 'dir="ltr"' in html.text and "Absenden" in html.text
	arabic = guest.get(f"{server.url}/umfrage", params={"survey": surveys.open, "lang": "ar"}).text
	assert 'dir="rtl"' in arabic and 'lang="ar"' in arabic
	assert "هل تحب السكن هنا؟" in arabic and "إلى حد ما" in arabic and "إرسال" in arabic
	# no Arabic label: shown in German
	assert "Wie sicher fühlen Sie sich?" in arabic
	english = guest.get(f"{server.url}/umfrage", params={"survey": surveys.open, "lang": "en"}).text
	assert "Do you like living here?" in english and "Send" in english
	# Turkish has no labels at all: German questions, Turkish page text
	turkish = guest.get(f"{server.url}/umfrage", params={"survey": surveys.open, "lang": "tr"}).text
	assert "Wie gern wohnen Sie hier?" in turkish and "Gönder" in turkish
	# an unknown language is German
	assert (
		"Absenden" in guest.get(f"{server.url}/umfrage", params={"survey": surveys.open, "lang": "xx"}).text
	)
	for name in (surveys.closed, surveys.draft, surveys.ended, "SUR-UNBEKANNT", "<script>"):
		r = guest.get(f"{server.url}/umfrage", params={"survey": name})
		assert r.status_code == 200 and "gwk-survey-form" not in r.text and "Wie gern" not in r.text
		assert "nimmt keine Antworten an" in r.text
	# staff entry is for the survey's team only: a guest asking for it gets the public page
	assert (
		'class="gwk-entry'
		not in guest.get(f"{server.url}/umfrage", params={"survey": surveys.open, "entry": 1}).text
	)


def test_submit_refuses_bad_input_and_stores_nothing(server, world, surveys):
	_reset_rate_limit()
	guest = server.session(None)
	k = surveys["keys"]
	before = _count(surveys.open)
	cases = [
		({k[0]: "Vielleicht"}, {}, "angebotenen Antworten"),
		({k[1]: ["Grün"]}, {}, "Bitte beantworten Sie die Frage"),
		({k[0]: "Gern", k[2]: "7"}, {}, "angebotenen Antworten"),
		({k[0]: "Gern", k[3]: "viele"}, {}, "Zahl"),
		({k[0]: "Gern", k[3]: "1e999"}, {}, "Zahl"),
		({k[0]: "Gern", k[3]: "-4"}, {}, "außerhalb"),
		({k[0]: "Gern", k[4]: "Schreiben Sie an max.muster@example.org"}, {}, "anonym"),
		({k[0]: "Gern", k[4]: "<img src=x onerror=alert(1)>"}, {}, "HTML"),
		({k[0]: "Gern", "erfunden": "x"}, {}, "gehören nicht zu dieser Umfrage"),
		({k[0]: {"a": 1}}, {}, "nicht gelesen werden"),
		({k[0]: "Gern"}, {"district": "Atlantis"}, "Atlantis nicht gefunden"),
		({k[0]: "Gern"}, {"channel": "Brieftaube"}, "Weg der Antwort"),
	]
	for answers, extra, expected in cases:
		r = _post(guest, server, surveys.open, answers, **extra)
		assert r.status_code in (400, 417), (answers, r.status_code, r.text[:300])
		assert expected in _message(r), (answers, _message(r))
	for raw in ("[1, 2]", "{kaputt", '"text"'):
		r = _post(guest, server, surveys.open, raw)
		assert r.status_code in (400, 417) and "nicht gelesen" in _message(r), raw
	# a guest cannot pretend to be staff on outreach
	r = _post(guest, server, surveys.open, {k[0]: "Gern"}, channel="Paper")
	assert r.status_code == 403
	assert _count(surveys.open) == before
	# messages come in the respondent's language
	r = _post(guest, server, surveys.open, {k[0]: "Vielleicht"}, language="ar")
	assert "يرجى اختيار" in _message(r)


def test_over_long_input_is_refused_whole(server, surveys):
	_reset_rate_limit()
	guest = server.session(None)
	k = surveys["keys"]
	before = _count(surveys.open)
	r = _post(guest, server, surveys.open, {k[0]: "Gern", k[2]: "3", k[4]: "Mehr Bänke " * 60})
	assert r.status_code == 417 and "höchstens 500 Zeichen" in _message(r)
	r = _post(guest, server, surveys.open, {k[0]: "Gern", k[4]: "x" * 5000})
	assert r.status_code == 417 and "zu lang" in _message(r)
	r = _post(guest, server, surveys.open, json.dumps({k[0]: "Gern", k[4]: "y" * 30000}))
	assert r.status_code == 417 and "zu lang" in _message(r)
	# nothing of the valid answers in the same response was stored
	assert _count(surveys.open) == before
	r = _post(guest, server, surveys.open, {k[0]: "Gern", k[4]: "Mehr Bänke " * 40})
	assert r.status_code == 200 and r.json()["message"]["message"] == "Vielen Dank für Ihre Teilnahme."
	assert _count(surveys.open) == before + 1


def test_closed_draft_and_unknown_surveys_accept_nothing(server, surveys):
	_reset_rate_limit()
	guest = server.session(None)
	k = surveys["keys"]
	for name in (surveys.closed, surveys.draft, surveys.ended, "SUR-UNBEKANNT", ""):
		r = _post(guest, server, name, {k[0]: "Gern"})
		assert r.status_code == 417 and "nimmt keine Antworten an" in _message(r), name
	frappe.db.rollback()
	assert frappe.db.count(RESPONSE, {"survey": ("in", [surveys.closed, surveys.draft, surveys.ended])}) == 0


def test_guests_are_rate_limited(server, world, surveys):
	from gwk_app.api.surveys import _guest_limit

	_reset_rate_limit()
	guest = server.session(None)
	k = surveys["keys"]
	key = frappe.cache.make_key("rl:gwk_app.api.surveys.submit:127.0.0.1")
	frappe.cache.incrby(key, _guest_limit() - 1)
	assert _post(guest, server, surveys.open, {k[0]: "Es geht"}).status_code == 200
	r = _post(guest, server, surveys.open, {k[0]: "Es geht"})
	assert r.status_code == 429 and "Zu viele Antworten" in _message(r)
	# signed in is not enough: another project's staff are limited like guests, the survey's team is not
	other = server.session(world.users.staff_b, world.password)
	assert _post(other, server, surveys.open, {k[0]: "Es geht"}).status_code == 429
	staff = server.session(world.users.staff_a, world.password)
	assert _post(staff, server, surveys.open, {k[0]: "Es geht"}, channel="Paper").status_code == 200
	_reset_rate_limit()


def test_200_responses_from_20_threads_each_stored_once(server, world, surveys):
	"""Staff on tablets (signed in, not rate-limited) send 200 outreach responses at once; each carries
	its number in the number question and its own submission key, and every tenth is sent twice."""
	k = surveys["keys"]
	login = server.session(world.users.staff_a, world.password)
	before = _count(surveys.open)
	errors: list = []

	def work(thread: int):
		s = requests.Session()
		s.headers["Accept"] = "application/json"
		s.cookies.update(login.cookies)
		for i in range(thread * 10, thread * 10 + 10):
			submission = f"gwk-test-{MARK}-{i:04d}"
			answers = {
				k[0]: ["Gern", "Es geht", "Nicht gern"][i % 3],
				k[1]: ["Grün", "Café"][: i % 3],
				k[3]: i,
			}
			for _attempt in range(2 if i % 10 == 0 else 1):
				r = _post(s, server, surveys.open, answers, channel="Outreach", submission_key=submission,
					district=world.a.district)  # fmt: skip
				if r.status_code != 200:
					errors.append((i, r.status_code, r.text[:200]))

	threads = [threading.Thread(target=work, args=(t,)) for t in range(20)]
	for t in threads:
		t.start()
	for t in threads:
		t.join(300)
	assert not errors, errors[:5]
	assert _count(surveys.open) == before + 200
	rows = frappe.get_all(
		RESPONSE,
		filters={"survey": surveys.open, "submission_key": ("like", f"gwk-test-{MARK}-%")},
		fields=["name", "channel", "district", "project", "owner"],
	)
	assert len(rows) == 200
	assert {(r.channel, r.district, r.project, r.owner) for r in rows} == {
		("Outreach", world.a.district, world.a.project, world.users.staff_a)
	}
	numbers = frappe.get_all(
		"Community Survey Answer",
		filters={"parent": ("in", [r.name for r in rows]), "question": k[3]},
		pluck="number_value",
	)
	assert sorted(int(n) for n in numbers) == list(range(200))
	ticks = Counter(
		frappe.get_all(
			"Community Survey Answer",
			filters={"parent": ("in", [r.name for r in rows]), "question": k[1]},
			pluck="answer",
		)
	)
	assert ticks == Counter({"Grün": 133, "Café": 66})


def test_poster_with_qr_code_for_the_team_only(server, world, surveys):
	url = f"{server.url}/api/method/gwk_app.api.surveys.poster"
	staff = server.session(world.users.staff_a, world.password)
	r = staff.get(url, params={"survey": surveys.open, "language": "ar"})
	assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/html")
	assert "<svg" in r.text and f"/umfrage?survey={surveys.open}&amp;lang=ar" in r.text
	assert surveys.title in r.text
	other = server.session(world.users.staff_b, world.password)
	assert other.get(url, params={"survey": surveys.open}).status_code == 403
	assert server.session(None).get(url, params={"survey": surveys.open}).status_code == 403


# ---------------------------------------------------------------- results report


RESPONSES = [
	# (district, language, single choice, multiple choice, free text)
	*[("A", "de", "Gern", ["Grün"], None)] * 5,
	*[("A", "de", "Es geht", ["Grün", "Café"], None)] * 3,
	*[("A", "ar", "Gern", [], "Mehr Licht im Park")] * 4,
	*[("B", "de", "Nicht gern", ["Spielplatz"], None)] * 3,
	("B", "de", "Gern", ["Spielplatz"], None),
	("B", "ar", "Nicht gern", [], None),
]


def _results_survey(world):
	doc = _survey(world, f"Ergebnisse {MARK}")
	keys = _keys(doc)
	districts = {"A": world.a.district, "B": world.b.district}
	frappe.set_user(world.users.staff_a)
	for district, language, choice, ticks, text in RESPONSES:
		answers = [{"question": keys[0], "answer": choice}]
		answers += [{"question": keys[1], "answer": t} for t in ticks]
		if text:
			answers.append({"question": keys[4], "text_answer": text})
		frappe.get_doc(
			{"doctype": RESPONSE, "survey": doc.name, "channel": "Paper", "language": language,
			 "district": districts[district], "answers": answers}
		).insert()  # fmt: skip
	frappe.set_user("Administrator")
	return doc, districts


def test_results_report_against_figures_computed_here(world):
	from frappe.desk.query_report import run

	from gwk_app.settings import small_cell_threshold

	doc, districts = _results_survey(world)
	threshold = small_cell_threshold()
	assert threshold == 3
	frappe.set_user(world.users.staff_a)
	result = run("Survey Results", filters={"survey": doc.name, "breakdown": "District"})
	columns = {c["fieldname"]: c["label"] for c in result["columns"]}
	groups = [f for f in columns if f.startswith("g") and not f.endswith("_share")]
	assert [columns[g] for g in groups] == [districts["A"], districts["B"]]
	rows = [r for r in result["result"] if r.get("question_no") == 1]
	options = ["Gern", "Es geht", "Nicht gern"]
	assert [r["answer"] for r in rows] == options
	# the figures, computed here from the list above
	matrix = [[sum(1 for d, _l, c, _m, _t in RESPONSES if d == g and c == o) for g in "AB"] for o in options]
	assert matrix == [[9, 1], [3, 0], [0, 4]]
	expected = suppress_table(matrix, threshold)
	for row, cells, total in zip(rows, expected.cells, expected.row_totals, strict=True):
		assert [row["g0"], row["g1"]] == [("." if v is None else v) for v in cells]
		assert row["total"] == ("." if total is None else total)
	# "Gern" in district B is a single respondent: suppressed with its share, and so are the cells that
	# would give it away (its line's other cell; "Nicht gern" in both districts); the totals stay
	assert [rows[0]["g0"], rows[0]["g1"], rows[0]["g1_share"], rows[0]["total"]] == [".", ".", ".", 10]
	assert [rows[1]["g0"], rows[1]["g1"], rows[1]["g0_share"]] == [3, 0, 25.0]
	assert [rows[2]["g0"], rows[2]["g1"], rows[2]["total"]] == [".", ".", 4]
	assert rows[0]["share"] == round(100 * 10 / 17, 1)
	# the multiple choice question: ticks per option, shares of the respondents who answered it
	ticks = [r for r in result["result"] if r.get("question_no") == 2]
	assert [(r["answer"], r["total"]) for r in ticks] == [("Grün", 8), ("Spielplatz", 4), ("Café", 3)]
	assert ticks[0]["share"] == round(100 * 8 / 12, 1)
	# by language, and by both
	by_language = run("Survey Results", filters={"survey": doc.name, "breakdown": "Language"})
	labels = [
		c["label"]
		for c in by_language["columns"]
		if c["fieldname"].startswith("g") and "_" not in c["fieldname"]
	]
	assert labels == ["العربية", "Deutsch"]
	both = run("Survey Results", filters={"survey": doc.name, "breakdown": "District and Language"})
	assert len([c for c in both["columns"] if c["fieldname"].startswith("g")]) == 8
	assert result["chart"]["data"]["labels"] == options
	# a chart per choice and scale question above the table
	assert result["message"].count('class="gwk-survey-chart"') == 3
	assert f"10 ({round(100 * 10 / 17, 1)} %)" in result["message"]
	assert result["report_summary"][0]["value"] == len(RESPONSES)
	# free text: on request, for the team; never in the figures
	assert not any(r.get("answer") == "Mehr Licht im Park" for r in result["result"])
	texts = run("Survey Results", filters={"survey": doc.name, "free_text": 1})["result"]
	assert sum(1 for r in texts if r.get("answer") == "Mehr Licht im Park") == 4
	# another project's staff and the carrier manager get nothing of it
	frappe.set_user(world.users.staff_b)
	with pytest.raises(frappe.PermissionError):
		run("Survey Results", filters={"survey": doc.name})
	frappe.set_user(world.users.carrier)
	with pytest.raises(frappe.PermissionError):
		run("Survey Results", filters={"survey": doc.name})
	# the carrier overview gets the number of responses per project, nothing of their content
	frappe.set_user("Administrator")
	expected = frappe.db.count(RESPONSE, {"project": world.a.project})
	frappe.set_user(world.users.carrier)
	overview = run("Carrier Overview", filters={"project": world.a.project})
	row = next(r for r in overview["result"] if r.get("project") == world.a.project)
	assert expected >= len(RESPONSES) and row["survey_responses"] == expected
	assert "Mehr Licht im Park" not in json.dumps(overview, default=str)


# ---------------------------------------------------------------- issue radar


def _consultations(world, district, topic, day, n):
	for _ in range(n):
		frappe.get_doc(
			{"doctype": "Consultation", "project": world.a.project, "consultation_date": day, "anonymous": 1,
			 "channel": "Phone", "duration_minutes": 10, "gender": "Female", "age_group": "30-54",
			 "staff_member": world.users.staff_a, "district": district, "topics": [{"topic": topic}]}
		).insert()  # fmt: skip


def test_issue_radar_flags_rising_topics_and_records_an_observation(world):
	from frappe.desk.query_report import run

	from gwk_app.api.radar import record_observation, rising_topics

	district = frappe.get_doc(
		{"doctype": "District", "district_name": f"Radargebiet {MARK}", "city": "Teststadt"}
	)
	district.insert()
	now, year_ago = getdate(today()), radar.year_before(getdate(today()))
	_consultations(world, district.name, "Schulden", now, 6)
	_consultations(world, district.name, "Schulden", year_ago, 2)
	_consultations(world, district.name, "Wohnen", now, 5)
	_consultations(world, district.name, "Wohnen", year_ago, 4)
	frappe.set_user(world.users.staff_a)
	filters = {"project": world.a.project, "district": district.name, "as_of": str(now)}
	result = run("Issue Radar", filters=filters)
	flagged = [
		(r["topic"], r["period_value"], r["current"], r["previous"], r["change"]) for r in result["result"]
	]
	assert flagged == [("Schulden", "Month", 6, ".", "."), ("Schulden", "Quarter", 6, ".", ".")]
	every = run("Issue Radar", filters={**filters, "only_rising": 0})["result"]
	wohnen = [r for r in every if r["topic"] == "Wohnen"]
	assert {(r["rising"], r["current"], r["previous"], r["change"]) for r in wohnen} == {(0, 5, 4, 25.0)}
	before = frappe.db.count("Area Observation", {"district": district.name})
	name = record_observation(world.a.project, district.name, "Schulden", "Month", str(now))
	obs = frappe.get_doc("Area Observation", name)
	assert (obs.project, obs.district, obs.category) == (world.a.project, district.name, "Other")
	assert "Schulden" in obs.description and "6" in obs.description
	assert frappe.db.count("Area Observation", {"district": district.name}) == before + 1
	with pytest.raises(frappe.ValidationError, match="Radar|radar"):
		record_observation(world.a.project, district.name, "Wohnen", "Month", str(now))
	assert rising_topics()["value"] >= 2
	frappe.set_user(world.users.staff_b)
	with pytest.raises(frappe.PermissionError):
		record_observation(world.a.project, district.name, "Schulden", "Month", str(now))
	assert not [r for r in run("Issue Radar", filters={"district": district.name})["result"]]
	frappe.set_user(world.users.nobody)
	assert rising_topics()["value"] == 0
	# the carrier manager gets the figures, never a button that writes
	frappe.set_user(world.users.carrier)
	carrier = run("Issue Radar", filters={"district": district.name, "as_of": str(now)})["result"]
	assert [(r["topic"], r["current"], r["previous"]) for r in carrier] == [
		("Schulden", 6, "."),
		("Schulden", 6, "."),
	]
	with pytest.raises(frappe.PermissionError):
		record_observation(world.a.project, district.name, "Schulden", "Month", str(now))
