"""The reports' kept figures per project and year (gwk_app.reports.figures).

On the fixed dataset of test_reports (project X with data, Y without): the kept figures equal a
recount for every report; the reports really read them; every kind of change makes exactly the
affected rows stale in the same transaction (the report then counts, so it is never behind); a change
that lands while a row is computed leaves it stale; only a System Manager can read the table.
"""

import inspect
import json
from datetime import date

import frappe
import pytest
from frappe.desk.query_report import run as run_report

from gwk_app.reports import figures
from tests.integration.report_data import PROJECT_X, PROJECT_Y, YEAR

YEARS = [2024, 2025, 2026]
START, END = date(YEAR, 1, 1), date(YEAR, 12, 31)
# the user each report is run as: staff of X (reports on X only), the carrier manager with X as filter
RUN_AS = {
	"Participants vs Plan": ("staff_x", {}),
	"Contact Statistics": ("staff_x", {}),
	"Case Overview": ("staff_x", {}),
	"Referral Outcomes": ("staff_x", {}),
	"Carrier Overview": ("carrier", {"project": PROJECT_X}),
}


def _refresh():
	return figures.refresh(commit=False, projects=[PROJECT_X, PROJECT_Y], years=YEARS)


def _report(report, users, recount=False, year=YEAR):
	user, extra = RUN_AS[report]
	frappe.set_user(users[user])
	try:
		with figures.recounting(recount):
			return run_report(report, filters={"year": year, **extra})
	finally:
		frappe.set_user("Administrator")


def _fresh(report, project=PROJECT_X, year=YEAR) -> bool:
	row = frappe.db.get_value(
		figures.DOCTYPE, figures.row_name(report, project, year), ["version", "fresh_version"], as_dict=True
	)
	return bool(row) and row.version == row.fresh_version


def _stale_keys() -> set:
	t = frappe.qb.DocType(figures.DOCTYPE)
	rows = (
		frappe.qb.from_(t)
		.select(t.report, t.project, t.year)
		.where(t.project.isin([PROJECT_X, PROJECT_Y]) & (t.version != t.fresh_version))
		.run()
	)
	return {(r, p, int(y)) for r, p, y in rows}


def test_hooks_hold_the_events_figures_declares():
	from gwk_app import hooks

	for doctype, events in figures.doc_events().items():
		for event, handler in events.items():
			assert hooks.doc_events[doctype][event] == handler, (doctype, event)
	assert [h for h in hooks.gwk_after_erasure if h.startswith(figures.HANDLERS)] == figures.AFTER_ERASURE
	handlers = {h for events in hooks.doc_events.values() for h in events.values()}
	assert {h for h in handlers if h.startswith(figures.HANDLERS)} == {
		h for events in figures.doc_events().values() for h in events.values()
	}


@pytest.mark.parametrize("report", list(figures.REPORTS))
def test_every_report_follows_the_contract(report):
	module = frappe.get_module(figures.REPORTS[report])
	assert module.REPORT == report
	assert callable(module.collect) and callable(module.present)
	parameters = list(inspect.signature(module.collect).parameters)
	assert parameters[:3] == ["projects", "start", "end"]


def test_whole_year_only():
	assert figures.whole_year(date(2025, 1, 1), date(2025, 12, 31)) == 2025
	assert figures.whole_year("2025-01-01", "2025-12-30") is None
	assert figures.whole_year(date(2025, 1, 1), date(2026, 12, 31)) is None
	assert figures.whole_year(date(2025, 2, 1), date(2025, 12, 31)) is None


@pytest.mark.parametrize("report", list(figures.REPORTS))
def test_kept_figures_equal_a_recount(data, report):
	assert _refresh() == len(figures.REPORTS) * 2 * len(YEARS)
	assert _fresh(report, PROJECT_X) and _fresh(report, PROJECT_Y)
	kept = _report(report, data.users)
	counted = _report(report, data.users, recount=True)
	assert kept["result"] == counted["result"]
	assert kept.get("report_summary") == counted.get("report_summary")
	assert kept.get("chart") == counted.get("chart")
	assert kept["result"], "the dataset gives every report rows for project X"
	assert figures.check(years=YEARS, projects=[PROJECT_X, PROJECT_Y]) == []
	# a second refresh finds nothing to do
	assert _refresh() == 0


def test_reports_read_the_kept_figures(data):
	"""Proof the kept row is what the report shows: a row altered behind the app's back shows through."""
	_refresh()
	name = figures.row_name("Contact Statistics", PROJECT_X, YEAR)
	part = json.loads(frappe.db.get_value(figures.DOCTYPE, name, "figures"))
	part["totals"]["consultations"] = 4711
	frappe.db.set_value(figures.DOCTYPE, name, "figures", json.dumps(part), update_modified=False)
	summary = {s["label"]: s["value"] for s in _report("Contact Statistics", data.users)["report_summary"]}
	assert summary["Consultations"] == 4711
	counted = {
		s["label"]: s["value"]
		for s in _report("Contact Statistics", data.users, recount=True)["report_summary"]
	}
	assert counted["Consultations"] == 9
	# any other period, or a district filter, counts the records
	frappe.set_user(data.users.staff_x)
	other = run_report("Contact Statistics", filters={"from_date": "2025-01-01", "to_date": "2025-06-30"})
	assert {s["label"]: s["value"] for s in other["report_summary"]}["Consultations"] < 4711


def test_new_consultation_makes_the_year_stale_and_the_report_stays_exact(data):
	_refresh()
	before = _report("Contact Statistics", data.users)
	frappe.get_doc(
		{
			"doctype": "Consultation",
			"project": PROJECT_X,
			"consultation_date": "2025-07-01",
			"anonymous": 1,
			"age_group": "30-54",
			"gender": "Female",
			"channel": "Phone",
			"duration_minutes": 12,
			"topics": [{"topic": "Wohngeld"}],
		}
	).insert()
	assert _stale_keys() == {
		("Participants vs Plan", PROJECT_X, YEAR),
		("Contact Statistics", PROJECT_X, YEAR),
		("Carrier Overview", PROJECT_X, YEAR),
	}
	after = _report("Contact Statistics", data.users)
	totals = {s["label"]: s["value"] for s in after["report_summary"]}
	assert totals["Consultations"] == 10
	assert after["result"] != before["result"]
	assert after["result"] == _report("Contact Statistics", data.users, recount=True)["result"]
	assert _refresh() == 3
	assert not _stale_keys()
	assert _report("Contact Statistics", data.users)["result"] == after["result"]


def test_moving_and_deleting_a_consultation(data):
	_refresh()
	name = frappe.get_all(
		"Consultation",
		filters={"project": PROJECT_X, "consultation_date": "2025-06-24"},
		pluck="name",
	)[0]
	doc = frappe.get_doc("Consultation", name)
	doc.consultation_date = "2024-06-24"
	doc.save()
	stale = _stale_keys()
	assert ("Contact Statistics", PROJECT_X, 2024) in stale and (
		"Contact Statistics",
		PROJECT_X,
		2025,
	) in stale
	_refresh()
	frappe.delete_doc("Consultation", name)
	assert _stale_keys() == {
		("Participants vs Plan", PROJECT_X, 2024),
		("Contact Statistics", PROJECT_X, 2024),
		("Carrier Overview", PROJECT_X, 2024),
	}
	_refresh()
	assert figures.check(years=YEARS, projects=[PROJECT_X]) == []


def test_an_open_case_is_stale_in_every_year_until_today(data):
	_refresh()
	resident = next(iter(data.residents.values()))
	frappe.get_doc(
		{
			"doctype": "Case",
			"project": PROJECT_X,
			"title": "Offener Fall über Jahre",
			"case_type": "Counselling",
			"status": "Open",
			"resident": resident,
			"opened_on": "2024-05-01",
		}
	).insert()
	this_year = date.today().year
	expected = {
		(report, PROJECT_X, y)
		for report in ("Case Overview", "Carrier Overview")
		for y in range(2024, this_year + 1)
	}
	assert _stale_keys() == expected
	# the open case counts as open at the end of 2025, kept or counted
	summary = _report("Case Overview", data.users)["report_summary"]
	open_at_end = {s["label"]: s["value"] for s in summary}["Open at End of Period"]
	assert open_at_end == 2
	_refresh()
	assert {s["label"]: s["value"] for s in _report("Case Overview", data.users)["report_summary"]}[
		"Open at End of Period"
	] == 2
	# closing it in 2024 changes "open at the end" of every later year too
	case = frappe.get_doc("Case", {"title": "Offener Fall über Jahre"})
	case.status = "Closed"
	case.closed_on = "2024-09-30"
	case.save()
	assert _stale_keys() == expected
	assert figures.cached("Case Overview", [PROJECT_X], START, END) is None
	_refresh()
	assert figures.check(years=YEARS, projects=[PROJECT_X]) == []
	assert {s["label"]: s["value"] for s in _report("Case Overview", data.users)["report_summary"]}[
		"Open at End of Period"
	] == 1


def test_referral_change(data):
	_refresh()
	name = frappe.get_all("Referral", filters={"project": PROJECT_X, "status": "Referred"}, pluck="name")[0]
	doc = frappe.get_doc("Referral", name)
	doc.status = "Not Taken Up"
	doc.save()
	assert _stale_keys() == {("Referral Outcomes", PROJECT_X, YEAR), ("Carrier Overview", PROJECT_X, YEAR)}
	_refresh()
	rows = {r["partner"]: r for r in _report("Referral Outcomes", data.users)["result"]}
	assert sum(r["not_taken_up"] for r in rows.values()) == 1


def test_resident_attributes_make_their_years_stale_other_edits_do_not(data):
	_refresh()
	doc = frappe.get_doc("Resident", data.residents["r2"])
	doc.notes = "Rückruf erbeten"
	doc.save()
	assert not _stale_keys()
	doc.gender = "Female"
	doc.save()
	assert _stale_keys() == {
		("Participants vs Plan", PROJECT_X, YEAR),
		("Carrier Overview", PROJECT_X, YEAR),
	}
	_refresh()
	assert figures.check(years=YEARS, projects=[PROJECT_X]) == []


def test_erasure_makes_the_resident_years_stale(data):
	from gwk_app.privacy.erasure import erase

	_refresh()
	erase(data.residents["r1"])
	stale = _stale_keys()
	for y in (2025, 2026):
		assert ("Participants vs Plan", PROJECT_X, y) in stale
		assert ("Carrier Overview", PROJECT_X, y) in stale


def test_renaming_a_district_makes_every_row_stale(data):
	_refresh()
	frappe.get_doc(
		{"doctype": "District", "district_name": "Figurenbezirk Alt", "city": "Teststadt"}
	).insert()
	frappe.rename_doc("District", "Figurenbezirk Alt", "Figurenbezirk Neu")
	assert len(_stale_keys()) == len(figures.REPORTS) * 2 * len(YEARS)


def test_a_change_while_computing_leaves_the_row_stale(data, monkeypatch):
	_refresh()
	frappe.get_doc(
		{
			"doctype": "Consultation",
			"project": PROJECT_X,
			"consultation_date": "2025-08-01",
			"anonymous": 1,
			"age_group": "18-29",
			"gender": "Male",
			"channel": "Office Hours",
			"duration_minutes": 5,
		}
	).insert()
	compute = figures.compute

	def compute_while_another_change_lands(report, project, year):
		result = compute(report, project, year)
		figures.invalidate([report], [project], [year])
		return result

	monkeypatch.setattr(figures, "compute", compute_while_another_change_lands)
	figures.refresh(commit=False, projects=[PROJECT_X], years=[YEAR])
	assert _stale_keys() >= {("Contact Statistics", PROJECT_X, YEAR)}
	assert figures.cached("Contact Statistics", [PROJECT_X], START, END) is None
	monkeypatch.setattr(figures, "compute", compute)
	_refresh()
	assert figures.cached("Contact Statistics", [PROJECT_X], START, END) is not None


def test_no_kept_figures_for_future_years_or_missing_rows(data):
	_refresh()
	this_year = date.today().year
	assert (
		figures.cached(
			"Contact Statistics", [PROJECT_X], date(this_year + 1, 1, 1), date(this_year + 1, 12, 31)
		)
		is None
	)
	# a project without a row (never computed) is counted, for every project asked for
	assert figures.cached("Contact Statistics", [PROJECT_X, "GWK Report Nowhere"], START, END) is None


def test_only_a_system_manager_reads_the_table(data):
	_refresh()
	for key in ("staff_x", "lead_x", "carrier"):
		user = data.users[key]
		assert not frappe.has_permission(figures.DOCTYPE, "read", user=user)
		frappe.set_user(user)
		try:
			with pytest.raises(frappe.PermissionError):
				frappe.get_list(figures.DOCTYPE, fields=["figures"], limit=1)
		finally:
			frappe.set_user("Administrator")
