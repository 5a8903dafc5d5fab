"""The reports' kept figures per project, month and district (gwk_app.reports.figures).

On the fixed dataset of test_reports (project X with data, Y without): for the year, quarters, a
28-month funding period, periods that start or end inside a month and one district, every report from
kept figures equals a recount; the reports really read them; inserts, edits, deletions, moves between
months and districts, resident changes and erasure make exactly the affected rows stale in the same
transaction (the report then counts those months, so it is never behind), and after the job the month ×
district figures equal a recount again; people are counted once per period however many months they
came in; a change that lands while a row is computed leaves it stale; only a System Manager reads them.
"""

import inspect
import json
from datetime import date

import frappe
import pytest
from frappe.desk.query_report import run as run_report

from gwk_app.reports import figures
from gwk_app.rules.reports import month_ordinal
from tests.integration.report_data import NORTH, PROJECT_X, PROJECT_Y, SOUTH

# the months of the dataset's records up to this month (an open case is open at the end of each)
MONTHS = range(month_ordinal(date(2024, 10, 1)), month_ordinal(date.today()) + 1)
PERIODS = {
	"year": ("2025-01-01", "2025-12-31"),
	"quarter": ("2025-01-01", "2025-03-31"),
	"second quarter": ("2025-04-01", "2025-06-30"),
	"funding period (28 months)": ("2024-03-01", "2026-06-30"),
	"starts and ends inside a month": ("2025-03-05", "2025-06-17"),
	"ends inside a month": ("2025-03-01", "2025-06-15"),
	"inside one month": ("2025-03-04", "2025-03-11"),
}
DISTRICTS = (None, NORTH, SOUTH)
# the user each report is run as: staff of X (reports on X only), the carrier manager with X as filter
RUN_AS = {
	"Participants vs Plan": ("staff_x", {}),
	"Contact Statistics": ("staff_x", {}),
	"Case Overview": ("staff_x", {}),
	"Referral Outcomes": ("staff_x", {}),
	"Carrier Overview": ("carrier", {"project": PROJECT_X}),
	"Appointment Figures": ("staff_x", {}),
}


def _refresh():
	return figures.refresh(commit=False, projects=[PROJECT_X, PROJECT_Y], months=MONTHS)


def _report(report, users, recount=False, period="year", district=None):
	user, extra = RUN_AS[report]
	start, end = PERIODS[period]
	filters = {"from_date": start, "to_date": end, **extra}
	if district:
		filters["district"] = district
	frappe.set_user(users[user])
	try:
		with figures.recounting(recount):
			out = run_report(report, filters=filters)
	finally:
		frappe.set_user("Administrator")
	return {k: out.get(k) for k in ("result", "report_summary", "chart")}


def _all_equal_a_recount(users, reports=None):
	for report in reports or figures.REPORTS:
		for period in PERIODS:
			for district in DISTRICTS if figures.module(report).BY_DISTRICT else (None,):
				kept = _report(report, users, period=period, district=district)
				assert kept == _report(report, users, recount=True, period=period, district=district), (
					report,
					period,
					district,
				)
				# again, from the parts this process decoded the first time: nothing changed them
				assert kept == _report(report, users, period=period, district=district), (report, period)


def _stale_keys() -> set:
	t = frappe.qb.DocType(figures.DOCTYPE)
	rows = (
		frappe.qb.from_(t)
		.select(t.report, t.project, t.month, t.district)
		.where(t.project.isin([PROJECT_X, PROJECT_Y]) & (t.version != t.fresh_version))
		.run()
	)
	return {(r, p, str(m)[:7], d or "") for r, p, m, d in rows}


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
	# the appointment figures count appointments and office-hours visits
	assert figures.SOURCES["Consultation Appointment"][0] == ("Appointment Figures",)
	assert figures.SOURCES["Office Hours Visit"][0] == ("Appointment Figures",)


@pytest.mark.parametrize("report", list(figures.REPORTS))
def test_every_report_follows_the_contract(report):
	module = figures.module(report)
	assert module.REPORT == report
	assert callable(module.collect) and callable(module.present)
	assert set(module.STOCK) <= set(module.FAMILIES)
	assert set(getattr(module, "BY_MONTH", ())) <= set(module.FAMILIES) - set(module.STOCK)
	assert isinstance(module.PEOPLE, bool) and isinstance(module.BY_DISTRICT, bool)
	parameters = inspect.signature(module.collect).parameters
	assert list(parameters)[:4] == ["projects", "start", "end", "district"]
	assert {"history", "by_district"} <= set(parameters)
	if module.PEOPLE:
		assert "since" in parameters and callable(module.people_part)
		assert set(module.PERSON) <= set(figures.RESIDENT_FIELDS)
	assert report in RUN_AS


@pytest.mark.parametrize("report", list(figures.REPORTS))
def test_kept_figures_equal_a_recount_for_every_period_and_district(data, report):
	if report == "Appointment Figures":
		_visit("2025-06-10")
		_visit("2025-03-03")
	# every row of X and Y stale, whatever rows of them an earlier test's committed job left fresh
	figures.invalidate(list(figures.REPORTS), [PROJECT_X, PROJECT_Y], MONTHS, figures.districts())
	assert _refresh() == len(figures.REPORTS) * 2 * len(MONTHS)
	assert not _stale_keys()
	_all_equal_a_recount(data.users, [report])
	assert _report(report, data.users)["result"], "the dataset gives every report rows for project X"
	assert figures.check(months=MONTHS, projects=[PROJECT_X, PROJECT_Y]) == []
	assert _refresh() == 0  # nothing left to do


def test_reports_read_the_kept_figures_of_each_month_and_district(data):
	"""Proof the kept rows are what the reports show: a row altered behind the app's back shows through
	for every whole-month period containing it, with and without the district."""
	_refresh()
	for district in ("", NORTH):
		name = figures.row_name("Contact Statistics", PROJECT_X, month_ordinal(date(2025, 3, 1)), district)
		part = json.loads(frappe.db.get_value(figures.DOCTYPE, name, "figures"))
		part["rows"][0][7] += 4700  # counted once: the totals
		frappe.db.set_value(figures.DOCTYPE, name, "figures", json.dumps(part), update_modified=False)
	# altered behind the app's back (the app never changes a computed row): forget what was decoded
	figures._decoded.clear()
	for period in ("year", "quarter", "funding period (28 months)"):
		for district in (None, NORTH):
			summary = _report("Contact Statistics", data.users, period=period, district=district)[
				"report_summary"
			]
			recount = _report("Contact Statistics", data.users, True, period, district)["report_summary"]
			kept_n = {s["label"]: s["value"] for s in summary}["Consultations"]
			counted_n = {s["label"]: s["value"] for s in recount}["Consultations"]
			assert kept_n == counted_n + 4700, (period, district)
	# a period starting inside March counts March's part itself
	summary = _report("Contact Statistics", data.users, period="starts and ends inside a month")[
		"report_summary"
	]
	assert {s["label"]: s["value"] for s in summary}["Consultations"] < 4700


def test_a_process_decodes_each_computed_row_once(data, monkeypatch):
	"""The figures of a row are decoded once per process; a row computed again is decoded again."""
	_refresh()
	figures._decoded.clear()
	decoded = []
	put = figures._decoded.put
	monkeypatch.setattr(figures._decoded, "put", lambda key, text: decoded.append(key[1]) or put(key, text))
	first = _report("Contact Statistics", data.users, period="quarter")
	assert len(decoded) == 3  # the quarter's three months of project X
	assert _report("Contact Statistics", data.users, period="quarter") == first
	assert len(decoded) == 3
	figures.invalidate(["Contact Statistics"], [PROJECT_X], [month_ordinal(date(2025, 2, 1))])
	_refresh()
	assert _report("Contact Statistics", data.users, period="quarter") == first
	assert decoded[3:] == [figures.row_name("Contact Statistics", PROJECT_X, month_ordinal(date(2025, 2, 1)))]


def test_contact_statistics_derives_its_rows_once_per_kept_row_and_hands_out_copies(data, monkeypatch):
	"""Contact Statistics builds the rows and sums of a kept month once per process (figures.derived); every
	run hands out copies, so a row changed by whoever got it (Frappe's runner adds custom columns) changes
	neither the next run nor the rows kept; a month computed again is derived again."""
	from gwk_app.reports.report.contact_statistics import contact_statistics

	_refresh()
	figures._decoded.clear()
	made = []
	rows = contact_statistics._rows
	monkeypatch.setattr(
		contact_statistics, "_rows", lambda p, imported, part: made.append(p) or rows(p, imported, part)
	)
	first = _report("Contact Statistics", data.users, period="quarter")
	assert first["result"] and len(made) == 3  # the quarter's three months of project X
	for row in first["result"]:
		row["project"] = "changed by a caller"
		row["custom"] = 1
	again = _report("Contact Statistics", data.users, period="quarter")
	assert len(made) == 3
	assert again == _report("Contact Statistics", data.users, recount=True, period="quarter")
	assert len(made) == 4  # the recount's part of the quarter is counted, so derived anew
	assert {r["project"] for r in again["result"]} == {PROJECT_X}
	assert not any("custom" in r for r in again["result"])
	# the derived rows weigh in the bound of what a process keeps
	assert figures._decoded.size == sum(p.size for p in figures._decoded.parts.values())
	assert all(p.size > p.json_size for p in figures._decoded.parts.values() if p.memo)
	figures.invalidate(["Contact Statistics"], [PROJECT_X], [month_ordinal(date(2025, 2, 1))])
	_refresh()
	assert _report("Contact Statistics", data.users, period="quarter") == again
	assert made[4:] == [PROJECT_X]  # February only


def test_a_process_keeps_what_it_decoded_within_its_bound(monkeypatch):
	"""The least recently used parts go once the kept JSON and its derived views pass the bound."""
	kept = figures._Decoded()
	monkeypatch.setattr(figures, "_decoded", kept)
	monkeypatch.setattr(kept, "LIMIT", 150)
	a = kept.put("a", json.dumps({"rows": [[1, 2, 3]] * 4}))  # 54 bytes
	kept.put("b", json.dumps({"rows": [[4, 5, 6]] * 4}))
	assert kept.get("a") is a  # a is now the most recently used
	assert figures.derived(a, "sum", lambda part: len(part["rows"]), weight=0) == 4
	assert kept.size == 108 and list(kept.parts) == ["b", "a"]  # a few sums weigh nothing
	assert figures.derived(a, "view", lambda part: [*part["rows"]]) == [[1, 2, 3]] * 4
	assert figures.derived(a, "view", lambda part: []) == [[1, 2, 3]] * 4  # kept, not made again
	assert kept.size == 108 and list(kept.parts) == ["a"]  # a weighs 108 now: b had to go
	assert figures.derived({"rows": []}, "view", lambda part: "counted") == "counted"  # not a kept part


def test_people_are_counted_once_per_period(data):
	"""r1 comes in March, June and December 2025 and January 2026: once in the year, once in the funding
	period per year (2025 and 2026), once in the Carrier Overview over the whole period."""
	_refresh()
	for period, named in (
		("year", 4),
		("quarter", 2),
		("second quarter", 3),
		("funding period (28 months)", 4 + 1),
	):
		rows = _report("Participants vs Plan", data.users, period=period)["result"]
		assert sum(r["named"] for r in rows if r["project"] == PROJECT_X) == named, period
	overview = _report("Carrier Overview", data.users, period="funding period (28 months)")["result"]
	x = next(r for r in overview if r.get("project") == PROJECT_X)
	counted = _report("Carrier Overview", data.users, True, "funding period (28 months)")["result"]
	assert x == next(r for r in counted if r.get("project") == PROJECT_X)


# a period starting and ending inside a month: head 5-31 March, whole months April and May, tail 1-17 June;
# resident -> (contact dates and districts, counted in the period overall, counted in the north only)
PARTIAL = ("2025-03-05", "2025-06-17")
PARTIAL_PEOPLE = {
	"before the start, then a whole month": ((("2025-03-02", "N"), ("2025-04-10", "N")), 1, 1),
	"before the start and in the head": (
		(("2025-03-02", "N"), ("2025-03-10", "N"), ("2025-04-10", "N")),
		1,
		1,
	),
	"before the start only": ((("2025-03-02", "N"),), 0, 0),
	"before the start, then the tail": ((("2025-03-02", "N"), ("2025-06-10", "N")), 1, 1),
	"head and tail": ((("2025-03-10", "N"), ("2025-06-10", "N")), 1, 1),
	"before, two whole months, tail": ((("2025-03-02", "N"), ("2025-05-05", "N"), ("2025-06-05", "N")), 1, 1),
	"north before the start, south later": (
		(("2025-02-10", "N"), ("2025-03-02", "N"), ("2025-04-10", "S")),
		1,
		0,
	),
	"after the end only": ((("2025-06-20", "N"),), 0, 0),
}


def test_a_period_inside_months_counts_only_its_partial_months_and_every_person_once(data, monkeypatch):
	"""People reports for 5 March to 17 June read April and May from the kept figures and count only
	March's and June's days: a person whose March contacts all lie before the 5th is new in the period."""
	frappe.set_user("Administrator")
	before = {
		district: _report(
			"Participants vs Plan", data.users, period="starts and ends inside a month", district=district
		)
		for district in (None, NORTH)
	}
	for key, (visits, _overall, _north) in PARTIAL_PEOPLE.items():
		resident = frappe.get_doc(
			{"doctype": "Resident", "project": PROJECT_X, "first_name": "Teilmonat", "last_name": key[:40],
			"birth_year": 1975, "gender": "Male", "district": NORTH}
		).insert()  # fmt: skip
		for day, where in visits:
			_consultation(
				anonymous=0, resident=resident.name, consultation_date=day, age_group=None,
				district=NORTH if where == "N" else SOUTH,
			)  # fmt: skip
	_refresh()
	assert not _stale_keys()
	counted_over = []
	people = figures.people

	def spy(projects, start, end, *args, **kwargs):
		counted_over.append((str(start), str(end)))
		return people(projects, start, end, *args, **kwargs)

	monkeypatch.setattr(figures, "people", spy)
	for district, column in ((None, 1), (NORTH, 2)):
		new = sum(v[column] for v in PARTIAL_PEOPLE.values())
		for report in ("Participants vs Plan", "Carrier Overview"):
			counted_over.clear()
			kept = _report(report, data.users, period="starts and ends inside a month", district=district)
			# the people of March and June only are counted; April and May are read
			assert counted_over and all(s[:7] == e[:7] for s, e in counted_over), counted_over
			assert {s[:7] for s, _e in counted_over} <= {"2025-03", "2025-06"}
			assert kept == _report(report, data.users, True, "starts and ends inside a month", district), (
				report,
				district,
			)
		named = sum(r["named"] for r in kept_rows(data, district) if r["project"] == PROJECT_X)
		assert named == sum(r["named"] for r in before[district]["result"] if r["project"] == PROJECT_X) + new


def kept_rows(data, district):
	return _report(
		"Participants vs Plan", data.users, period="starts and ends inside a month", district=district
	)["result"]


def _consultation(**values):
	return frappe.get_doc(
		{
			"doctype": "Consultation",
			"project": PROJECT_X,
			"consultation_date": "2025-07-01",
			"anonymous": 1,
			"age_group": "30-54",
			"gender": "Female",
			"channel": "Phone",
			"duration_minutes": 12,
			"district": NORTH,
			"topics": [{"topic": "Wohngeld"}],
			**values,
		}
	).insert()


def test_a_new_consultation_makes_its_month_and_district_stale(data):
	_refresh()
	_consultation()
	assert _stale_keys() == {
		(report, PROJECT_X, "2025-07", district)
		for report in ("Participants vs Plan", "Contact Statistics", "Carrier Overview")
		for district in ("", NORTH)
	}
	totals = {s["label"]: s["value"] for s in _report("Contact Statistics", data.users)["report_summary"]}
	assert totals["Consultations"] == 10
	_all_equal_a_recount(data.users, ["Contact Statistics", "Participants vs Plan"])
	assert _refresh() == 3
	assert not _stale_keys()
	_all_equal_a_recount(data.users)


def test_a_named_consultation_makes_the_later_months_of_people_reports_stale(data):
	_refresh()
	_consultation(anonymous=0, resident=data.residents["r1"], consultation_date="2025-05-02", age_group=None)
	stale = _stale_keys()
	assert ("Contact Statistics", PROJECT_X, "2025-05", NORTH) in stale
	assert ("Contact Statistics", PROJECT_X, "2025-06", NORTH) not in stale
	# r1's next month with contacts (June) now has May as its previous month
	assert ("Participants vs Plan", PROJECT_X, "2025-06", NORTH) in stale
	assert ("Carrier Overview", PROJECT_X, "2025-06", "") in stale
	_all_equal_a_recount(data.users, ["Participants vs Plan", "Carrier Overview"])
	_refresh()
	_all_equal_a_recount(data.users)
	assert figures.check(months=MONTHS, projects=[PROJECT_X]) == []


def test_edits_moves_between_months_and_districts_and_deletion(data):
	_refresh()
	name = frappe.get_all(
		"Consultation", filters={"project": PROJECT_X, "consultation_date": "2025-06-24"}, pluck="name"
	)[0]
	doc = frappe.get_doc("Consultation", name)
	doc.channel = "Office Hours"  # an edit in place
	doc.save()
	assert ("Contact Statistics", PROJECT_X, "2025-06", NORTH) in _stale_keys()
	_refresh()
	_all_equal_a_recount(data.users, ["Contact Statistics"])
	doc.reload()
	doc.consultation_date = "2024-12-24"  # to another month and year
	doc.save()
	stale = _stale_keys()
	assert ("Contact Statistics", PROJECT_X, "2024-12", NORTH) in stale
	assert ("Contact Statistics", PROJECT_X, "2025-06", NORTH) in stale
	_all_equal_a_recount(data.users, ["Contact Statistics", "Participants vs Plan", "Carrier Overview"])
	_refresh()
	_all_equal_a_recount(data.users, ["Contact Statistics", "Participants vs Plan", "Carrier Overview"])
	doc.reload()
	doc.district = SOUTH  # to another district
	doc.save()
	stale = _stale_keys()
	assert {("Contact Statistics", PROJECT_X, "2024-12", d) for d in ("", NORTH, SOUTH)} <= stale
	_refresh()
	_all_equal_a_recount(data.users, ["Contact Statistics", "Participants vs Plan", "Carrier Overview"])
	# a resident's consultation moved to another month and district
	named = frappe.get_all(
		"Consultation", filters={"project": PROJECT_X, "consultation_date": "2025-03-11"}, pluck="name"
	)[0]
	doc = frappe.get_doc("Consultation", named)
	doc.consultation_date = "2025-09-09"
	doc.district = SOUTH
	doc.save()
	_all_equal_a_recount(data.users, ["Participants vs Plan", "Carrier Overview"])
	_refresh()
	_all_equal_a_recount(data.users, ["Participants vs Plan", "Carrier Overview"])
	frappe.delete_doc("Consultation", name)
	frappe.delete_doc("Consultation", named)
	assert ("Contact Statistics", PROJECT_X, "2024-12", SOUTH) in _stale_keys()
	_refresh()
	_all_equal_a_recount(data.users)
	assert figures.check(months=MONTHS, projects=[PROJECT_X]) == []


def test_an_open_case_is_stale_in_every_month_until_today(data):
	_refresh()
	resident = data.residents["r1"]
	frappe.get_doc(
		{
			"doctype": "Case",
			"project": PROJECT_X,
			"title": "Offener Fall über Monate",
			"case_type": "Counselling",
			"status": "Open",
			"resident": resident,
			"opened_on": "2025-05-01",
			"district": SOUTH,
		}
	).insert()
	stale = _stale_keys()
	assert ("Case Overview", PROJECT_X, "2025-05", SOUTH) in stale
	assert ("Case Overview", PROJECT_X, "2026-01", "") in stale
	summary = _report("Case Overview", data.users)["report_summary"]
	assert {s["label"]: s["value"] for s in summary}["Open at End of Period"] == 2
	_refresh()
	_all_equal_a_recount(data.users, ["Case Overview", "Carrier Overview"])
	case = frappe.get_doc("Case", {"title": "Offener Fall über Monate"})
	case.status = "Closed"
	case.closed_on = "2025-09-30"
	case.save()
	assert ("Case Overview", PROJECT_X, "2025-12", "") in _stale_keys()
	_refresh()
	_all_equal_a_recount(data.users, ["Case Overview", "Carrier Overview"])
	summary = _report("Case Overview", data.users)["report_summary"]
	assert {s["label"]: s["value"] for s in summary}["Open at End of Period"] == 1


def test_referral_change(data):
	_refresh()
	name = frappe.get_all("Referral", filters={"project": PROJECT_X, "status": "Referred"}, pluck="name")[0]
	doc = frappe.get_doc("Referral", name)
	doc.status = "Not Taken Up"
	doc.save()
	assert _stale_keys() == {
		(r, PROJECT_X, "2025-06", d) for r in ("Referral Outcomes", "Carrier Overview") for d in ("", SOUTH)
	}
	_refresh()
	rows = _report("Referral Outcomes", data.users)["result"]
	assert sum(r["not_taken_up"] for r in rows) == 1
	_all_equal_a_recount(data.users, ["Referral Outcomes", "Carrier Overview"])


def test_a_resident_moving_district_moves_their_figures(data):
	_refresh()
	doc = frappe.get_doc("Resident", data.residents["r2"])
	doc.notes = "Rückruf erbeten"
	doc.save()
	assert not _stale_keys()
	doc.district = SOUTH
	doc.gender = "Female"
	doc.save()
	stale = _stale_keys()
	assert ("Participants vs Plan", PROJECT_X, "2025-03", NORTH) in stale
	assert ("Referral Outcomes", PROJECT_X, "2025-03", SOUTH) in stale
	assert ("Referral Outcomes", PROJECT_X, "2025-03", NORTH) in stale
	_all_equal_a_recount(data.users, ["Participants vs Plan", "Carrier Overview", "Referral Outcomes"])
	_refresh()
	_all_equal_a_recount(data.users, ["Participants vs Plan", "Carrier Overview", "Referral Outcomes"])


def test_erasure(data):
	from gwk_app.privacy.erasure import erase

	_refresh()
	erase(data.residents["r1"])
	stale = _stale_keys()
	for month in ("2025-03", "2025-06", "2025-12", "2026-01"):
		assert ("Participants vs Plan", PROJECT_X, month, "") in stale
		assert ("Carrier Overview", PROJECT_X, month, NORTH) in stale
	_all_equal_a_recount(data.users, ["Participants vs Plan", "Carrier Overview", "Referral Outcomes"])
	_refresh()
	_all_equal_a_recount(data.users)
	assert figures.check(months=MONTHS, projects=[PROJECT_X]) == []


def _visit(day):
	return frappe.get_doc(
		{"doctype": "Office Hours Visit", "project": PROJECT_X, "visit_date": day, "status": "Waiting"}
	).insert()


def test_appointments_and_visits(data):
	_refresh()
	_visit("2025-06-10")
	assert ("Appointment Figures", PROJECT_X, "2025-06", "") in _stale_keys()
	_all_equal_a_recount(data.users, ["Appointment Figures"])
	_refresh()
	_all_equal_a_recount(data.users, ["Appointment Figures"])


def test_renaming_a_district_makes_every_row_stale(data):
	_refresh()
	frappe.get_doc(
		{"doctype": "District", "district_name": "Figurenbezirk Alt", "city": "Teststadt"}
	).insert()
	frappe.rename_doc("District", "Figurenbezirk Alt", "Figurenbezirk Neu")
	t = frappe.qb.DocType(figures.DOCTYPE)
	fresh = frappe.qb.from_(t).select(t.name).where(t.version == t.fresh_version).limit(1).run()
	assert not fresh


def test_a_change_while_computing_leaves_the_row_stale(data, monkeypatch):
	_refresh()
	_consultation(consultation_date="2025-08-01")
	compute = figures.compute
	month = month_ordinal(date(2025, 8, 1))

	def compute_while_another_change_lands(report, project, m):
		result = compute(report, project, m)
		figures.invalidate([report], [project], [m], ["", NORTH])
		return result

	monkeypatch.setattr(figures, "compute", compute_while_another_change_lands)
	figures.refresh(commit=False, projects=[PROJECT_X], months=[month])
	assert ("Contact Statistics", PROJECT_X, "2025-08", NORTH) in _stale_keys()
	monkeypatch.setattr(figures, "compute", compute)
	_refresh()
	assert not _stale_keys()


def test_no_kept_figures_after_this_month(data):
	_refresh()
	this_month = month_ordinal(date.today())
	figures.invalidate(["Contact Statistics"], [PROJECT_X], [this_month + 1, this_month + 2])
	assert not [k for k in _stale_keys() if k[2] > date.today().isoformat()[:7]]


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


def _row(report, month, district=""):
	name = figures.row_name(report, PROJECT_X, month, district)
	return frappe.db.get_value(
		figures.DOCTYPE, name, ["version", "fresh_version", "modified", "stale_since"], as_dict=True
	)


def _age(month, seconds, report=None, last_change=True):
	"""Move the first change not taken in of project X's rows of a month (of one report or all) back by
	`seconds`, and their last change too (`last_change`)."""
	t = frappe.qb.DocType(figures.DOCTYPE)
	cond = (t.project == PROJECT_X) & (t.month == figures.month_first(month))
	if report:
		cond &= t.report == report
	back = frappe.utils.add_to_date
	for name, modified, stale_since in (
		frappe.qb.from_(t).select(t.name, t.modified, t.stale_since).where(cond).run()
	):
		(
			frappe.qb.update(t)
			.set(t.modified, back(modified, seconds=-seconds) if last_change else modified)
			.set(t.stale_since, stale_since and back(stale_since, seconds=-seconds))
			.where(t.name == name)
			.run()
		)


def test_the_job_computes_a_month_once_its_changes_pause(data):
	_refresh()
	month = month_ordinal(date(2025, 8, 1))
	all_districts = figures.districts()

	def job_pass():
		return figures._refresh_pass(False, [PROJECT_X], [month], all_districts, quiet=figures.QUIET)

	_consultation(consultation_date="2025-08-04")
	first = _row("Contact Statistics", month)
	assert first.version != first.fresh_version and first.stale_since == first.modified
	# changed just now: the job leaves the month waiting and says when it is due; the report counts it
	done, wait = job_pass()
	assert done == 0 and 0 < wait <= figures.QUIET
	assert ("Contact Statistics", PROJECT_X, "2025-08", "") in _stale_keys()
	_all_equal_a_recount(data.users, ["Contact Statistics"])
	# another change: the first change not taken in stays recorded
	_age(month, 5, "Contact Statistics")
	before = _row("Contact Statistics", month)
	_consultation(consultation_date="2025-08-05")
	again = _row("Contact Statistics", month)
	assert again.version == before.version + 1 and again.stale_since == before.stale_since
	assert again.modified > before.modified
	assert job_pass()[0] == 0
	# changes that never pause: computed LONGEST after the first one not taken in
	_age(month, figures.LONGEST, "Contact Statistics", last_change=False)
	assert job_pass()[0] == 1
	assert not [k for k in _stale_keys() if k[:3] == ("Contact Statistics", PROJECT_X, "2025-08")]
	# the people reports' rows waited for their own quiet moment; aged past it, they are computed
	_age(month, figures.QUIET + 1)
	assert job_pass() == (2, None)
	assert not [k for k in _stale_keys() if k[1:3] == (PROJECT_X, "2025-08")]
	assert figures.check(months=[month], projects=[PROJECT_X]) == []
	_all_equal_a_recount(data.users, ["Contact Statistics", "Participants vs Plan", "Carrier Overview"])
	# without a quiet period (bench command, tests) nothing waits
	_consultation(consultation_date="2025-08-06")
	assert _refresh() >= 3 and not _stale_keys()
