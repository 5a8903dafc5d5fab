"""The carrier's desk (workspace "Träger"): every card and chart equals the report it comes from for the
same period, small cells are suppressed in the card, the chart, the XLSX and the e-mail, nobody but the
carrier's management reads it, no route it offers opens a personal record, and no role sees an empty
heading on any workspace it is shown."""

import json
from datetime import date
from io import BytesIO

import frappe
import pytest
from frappe.utils import add_months, get_first_day, get_last_day, getdate, today

from gwk_app.access import PROJECT_BOUND
from gwk_app.api import carrier as api
from gwk_app.reports import carrier_desk as desk
from gwk_app.reports import figures
from gwk_app.reports.report.carrier_figures_by_district import carrier_figures_by_district as drill
from gwk_app.reports.report.carrier_overview import carrier_overview
from gwk_app.reports.report.participants_vs_plan import participants_vs_plan
from gwk_app.rules.casework import REFERRAL_OPEN_STATUSES
from gwk_app.rules.suppression import SUPPRESSED, suppress_column, suppress_table
from tests.integration.world import DISTRICT_A, _user

SMALL = "GWK Test Carrier Small"
ESF_OFFICER = "gwk-carrier-desk-esf@example.com"


@pytest.fixture
def recount():
	"""Reports count the records (the records of a test are not committed: kept rows are stale anyway)."""
	with figures.recounting():
		yield


@pytest.fixture
def small_project(world):
	"""A project with two anonymous contacts this month: below the threshold of 3 (rolled back)."""
	frappe.set_user("Administrator")
	frappe.get_doc(
		{
			"doctype": "Community Project",
			"project_name": SMALL,
			"project_type": "Community Coordination",
			"participant_target": 50,
			"districts": [{"district": DISTRICT_A}],
			"team": [{"user": world.users.staff_a, "project_role": "Coordinator"}],
		}
	).insert()
	for _i in range(2):
		frappe.get_doc(
			{
				"doctype": "Consultation",
				"project": SMALL,
				"consultation_date": today(),
				"channel": "Phone",
				"anonymous": 1,
				"age_group": "30-54",
				"gender": "Female",
				"district": DISTRICT_A,
				"duration_minutes": 10,
				"staff_member": world.users.staff_a,
			}
		).insert()
	frappe.db.set_single_value("GWK Settings", "small_cell_threshold", 3)
	return SMALL


def _as(user):
	frappe.set_user(user)


# ---------------------------------------------------------------- access


@pytest.mark.parametrize(
	"call",
	[
		lambda: api.participants_card(),
		lambda: api.consultations_card(),
		lambda: api.events_card(),
		lambda: api.volunteer_hours_card(),
		lambda: api.overdue_referrals_card(),
		lambda: api.contacts_per_month_chart(),
		lambda: api.channels_chart(),
		lambda: api.export_xlsx(),
	],
)
def test_staff_and_leads_get_no_carrier_figures(world, call):
	for user in (world.users.staff_a, world.users.lead_a, world.users.nobody):
		_as(user)
		with pytest.raises(frappe.PermissionError):
			call()


def test_carrier_manager_and_officer_read_the_desk(world, recount):
	for user in (world.users.carrier, world.users.dpo):
		_as(user)
		assert " " in api.participants_card()
		assert api.channels_chart()["labels"]


# ---------------------------------------------------------------- cards equal the reports


def test_cards_equal_the_reports_for_the_same_period(world, recount):
	_as(world.users.carrier)
	start, end = desk.year_period()
	projects = desk.projects()
	_as("Administrator")  # the project report, over every project (the carrier sees none of its rows)
	rows = participants_vs_plan.get_data(frappe._dict(year=start.year))
	_as(world.users.carrier)
	values = [sum(r.total for r in rows if r.project == p) for p in projects]
	expected_total = suppress_column(values, 3)[1]
	targets = sum(
		int(t or 0)
		for t in frappe.get_all(
			"Community Project", filters={"name": ("in", projects)}, pluck="participant_target"
		)
	)
	assert desk.participants_against_targets() == (expected_total, targets)

	overview = {r.project: r for r in carrier_overview.get_data(projects, start, end, None, 3)}
	total = (
		overview[frappe._("Total")]
		if frappe._("Total") in overview
		else next(r for r in overview.values() if r.get("is_total_row"))
	)
	assert api.events_card() == frappe.format_value(total.events, {"fieldtype": "Int"})
	assert desk.overview_total(start, end).volunteer_hours == total.volunteer_hours

	on = getdate(today())
	month_rows = carrier_overview.get_data(projects, get_first_day(on), on, None, 3)
	before = getdate(add_months(on, -12))
	last_rows = carrier_overview.get_data(projects, get_first_day(before), get_last_day(before), None, 3)
	assert desk.consultations_this_month() == (
		next(r for r in month_rows if r.get("is_total_row")).consultations if month_rows else 0,
		next(r for r in last_rows if r.get("is_total_row")).consultations if last_rows else 0,
	)


def test_overdue_referrals_card_counts_every_project(world):
	_as("Administrator")
	from gwk_app.casework.referrals import overdue_cutoff

	frappe.db.set_value("Referral", world.a.referral, {"referred_on": date(2020, 1, 1), "feedback_on": None})
	frappe.db.set_value("Referral", world.b.referral, {"referred_on": date(2020, 1, 1), "feedback_on": None})
	n = frappe.db.count(
		"Referral",
		{
			"status": ("in", sorted(REFERRAL_OPEN_STATUSES)),
			"feedback_on": ("is", "not set"),
			"referred_on": ("<=", overdue_cutoff()),
		},
	)
	_as(world.users.carrier)
	assert desk.overdue_referrals_count() == (n if n >= 3 else SUPPRESSED)


# ---------------------------------------------------------------- charts equal the reports


def test_contacts_per_month_chart_equals_a_count_per_project_and_month(world, small_project, recount):
	_as(world.users.carrier)
	chart = desk.chart_contacts_per_month()
	months = desk.months_back(desk.MONTHS_SHOWN)
	assert len(chart["labels"]) == 24
	assert chart["labels"][-1] == frappe.utils.data.format_date(get_first_day(today()), "MMM yyyy")
	assert all("-" not in label for label in chart["labels"])  # "Dez. 2026", never "2026-12"
	projects = desk.projects()
	c = frappe.qb.DocType("Consultation")
	counts = {}
	for p, y, m, n in (
		frappe.qb.from_(c)
		.select(
			c.project,
			frappe.query_builder.functions.Extract("year", c.consultation_date),
			frappe.query_builder.functions.Extract("month", c.consultation_date),
			frappe.query_builder.functions.Count("*"),
		)
		.where(c.consultation_date >= date(*months[0], 1))
		.groupby(c.project, frappe.query_builder.functions.Extract("year", c.consultation_date))
		.groupby(frappe.query_builder.functions.Extract("month", c.consultation_date))
		.run()
	):
		counts[(p, int(y), int(m))] = int(n)
	expected = suppress_table([[counts.get((p, *ym), 0) for ym in months] for p in projects], 3)
	assert [d["name"] for d in chart["datasets"]] == projects
	assert [d["values"] for d in chart["datasets"]] == expected.cells
	small = next(d for d in chart["datasets"] if d["name"] == SMALL)
	assert small["values"][-1] is None  # 2 contacts this month: a small cell, left out of the chart


def test_channels_and_anonymous_share_charts_equal_the_reports(world, small_project, recount):
	_as(world.users.carrier)
	start, end = desk.year_period()
	projects = desk.projects()
	channels = desk.chart_channels()
	c = frappe.qb.DocType("Consultation")
	counts = {
		(p, ch): int(n)
		for p, ch, n in frappe.qb.from_(c)
		.select(c.project, c.channel, frappe.query_builder.functions.Count("*"))
		.where((c.consultation_date >= start) & (c.consultation_date <= end))
		.groupby(c.project, c.channel)
		.run()
	}
	names = sorted({ch for _p, ch in counts})
	expected = suppress_table([[counts.get((p, ch), 0) for ch in names] for p in projects], 3)
	assert [d["name"] for d in channels["datasets"]] == [frappe._(ch) for ch in names]
	for j, dataset in enumerate(channels["datasets"]):
		assert dataset["values"] == [expected.cells[i][j] for i in range(len(projects))]

	share = desk.chart_anonymous_share()
	rows = {r.project: r for r in carrier_overview.get_data(projects, start, end, None, 3)}
	for project, value in zip(share["labels"], share["datasets"][0]["values"], strict=True):
		row = rows[project]
		if value is not None:
			assert value == round(100.0 * row.anonymous / row.consultations, 1)
	assert dict(zip(share["labels"], share["datasets"][0]["values"], strict=True))[SMALL] is None


def test_participants_chart_equals_participants_vs_plan(world, recount):
	_as(world.users.carrier)
	year = getdate(today()).year
	chart = desk.chart_participants_vs_plan()
	_as("Administrator")
	rows = participants_vs_plan.get_data(frappe._dict(year=year))
	per_project = {r.project: r.total for r in rows}
	projects = desk.projects()
	values = suppress_column([per_project.get(p, 0) for p in projects], 3)[0]
	assert chart["labels"] == projects
	assert chart["datasets"][0]["values"] == values
	targets = dict(frappe.get_all("Community Project", fields=["name", "participant_target"], as_list=True))
	assert chart["datasets"][1]["values"] == [int(targets[p] or 0) for p in projects]


# ---------------------------------------------------------------- suppression in card, XLSX, e-mail


def test_a_small_cell_is_suppressed_in_card_xlsx_and_email(world, small_project, recount):
	_as(world.users.carrier)
	frappe.db.set_single_value("GWK Settings", "small_cell_threshold", 10**9)  # every count is small now
	assert api.consultations_card().startswith(SUPPRESSED)
	assert api.participants_card().startswith(SUPPRESSED)
	frappe.db.set_single_value("GWK Settings", "small_cell_threshold", 3)

	api.export_xlsx(year=getdate(today()).year)
	from openpyxl import load_workbook

	book = load_workbook(BytesIO(frappe.response["filecontent"]))
	assert book.sheetnames == [frappe._("Carrier Overview"), frappe._("Participants vs Plan")]
	sheet = book[frappe._("Carrier Overview")]
	header = [c.value for c in sheet[1]]
	small = next(r for r in sheet.iter_rows(values_only=True) if r[0] == SMALL)
	assert small[header.index(frappe._("Consultations"))] == SUPPRESSED
	# equal to the report as it is shown
	columns, rows = carrier_overview.execute({"year": getdate(today()).year})[:2]
	shown = next(r for r in rows if r.project == SMALL)
	assert list(small) == [
		round(shown.get(c["fieldname"]), 1)
		if isinstance(shown.get(c["fieldname"]), float)
		else shown.get(c["fieldname"])
		for c in columns
	]

	_as("Administrator")
	name = desk.ensure_carrier_email_report()
	report = frappe.get_doc("Auto Email Report", name)
	assert (report.enabled, report.frequency, report.format, report.report) == (
		0,
		"Monthly",
		"XLSX",
		"Carrier Overview",
	)
	content = report.get_report_content()
	mail = load_workbook(BytesIO(content)).active
	rows = [r for r in mail.iter_rows(values_only=True)]
	small = next(r for r in rows if SMALL in r)
	header = rows[0]
	assert small[header.index(frappe._("Consultations"))] == SUPPRESSED
	text = json.dumps(rows, default=str)
	for resident in frappe.get_all("Resident", pluck="last_name", limit=50):
		assert resident not in text  # no personal data in the e-mail


def test_the_email_report_is_created_once_and_off():
	assert frappe.db.count("Auto Email Report", {"description": desk.CARRIER_EMAIL_MARK}) == 1
	desk.ensure_carrier_email_report()
	assert frappe.db.count("Auto Email Report", {"description": desk.CARRIER_EMAIL_MARK}) == 1
	assert not frappe.db.get_value("Auto Email Report", {"description": desk.CARRIER_EMAIL_MARK}, "enabled")


# ---------------------------------------------------------------- drill-down


def test_drill_down_per_district_and_quarter_adds_up_and_suppresses(world, small_project, recount):
	_as(world.users.carrier)
	year = getdate(today()).year
	columns, rows = drill.execute({"year": year, "figure": "consultations"})
	assert [c["fieldname"] for c in columns] == ["district", "q1", "q2", "q3", "q4", "total"]
	c = frappe.qb.DocType("Consultation")
	true = {}
	for d, q, n in (
		frappe.qb.from_(c)
		.select(
			c.district,
			frappe.query_builder.functions.Extract("quarter", c.consultation_date),
			frappe.query_builder.functions.Count("*"),
		)
		.where((c.consultation_date >= date(year, 1, 1)) & (c.consultation_date <= date(year, 12, 31)))
		.groupby(c.district, frappe.query_builder.functions.Extract("quarter", c.consultation_date))
		.run()
	):
		true[(d or "", int(q))] = int(n)
	districts = sorted({d for d, _q in true}, key=lambda d: (d == "", d))
	expected = suppress_table([[true.get((d, q), 0) for q in (1, 2, 3, 4)] for d in districts], 3)
	for i, _d in enumerate(districts):
		assert [rows[i][f"q{q}"] for q in (1, 2, 3, 4)] == [
			SUPPRESSED if v is None else v for v in expected.cells[i]
		]
	total = rows[-1]
	overview_total = next(
		r
		for r in carrier_overview.get_data(desk.projects(), date(year, 1, 1), date(year, 12, 31), None, 3)
		if r.get("is_total_row")
	)
	if total.total != SUPPRESSED and overview_total.consultations != SUPPRESSED:
		assert total.total == overview_total.consultations  # the drill-down adds up to the overview

	# one project's small figures: suppressed cells, never a value below the threshold
	columns, rows = drill.execute({"year": year, "figure": "anonymous", "project": SMALL})
	values = [v for r in rows for k, v in r.items() if k.startswith("q") or k == "total"]
	assert SUPPRESSED in values
	assert not [v for v in values if isinstance(v, int) and 0 < v < 3]


def test_drill_down_refuses_other_projects_for_staff_and_bad_filters(world):
	_as(world.users.staff_a)
	with pytest.raises(frappe.PermissionError):
		drill.execute({"year": 2026, "project": world.b.project})
	with pytest.raises(frappe.ValidationError):
		drill.execute({"year": 2026, "figure": "residents"})
	with pytest.raises(frappe.ValidationError):
		drill.execute({"year": "abc"})


# ---------------------------------------------------------------- workspaces


def _visible_blocks(page: str) -> tuple[list[dict], dict]:
	from frappe.desk.desktop import get_desktop_page

	doc = frappe.get_doc("Workspace", page)
	data = get_desktop_page(json.dumps({"name": doc.name, "title": doc.title, "public": 1}))
	allowed = {
		"shortcut": {s.get("label") for s in data["shortcuts"]["items"]},
		"card": {c.get("label") for c in data["cards"]["items"]},
		"chart": {c.get("chart_name") for c in data["charts"]["items"]},
		"number_card": {c.get("number_card_name") for c in data["number_cards"]["items"]},
	}
	return json.loads(doc.content), allowed


def _key(block):
	data = block["data"]
	return {
		"shortcut": data.get("shortcut_name"),
		"card": data.get("card_name"),
		"chart": data.get("chart_name"),
		"number_card": data.get("number_card_name"),
	}.get(block["type"])


def _workspaces_of(user) -> list[str]:
	roles = set(frappe.get_roles(user))
	return [
		w.name
		for w in frappe.get_all(
			"Workspace", filters={"module": ("in", ["Community", "Reports", "Privacy"])}, fields=["name"]
		)
		if roles
		& set(frappe.get_all("Has Role", filters={"parent": w.name, "parenttype": "Workspace"}, pluck="role"))
	]


def test_no_role_sees_an_empty_heading(world):
	officer = _user(ESF_OFFICER, ["GWK ESF Officer"])
	users = {
		"staff": world.users.staff_a,
		"lead": world.users.lead_a,
		"carrier": world.users.carrier,
		"dpo": world.users.dpo,
		"esf": officer,
	}
	shown = {}
	for who, user in users.items():
		pages = _workspaces_of(user)
		assert pages, who
		_as(user)
		for page in pages:
			blocks, allowed = _visible_blocks(page)
			sections, current = [], None
			for block in blocks:
				if block["type"] == "header":
					current = [block["data"]["text"], 0]
					sections.append(current)
				elif current and block["type"] in allowed and _key(block) in allowed[block["type"]]:
					current[1] += 1
			empty = [title for title, count in sections if not count]
			assert not empty, f"{who} sees empty headings on {page}: {empty}"
			shown.setdefault(who, []).append(page)
		_as("Administrator")
	assert "Carrier" in shown["carrier"] and "Gemeinwesen" not in shown["carrier"]
	assert "ESF Plus" in shown["esf"] and "Gemeinwesen" not in shown["esf"]
	assert "Gemeinwesen" in shown["staff"]


def test_carrier_workspace_offers_no_route_to_a_personal_record():
	ws = frappe.get_doc("Workspace", "Carrier")
	targets = [(s.type, s.link_to or s.url) for s in ws.shortcuts] + [
		(link.link_type, link.link_to) for link in ws.links if link.type == "Link"
	]
	for kind, target in targets:
		if kind == "DocType":
			assert target not in PROJECT_BOUND, target
		elif kind == "Report":
			assert frappe.db.get_value("Report", target, "ref_doctype") == "Community Project", target
		else:
			assert target.startswith("/api/method/gwk_app.api.carrier."), target
	assert {r.role for r in ws.roles} == {"GWK Carrier Manager", "GWK Data Protection", "System Manager"}
