"""Reports on a small fixed dataset, checked against figures computed independently here.

Own projects ("GWK Report X" with data, "GWK Report Y" with none) and own team users, so the
figures are exact whatever else the site holds. Users and projects are committed once
(idempotent); the records are created in each test and rolled back.
"""

from collections import Counter
from statistics import median

import frappe
import pytest
from frappe.desk.query_report import run as run_report

from gwk_app.rules.suppression import SUPPRESSED
from tests.integration.report_data import (
	CASES,
	CONSULTATIONS,
	ESF,
	EVENTS,
	MEETINGS,
	NORTH,
	OBSERVATIONS,
	PARTNER,
	PASSWORD,
	PROJECT_X,
	PROJECT_Y,
	REFERRALS,
	RESIDENTS,
	SOUTH,
	VOLUNTEER_HOURS,
	YEAR,
)


def _run(name, filters, user="Administrator"):
	frappe.set_user(user)
	try:
		result = run_report(name, filters=filters)
	finally:
		frappe.set_user("Administrator")
	return result


def _rows(result):
	return [frappe._dict(r) for r in result["result"] if isinstance(r, dict)]


def _in_year(day, year=YEAR):
	return day.startswith(str(year))


# ---------------------------------------------------------------- Participants vs Plan


def test_participants_vs_plan_counts_each_resident_once_per_year(data):
	rows = {
		(r.project, r.year): r
		for r in _rows(_run("Participants vs Plan", {"from_date": "2025-01-01", "to_date": "2026-12-31"}))
	}
	# independent count from the fixture definition
	for year in (2025, 2026):
		named = {c[1] for c in CONSULTATIONS if c[1] and _in_year(c[0], year)}
		anonymous = [c for c in CONSULTATIONS if c[1] is None and _in_year(c[0], year)]
		row = rows[(PROJECT_X, year)]
		assert row.named == len(named)
		assert row.anonymous == len(anonymous)
		assert row.total == len(named) + len(anonymous)
		assert row.target == 10
	# r1 has five contacts across the year boundary: once in 2025, once in 2026
	assert rows[(PROJECT_X, 2025)].named == 4
	assert rows[(PROJECT_X, 2026)].named == 1
	assert rows[(PROJECT_X, 2025)].anonymous == 2
	assert rows[(PROJECT_X, 2025)].target_rate == 60.0


def test_participants_vs_plan_target_group(data):
	row = next(r for r in _rows(_run("Participants vs Plan", {"year": YEAR, "project": PROJECT_X})))
	# ages in 2025: r1 45 (in), r2 15 (out), r3 75 (out), r4 group 30-54 (in); anonymous 18-29 (in), 65+ (out)
	assert row.in_target_age == 3
	# districts served: North only -> r1, r2, both anonymous
	assert row.in_districts == 4
	# both: r1 and the anonymous 18-29 contact
	assert row.in_target_group == 2
	assert row.target_group_rate == round(100 * 2 / 6, 1)


def test_participants_vs_plan_project_without_data(data):
	rows = _rows(_run("Participants vs Plan", {"year": YEAR, "project": PROJECT_Y}))
	assert len(rows) == 1
	assert (rows[0].named, rows[0].anonymous, rows[0].total, rows[0].target) == (0, 0, 0, 50)
	assert rows[0].target_rate == 0


def test_participants_vs_plan_district_filter(data):
	row = _rows(_run("Participants vs Plan", {"year": YEAR, "project": PROJECT_X, "district": SOUTH}))[0]
	assert (row.named, row.anonymous) == (2, 0)


# ---------------------------------------------------------------- Contact Statistics


def test_contact_statistics_month_topic_channel_district(data):
	result = _run("Contact Statistics", {"year": YEAR, "project": PROJECT_X})
	got = {(r.month, r.topic, r.channel, r.district): (r.consultations, r.minutes) for r in _rows(result)}
	expected: dict = {}
	for day, _res, _age, district, channel, minutes, topics in CONSULTATIONS:
		if not _in_year(day):
			continue
		for topic in topics or ["-"]:
			key = (day[:7], topic, channel, district)
			n, m = expected.get(key, (0, 0))
			expected[key] = (n + 1, m + minutes)
	assert got == expected
	summary = {s["label"]: s["value"] for s in result["report_summary"]}
	in_year = [c for c in CONSULTATIONS if _in_year(c[0])]
	assert summary["Consultations"] == len(in_year) == 9
	assert summary["Anonymous Contacts"] == 2
	assert summary["Average Minutes"] == round(sum(c[5] for c in in_year) / len(in_year), 1)
	# no imported tally in the data: no row carries the flag, and every key of the rows has a value in
	# some row, so Frappe's report runner stops walking the rows for empty columns (get_linked_doctypes)
	rows = result["result"]
	assert not any("imported" in r for r in rows)
	assert {k for r in rows for k, v in r.items() if v} == {k for r in rows for k in r}


# ---------------------------------------------------------------- Case Overview


def test_case_overview(data):
	result = _run("Case Overview", {"year": YEAR, "project": PROJECT_X})
	rows = _rows(result)
	by_type = Counter()
	for r in rows:
		by_type[r.case_type] += r.opened
	assert by_type == Counter({"Counselling": 2, "Housing": 1, "Application Help": 1})
	housing = next(r for r in rows if r.case_type == "Housing")
	assert (housing.topic, housing.closed, housing.median_days) == ("Wohnen", 1, 30)
	summary = {s["label"]: s["value"] for s in result["report_summary"]}
	closed_days = [
		(frappe.utils.getdate(c[3]) - frappe.utils.getdate(c[2])).days
		for c in CASES
		if c[3] and _in_year(c[3])
	]
	assert summary["Opened"] == len([c for c in CASES if _in_year(c[2])]) == 4
	assert summary["Closed"] == len(closed_days) == 3
	assert summary["Open at End of Period"] == 1
	assert summary["Median Days to Close"] == median(closed_days) == 20
	assert summary["Average Days to Close"] == round(sum(closed_days) / len(closed_days), 1)


# ---------------------------------------------------------------- Referral Outcomes


def test_referral_outcomes(data):
	result = _run("Referral Outcomes", {"year": YEAR, "project": PROJECT_X})
	rows = _rows(result)
	assert len(rows) == 1
	row = rows[0]
	statuses = Counter(r[1] for r in REFERRALS)
	assert row.partner == PARTNER
	assert row.referrals == len(REFERRALS)
	assert (row.completed, row.declined, row.referred, row.appointment) == (
		statuses["Completed"],
		statuses["Declined"],
		statuses["Referred"],
		0,
	)
	assert row.completion_rate == 50.0
	waits = [(frappe.utils.getdate(r[3]) - frappe.utils.getdate(r[2])).days for r in REFERRALS if r[3]]
	assert row.median_waiting_days == median(waits) == 6


# ---------------------------------------------------------------- Carrier Overview


def test_carrier_overview_suppresses_small_cells(data):
	result = _run("Carrier Overview", {"year": YEAR, "project": PROJECT_X}, data.users.carrier)
	rows = _rows(result)
	x = next(r for r in rows if r.project == PROJECT_X)
	total = next(r for r in rows if r.get("is_total_row"))
	# one resident of each gender group: every cell below 3 is shown as "."
	assert (x.female, x.male, x.diverse, x.gender_unknown) == (SUPPRESSED,) * 4
	assert x.participants == 4 == total.participants
	# 9 consultations in 2025 are shown; 2 anonymous contacts are not, nor their total
	assert x.consultations == 9
	assert x.anonymous == SUPPRESSED and total.anonymous == SUPPRESSED
	assert x.cases_opened == 4
	assert x.referrals == 4


def test_carrier_manager_sees_all_projects_and_no_personal_data(data):
	result = _run("Carrier Overview", {"year": YEAR}, data.users.carrier)
	projects = {r.project for r in _rows(result)}
	assert {PROJECT_X, PROJECT_Y} <= projects
	assert set(frappe.get_all("Community Project", pluck="name")) <= projects
	fields = {c["fieldname"] for c in result["columns"]}
	assert not fields & {"resident", "resident_name", "first_name", "last_name", "full_name", "name"}
	text = frappe.as_json(result)
	for first, last, *_rest in RESIDENTS.values():
		assert first not in text and last not in text
	for name in data.residents.values():
		assert name not in text


@pytest.mark.parametrize(
	"report", ["Participants vs Plan", "Contact Statistics", "Case Overview", "Referral Outcomes"]
)
def test_carrier_manager_cannot_run_project_reports(data, report):
	with pytest.raises(frappe.PermissionError):
		_run(report, {"year": YEAR}, data.users.carrier)


# ---------------------------------------------------------------- access


PROJECT_REPORTS = [
	"Participants vs Plan",
	"Contact Statistics",
	"Case Overview",
	"Referral Outcomes",
	"Carrier Overview",
]


@pytest.mark.parametrize("report", PROJECT_REPORTS)
def test_staff_of_other_project_sees_nothing_of_x(data, report):
	rows = _rows(_run(report, {"year": YEAR}, data.users.staff_y))
	projects = {r.project for r in rows if not r.get("is_total_row")}
	assert PROJECT_X not in projects
	assert projects <= {PROJECT_Y}


@pytest.mark.parametrize("report", PROJECT_REPORTS)
def test_staff_sees_own_project_only(data, report):
	rows = _rows(_run(report, {"year": YEAR}, data.users.staff_x))
	projects = {r.project for r in rows if not r.get("is_total_row")}
	assert projects == {PROJECT_X}


@pytest.mark.parametrize("report", PROJECT_REPORTS)
def test_project_filter_naming_other_project_is_refused(data, report):
	with pytest.raises(frappe.PermissionError):
		_run(report, {"year": YEAR, "project": PROJECT_X}, data.users.staff_y)
	with pytest.raises(frappe.PermissionError):
		_run(report, {"year": YEAR, "project": "No Such Project"}, data.users.staff_y)


# ---------------------------------------------------------------- Events, volunteers, observations, networks


def test_events_and_attendance(data):
	result = _run("Events and Attendance", {"year": YEAR, "project": PROJECT_X})
	rows = {r.title: r for r in _rows(result)}
	assert set(rows) == {e[1] for e in EVENTS}
	kurs = rows["Computerkurs"]
	assert (kurs.registered, kurs.attended, kurs.visitors) == (4, 2, 2)
	assert rows["Stadtteilfest Nord"].evidence_photos == 1
	assert rows["Stadtteilfest Nord"].visitors == 120
	held = [e for e in EVENTS if e[4] == "Held"]
	visitors = sum(max(e[6], len([p for p in e[7] if p[1] == "Attended"])) for e in held)
	summary = {s["label"]: s["value"] for s in result["report_summary"]}
	assert summary["Events Held"] == len(held) == 4
	assert summary["Visitors"] == visitors == 428
	assert (
		summary["Events with Publicity Evidence"] == len([e for e in held if any(ev for _c, ev in e[8])]) == 2
	)


def test_volunteer_hours_summary(data):
	result = _run("Volunteer Hours Summary", {"year": YEAR, "project": PROJECT_X})
	got = {r.month: (r.hours, r.entries, r.volunteers) for r in _rows(result)}
	expected: dict = {}
	for day, hours in VOLUNTEER_HOURS:
		if _in_year(day):
			h, n, _v = expected.get(day[:7], (0.0, 0, 1))
			expected[day[:7]] = (h + hours, n + 1, 1)
	assert got == expected == {"2025-03": (4.0, 2, 1), "2025-04": (3.0, 1, 1)}
	summary = {s["label"]: s["value"] for s in result["report_summary"]}
	assert summary["Volunteer Hours"] == 7.0


def test_area_observations(data):
	rows = _rows(_run("Area Observations", {"year": YEAR, "project": PROJECT_X}))
	got = {(r.district, r.category_value): (r.observations, r.open, r.passed_on, r.done) for r in rows}
	expected: dict = {}
	for day, district, category, status in OBSERVATIONS:
		if not _in_year(day):
			continue  # 31 Dec of the year before stays out
		n, o, p, d = expected.get((district, category), (0, 0, 0, 0))
		expected[(district, category)] = (
			n + 1,
			o + (status == "Open"),
			p + (status == "Passed On"),
			d + (status == "Done"),
		)
	assert got == expected == {(NORTH, "Cleanliness"): (2, 1, 1, 0), (SOUTH, "Vacancy"): (1, 0, 0, 1)}


def test_network_work(data):
	rows = _rows(_run("Network Work", {"year": YEAR, "project": PROJECT_X}))
	assert len(rows) == 1
	assert rows[0].network == data.network
	assert rows[0].meetings == len(MEETINGS)
	assert rows[0].attendances == sum(len(a) for _d, a in MEETINGS) == 3


def test_esf_plus_indicators_with_gender_breakdown(data):
	rows = {
		r.code: r
		for r in _rows(_run("ESF Plus Indicators", {"year": YEAR, "project": PROJECT_X}, data.users.esf_x))
	}
	gender = {k: RESIDENTS[k][4] or "Not specified" for k in RESIDENTS}
	total = rows["EECO01"]
	assert (total.female, total.male, total.diverse, total.not_specified, total.total) == (
		sum(gender[e[0]] == "Female" for e in ESF),
		sum(gender[e[0]] == "Male" for e in ESF),
		sum(gender[e[0]] == "Diverse" for e in ESF),
		sum(gender[e[0]] == "Not specified" for e in ESF),
		len(ESF),
	)
	# unemployed including long-term unemployed: both statuses count
	assert (
		rows["EECO02"].total == len([e for e in ESF if e[2] in ("Unemployed", "Long-term Unemployed")]) == 2
	)
	assert rows["EECO03"].total == 1 and rows["EECO03"].female == 1
	assert rows["EECO04"].total == 1 and rows["EECO04"].diverse == 1
	assert rows["EECO09"].total == 1
	assert rows["EECO12"].total == 1 and rows["EECO12"].diverse == 1
	assert rows["EECO13"].total == 0


def test_esf_report_needs_the_esf_role(data):
	with pytest.raises(frappe.PermissionError):
		_run("ESF Plus Indicators", {"year": YEAR}, data.users.staff_x)


# ---------------------------------------------------------------- PDFs


def test_funder_report_figures_and_pdf(data):
	from gwk_app.api.reports import funder_report_html, funder_report_pdf

	frappe.set_user(data.users.lead_x)
	html = funder_report_html(PROJECT_X, YEAR)
	assert PROJECT_X in html and str(YEAR) in html
	# participants vs plan: 4 named, 2 anonymous (below 3, so "."), 6 in total against 10
	assert '<td class="num plan-target">10</td>' in html
	assert '<td class="num plan-named">4</td>' in html
	assert '<td class="num plan-anonymous">.</td>' in html
	assert '<td class="num plan-total">6</td>' in html
	assert '<td class="num plan-rate">60.0</td>' in html
	# held events with their publicity evidence; the cancelled one and non-evidence photos are not listed
	assert html.count('class="event-row"') == 4
	assert "Bühne" in html and "Stände" in html
	assert "Aufbau" not in html and "Lesung im Park" not in html
	for _first, last, *_rest in RESIDENTS.values():
		assert last not in html
	funder_report_pdf(PROJECT_X, YEAR)
	assert frappe.local.response.type == "pdf"
	assert frappe.local.response.filecontent.startswith(b"%PDF")


def test_funder_report_of_other_project_is_refused(data):
	from gwk_app.api.reports import funder_report_html, funder_report_pdf

	frappe.set_user(data.users.staff_y)
	with pytest.raises(frappe.PermissionError):
		funder_report_html(PROJECT_X, YEAR)
	with pytest.raises(frappe.PermissionError):
		funder_report_pdf(PROJECT_X, YEAR)
	frappe.set_user(data.users.carrier)
	with pytest.raises(frappe.PermissionError):
		funder_report_html(PROJECT_X, YEAR)


def test_monthly_event_plan(data):
	from gwk_app.api.reports import event_plan_html, event_plan_pdf

	frappe.set_user(data.users.staff_x)
	html = event_plan_html(YEAR, 6)
	june = [e for e in EVENTS if e[3].startswith("2025-06") and e[5] and e[4] != "Cancelled"]
	assert [e[1] for e in june] == ["Stadtteilfest Nord", "Computerkurs"]
	for e in june:
		assert e[1] in html
	assert "Lesung im Park" not in html  # cancelled
	assert "Teamtreffen" not in html  # not published
	assert "Adventsmarkt" not in html  # another month
	assert html.count('class="event"') == 2
	event_plan_pdf(YEAR, 6)
	assert frappe.local.response.filecontent.startswith(b"%PDF")
	# staff of another project get an empty plan, not project X's events
	frappe.set_user(data.users.staff_y)
	assert "Stadtteilfest Nord" not in event_plan_html(YEAR, 6)


# ---------------------------------------------------------------- more access


MORE_REPORTS = ["Events and Attendance", "Volunteer Hours Summary", "Area Observations", "Network Work"]


@pytest.mark.parametrize("report", MORE_REPORTS)
def test_more_reports_show_own_project_only(data, report):
	assert {r.project for r in _rows(_run(report, {"year": YEAR}, data.users.staff_x))} == {PROJECT_X}
	assert PROJECT_X not in {r.project for r in _rows(_run(report, {"year": YEAR}, data.users.staff_y))}
	with pytest.raises(frappe.PermissionError):
		_run(report, {"year": YEAR, "project": PROJECT_X}, data.users.staff_y)
	with pytest.raises(frappe.PermissionError):
		_run(report, {"year": YEAR}, data.users.carrier)


# ---------------------------------------------------------------- demo data generator


def _report_figures(projects):
	rows = _rows(_run("Participants vs Plan", {"from_date": "2024-01-01", "to_date": "2025-12-31"}))
	return sorted(
		(r.project, r.year, r.named, r.anonymous, r.in_target_group) for r in rows if r.project in projects
	)


def test_demo_data_generator_counts_and_determinism():
	from gwk_app.setup.demo import generate
	from gwk_app.setup.demo.data import PROJECTS, SIZES

	size = SIZES["demo"]
	first = generate("demo", seed=11, until="2025-12-31")
	projects = [p[0] for p in PROJECTS[: size.projects]]
	assert first["projects"] == size.projects >= 2
	assert first["Resident"] == size.residents
	assert first["Consultation"] == size.consultations
	assert first["Case"] == size.cases
	assert first["Referral"] == size.referrals
	assert first["Community Event"] == size.projects * size.years * size.events
	assert first["Volunteer Hours"] > 0 and first["Network Meeting"] > 0 and first["Area Observation"] > 0
	# mostly anonymous contacts, some named; only the generator's fictional districts; no future dates
	anonymous = frappe.db.count("Consultation", {"project": ("in", projects), "anonymous": 1})
	assert size.consultations / 2 < anonymous < size.consultations
	districts = set(frappe.get_all("Resident", filters={"project": ("in", projects)}, pluck="district"))
	assert districts <= {
		"Talblick",
		"Rosental",
		"Eschenweiler",
		"Birkenhöhe",
		"Mühlbach",
		"Altmarkt",
		"Lindenhain",
		"Weidenau",
	}
	figures = _report_figures(projects)
	assert sum(f[2] + f[3] for f in figures) > 0

	frappe.db.rollback()
	second = generate("demo", seed=11, until="2025-12-31")
	assert second["fingerprint"] == first["fingerprint"]
	assert {k: v for k, v in second.items() if k != "timings"} == {
		k: v for k, v in first.items() if k != "timings"
	}
	assert _report_figures(projects) == figures

	frappe.db.rollback()
	other = generate("demo", seed=12, until="2025-12-31")
	assert other["fingerprint"] != first["fingerprint"]


def test_bulk_generator_path_at_small_scale():
	"""The carrier size's bulk inserts, run at a small scale: counts, child rows, naming series moved
	past the written names (a new document does not collide), determinism."""
	import dataclasses

	from gwk_app.setup.demo import Generator
	from gwk_app.setup.demo.data import PROJECTS, SIZES

	small = dataclasses.replace(
		SIZES["carrier"],
		residents=600,
		consultations=3000,
		cases=60,
		referrals=90,
		events=1,
		volunteers=1,
		observations=1,
		meetings=1,
	)
	first = Generator("carrier", seed=5, until="2026-06-30", scale=small).run()
	projects = [p[0] for p in PROJECTS[: small.projects]]
	assert (first["Resident"], first["Consultation"], first["Case"], first["Referral"]) == (600, 3000, 60, 90)
	topics = frappe.db.count(
		"Consultation Topic", {"parent": ("like", "CON-%"), "parenttype": "Consultation"}
	)
	assert topics >= 3000
	# referrals that pass data on carry a consent of their resident
	passing = frappe.get_all(
		"Referral",
		filters={
			"project": ("in", projects),
			"method": ("in", ["Contact Data Passed On", "Appointment Made"]),
		},
		fields=["resident", "consent"],
	)
	assert passing and all(r.consent for r in passing)
	consent_residents = dict(
		frappe.get_all(
			"Consent",
			filters={"name": ("in", [r.consent for r in passing])},
			fields=["name", "resident"],
			as_list=True,
		)
	)
	assert all(consent_residents[r.consent] == r.resident for r in passing)
	# a consultation logged afterwards gets a fresh name from the moved naming series
	doc = frappe.get_doc(
		{
			"doctype": "Consultation",
			"project": projects[0],
			"consultation_date": "2026-06-01",
			"duration_minutes": 10,
			"channel": "Phone",
			"anonymous": 1,
		}
	).insert()
	# the new document's number lies past every bulk-written one of the year
	numbers = [
		int(n.rsplit("-", 1)[1])
		for n in frappe.get_all("Consultation", filters={"name": ("like", "CON-2026-%")}, pluck="name")
		if n != doc.name
	]
	assert doc.name.startswith("CON-2026-") and int(doc.name.rsplit("-", 1)[1]) > max(numbers)
	frappe.db.rollback()
	second = Generator("carrier", seed=5, until="2026-06-30", scale=small).run()
	assert second["fingerprint"] == first["fingerprint"]


def test_pdf_endpoints_over_http(server, setup):
	"""The whitelisted PDF methods over HTTP: a PDF for the own project, 403 for another project."""
	url = f"{server.url}/api/method/gwk_app.api.reports.funder_report_pdf"
	staff_y = server.session(setup.staff_y, PASSWORD)
	own = staff_y.get(url, params={"project": PROJECT_Y, "year": YEAR}, timeout=120)
	assert own.status_code == 200
	assert own.content.startswith(b"%PDF")
	other = staff_y.get(url, params={"project": PROJECT_X, "year": YEAR}, timeout=120)
	assert other.status_code == 403
	assert not other.content.startswith(b"%PDF")
	bad_year = staff_y.get(url, params={"project": PROJECT_Y, "year": "abc"}, timeout=120)
	assert bad_year.status_code in (400, 417)
	plan = staff_y.get(
		f"{server.url}/api/method/gwk_app.api.reports.event_plan_pdf",
		params={"year": YEAR, "month": 6},
		timeout=120,
	)
	assert plan.status_code == 200 and plan.content.startswith(b"%PDF")
	carrier = server.session(setup.carrier, PASSWORD)
	assert carrier.get(url, params={"project": PROJECT_Y, "year": YEAR}, timeout=120).status_code == 403
