"""The desk as staff use it: consultation quick entry, workspace figures, kanban, office hours calendar,
resident connections and German labels. Every figure and list follows the project access rules."""

import json
from datetime import datetime, timedelta

import frappe
import pytest
from frappe.utils import add_days, get_first_day, get_last_day, getdate, today

from gwk_app.api import casework as casework_api
from gwk_app.api.office_hours import get_events
from gwk_app.constants import DESK_ROLES
from gwk_app.overrides import dashboard_chart
from gwk_app.reports.report.participants_vs_plan.participants_vs_plan import participants_by_project
from gwk_app.setup.install import CASE_KANBAN_BOARD, create_case_kanban_board

WORKSPACE = "Gemeinwesen"


def _as(user):
	frappe.set_user(user)
	frappe.local.lang = "en"


def _consultation(project, **values):
	doc = frappe.get_doc(
		{
			"doctype": "Consultation",
			"project": project,
			"channel": "Phone",
			"anonymous": 1,
			"duration_minutes": 10,
			**values,
		}
	)
	doc.insert(ignore_permissions=True)
	return doc.name


# ---------------------------------------------------------------- quick entry


def test_quick_entry_context_offers_the_users_projects(world):
	_as(world.users.staff_a)
	context = casework_api.quick_entry_context()
	assert context["projects"] == [world.a.project]
	assert context["default_project"] == world.a.project
	assert set(context["in_office_hours"]) == {world.a.project}
	assert context["today"] == today()
	_as(world.users.both)
	context = casework_api.quick_entry_context()
	assert set(context["projects"]) >= {world.a.project, world.b.project}
	assert context["default_project"] is None
	_as(world.users.nobody)
	assert casework_api.quick_entry_context()["projects"] == []


@pytest.mark.parametrize(
	"moment, inside",
	[(datetime(2026, 11, 17, 16, 0), True), (datetime(2026, 11, 18, 10, 30), True),
	 (datetime(2026, 11, 17, 18, 30), False), (datetime(2026, 11, 19, 16, 0), False)],
)  # fmt: skip
def test_channel_defaults_to_office_hours_during_office_hours(world, monkeypatch, moment, inside):
	"""World projects hold office hours on Tuesday 15-18 and Wednesday 10-13."""
	monkeypatch.setattr(casework_api, "now_datetime", lambda: moment)
	_as(world.users.staff_a)
	assert casework_api.quick_entry_context()["in_office_hours"] == {world.a.project: inside}


def test_carrier_manager_cannot_use_quick_entry(world):
	_as(world.users.carrier)
	with pytest.raises(frappe.PermissionError):
		casework_api.quick_entry_context()
	with pytest.raises(frappe.PermissionError):
		casework_api.log_consultation(project=world.a.project, channel="Phone")


def test_log_anonymous_consultation(world):
	_as(world.users.staff_a)
	result = casework_api.log_consultation(
		project=world.a.project,
		channel="Office Hours",
		duration_minutes=20,
		anonymous=True,
		gender="Female",
		age_group="30-54",
		topics=json.dumps(["Wohngeld", "Schulden"]),
		note="Frage zum Antrag",
	)
	frappe.set_user("Administrator")
	doc = frappe.get_doc("Consultation", result["name"])
	assert (doc.project, doc.channel, doc.anonymous, doc.resident) == (
		world.a.project,
		"Office Hours",
		1,
		None,
	)
	assert (doc.gender, doc.age_group, doc.duration_minutes) == ("Female", "30-54", 20)
	assert str(doc.consultation_date) == today()
	assert doc.staff_member == world.users.staff_a
	assert sorted(t.topic for t in doc.topics) == ["Schulden", "Wohngeld"]
	assert result["anonymous"] == 1


def test_log_named_consultation_takes_the_residents_data(world):
	_as(world.users.staff_a)
	result = casework_api.log_consultation(
		project=world.a.project,
		channel="Phone",
		anonymous=0,
		resident=world.a.resident,
		case=world.a.case,
		consultation_date=add_days(today(), -1),
	)
	frappe.set_user("Administrator")
	doc = frappe.get_doc("Consultation", result["name"])
	assert (doc.resident, doc.case, doc.anonymous) == (world.a.resident, world.a.case, 0)
	assert doc.resident_name and doc.resident_name == result["resident_name"]
	assert doc.gender == "Female" and doc.district == world.a.district
	assert str(doc.consultation_date) == add_days(today(), -1)


def _count():
	return frappe.db.count("Consultation")


@pytest.mark.parametrize(
	"values, error",
	[
		({"channel": "Telepathy"}, "not a valid choice"),
		({"channel": ""}, "is required"),
		({"consultation_date": "2026-13-45"}, "valid date"),
		({"consultation_date": "21.11.2026"}, "valid date"),
		({"consultation_date": add_days(today(), 3)}, "future"),
		({"topics": json.dumps(["No Such Topic"])}, "Unknown topic"),
		({"topics": json.dumps({"a": 1})}, "list of topic names"),
		({"topics": "not json"}, "list of topic names"),
		({"gender": "Robot"}, "not a valid choice"),
		({"duration_minutes": 0}, "duration"),
		({"duration_minutes": 10_000}, "duration"),
		({"note": "x" * 2001}, "at most"),
		({"note": "Ruft zurück: 0371 123456"}, "anonymous consultation cannot carry"),
		({"anonymous": 1, "resident": "RES-00001"}, "cannot name a resident"),
		({"anonymous": 0}, "Choose the resident"),
	],
)
def test_log_consultation_refuses_bad_input_and_stores_nothing(world, values, error):
	before = _count()
	_as(world.users.staff_a)
	args = {"project": world.a.project, "channel": "Phone", **values}
	with pytest.raises(frappe.ValidationError) as raised:
		casework_api.log_consultation(**args)
	assert error.lower() in str(raised.value).lower()
	frappe.set_user("Administrator")
	assert _count() == before


def test_log_consultation_keeps_to_the_users_projects(world):
	before = _count()
	_as(world.users.staff_a)
	with pytest.raises(frappe.PermissionError):
		casework_api.log_consultation(project=world.b.project, channel="Phone")
	# another project's resident fails exactly like a name that does not exist
	messages = []
	for resident in (world.b.resident, "RES-DOES-NOT-EXIST"):
		with pytest.raises(frappe.LinkValidationError) as raised:
			casework_api.log_consultation(
				project=world.a.project, channel="Phone", anonymous=0, resident=resident
			)
		messages.append(str(raised.value).replace(resident, "<name>"))
	assert messages[0] == messages[1]
	_as(world.users.nobody)
	with pytest.raises(frappe.PermissionError):
		casework_api.log_consultation(project=world.a.project, channel="Phone")
	frappe.set_user("Administrator")
	assert _count() == before


def test_log_consultation_over_http(server, world):
	session = server.session(world.users.staff_a, world.password)
	url = f"{server.url}/api/method/gwk_app.api.casework.log_consultation"
	before = frappe.db.count("Consultation", {"project": world.a.project})
	assert session.get(url, params={"project": world.a.project, "channel": "Phone"}).status_code in (403, 405)
	bad = session.post(url, data={"project": world.a.project, "channel": "Phone", "duration_minutes": "abc"})
	assert bad.status_code == 417, bad.text
	bad = session.post(
		url, data={"project": world.a.project, "channel": "Phone", "resident": '{"name": "x"}'}
	)
	assert bad.status_code in (404, 417), bad.text
	ok = session.post(url, data={"project": world.a.project, "channel": "Phone", "anonymous": 1})
	assert ok.status_code == 200, ok.text
	name = ok.json()["message"]["name"]
	try:
		frappe.db.rollback()
		assert frappe.db.count("Consultation", {"project": world.a.project}) == before + 1
	finally:
		frappe.delete_doc("Consultation", name, ignore_permissions=True, force=True)
		frappe.db.commit()  # the HTTP request committed the record; remove it for good


# ---------------------------------------------------------------- number cards and charts


def _card_value(card_name, user):
	from frappe.desk.doctype.number_card.number_card import get_result

	card = frappe.get_doc("Number Card", card_name)
	_as(user)
	try:
		if card.type == "Custom":
			return frappe.get_attr(card.method)(filters=None)
		return get_result(json.dumps(card.as_dict(), default=str), card.filters_json)
	finally:
		frappe.set_user("Administrator")


def test_standard_cards_and_charts_are_synced():
	cards = {
		"Contacts This Month": "Document Type",
		"Open Cases": "Document Type",
		"Overdue Referrals": "Custom",
		"Participants vs Plan": "Custom",
		"Rising Topics": "Custom",
	}
	for name, kind in cards.items():
		card = frappe.get_doc("Number Card", name)
		assert (card.type, card.is_standard, card.is_public, card.module) == (kind, 1, 1, "Reports")
		if kind == "Custom":
			assert frappe.get_attr(card.method)
	for name in ("Contacts per Month", "Cases by Status", "Referrals by Status", "Participants vs Plan"):
		assert frappe.db.exists("Dashboard Chart", name)
	assert frappe.db.exists("Dashboard Chart Source", "Participants vs Plan")


def test_contacts_this_month_card_counts_own_projects_only(world):
	_consultation(world.a.project)
	_consultation(world.a.project)
	_consultation(world.b.project)
	month = [get_first_day(today()), get_last_day(today())]

	def expected(project):
		return frappe.db.count("Consultation", {"project": project, "consultation_date": ("between", month)})

	assert _card_value("Contacts This Month", world.users.staff_a) == expected(world.a.project)
	assert _card_value("Contacts This Month", world.users.staff_b) == expected(world.b.project)
	assert _card_value("Contacts This Month", world.users.nobody) == 0
	assert _card_value("Contacts This Month", world.users.both) == expected(world.a.project) + expected(
		world.b.project
	)
	assert expected(world.a.project) != expected(world.b.project)


def test_open_cases_card_counts_own_projects_only(world):
	def expected(project):
		return frappe.db.count("Case", {"project": project, "status": ("!=", "Closed")})

	frappe.get_doc(
		{
			"doctype": "Case",
			"project": world.a.project,
			"title": "Antragshilfe",
			"case_type": "Application Help",
			"resident": world.a.other_resident,
		}
	).insert(ignore_permissions=True)
	assert _card_value("Open Cases", world.users.staff_a) == expected(world.a.project) >= 2
	assert _card_value("Open Cases", world.users.staff_b) == expected(world.b.project)
	assert _card_value("Open Cases", world.users.nobody) == 0


def _referral(project, resident, days_ago, **values):
	doc = frappe.get_doc(
		{
			"doctype": "Referral",
			"project": project,
			"resident": resident,
			"partner": frappe.db.get_value("Referral Partner", {}, "name"),
			"method": "Information Only",
			"referred_on": add_days(today(), -days_ago),
			**values,
		}
	)
	doc.insert(ignore_permissions=True)
	return doc.name


def test_overdue_referrals_follow_the_settings_and_the_projects(world):
	frappe.db.set_single_value("GWK Settings", "referral_feedback_days", 14)

	def expected(project):
		return frappe.db.count(
			"Referral",
			{
				"project": project,
				"status": ("in", ["Referred", "Appointment"]),
				"feedback_on": ("is", "not set"),
				"referred_on": ("<=", add_days(today(), -14)),
			},
		)

	base_a, base_b = expected(world.a.project), expected(world.b.project)
	_referral(world.a.project, world.a.resident, 20)
	_referral(world.a.project, world.a.resident, 30, status="Appointment")
	_referral(world.a.project, world.a.resident, 40, status="Completed")  # final: not overdue
	_referral(world.a.project, world.a.resident, 3)  # too recent
	_referral(world.b.project, world.b.resident, 25)
	assert expected(world.a.project) == base_a + 2

	value = _card_value("Overdue Referrals", world.users.staff_a)
	assert value["value"] == base_a + 2
	assert value["route"] == ["List", "Referral"]
	assert value["route_options"]["referred_on"] == ["<=", add_days(today(), -14)]
	assert _card_value("Overdue Referrals", world.users.staff_b)["value"] == base_b + 1
	assert _card_value("Overdue Referrals", world.users.nobody)["value"] == 0

	frappe.db.set_single_value("GWK Settings", "referral_feedback_days", 25)
	assert _card_value("Overdue Referrals", world.users.staff_a)["value"] == expected_after(world, 25)


def expected_after(world, days):
	return frappe.db.count(
		"Referral",
		{
			"project": world.a.project,
			"status": ("in", ["Referred", "Appointment"]),
			"feedback_on": ("is", "not set"),
			"referred_on": ("<=", add_days(today(), -days)),
		},
	)


def test_participants_vs_plan(world):
	_consultation(world.a.project, anonymous=0, resident=world.a.resident)
	_consultation(world.a.project, anonymous=0, resident=world.a.resident)  # same person: once
	_consultation(world.a.project, anonymous=0, resident=world.a.other_resident)
	_consultation(world.a.project)  # anonymous: each contact counts
	_consultation(world.b.project)
	year = getdate(today()).year
	this_year = ("between", [f"{year}-01-01", f"{year}-12-31"])

	def expected(project):
		named = frappe.get_all(
			"Consultation",
			filters={"project": project, "anonymous": 0, "consultation_date": this_year},
			pluck="resident",
		)
		anonymous = frappe.db.count(
			"Consultation", {"project": project, "anonymous": 1, "consultation_date": this_year}
		)
		return len(set(named)) + anonymous

	assert _card_value("Participants vs Plan", world.users.staff_a) == f"{expected(world.a.project)} of 500"
	assert _card_value("Participants vs Plan", world.users.staff_b) == f"{expected(world.b.project)} of 500"
	assert _card_value("Participants vs Plan", world.users.nobody) == "0 of 0"
	_as(world.users.staff_b)
	rows = participants_by_project()
	assert [r["project"] for r in rows] == [world.b.project]
	# the same figure as the Participants vs Plan report
	from gwk_app.reports.report.participants_vs_plan.participants_vs_plan import execute

	_as(world.users.staff_a)
	report_rows = execute({"project": world.a.project, "year": year})[1]
	assert [r["total"] for r in report_rows if r.get("project") == world.a.project] == [
		expected(world.a.project)
	]


def test_participants_chart_source(world):
	from gwk_app.reports.dashboard_chart_source.participants_vs_plan.participants_vs_plan import get

	_as(world.users.staff_a)
	data = get(chart_name="Participants vs Plan")
	assert data["labels"] == [world.a.project]
	assert data["datasets"][1]["values"] == [500]
	_as(world.users.nobody)
	assert get()["labels"] == []


def test_chart_endpoint_is_replaced():
	hooks = frappe.get_hooks("override_whitelisted_methods")
	assert hooks["frappe.desk.doctype.dashboard_chart.dashboard_chart.get"][-1] == (
		"gwk_app.overrides.dashboard_chart.get_chart"
	)


def _chart_total(result):
	return sum(sum(d["values"]) for d in result["datasets"])


def test_charts_are_computed_per_user_not_cached_across_projects(world):
	"""Core caches a chart's figures under the chart name only: staff_b would get staff_a's figures."""
	_consultation(world.a.project)
	_consultation(world.a.project)
	from frappe.utils.dateutils import get_from_date_from_timespan, get_period_beginning

	# the chart's own window: "Last Year", by month
	since = str(get_period_beginning(get_from_date_from_timespan(None, "Last Year"), "Monthly"))[:10]

	def expected(project):
		return frappe.db.count("Consultation", {"project": project, "consultation_date": (">=", since)})

	results = {}
	for key in ("staff_a", "staff_b", "nobody"):
		_as(getattr(world.users, key))
		# as the chart widget sends it: empty strings for the dates it leaves open
		results[key] = dashboard_chart.get_chart(
			chart_name="Contacts per Month", refresh=0, from_date="", to_date="", heatmap_year=""
		)
	frappe.set_user("Administrator")
	assert _chart_total(results["staff_a"]) == expected(world.a.project)
	assert _chart_total(results["staff_b"]) == expected(world.b.project)
	assert _chart_total(results["nobody"]) == 0

	_as(world.users.staff_a)
	by_status = dashboard_chart.get_chart(chart_name="Cases by Status")
	frappe.set_user("Administrator")
	assert sum(by_status["datasets"][0]["values"]) == frappe.db.count("Case", {"project": world.a.project})


def test_heatmap_on_project_records_is_refused(world):
	_as(world.users.staff_a)
	chart = {"name": "x", "chart_type": "Count", "type": "Heatmap", "document_type": "Resident"}
	chart["based_on"] = "creation"
	with pytest.raises(frappe.PermissionError):
		dashboard_chart.get_chart(chart=json.dumps(chart))


def test_charts_on_other_doctypes_still_work():
	frappe.set_user("Administrator")
	chart = {
		"name": "gwk-test-todo",
		"chart_type": "Count",
		"type": "Line",
		"document_type": "ToDo",
		"based_on": "creation",
		"timespan": "Last Month",
		"time_interval": "Weekly",
		"timeseries": 1,
		"filters_json": "[]",
	}
	result = dashboard_chart.get_chart(chart=json.dumps(chart), no_cache=1)
	assert "datasets" in result


# ---------------------------------------------------------------- kanban


def test_case_kanban_board_is_installed_once():
	create_case_kanban_board()
	create_case_kanban_board()
	assert frappe.db.count("Kanban Board", {"name": CASE_KANBAN_BOARD}) == 1
	board = frappe.get_doc("Kanban Board", CASE_KANBAN_BOARD)
	assert (board.reference_doctype, board.field_name, board.private) == ("Case", "status", 0)
	statuses = frappe.get_meta("Case").get_field("status").options.split("\n")
	assert {c.column_name for c in board.columns} == set(statuses)


def test_moving_a_card_obeys_the_case_status_rules(world):
	from frappe.desk.doctype.kanban_board.kanban_board import update_order_for_single_card

	case = frappe.get_doc(
		{
			"doctype": "Case",
			"project": world.a.project,
			"title": "Kanban-Fall",
			"case_type": "Counselling",
			"resident": world.a.resident,
		}
	).insert(ignore_permissions=True)
	_as(world.users.staff_a)
	update_order_for_single_card(CASE_KANBAN_BOARD, case.name, "Open", "In Progress", 0, 0)
	assert frappe.db.get_value("Case", case.name, "status") == "In Progress"
	update_order_for_single_card(CASE_KANBAN_BOARD, case.name, "In Progress", "Closed", 0, 0)
	assert frappe.db.get_value("Case", case.name, "status") == "Closed"
	assert frappe.db.get_value("Case", case.name, "closed_on")
	with pytest.raises(frappe.ValidationError):
		update_order_for_single_card(CASE_KANBAN_BOARD, case.name, "Closed", "Referred", 0, 0)
	assert frappe.db.get_value("Case", case.name, "status") == "Closed"
	with pytest.raises(frappe.PermissionError):
		update_order_for_single_card(CASE_KANBAN_BOARD, world.b.case, "Open", "In Progress", 0, 0)
	frappe.set_user("Administrator")
	assert frappe.db.get_value("Case", world.b.case, "status") == "Open"


def test_kanban_view_lists_own_project_only(world):
	from frappe.desk.reportview import get

	_as(world.users.staff_a)
	frappe.local.form_dict = frappe._dict(
		doctype="Case", fields=json.dumps(["`tabCase`.`name`", "`tabCase`.`status`"]), page_length=500
	)
	result = get()
	names = {row[0] for row in result["values"]}
	assert world.a.case in names and world.b.case not in names


# ---------------------------------------------------------------- office hours calendar


def _monday():
	day = getdate(today())
	return day - timedelta(days=day.weekday())


def test_office_hours_calendar_shows_own_projects(world):
	monday = _monday()
	start, end = str(monday), str(monday + timedelta(days=6))
	_as(world.users.staff_a)
	events = get_events(start=start + " 00:00:00", end=end + " 23:59:59")
	assert {e["name"] for e in events} == {world.a.project}
	assert [(e["start"], e["end"]) for e in events] == [
		(f"{monday + timedelta(days=1)} 15:00:00", f"{monday + timedelta(days=1)} 18:00:00"),
		(f"{monday + timedelta(days=2)} 10:00:00", f"{monday + timedelta(days=2)} 13:00:00"),
	]
	assert all("Stadtteilbüro" in e["title"] and e["doctype"] == "Community Project" for e in events)
	_as(world.users.both)
	both = get_events(start=start, end=end)
	assert {e["name"] for e in both} >= {world.a.project, world.b.project}
	filtered = get_events(
		start=start, end=end, filters=json.dumps([["Community Project", "name", "=", world.b.project]])
	)
	assert {e["name"] for e in filtered} == {world.b.project}
	_as(world.users.nobody)
	assert get_events(start=start, end=end) == []


def test_office_hours_calendar_refuses_bad_dates(world):
	_as(world.users.staff_a)
	for start in ("", "soon", "2026-02-30"):
		with pytest.raises(frappe.ValidationError):
			get_events(start=start, end="2026-12-31")
	assert get_events(start="2026-12-31", end="2026-01-01") == []
	# a huge range is capped
	assert len(get_events(start="2000-01-01", end="2100-01-01")) <= 2 * 60


# ---------------------------------------------------------------- resident connections


def test_resident_form_shows_the_persons_records(world):
	from frappe.desk.notifications import get_open_count

	data = frappe.get_meta("Resident").get_dashboard_data()
	items = [i for group in data.transactions for i in group["items"]]
	assert {"Consultation", "Case", "Referral", "Consent"} <= set(items)
	for optional in ("Community Event", "Community Volunteer"):
		assert (optional in items) == bool(frappe.db.exists("DocType", optional))
	_as(world.users.staff_a)
	counts = get_open_count("Resident", world.a.resident)["count"]["external_links_found"]
	by_doctype = {c["doctype"]: c["count"] for c in counts}
	for doctype in ("Consultation", "Case", "Referral", "Consent"):
		assert by_doctype[doctype] >= 1, doctype
	with pytest.raises(frappe.PermissionError):
		get_open_count("Resident", world.b.resident)


# ---------------------------------------------------------------- workspace


def test_workspace_is_public_and_links_existing_things():
	ws = frappe.get_doc("Workspace", WORKSPACE)
	assert (ws.public, ws.module, ws.is_hidden) == (1, "Community", 0)
	# the roles whose daily work it holds; the carrier's management has "Träger", the ESF officer
	# "ESF Plus" (test_carrier_desk: no role sees an empty heading)
	assert {r.role for r in ws.roles} == DESK_ROLES - {"GWK Carrier Manager", "GWK ESF Officer"} | {
		"System Manager"
	}
	groups = [link.label for link in ws.links if link.type == "Card Break"]
	assert groups[:2] == ["Counselling", "Community Events"]
	assert {"Counselling", "Reports", "Data Protection"} <= set(groups)
	for link in ws.links:
		if link.type == "Link":
			assert frappe.db.exists(link.link_type, link.link_to), link.link_to
	reports = [link.link_to for link in ws.links if link.link_type == "Report"]
	assert reports and all(frappe.db.get_value("Report", r, "module") == "Reports" for r in reports)
	assert {c.number_card_name for c in ws.number_cards} == {
		"Contacts This Month",
		"Open Cases",
		"Overdue Referrals",
		"Participants vs Plan",
		"Appointments This Month",
		"Targets at Risk",
		"Rising Topics",
	}
	shortcuts = {s.label: s for s in ws.shortcuts}
	assert (shortcuts["New Consultation"].type, shortcuts["New Consultation"].link_to) == (
		"Page",
		"new-consultation",
	)
	assert shortcuts["Case Board"].kanban_board == CASE_KANBAN_BOARD
	assert shortcuts["Office Hours Calendar"].doc_view == "Calendar"


@pytest.fixture
def german():
	from tests.integration.german import compile_german

	compile_german()
	yield
	frappe.local.lang = "en"


def test_workspace_comes_out_german_for_a_german_user(world, german):
	from frappe.desk.desktop import get_desktop_page

	assert frappe.db.get_value("User", world.users.staff_a, "language") == "de"
	frappe.clear_cache(user=world.users.staff_a)  # allowed modules are cached per user
	frappe.set_user(world.users.staff_a)
	frappe.local.lang = "de"
	page = get_desktop_page(json.dumps({"name": WORKSPACE, "title": WORKSPACE, "public": 1}))
	cards = [c["label"] for c in page["cards"]["items"]]
	assert cards[:2] == ["Beratung", "Veranstaltungen"]
	assert {"Ehrenamt", "Netzwerk", "Berichte", "Datenschutz"} <= set(cards)
	shortcuts = {s["label"] for s in page["shortcuts"]["items"]}
	assert {
		"Neuer Beratungskontakt",
		"Offene Vermittlungen",
		"Fallboard",
		"Sprechzeiten-Kalender",
	} <= shortcuts
	assert {c.label for c in page["number_cards"]["items"]} == {
		"Kontakte diesen Monat",
		"Offene Fälle",
		"Überfällige Vermittlungen",
		"Teilnehmende gegenüber Plan",
		"Termine in diesem Monat",
		"Gefährdete Ziele",
		"Steigende Themen",
	}
	assert "Kontakte pro Monat" in {c.label for c in page["charts"]["items"]}
	links = {link["label"] for card in page["cards"]["items"] for link in card["links"]}
	assert {"Beratungskontakt", "Bewohner:in", "Fall", "Vermittlung", "Einwilligung"} <= links
	# a project member sees no link to what their role cannot read
	assert "GWK Settings" not in links or frappe.has_permission("GWK Settings", "read")


@pytest.mark.parametrize(
	"key, workspace",
	[
		("staff_a", WORKSPACE),
		("lead_a", WORKSPACE),
		("dpo", WORKSPACE),
		("dpo", "Carrier"),
		("carrier", "Carrier"),
	],
)
def test_workspace_is_in_the_sidebar_of_every_gwk_role(world, key, workspace):
	from frappe.desk.desktop import get_workspace_sidebar_items

	user = getattr(world.users, key)
	frappe.clear_cache(user=user)
	_as(user)
	names = {page["name"] for page in get_workspace_sidebar_items()["pages"]}
	assert workspace in names


def test_quick_entry_page_is_there_for_staff(world):
	page = frappe.get_doc("Page", "new-consultation")
	assert page.module == "Casework" and page.standard == "Yes"
	assert {r.role for r in page.roles} >= {"GWK Staff", "GWK Project Lead"}
	assert "GWK Carrier Manager" not in {r.role for r in page.roles}


def test_resident_form_counts_event_registrations_and_volunteer_profile(world):
	from frappe.desk.notifications import get_open_count
	from frappe.utils import add_to_date, now_datetime

	if not (
		frappe.db.exists("DocType", "Community Event") and frappe.db.exists("DocType", "Community Volunteer")
	):
		pytest.skip("events or volunteering are not installed on this site")
	resident = frappe.get_doc(
		{"doctype": "Resident", "project": world.a.project, "first_name": "Verbinda", "last_name": "Testfall"}
	).insert(ignore_permissions=True)
	start = add_to_date(now_datetime(), days=10).replace(microsecond=0, second=0)
	frappe.get_doc(
		{
			"doctype": "Community Event",
			"project": world.a.project,
			"title": "Nähcafé Verbindungen",
			"event_type": "Workshop",
			"starts_on": start,
			"ends_on": add_to_date(start, hours=2),
			"participants": [{"resident": resident.name, "status": "Registered"}],
		}
	).insert(ignore_permissions=True)
	frappe.get_doc(
		{
			"doctype": "Community Volunteer",
			"project": world.a.project,
			"volunteer_name": "Verbinda Testfall",
			"resident": resident.name,
		}
	).insert(ignore_permissions=True)
	_as(world.users.staff_a)
	counts = get_open_count("Resident", resident.name)["count"]["external_links_found"]
	by_doctype = {c["doctype"]: c["count"] for c in counts}
	assert by_doctype["Community Event"] == 1
	assert by_doctype["Community Volunteer"] == 1
	assert by_doctype["Consultation"] == 0
