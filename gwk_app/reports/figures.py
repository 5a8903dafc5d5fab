"""Report figures per project and year, kept so the carrier-wide reports need not count a year's
records on every run.

The five reports that count the large tables (Participants vs Plan, Contact Statistics, Case
Overview, Referral Outcomes, Carrier Overview) follow one contract: their module defines
`collect(projects, start, end, *filters) -> {project: JSON-able figures}` (grouped queries) and
`present(parts, projects, ...)` (rows, chart and summary from those parts only), and gets the parts
through `parts(report, projects, start, end, *filters)`. For a whole calendar year without further
filters those are read from `GWK Report Figures` (one row per report, project and year, aggregates
only) instead of counting the records again.

This module alone owns which changes make which rows stale: SOURCES (records counted), RESIDENT_FIELDS
(resident attributes judged), MASTERS (names shown). hooks.py lists the resulting doc events as literal
data; tests/integration/test_report_figures.py checks that they equal `doc_events()`.

Never stale: every change to a counted record raises the row's `version` in the same transaction
(`invalidate`, from the doc events in hooks.py); a row is used only while its `fresh_version` (the
version its figures were computed at) equals `version`. Otherwise the report counts the records
itself, as it does for any other period or filter, and a background job (`refresh`, deduplicated,
also hourly) recomputes what is stale or missing, one row per short transaction. A row is computed
from one consistent read (the version and the records in the same snapshot), so a change that lands
while it is computed leaves the row stale rather than wrong.
"""

import hashlib
import json
from contextlib import contextmanager
from datetime import date

import frappe
from frappe.utils import cint, getdate, now_datetime
from pypika.terms import Values

from gwk_app.rules.reports import whole_year as calendar_year

DOCTYPE = "GWK Report Figures"
JOB_ID = "gwk-report-figures"

# report -> its module (collect / present)
REPORTS = {
	"Participants vs Plan": "gwk_app.reports.report.participants_vs_plan.participants_vs_plan",
	"Contact Statistics": "gwk_app.reports.report.contact_statistics.contact_statistics",
	"Case Overview": "gwk_app.reports.report.case_overview.case_overview",
	"Referral Outcomes": "gwk_app.reports.report.referral_outcomes.referral_outcomes",
	"Carrier Overview": "gwk_app.reports.report.carrier_overview.carrier_overview",
}
# which reports count which doctype (and through which date fields its years are found)
SOURCES = {
	"Consultation": (
		("Participants vs Plan", "Contact Statistics", "Carrier Overview"),
		("consultation_date",),
	),
	"Case": (("Case Overview", "Carrier Overview"), ("opened_on", "closed_on")),
	"Referral": (("Referral Outcomes", "Carrier Overview"), ("referred_on",)),
	"Contact Tally": (("Participants vs Plan", "Contact Statistics", "Carrier Overview"), ("month",)),
}
# resident fields the participant figures are judged by (gender, target age, district)
RESIDENT_FIELDS = ("gender", "birth_year", "age_group", "district")
RESIDENT_REPORTS = ("Participants vs Plan", "Carrier Overview")
# master data whose names the figures hold: a rename makes every row stale
MASTERS = ("Community Project", "District", "Topic", "Referral Partner")
HANDLERS = "gwk_app.reports.figures."


def doc_events() -> dict[str, dict[str, str]]:
	"""The doc events that keep the figures from going stale unnoticed (hooks.py holds them literally)."""
	events = {doctype: {"on_update": HANDLERS + "on_record_change", "on_trash": HANDLERS + "on_record_change"}
		for doctype in SOURCES}  # fmt: skip
	events["Resident"] = {"on_update": HANDLERS + "on_resident_change"}
	events.update({doctype: {"after_rename": HANDLERS + "on_master_rename"} for doctype in MASTERS})
	return events


# privacy calls this after an erasure changed a resident outside a save (privacy imports no module)
AFTER_ERASURE = [HANDLERS + "on_residents_erased"]


def row_name(report: str, project: str, year: int) -> str:
	return hashlib.sha1(f"{report}\n{project}\n{int(year)}".encode()).hexdigest()


def whole_year(start, end) -> int | None:
	return calendar_year(getdate(start), getdate(end))


# ---------------------------------------------------------------- reading


def cached(report: str, projects: list[str], start, end) -> dict | None:
	"""{project: figures} for a whole year when every project's row is fresh; else None (the report
	then counts the records itself) and the background job is asked to bring the rows up to date.
	Inside `recounting()` every report counts the records (tests, benchmarks, support)."""
	year = whole_year(start, end)
	if year is None or not projects or year > getdate().year or frappe.flags.gwk_recount:
		return None
	t = frappe.qb.DocType(DOCTYPE)
	rows = (
		frappe.qb.from_(t)
		.select(t.project, t.version, t.fresh_version, t.figures)
		.where((t.report == report) & (t.year == year) & t.project.isin(projects))
		.run(as_dict=True)
	)
	fresh = {r.project: r.figures for r in rows if r.version == r.fresh_version and r.figures}
	if len(fresh) < len(set(projects)):
		enqueue_refresh()
		return None
	return {p: json.loads(fresh[p]) for p in projects}


@contextmanager
def recounting(recount: bool = True):
	"""While inside, every report counts its records instead of reading kept figures."""
	before = frappe.flags.gwk_recount
	frappe.flags.gwk_recount = recount
	try:
		yield
	finally:
		frappe.flags.gwk_recount = before


def _collect(report: str):
	return frappe.get_module(REPORTS[report]).collect


def parts(report: str, projects: list[str], start, end, *filters) -> dict:
	"""{project: figures} of a report: the kept ones when the period is one whole year, no further filter
	(district, partner) is set and every row is fresh, else its `collect(projects, start, end, *filters)`."""
	kept = None if any(filters) else cached(report, projects, start, end)
	return kept if kept is not None else _collect(report)(projects, start, end, *filters)


# ---------------------------------------------------------------- invalidation (doc events)


def invalidate(reports, projects, years) -> None:
	"""Mark the rows of these reports, projects and years as stale (inside the caller's transaction)."""
	_invalidate({(r, p, y) for r in reports for p in projects for y in years})


def _invalidate(keys) -> None:
	"""Mark the rows (report, project, year) as stale: one statement."""
	keys = sorted({(r, p, int(y)) for r, p, y in keys if p and y})
	if not keys:
		return
	t = frappe.qb.DocType(DOCTYPE)
	now = now_datetime()
	query = frappe.qb.into(t).columns(
		t.name, t.report, t.project, t.year, t.version, t.fresh_version, t.creation, t.modified,
		t.owner, t.modified_by,
	)  # fmt: skip
	for report, project, year in keys:
		query = query.insert(
			row_name(report, project, year), report, project, year, 1, 0, now, now, "Administrator",
			"Administrator",
		)  # fmt: skip
	query.on_duplicate_key_update(t.version, t.version + 1).on_duplicate_key_update(t.modified, now).run()
	enqueue_refresh()


def on_record_change(doc, method=None):
	"""Consultation, Case, Referral: inserted, saved or deleted."""
	reports, fields = SOURCES[doc.doctype]
	versions = [d for d in (doc, doc.get_doc_before_save()) if d]
	years = {getdate(d.get(f)).year for d in versions for f in fields if d.get(f)}
	if doc.doctype == "Case" and years:
		# a case open before or after the change counts as open at the end of every year until today
		still_open = any(d.get("opened_on") and not d.get("closed_on") for d in versions)
		last = max([getdate().year, *years]) if still_open else max(years)
		years = set(range(min(years), last + 1))
	invalidate(reports, {d.get("project") for d in versions}, years)


def on_resident_change(doc, method=None):
	before = doc.get_doc_before_save()
	if before is None or all(doc.get(f) == before.get(f) for f in RESIDENT_FIELDS):
		return
	on_residents_erased([doc.name])


def on_residents_erased(residents: list[str]) -> None:
	"""The residents' attributes changed outside a save (erasure, retention): their years are stale.
	One query and one statement for all of them."""
	c = frappe.qb.DocType("Consultation")
	year = frappe.query_builder.functions.Extract("year", c.consultation_date)
	pairs = set()
	for start in range(0, len(residents), 1000):
		chunk = residents[start : start + 1000]
		query = frappe.qb.from_(c).select(c.project, year.as_("year")).distinct()
		pairs.update(query.where(c.resident.isin(chunk)).run())
	_invalidate({(report, project, y) for report in RESIDENT_REPORTS for project, y in pairs})


def on_master_rename(doc, method=None, *args, **kwargs):
	"""A district, topic, partner or project renamed: names inside the figures are outdated."""
	t = frappe.qb.DocType(DOCTYPE)
	frappe.qb.update(t).set(t.version, t.version + 1).run()


# ---------------------------------------------------------------- computing


def enqueue_refresh() -> None:
	frappe.enqueue(
		"gwk_app.reports.figures.refresh",
		queue="long",
		job_id=JOB_ID,
		deduplicate=True,
		enqueue_after_commit=True,
	)


def _data_years() -> range:
	"""From the first year with a counted record to this year."""
	firsts = [
		frappe.db.get_value(doctype, {fields[0]: ("is", "set")}, f"min({fields[0]})")
		for doctype, (_reports, fields) in SOURCES.items()
	]
	firsts = [getdate(d).year for d in firsts if d]
	this_year = getdate().year
	return range(min(firsts, default=this_year), this_year + 1)


def compute(report: str, project: str, year: int) -> dict:
	start, end = date(year, 1, 1), date(year, 12, 31)
	return _collect(report)([project], start, end)[project]


def refresh(commit: bool = True, projects=None, years=None, passes: int = 3) -> int:
	"""Compute every stale or missing row (background job, hourly, after bulk loads), optionally only
	for some projects and years. Each row in its own short transaction when `commit`, so staff saving
	records never wait on the job; changes that land while it runs (the job is not queued again while it
	runs) are picked up by a further pass. Returns the number of rows computed."""
	projects = projects or frappe.get_all("Community Project", pluck="name", order_by="name asc")
	done = 0
	for _pass in range(passes):
		computed = _refresh_pass(commit, projects, list(years or _data_years()))
		done += computed
		if commit:
			frappe.db.commit()  # nosemgrep
		if not computed or not commit:
			break
	return done


def _refresh_pass(commit: bool, projects: list[str], years: list[int]) -> int:
	t = frappe.qb.DocType(DOCTYPE)
	done = 0
	for year in years:
		for report in REPORTS:
			rows = {
				r.project: r
				for r in frappe.qb.from_(t)
				.select(t.project, t.version, t.fresh_version)
				.where((t.report == report) & (t.year == year))
				.run(as_dict=True)
			}
			for project in projects:
				row = rows.get(project)
				if row and row.version == row.fresh_version:
					continue
				if commit:
					# background job / bench command: a fresh snapshot and a short transaction per row
					frappe.db.commit()  # nosemgrep
				_store(report, project, year)
				done += 1
	return done


def _store(report: str, project: str, year: int) -> None:
	"""Compute one row from one consistent read: the version is read first, the records after it."""
	t = frappe.qb.DocType(DOCTYPE)
	name = row_name(report, project, year)
	version = cint(frappe.db.get_value(DOCTYPE, name, "version"))
	figures = json.dumps(compute(report, project, year), separators=(",", ":"), default=str)
	now = now_datetime()
	(
		frappe.qb.into(t)
		.columns(
			t.name,
			t.report,
			t.project,
			t.year,
			t.version,
			t.fresh_version,
			t.figures,
			t.computed_on,
			t.creation,
			t.modified,
			t.owner,
			t.modified_by,
		)  # fmt: skip
		.insert(
			name,
			report,
			project,
			year,
			version,
			version,
			figures,
			now,
			now,
			now,
			"Administrator",
			"Administrator",
		)
		# a concurrent change raised the version meanwhile: keep it, so the row stays stale
		.on_duplicate_key_update(t.figures, Values(t.figures))
		.on_duplicate_key_update(t.fresh_version, Values(t.fresh_version))
		.on_duplicate_key_update(t.computed_on, Values(t.computed_on))
		.run()
	)


def rebuild() -> int:
	"""Throw every row away and compute them all (bench command `gwk-report-figures --rebuild`)."""
	frappe.db.delete(DOCTYPE)
	return refresh()


def check(years=None, projects=None) -> list[tuple]:
	"""(report, project, year) whose fresh row differs from a recount of the records (tests, support)."""
	projects = projects or frappe.get_all("Community Project", pluck="name", order_by="name asc")
	wrong = []
	for year in years or _data_years():
		for report in REPORTS:
			start, end = date(year, 1, 1), date(year, 12, 31)
			stored = cached(report, projects, start, end)
			if stored is None:
				continue
			recount = json.loads(json.dumps(_collect(report)(projects, start, end), default=str))
			wrong += [(report, p, year) for p in projects if stored[p] != recount[p]]
	return wrong
