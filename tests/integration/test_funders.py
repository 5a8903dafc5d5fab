"""What funders audit (issue 17): targets per funding period, staff time entries, submitted funder
reports with their trail, ESF completeness. Every rule and every access path."""

import json
from datetime import date

import frappe
import pytest
from frappe import _
from frappe.utils import add_days, getdate, today

from gwk_app.api import funders
from gwk_app.permissions import query_conditions
from gwk_app.reports.report.staff_time_per_month import staff_time_per_month
from gwk_app.reports.report.targets_per_funding_period import targets_per_funding_period
from gwk_app.reports.trail import collect
from gwk_app.rules.targets import month_key

YEAR = getdate(today()).year
MONTH = month_key(getdate(today()))


def _as(user):
	frappe.set_user(user)


def _consultation(project, resident=None, day=None, **values):
	doc = frappe.get_doc(
		{
			"doctype": "Consultation",
			"project": project,
			"anonymous": 0 if resident else 1,
			"resident": resident,
			"consultation_date": day or today(),
			"duration_minutes": 15,
			"channel": "Phone",
			"gender": "Female",
			"age_group": "30-54",
			**values,
		}
	)
	doc.insert(ignore_permissions=True)
	return doc.name


def _resident(project, last_name):
	doc = frappe.get_doc(
		{
			"doctype": "Resident",
			"project": project,
			"first_name": "Trailtest",
			"last_name": last_name,
			"gender": "Male",
			"birth_year": 1990,
		}
	)
	doc.insert(ignore_permissions=True)
	return doc.name


# ---------------------------------------------------------------- targets per funding period


def _add_targets(project, *targets):
	doc = frappe.get_doc("Community Project", project)
	for funder, start, end, indicator, value in targets:
		doc.append(
			"targets",
			{
				"funder": funder,
				"from_date": start,
				"to_date": end,
				"indicator": indicator,
				"target_value": value,
			},
		)
	doc.save(ignore_permissions=True)


def test_targets_report_counts_forecasts_and_lights(world):
	start, end = date(YEAR, 1, 1), date(YEAR, 12, 31)
	_add_targets(
		world.a.project,
		("ESF Plus", start, end, "Consultations", 1),
		("Stadt", start, end, "Network Meetings", 10000),
		("Stadt", start, end, "Volunteer Hours", 0.5),
	)
	_add_targets(world.b.project, ("Stadt", start, end, "Consultations", 5000))
	_as(world.users.staff_a)
	rows = targets_per_funding_period.get_data(frappe._dict())
	assert {r.project for r in rows} == {world.a.project}
	now = collect(world.a.project, start, getdate(today()))
	by_indicator = {r.indicator: r for r in rows}
	consult = by_indicator["Consultations"]
	assert consult.actual == now["consultations"]["value"] >= 2
	elapsed = (getdate(today()) - start).days + 1
	assert consult.forecast == round(consult.actual * 365 / elapsed, 1) or (
		consult.forecast == round(consult.actual * 366 / elapsed, 1)
	)
	assert consult.light == "Green"
	assert by_indicator["Network Meetings"].light == "Red"
	assert by_indicator["Volunteer Hours"].actual == now["volunteer_hours"]["value"]
	# another project's targets stay out, even when asked for by name
	with pytest.raises(frappe.PermissionError):
		targets_per_funding_period.get_data(frappe._dict(project=world.b.project))
	# the workspace card counts the red lights of the user's targets
	assert funders.targets_at_risk()["value"] == 1


def test_targets_report_for_the_carrier_manager_aggregates_and_suppresses(world):
	start, end = date(YEAR, 1, 1), date(YEAR, 12, 31)
	_add_targets(world.a.project, ("Stadt", start, end, "Consultations", 100))
	_add_targets(world.b.project, ("Stadt", start, end, "Events", 3))
	_as(world.users.carrier)
	rows = targets_per_funding_period.get_data(frappe._dict())
	assert {r.project for r in rows} == {world.a.project, world.b.project}
	consult = next(r for r in rows if r.project == world.a.project)
	if 0 < collect(world.a.project, start, getdate(today()))["consultations"]["value"] < 3:
		assert consult.actual == "." and consult.forecast == "."
	events = next(r for r in rows if r.project == world.b.project)
	assert isinstance(events.actual, int | float)  # events are no people: not suppressed
	for r in rows:
		assert set(r) >= {"actual", "forecast", "light"} and "records" not in r


def test_nobody_sees_no_targets(world):
	_add_targets(world.a.project, ("Stadt", date(YEAR, 1, 1), date(YEAR, 12, 31), "Events", 3))
	_as(world.users.nobody)
	assert targets_per_funding_period.get_data(frappe._dict()) == []


# ---------------------------------------------------------------- staff time entries


def _entry(staff, project, hours=2.0, day=None, field="Counselling", as_user=None):
	_as(as_user or staff)
	try:
		doc = frappe.get_doc(
			{
				"doctype": "Staff Time Entry",
				"staff": staff,
				"project": project,
				"work_date": day or today(),
				"field_of_work": field,
				"hours": hours,
			}
		).insert()
		return doc.name
	finally:
		_as("Administrator")


def test_staff_see_only_their_own_time_leads_their_team(world):
	own = _entry(world.users.staff_a, world.a.project)
	other = _entry(world.users.both, world.a.project)
	in_b = _entry(world.users.staff_b, world.b.project)
	doctype = "Staff Time Entry"

	def visible(user):
		_as(user)
		try:
			return set(frappe.get_list(doctype, pluck="name", limit_page_length=0))
		finally:
			_as("Administrator")

	assert {own} <= visible(world.users.staff_a) and not {other, in_b} & visible(world.users.staff_a)
	assert {other} <= visible(world.users.both) and own not in visible(world.users.both)
	assert {own, other} <= visible(world.users.lead_a) and in_b not in visible(world.users.lead_a)
	assert visible(world.users.nobody) == set()
	assert query_conditions(world.users.nobody, doctype).startswith("(1=0")
	# form load and REST get go through has_permission
	assert frappe.has_permission(doctype, "read", own, user=world.users.staff_a)
	assert not frappe.has_permission(doctype, "read", other, user=world.users.staff_a)
	assert frappe.has_permission(doctype, "read", other, user=world.users.lead_a)
	assert not frappe.has_permission(doctype, "read", in_b, user=world.users.lead_a)
	from frappe.desk.form.load import getdoc

	_as(world.users.staff_a)
	with pytest.raises(frappe.PermissionError):
		getdoc(doctype, other)
	# link search and counts
	from frappe.desk.search import search_link

	assert {r["value"] for r in search_link(doctype, "", page_length=500)} & {other, in_b} == set()
	from gwk_app.overrides.client import get_count

	assert get_count(doctype, filters={"staff": world.users.both}) == 0
	# the carrier manager reads no entry at all
	_as(world.users.carrier)
	with pytest.raises(frappe.PermissionError):
		frappe.get_list(doctype, limit_page_length=1)
	assert not frappe.has_permission(doctype, "read", own)


def test_staff_cannot_record_time_for_others_or_other_projects(world):
	with pytest.raises(frappe.PermissionError):
		_entry(world.users.both, world.a.project, as_user=world.users.staff_a)
	with pytest.raises(frappe.PermissionError):
		_entry(world.users.staff_a, world.b.project)
	# the lead records for the team; somebody off the team cannot be booked on the project
	assert _entry(world.users.staff_a, world.a.project, as_user=world.users.lead_a)
	with pytest.raises(frappe.ValidationError, match="not on the team"):
		_entry(world.users.staff_b, world.a.project, as_user="Administrator")


def test_time_entry_rules(world):
	with pytest.raises(frappe.ValidationError):
		_entry(world.users.staff_a, world.a.project, hours=0)
	with pytest.raises(frappe.ValidationError):
		_entry(world.users.staff_a, world.a.project, day=add_days(today(), 1))
	_entry(world.users.staff_a, world.a.project, hours=20)
	with pytest.raises(frappe.ValidationError, match="24"):
		_entry(world.users.staff_a, world.a.project, hours=5, field="Travel")
	name = _entry(world.users.staff_a, world.a.project, hours=1, field="Events")
	assert frappe.db.get_value("Staff Time Entry", name, "month") == MONTH
	# approval is never written by the staff member
	_as(world.users.staff_a)
	doc = frappe.get_doc("Staff Time Entry", name)
	doc.approved = 1
	doc.save()
	assert frappe.db.get_value("Staff Time Entry", name, "approved") == 0


def test_weekly_grid_saves_and_reloads_the_week(world):
	monday = getdate(today()) - __import__("datetime").timedelta(days=getdate(today()).weekday())
	_as(world.users.staff_a)
	hours = [1.5 if add_days(monday, i) <= getdate(today()) else 0 for i in range(7)]
	rows = [{"field_of_work": "Outreach", "hours": hours}, {"field_of_work": "Travel", "hours": [0] * 7}]
	result = funders.save_week(world.a.project, str(monday), json.dumps(rows))
	assert result["changed"] == len([h for h in hours if h])
	week = funders.get_week(world.a.project, str(today()))
	assert week["days"][0] == str(monday)
	assert next(r for r in week["rows"] if r["field_of_work"] == "Outreach")["hours"] == hours
	# saving the same week again changes nothing; a zero removes the day's entry
	assert funders.save_week(world.a.project, str(monday), json.dumps(rows))["changed"] == 0
	first = hours.index(1.5)
	hours[first] = 0
	assert (
		funders.save_week(
			world.a.project, str(monday), json.dumps([{"field_of_work": "Outreach", "hours": hours}])
		)["changed"]
		== 1
	)
	with pytest.raises(frappe.ValidationError):
		funders.save_week(
			world.a.project, str(monday), json.dumps([{"field_of_work": "Sleeping", "hours": [1] * 7}])
		)
	with pytest.raises(frappe.PermissionError):
		funders.save_week(world.b.project, str(monday), json.dumps(rows))


def test_lead_approves_a_month_and_it_is_locked(world):
	name = _entry(world.users.staff_a, world.a.project)
	_as(world.users.staff_a)
	with pytest.raises(frappe.PermissionError):
		funders.approve_month(world.a.project, world.users.staff_a, MONTH)
	_as(world.users.lead_a)
	with pytest.raises(frappe.PermissionError):
		funders.approve_month(world.a.project, world.users.lead_a, MONTH)
	assert funders.approve_month(world.a.project, world.users.staff_a, MONTH) == {"approved": 1}
	row = frappe.db.get_value("Staff Time Entry", name, ["approved", "approved_by"], as_dict=True)
	assert row.approved == 1 and row.approved_by == world.users.lead_a
	_as(world.users.staff_a)
	doc = frappe.get_doc("Staff Time Entry", name)
	doc.hours = 3
	with pytest.raises(frappe.ValidationError, match="locked"):
		doc.save()
	with pytest.raises(frappe.ValidationError, match="locked"):
		frappe.delete_doc("Staff Time Entry", name)
	with pytest.raises(frappe.ValidationError, match="locked"):
		_entry(world.users.staff_a, world.a.project, field="Travel")
	# a lead of another project cannot approve here
	_as(world.users.staff_b)
	with pytest.raises(frappe.PermissionError):
		funders.approve_month(world.a.project, world.users.staff_a, MONTH)


def test_time_report_per_project_person_and_month(world):
	_entry(world.users.staff_a, world.a.project, hours=2, field="Counselling")
	_entry(world.users.staff_a, world.a.project, hours=1, field="Travel")
	_entry(world.users.both, world.a.project, hours=4, field="Outreach")
	_entry(world.users.staff_b, world.b.project, hours=3, field="Events")

	def run(user, **filters):
		_as(user)
		try:
			return staff_time_per_month.execute({"month": MONTH, **filters})
		finally:
			_as("Administrator")

	columns, rows = run(world.users.staff_a)
	assert {r.staff for r in rows} == {world.users.staff_a}
	mine = next(r for r in rows if r.project == world.a.project)
	assert mine.h_counselling >= 2 and mine.h_travel >= 1 and mine.total >= 3
	_columns, rows = run(world.users.lead_a)
	assert {world.users.staff_a, world.users.both} <= {r.staff for r in rows}
	assert {r.project for r in rows} == {world.a.project}
	columns, rows = run(world.users.carrier)
	assert "staff" not in {c["fieldname"] for c in columns}
	assert all(r.staff is None for r in rows)
	assert {world.a.project, world.b.project} <= {r.project for r in rows}
	assert run(world.users.carrier, staff=world.users.staff_a)[1] == []


def test_time_record_for_signature(world, monkeypatch):
	# Frappe's print view writes an Access Log and commits it, outside tests: keep the test rolled back
	monkeypatch.setattr(frappe.flags, "in_test", True, raising=False)
	_entry(world.users.staff_a, world.a.project, hours=2.5)
	_as(world.users.staff_a)
	entry = frappe.get_all(
		"Staff Time Entry",
		filters={"staff": world.users.staff_a, "project": world.a.project, "month": MONTH},
		pluck="name",
	)[0]
	# Frappe's print view with the app's Print Format, as the form's Print menu shows it
	html = frappe.get_print("Staff Time Entry", entry, print_format="Time Record")
	assert (
		"2.50" in html and "signature of the project lead" in html and "signature of the staff member" in html
	)
	with pytest.raises(frappe.PermissionError):
		funders.time_record_context(world.a.project, world.users.both, MONTH)
	_as(world.users.lead_a)
	context = funders.time_record_context(world.a.project, world.users.staff_a, MONTH)
	assert context["total"] >= 2.5 and not context["approved"]
	_as(world.users.staff_b)
	with pytest.raises(frappe.PermissionError):
		funders.time_record_context(world.a.project, world.users.staff_a, MONTH)
	with pytest.raises(frappe.ValidationError):
		funders.time_record_context(world.a.project, world.users.staff_a, "2026-13")


# ---------------------------------------------------------------- funder report submission


def _submit(world, project=None, year=YEAR):
	_as(world.users.lead_a)
	try:
		doc = frappe.get_doc(
			{"doctype": "Funder Report Submission", "project": project or world.a.project, "year": year}
		)
		doc.insert()
		doc.submit()
		return doc
	finally:
		_as("Administrator")


def _figures(name):
	return {
		r.figure: (r.value, json.loads(r.records))
		for r in frappe.get_all(
			"Funder Report Submission Figure", filters={"parent": name}, fields=["figure", "value", "records"]
		)
	}


def test_submission_freezes_figures_with_their_records(world):
	doc = _submit(world)
	assert doc.docstatus == 1 and doc.submitted_on and doc.submitted_by == world.users.lead_a
	frozen = _figures(doc.name)
	now = collect(world.a.project, date(YEAR, 1, 1), date(YEAR, 12, 31))
	assert frozen == {k: (v["value"], v["records"]) for k, v in now.items()}
	assert world.a.consultation in frozen["consultations"][1]["Consultation"]
	assert frozen["named_participants"][1]["Resident"] == sorted(
		now["named_participants"]["records"]["Resident"]
	)
	assert world.a.resident in frozen["named_participants"][1]["Resident"]
	# the report's key figures as the PDF shows them
	assert json.loads(doc.key_figures)[0][1] in (frozen["consultations"][0], ".")
	# record names only: no personal field of any counted resident
	snapshot = json.dumps(frozen) + doc.key_figures
	for last, first in frappe.get_all(
		"Resident", filters={"project": world.a.project}, fields=["last_name", "first_name"], as_list=True
	):
		assert (last or "~") not in snapshot and (first or "~") not in snapshot
	# a second submission of the same project and year is refused
	with pytest.raises(frappe.ValidationError, match="already submitted"):
		_submit(world)


def test_submitted_report_unchanged_after_later_inserts_and_comparison_names_them(world):
	doc = _submit(world)
	before = _figures(doc.name)
	anonymous = _consultation(world.a.project)
	newcomer = _resident(world.a.project, "Nachzügler")
	named = _consultation(world.a.project, newcomer)
	in_b = _consultation(world.b.project)
	assert _figures(doc.name) == before
	_as(world.users.staff_a)
	changes = {c["figure"]: c for c in funders.submission_comparison(doc.name)}
	changed = {k for k, c in changes.items() if c["added"] or c["removed"]}
	assert changed == {"consultations", "anonymous_contacts", "named_participants", "participants"}
	assert changes["consultations"]["added"] == {"Consultation": sorted([anonymous, named])}
	assert changes["anonymous_contacts"]["added"] == {"Consultation": [anonymous]}
	assert changes["named_participants"]["added"] == {"Resident": [newcomer]}
	assert changes["participants"]["added"] == {"Resident": [newcomer], "Consultation": [anonymous]}
	assert changes["consultations"]["current"] == changes["consultations"]["submitted"] + 2
	assert in_b not in json.dumps(changes)
	assert all(not c["removed"] for c in changes.values())
	# the PDF shows the frozen figures and the submission date
	html = funders.submission_html(doc.name)
	assert frappe.utils.format_datetime(doc.submitted_on) in html and "Submitted on" in html


def test_trail_opens_exactly_the_records_counted_and_nothing_of_other_projects(world):
	doc = _submit(world)
	_consultation(world.a.project)  # counted later: not in the trail
	frozen = _figures(doc.name)
	_as(world.users.staff_a)
	for figure, (_value, records) in frozen.items():
		opened = funders.submission_records(doc.name, figure)
		for doctype, names in opened.items():
			assert names == records[doctype], figure
			assert set(frappe.get_all(doctype, filters={"name": ("in", names)}, pluck="project")) <= {
				world.a.project
			}
	assert (
		funders.submission_records(doc.name, "consultations")["Consultation"]
		== frozen["consultations"][1]["Consultation"]
	)
	# the staff of project A read no ESF record: that figure opens nothing for them
	assert funders.submission_records(doc.name, "esf_entries") == {}
	# another project's team cannot open the submission or its trail
	_as(world.users.staff_b)
	with pytest.raises(frappe.PermissionError):
		funders.submission_records(doc.name, "consultations")
	with pytest.raises(frappe.PermissionError):
		funders.submission_comparison(doc.name)
	with pytest.raises(frappe.PermissionError):
		funders.submission_html(doc.name)
	assert doc.name not in frappe.get_list("Funder Report Submission", pluck="name")
	_as(world.users.carrier)
	with pytest.raises(frappe.PermissionError):
		frappe.get_list("Funder Report Submission", limit_page_length=1)


def test_only_the_lead_submits(world):
	_as(world.users.staff_a)
	with pytest.raises(frappe.PermissionError):
		frappe.get_doc(
			{"doctype": "Funder Report Submission", "project": world.a.project, "year": YEAR}
		).insert()
	_as(world.users.lead_a)
	with pytest.raises(frappe.PermissionError):
		frappe.get_doc(
			{"doctype": "Funder Report Submission", "project": world.b.project, "year": YEAR}
		).insert()
	with pytest.raises(frappe.ValidationError):
		frappe.get_doc(
			{"doctype": "Funder Report Submission", "project": world.a.project, "year": 1800}
		).insert()


def test_erasure_keeps_submitted_figures_but_removes_the_resident_from_the_trail(world):
	from gwk_app.privacy.erasure import erase

	person = _resident(world.a.project, "Löschfall")
	consultation = _consultation(world.a.project, person)
	doc = _submit(world)
	before = _figures(doc.name)
	assert person in before["named_participants"][1]["Resident"]
	erase(person)
	after = _figures(doc.name)
	assert after["named_participants"][0] == before["named_participants"][0]
	assert person not in json.dumps(after)
	assert after["named_participants"][1]["Resident"] == [
		r for r in before["named_participants"][1]["Resident"] if r != person
	]
	# the consultation itself is kept (counted records are never deleted), so its name stays
	assert consultation in after["consultations"][1]["Consultation"]


# ---------------------------------------------------------------- ESF completeness


def test_incomplete_esf_records_do_not_count_are_listed_and_reminded(world):
	from gwk_app.privacy.esf_completeness import REMINDER_MARKER, remind_before_exit
	from gwk_app.reports.report.esf_incomplete_core_data import esf_incomplete_core_data
	from tests.integration.privacy_data import consent, esf, privacy_world, resident

	pw = privacy_world(world)
	_as(pw.staff)
	complete_res = resident(pw.project, "Vollständig")
	consent(pw.project, complete_res, "ESF Participant Data")
	gap_res = resident(pw.project, "Lückenhaft")
	consent(pw.project, gap_res, "ESF Participant Data")
	_as(pw.officer)
	complete = esf(pw.project, complete_res, planned_exit_date=add_days(today(), 5))
	gap = esf(pw.project, gap_res, planned_exit_date=add_days(today(), 5))
	_as("Administrator")
	frappe.db.set_value("ESF Participation", gap.name, "isced_level", None)  # e.g. from an import
	_as(pw.officer)
	rows = esf_incomplete_core_data.execute({"project": pw.project})[1]
	assert gap.name in {r.name for r in rows} and complete.name not in {r.name for r in rows}
	assert next(r for r in rows if r.name == gap.name).missing_fields == ["isced_level"]
	figure = collect(pw.project, date(YEAR, 1, 1), date(YEAR, 12, 31))["esf_entries"]
	assert complete.name in figure["records"]["ESF Participation"]
	assert gap.name not in figure["records"]["ESF Participation"]
	_as("Administrator")
	assert remind_before_exit() >= 1
	todos = frappe.get_all(
		"ToDo",
		filters={"reference_name": gap.name, "description": ("like", f"%{REMINDER_MARKER}%")},
		fields=["allocated_to", "description"],
	)
	assert [t.allocated_to for t in todos] == [pw.officer]
	assert "Lückenhaft" not in todos[0].description and "Testa" not in todos[0].description
	assert not frappe.db.exists(
		"ToDo", {"reference_name": complete.name, "description": ("like", f"%{REMINDER_MARKER}%")}
	)
	assert remind_before_exit() == 0
	# staff read no ESF record, so the list stays closed to them
	_as(world.users.staff_a)
	assert not frappe.has_permission("ESF Participation", "read")


def test_esf_plus_indicators_count_only_complete_core_data(world):
	"""ESF Plus Indicators counts exactly the participations counts_toward_targets accepts, and says how
	many it left out; every kind of gap (empty, unknown age band) is left out."""
	from gwk_app.reports.report.esf_plus_indicators import esf_plus_indicators
	from gwk_app.rules.esf import counts_toward_targets
	from tests.integration.privacy_data import consent, esf, privacy_world, resident

	pw = privacy_world(world)
	_as(pw.staff)
	people = {}
	for label in ("Komplett", "OhneBildung", "OhneAlter", "OhneStatus"):
		people[label] = resident(pw.project, label)
		consent(pw.project, people[label], "ESF Participant Data")
	_as(pw.officer)
	records = {label: esf(pw.project, res) for label, res in people.items()}
	_as("Administrator")
	frappe.db.set_value("ESF Participation", records["OhneBildung"].name, "isced_level", None)
	frappe.db.set_value("ESF Participation", records["OhneAlter"].name, "age_group", "Unknown")
	frappe.db.set_value("ESF Participation", records["OhneStatus"].name, "employment_status", "")
	_as(pw.officer)
	start = frappe.db.get_value("ESF Participation", records["Komplett"].name, "entry_date")
	filters = {"project": pw.project, "from_date": str(start), "to_date": str(start)}
	_columns, rows, message, _chart, summary = esf_plus_indicators.execute(filters)
	rows_in_period = frappe.get_all(
		"ESF Participation",
		filters={"project": pw.project, "entry_date": start},
		fields=["name", "entry_date", "gender", "age_group", "employment_status", "isced_level", "consent"],
	)
	counted = [r for r in rows_in_period if counts_toward_targets(r)]
	total = next(r for r in rows if r.code == "EECO01")
	assert total.total == len(counted) >= 1
	left_out = len(rows_in_period) - len(counted)
	assert left_out >= 3
	assert str(left_out) in message
	assert (
		next(s for s in summary if s["label"] == _("Not counted: incomplete core data"))["value"] == left_out
	)


# ---------------------------------------------------------------- over HTTP


def test_rest_time_entries_own_only(server, world):
	"""REST list, get and count of time entries: own entries only, the lead the team's."""
	names = [
		_entry(world.users.staff_a, world.a.project, hours=0.5),
		_entry(world.users.both, world.a.project, hours=0.5),
	]
	frappe.db.commit()
	try:
		staff = server.session(world.users.staff_a, world.password)
		r = staff.get(
			f"{server.url}/api/resource/Staff Time Entry",
			params={"limit_page_length": 0, "fields": '["name","staff"]'},
		)
		assert r.status_code == 200, r.text
		assert {x["staff"] for x in r.json()["data"]} == {world.users.staff_a}
		assert names[0] in {x["name"] for x in r.json()["data"]}
		assert staff.get(f"{server.url}/api/resource/Staff Time Entry/{names[1]}").status_code == 403
		r = staff.get(
			f"{server.url}/api/method/frappe.client.get_count",
			params={"doctype": "Staff Time Entry", "filters": json.dumps({"staff": world.users.both})},
		)
		assert r.json()["message"] == 0
		lead = server.session(world.users.lead_a, world.password)
		assert lead.get(f"{server.url}/api/resource/Staff Time Entry/{names[1]}").status_code == 200
		carrier = server.session(world.users.carrier, world.password)
		assert carrier.get(f"{server.url}/api/resource/Staff Time Entry/{names[0]}").status_code == 403
	finally:
		for name in names:
			frappe.delete_doc("Staff Time Entry", name, force=True, ignore_permissions=True)
		frappe.db.commit()


def test_rest_pdfs_time_record_and_submitted_report(server, world):
	"""The time record and the submitted report come out as PDF for those who may read them, never for others."""
	entry = _entry(world.users.staff_a, world.a.project, hours=1.5)
	doc = _submit(world)
	frappe.db.commit()
	try:
		staff = server.session(world.users.staff_a, world.password)
		params = {"project": world.a.project, "staff": world.users.staff_a, "month": MONTH}
		r = staff.get(f"{server.url}/api/method/gwk_app.api.funders.time_record_pdf", params=params)
		assert r.status_code == 200 and r.content[:4] == b"%PDF", r.text[:300]
		other = server.session(world.users.staff_b, world.password)
		r = other.get(f"{server.url}/api/method/gwk_app.api.funders.time_record_pdf", params=params)
		assert r.status_code == 403
		r = staff.get(
			f"{server.url}/api/method/gwk_app.api.funders.submission_pdf", params={"name": doc.name}
		)
		assert r.status_code == 200 and r.content[:4] == b"%PDF", r.text[:300]
		r = other.get(
			f"{server.url}/api/method/gwk_app.api.funders.submission_pdf", params={"name": doc.name}
		)
		assert r.status_code == 403
		r = staff.post(
			f"{server.url}/api/method/gwk_app.api.funders.approve_month",
			data={"project": world.a.project, "staff": world.users.staff_a, "month": MONTH},
		)
		assert r.status_code == 403
	finally:
		frappe.db.rollback()
		frappe.delete_doc("Staff Time Entry", entry, force=True, ignore_permissions=True)
		frappe.db.delete("Funder Report Submission Figure", {"parent": doc.name})
		frappe.db.delete("Funder Report Submission", {"name": doc.name})
		frappe.db.commit()
