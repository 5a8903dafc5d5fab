"""Community surveys in a real browser (headless Chromium, see test_browser.py): a resident answers the
public page in Arabic, laid out right to left; a staff member types two paper/outreach questionnaires
one after another with the keyboard. Screenshots go to tests/artifacts/browser/surveys_*.png."""

import uuid

import frappe
import pytest
from frappe.utils import today

from tests.integration.browser import BROWSER_MARKS, Desk, login
from tests.integration.survey_data import QUESTIONS, RESPONSE, SURVEY, delete_surveys

pytestmark = BROWSER_MARKS

try:
	from selenium.webdriver.common.by import By
	from selenium.webdriver.common.keys import Keys
	from selenium.webdriver.support import expected_conditions as EC
	from selenium.webdriver.support.ui import Select
except ImportError:  # pragma: no cover - BROWSER_MARKS skip the module then
	pass

MARK = uuid.uuid4().hex[:8]


@pytest.fixture(scope="module")
def survey(world):
	frappe.set_user("Administrator")
	doc = frappe.get_doc(
		{
			"doctype": SURVEY,
			"project": world.a.project,
			"title": f"Nachbarschaft {MARK}",
			"status": "Open",
			"districts": [{"district": world.a.district}],
			"questions": QUESTIONS,
		}
	).insert()
	frappe.db.commit()  # the web server reads committed data only
	yield frappe._dict(name=doc.name, keys=[q.name for q in doc.questions])
	frappe.db.rollback()
	delete_surveys([doc.name])
	frappe.db.commit()  # remove the committed survey and what the browser stored


def _responses(survey: str) -> list[frappe._dict]:
	frappe.db.rollback()  # see what the web server committed
	rows = frappe.get_all(
		RESPONSE,
		filters={"survey": survey},
		fields=["name", "channel", "language", "district", "response_date", "owner"],
		order_by="creation asc",
	)
	for r in rows:
		r.answers = sorted(
			(a.question, a.answer, a.number_value)
			for a in frappe.get_all(
				"Community Survey Answer",
				filters={"parent": r.name},
				fields=["question", "answer", "number_value"],
			)
		)
	return rows


def _wait_answer(desk: Desk, previous: str = "") -> str:
	element = desk.driver.find_element(By.ID, "gwk-survey-answer")
	desk.wait.until(lambda d: element.text.strip() and element.text.strip() != previous)
	return element.text.strip()


def test_resident_answers_in_arabic_right_to_left(server, world, browser, survey):
	frappe.cache.delete(frappe.cache.make_key("rl:gwk_app.api.surveys.submit:127.0.0.1"))
	desk = Desk(browser, server.url)
	browser.delete_all_cookies()
	browser.get(f"{server.url}/umfrage?survey={survey.name}")
	desk.wait.until(EC.presence_of_element_located((By.ID, "gwk-survey-form")))
	# the respondent chooses the language on the page
	browser.find_element(By.CSS_SELECTOR, ".gwk-languages a[data-lang='ar']").click()
	form = desk.wait.until(
		EC.presence_of_element_located((By.CSS_SELECTOR, "#gwk-survey-form[data-language='ar']"))
	)
	page = browser.find_element(By.CSS_SELECTOR, ".gwk-survey")
	assert page.get_attribute("dir") == "rtl"
	assert desk.js("return getComputedStyle(arguments[0]).direction", form) == "rtl"
	text = page.text
	assert "هل تحب السكن هنا؟" in text and "إلى حد ما" in text
	assert "Wie sicher fühlen Sie sich?" in text  # no Arabic label: German
	# the first option's box stands at the right edge, as Arabic readers expect
	first = browser.find_element(By.CSS_SELECTOR, ".gwk-question input[type=radio]")
	assert first.rect["x"] > form.rect["x"] + form.rect["width"] / 2
	browser.find_element(By.CSS_SELECTOR, "label[for='gwk-q-1-2']").click()
	browser.find_element(By.CSS_SELECTOR, "label[for='gwk-q-3-4']").click()
	desk.shot("surveys_01_arabic")
	# an e-mail address in the free text is refused with a message in Arabic, nothing stored
	browser.find_element(By.ID, "gwk-q-5").send_keys("name@example.org")
	browser.find_element(By.CSS_SELECTOR, "#gwk-survey-form button[type=submit]").click()
	refused = _wait_answer(desk)
	assert "مجهول الهوية" in refused
	assert _responses(survey.name) == []
	field = browser.find_element(By.ID, "gwk-q-5")
	field.clear()
	field.send_keys("حديقة أكبر")
	browser.find_element(By.CSS_SELECTOR, "#gwk-survey-form button[type=submit]").click()
	assert _wait_answer(desk, refused) == "شكراً لمشاركتك."
	desk.shot("surveys_02_arabic_thanks")
	[row] = _responses(survey.name)
	assert (row.channel, row.language, row.district, str(row.response_date)) == (
		"Online",
		"ar",
		None,
		today(),
	)
	assert row.owner == "Guest"
	assert (survey["keys"][0], "Es geht", 0.0) in row.answers and (survey["keys"][2], "4", 4.0) in row.answers


def test_staff_types_questionnaires_one_after_another(server, world, browser, survey):
	desk = Desk(browser, server.url)
	browser.delete_all_cookies()
	login(desk, world.users.staff_a, world.password)
	before = len(_responses(survey.name))
	browser.get(f"{server.url}/umfrage?survey={survey.name}&entry=1")
	desk.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".gwk-entry")))
	channel = Select(browser.find_element(By.ID, "gwk-channel"))
	assert [o.get_attribute("value") for o in channel.options] == ["Outreach", "Paper"]

	def active():
		return desk.js("return document.activeElement && document.activeElement.id")

	# the first answer has the focus: space picks it, the number field takes Enter to send
	desk.wait.until(lambda d: active() == "gwk-q-1-1")
	browser.switch_to.active_element.send_keys(Keys.SPACE)
	Select(browser.find_element(By.ID, "gwk-survey-district")).select_by_value(world.a.district)
	number = browser.find_element(By.ID, "gwk-q-4")
	number.send_keys("12" + Keys.ENTER)
	first = _wait_answer(desk)
	assert "Vielen Dank" in first
	assert browser.find_element(By.ID, "gwk-count").text == "1"
	desk.shot("surveys_03_staff_first")
	# the form is empty again, the focus back on the first question, channel and district kept
	desk.wait.until(lambda d: active() == "gwk-q-1-1")
	assert not browser.find_element(By.ID, "gwk-q-1-1").is_selected() and number.get_attribute("value") == ""
	assert (
		Select(browser.find_element(By.ID, "gwk-survey-district")).first_selected_option.get_attribute(
			"value"
		)
		== world.a.district
	)
	# a paper questionnaire: arrow keys move through the options
	channel.select_by_value("Paper")
	browser.find_element(By.ID, "gwk-q-1-1").send_keys(Keys.SPACE)
	browser.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
	browser.find_element(By.ID, "gwk-q-4").send_keys("3" + Keys.ENTER)
	desk.wait.until(lambda d: d.find_element(By.ID, "gwk-count").text == "2")
	desk.shot("surveys_04_staff_second")
	rows = _responses(survey.name)[before:]
	assert [(r.channel, r.language, r.district, r.owner, str(r.response_date)) for r in rows] == [
		("Outreach", "de", world.a.district, world.users.staff_a, today()),
		("Paper", "de", world.a.district, world.users.staff_a, today()),
	]
	assert rows[0].answers == sorted([(survey["keys"][0], "Gern", 0.0), (survey["keys"][3], None, 12.0)])
	assert rows[1].answers == sorted([(survey["keys"][0], "Es geht", 0.0), (survey["keys"][3], None, 3.0)])
