"""Imported tallies of anonymous contacts: a year that is half tallies (January to June, imported through
Data Import as staff of project A) and half records (July to December) gives, in Contact Statistics,
Participants vs Plan, the Carrier Overview and the funder report, the figures computed here; the kept
figures go stale with the import and equal a recount once refreshed; a month cannot come in twice."""

import json
from datetime import date

import frappe
import pytest

from gwk_app.imports import templates
from gwk_app.reports import figures
from gwk_app.reports.funder import funder_report_context
from gwk_app.reports.report.carrier_overview.carrier_overview import raw_figures
from gwk_app.reports.report.contact_statistics import contact_statistics
from gwk_app.reports.report.participants_vs_plan import participants_vs_plan
from gwk_app.rules.reports import month_first, month_ordinal
from tests.integration import imports
from tests.integration.world import DISTRICT_A, PROJECT_A

YEAR = date.today().year - 1
REPORTS = ("Participants vs Plan", "Contact Statistics", "Carrier Overview")
# (topic, channel as shown, gender as shown, age group as shown, stored age group, contacts + month)
LINES = (
	("Alltagsfragen", "Sprechzeiten", "Weiblich", "30–54", "30-54", 10),
	("Wohnen", "Aufsuchende Arbeit", "Keine Angabe", "Unbekannt", "Unknown", 3),
)


FIRST_HALF = range(1, 7)


def tally_rows(months=FIRST_HALF):
	header = templates.headers("strichlisten")
	rows = [header]
	for m in months:
		for i, (topic, channel, gender, shown_age, _age, n) in enumerate(LINES):
			parent = [PROJECT_A, f"15.{m:02d}.{YEAR}", "Strichliste Test"] if i == 0 else ["", "", ""]
			rows.append([*parent, topic, channel, DISTRICT_A, gender, shown_age, str(n + m)])
	return rows


TALLY_SUM = sum(n + m for m in range(1, 7) for *_rest, n in LINES)
TALLY_IN_TARGET_AGE = sum(10 + m for m in range(1, 7))  # the 30-54 lines; "Unknown" is not in 18-65


def _reports(user):
	frappe.set_user(user)
	frappe.local.lang = "de"
	filters = {"project": PROJECT_A, "year": YEAR}
	_cols, rows, _m, _chart, summary = contact_statistics.execute(filters)
	stats = {s["label"]: s["value"] for s in summary}
	imported_rows = [r for r in rows if r.get("imported")]
	plan = participants_vs_plan.get_data(frappe._dict(filters))[0]
	carrier = raw_figures([PROJECT_A], date(YEAR, 1, 1), date(YEAR, 12, 31))[PROJECT_A]
	funder = dict(funder_report_context(PROJECT_A, YEAR)["key_figures"])
	frappe.set_user("Administrator")
	return frappe._dict(stats=stats, imported_rows=imported_rows, plan=plan, carrier=carrier, funder=funder)


@pytest.fixture
def committed(world):
	c = imports.Committed()
	yield c
	c.clean()
	year = range(month_ordinal(date(YEAR, 1, 1)), month_ordinal(date(YEAR, 12, 1)) + 1)
	figures.invalidate(REPORTS, [PROJECT_A], year, figures.districts())
	frappe.db.commit()  # nosemgrep


def test_year_half_tallies_half_records(world, committed):
	frappe.flags.gwk_recount = True
	before = _reports(world.users.staff_a)
	frappe.flags.gwk_recount = False

	result = imports.desk_import("Contact Tally", imports.write_csv(tally_rows()), world.users.staff_a)
	assert result.status == "Success", imports.messages(result)
	assert (
		frappe.db.count(
			"Contact Tally",
			{"project": PROJECT_A, "month": ("between", [date(YEAR, 1, 1), date(YEAR, 6, 30)])},
		)
		== 6
	)
	resident = frappe.get_doc(
		{
			"doctype": "Resident",
			"project": PROJECT_A,
			"first_name": "Tilda",
			"last_name": "Strich",
			"birth_year": 1980,
			"district": DISTRICT_A,
		}
	).insert(ignore_permissions=True)
	for m in range(7, 13):
		common = {
			"doctype": "Consultation",
			"project": PROJECT_A,
			"consultation_date": date(YEAR, m, 10),
			"district": DISTRICT_A,
			"duration_minutes": 30,
		}
		frappe.get_doc({**common, "anonymous": 1, "age_group": "18-29", "channel": "Office Hours"}).insert(
			ignore_permissions=True
		)
		frappe.get_doc({**common, "anonymous": 0, "resident": resident.name, "channel": "Phone"}).insert(
			ignore_permissions=True
		)
	frappe.db.commit()  # nosemgrep
	records, anonymous_records = 12, 6

	# the kept figures of A's months went stale with the import and the records
	t = frappe.qb.DocType(figures.DOCTYPE)
	rows = (
		frappe.qb.from_(t)
		.select(t.report, t.version, t.fresh_version)
		.where((t.project == PROJECT_A) & (t.month >= date(YEAR, 1, 1)) & (t.month <= date(YEAR, 12, 1)))
		.run(as_dict=True)
	)
	assert {r.report for r in rows if r.version != r.fresh_version} >= set(REPORTS)
	months = range(month_ordinal(date(YEAR, 1, 1)), month_ordinal(date(YEAR, 12, 1)) + 1)

	frappe.flags.gwk_recount = True
	counted = _reports(world.users.staff_a)
	frappe.flags.gwk_recount = False
	figures.refresh(commit=False, projects=[PROJECT_A], months=months)
	assert figures.check(months=months, projects=[PROJECT_A]) == []
	stale = (
		frappe.qb.from_(t)
		.select(t.name)
		.where((t.project == PROJECT_A) & t.month.isin([month_first(m) for m in months]))
		.where(t.version != t.fresh_version)
		.run()
	)
	assert not stale
	kept = _reports(world.users.staff_a)
	assert json.dumps(kept, default=str, sort_keys=True) == json.dumps(counted, default=str, sort_keys=True)

	for got in (counted, kept):
		s, b = got.stats, before.stats
		assert s["Beratungskontakte"] == b["Beratungskontakte"] + records + TALLY_SUM
		assert s["Anonyme Kontakte"] == b["Anonyme Kontakte"] + anonymous_records + TALLY_SUM
		assert s["Übernommene Kontakte"] == b["Übernommene Kontakte"] + TALLY_SUM
		# shown as imported: a row per month × topic × channel × district of the tallies
		mine = [r for r in got.imported_rows if r["month"] <= f"{YEAR}-06"]
		assert len(mine) == 12
		assert sum(r["consultations"] for r in mine) == TALLY_SUM
		assert {(r["month"], r["topic"], r["channel"]) for r in mine} == {
			(f"{YEAR}-{m:02d}", topic, channel)
			for m in range(1, 7)
			for topic, channel in (("Alltagsfragen", "Office Hours"), ("Wohnen", "Outreach"))
		}
		p, pb = got.plan, before.plan
		assert p.anonymous == pb.anonymous + anonymous_records + TALLY_SUM
		assert p.imported == pb.imported + TALLY_SUM
		assert p.named == pb.named + 1
		assert p.total == pb.total + 1 + anonymous_records + TALLY_SUM
		assert p.in_districts == pb.in_districts + 1 + anonymous_records + TALLY_SUM
		assert p.in_target_age == pb.in_target_age + 1 + anonymous_records + TALLY_IN_TARGET_AGE
		c, cb = got.carrier, before.carrier
		assert c["consultations"] == cb["consultations"] + records + TALLY_SUM
		assert c["anonymous"] == cb["anonymous"] + anonymous_records + TALLY_SUM
		assert c["imported"] == cb["imported"] + TALLY_SUM
		f, fb = got.funder, before.funder
		assert f["Übernommene Kontakte"] == fb["Übernommene Kontakte"] + TALLY_SUM
		assert f["Anonyme Kontakte"] == fb["Anonyme Kontakte"] + anonymous_records + TALLY_SUM
		assert f["Beratungskontakte"] == fb["Beratungskontakte"] + records + TALLY_SUM

	# deleting a tally makes its month stale again
	frappe.get_doc("Contact Tally", {"project": PROJECT_A, "month": date(YEAR, 1, 1)}).delete(
		ignore_permissions=True
	)
	january = figures.row_name("Contact Statistics", PROJECT_A, month_ordinal(date(YEAR, 1, 1)))
	row = frappe.db.get_value(figures.DOCTYPE, january, ["version", "fresh_version"], as_dict=True)
	assert row.version != row.fresh_version


def test_second_import_of_a_month_is_refused(world, committed):
	first = imports.desk_import(
		"Contact Tally", imports.write_csv(tally_rows(range(1, 3))), world.users.staff_a
	)
	assert first.status == "Success", imports.messages(first)
	before = frappe.db.count("Contact Tally Count")
	again = tally_rows(range(2, 4))  # February again, March new
	second = imports.desk_import("Contact Tally", imports.write_csv(again), world.users.staff_a)
	texts = imports.messages(second)
	assert second.status == "Partial Success"
	assert [log.success for log in second.logs] == [0, 1]
	feb = frappe.db.get_value("Contact Tally", {"project": PROJECT_A, "month": date(YEAR, 2, 1)})
	assert texts == [
		f"Zeile 2, Spalte „Monat“: Die Strichliste des Projekts {PROJECT_A} für 02/{YEAR} ist bereits übernommen ({feb})."
	]
	assert frappe.db.count("Contact Tally Count") == before + 2
	assert frappe.db.count("Contact Tally", {"project": PROJECT_A, "month": date(YEAR, 2, 1)}) == 1
	# the controller and the unique key hold the rule for every other path
	with pytest.raises(frappe.DuplicateEntryError):
		frappe.get_doc(
			{
				"doctype": "Contact Tally",
				"project": PROJECT_A,
				"month": date(YEAR, 2, 20),
				"counts": [{"channel": "Phone", "contacts": 1}],
			}
		).insert(ignore_permissions=True)


def test_tallies_are_project_bound(world, committed):
	first = imports.desk_import(
		"Contact Tally", imports.write_csv(tally_rows(range(4, 5))), world.users.staff_a
	)
	assert first.status == "Success"
	name = first.logs[0].docname
	frappe.set_user(world.users.staff_b)
	assert not frappe.has_permission("Contact Tally", "read", name)
	assert name not in frappe.get_list("Contact Tally", pluck="name")
	frappe.set_user(world.users.staff_a)
	assert name in frappe.get_list("Contact Tally", pluck="name")
