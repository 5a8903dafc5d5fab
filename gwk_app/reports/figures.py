"""Report figures per project, month and district, kept so the reports need not count the large tables
for any period made of whole months, with or without a district.

The six reports that count the large tables (Participants vs Plan, Contact Statistics, Case Overview,
Referral Outcomes, Carrier Overview, Appointment Figures) follow one contract. Their module defines
- `FAMILIES` {family: number of key fields}: a part is {family: [[key..., value...], ...]}; parts of
  several months (or ranges) combine by adding the values of equal keys (`merge`), except the families
  in `STOCK` (a state at the end of the period, e.g. cases open at its end), taken from the latest part;
  those in `BY_MONTH` (optional) have the month as their first key (parts of other months never share a
  key; they are sorted month by month);
- `PEOPLE`: whether it counts people once per period (see below), and then `PERSON` (the resident fields
  its people groups carry) and `people_part(projects, groups)` -> {project: part} of such groups;
  `BY_DISTRICT`: whether it has a district filter;
- `collect(projects, start, end, district=None, *, history=False, by_district=False[, since=None])` ->
  {project: part} (with `by_district`: {project: {district or ALL: part}}), grouped queries over the
  records (`since`: people reports only, see below);
- `present(parts, projects, start, ...)`: rows, chart and summary from the parts only, adding up rows
  with equal keys (a period's parts are the months' rows joined, see `merge`).
It gets the parts through `parts(report, projects, start, end, district)`: every whole month of the
period (up to this month) from `GWK Report Figures` (one row per report, project, month and district,
ALL for every district; aggregates only) while the row is fresh; the months without a fresh row and the
part of a month where the period starts or ends are counted (`collect`) and combined with them. A report
whose families are all keyed by month may take them unjoined instead (`pieces`: a part per kept month) and
keep what it derives from a kept part once per process (`derived`).

People counted once per period stay exact: a "people" family holds, per month, the people with
contacts in the month grouped by the month of their previous contact (`rules.reports.NO_MONTH` for none;
in a district's figures: the previous contact in that district). A person counts for a period from
month A (or, per year, from the later of A and January) when that previous month lies before it
(`rules.reports.counted_since`): exactly once, at their first month with contacts in the period. A
period that starts on day s inside a month H counts only its partial months as well: the head (s to the
end of H) counts each of its people once; the whole months come from the kept figures, where a person
whose previous contact lies in H reads as already counted; those whose contacts in H all lie before s
were not, and `relabelled` (a small query over H's days before s, on the (resident, project, date) index)
moves exactly them to "no previous contact"; the tail (the last month up to the period's end) looks up
the previous contact from s on only (`since`).
A change to a person's contacts in month m changes the previous month of their next month with
contacts, so it makes the people reports' rows stale from m up to this month.

This module alone owns which changes make which rows stale: SOURCES (records counted), RESIDENT_FIELDS
(resident attributes judged), MASTERS (names shown). hooks.py lists the resulting doc events as literal
data; tests/integration/test_report_figures.py checks that they equal `doc_events()`.

Never behind: every change to a counted record raises the version of the affected rows in the same
transaction (`invalidate`, one upsert from the doc events), creating them when missing; a row is used
only while its `fresh_version` (the version its figures were computed at) equals `version`. A
background job (`refresh`, deduplicated, also hourly) recomputes what is stale or missing, one
(report, project, month) per short transaction, from one consistent read, so a change that lands while
it computes leaves the row stale rather than wrong.
"""

import hashlib
import json
import time
from contextlib import contextmanager

import frappe
from frappe.query_builder import CustomFunction
from frappe.query_builder.functions import Count, Extract, Max, Min
from frappe.utils import cint, getdate, now_datetime
from pypika.terms import ExistsCriterion, Values

from gwk_app.rules.common import as_date
from gwk_app.rules.reports import (
	NO_MONTH,
	contiguous,
	month_first,
	month_key,
	month_last,
	month_ordinal,
	ordinal_of,
	ordinal_of_key,
	recompute_after,
	split_period,
)

DOCTYPE = "GWK Report Figures"
JOB_ID = "gwk-report-figures"
ALL = ""  # the district key of the figures over every district

# report -> its module (FAMILIES, STOCK, PEOPLE, BY_DISTRICT, collect, present)
REPORTS = {
	"Participants vs Plan": "gwk_app.reports.report.participants_vs_plan.participants_vs_plan",
	"Contact Statistics": "gwk_app.reports.report.contact_statistics.contact_statistics",
	"Case Overview": "gwk_app.reports.report.case_overview.case_overview",
	"Referral Outcomes": "gwk_app.reports.report.referral_outcomes.referral_outcomes",
	"Carrier Overview": "gwk_app.reports.report.carrier_overview.carrier_overview",
	"Appointment Figures": "gwk_app.reports.report.appointment_figures.appointment_figures",
}
# which reports count which doctype (and through which date fields its months are found)
SOURCES = {
	"Consultation": (
		("Participants vs Plan", "Contact Statistics", "Carrier Overview"),
		("consultation_date",),
	),
	"Case": (("Case Overview", "Carrier Overview"), ("opened_on", "closed_on")),
	"Referral": (("Referral Outcomes", "Carrier Overview"), ("referred_on",)),
	"Contact Tally": (("Participants vs Plan", "Contact Statistics", "Carrier Overview"), ("month",)),
	"Consultation Appointment": (("Appointment Figures",), ("starts_on",)),
	"Office Hours Visit": (("Appointment Figures",), ("visit_date",)),
}
# reports that count people once per period from a consultation's resident
PEOPLE_REPORTS = ("Participants vs Plan", "Carrier Overview")
# resident fields the figures are judged by (gender, target age, district); the reports that judge them
# through the resident's consultations, and through the resident's referrals (district filter)
RESIDENT_FIELDS = ("gender", "birth_year", "age_group", "district")
RESIDENT_REPORTS = ("Participants vs Plan", "Carrier Overview")
REFERRAL_REPORTS = ("Referral Outcomes", "Carrier Overview")
# master data whose names the figures hold: a rename makes every row stale
MASTERS = ("Community Project", "District", "Topic", "Referral Partner")
HANDLERS = "gwk_app.reports.figures."

YearMonth = CustomFunction("DATE_FORMAT", ["date", "format"])


def doc_events() -> dict[str, dict[str, str]]:
	"""The doc events that keep the figures from going stale unnoticed (hooks.py holds them literally)."""
	events = {doctype: {"on_update": HANDLERS + "on_record_change", "on_trash": HANDLERS + "on_record_change"}
		for doctype in SOURCES}  # fmt: skip
	events["Resident"] = {"on_update": HANDLERS + "on_resident_change"}
	events.update({doctype: {"after_rename": HANDLERS + "on_master_rename"} for doctype in MASTERS})
	events["Community Project"]["on_update"] = HANDLERS + "on_project_change"
	return events


# privacy calls this after an erasure changed a resident outside a save (privacy imports no module)
AFTER_ERASURE = [HANDLERS + "on_residents_erased"]


def row_name(report: str, project: str, month: int, district: str = ALL) -> str:
	return hashlib.sha1(f"{report}\n{project}\n{month_key(month)}\n{district or ALL}".encode()).hexdigest()


def module(report: str):
	return frappe.get_module(REPORTS[report])


# ---------------------------------------------------------------- parts


def _sort_key(key) -> tuple:
	return tuple("" if v is None else f"{v:012d}" if isinstance(v, int) else str(v) for v in key)


def _in_order(items: list) -> list:
	"""(key, values) items sorted by key: compared as they are (fast) when the keys allow it, else as text
	(a None among strings or numbers). The keys are distinct, so the values are never compared."""
	try:
		return sorted(items)
	except TypeError:
		return sorted(items, key=lambda kv: _sort_key(kv[0]))


def merge(report: str, parts: list[dict], *, ordered: bool = False) -> dict:
	"""One part from parts in the order of their months: values of equal keys added, stock families taken
	from the last part; every family sorted, so equal figures give equal parts however they were read
	(the families in the module's BY_MONTH month by month, each month sorted on its own keys).
	`ordered` (a report reading its period): each part is itself a merged part of months none of the
	others has; the rows are then joined as they come (`present` adds up rows with equal keys, which only
	a family not keyed by month can have), the stock families taken from the last part as they are."""
	mod = module(report)
	out = {}
	by_month = getattr(mod, "BY_MONTH", ())
	stock = getattr(mod, "STOCK", ())
	for family, width in mod.FAMILIES.items():
		if ordered:
			sources = parts[-1:] if family in stock else parts
			out[family] = [row for part in sources for row in part.get(family) or ()]
			continue
		sources = parts[-1:] if family in stock else parts
		acc: dict = {}
		for part in sources:
			for row in part.get(family) or ():
				key = tuple(row[:width])
				if key in acc:
					acc[key] = [a + b for a, b in zip(acc[key], row[width:], strict=True)]
				else:
					acc[key] = row[width:]
		if family in by_month:
			months: dict = {}
			for item in acc.items():
				months.setdefault(item[0][0], []).append(item)
			items = [item for month in sorted(months) for item in _in_order(months[month])]
		else:
			items = _in_order(list(acc.items()))
		out[family] = [[*k, *v] for k, v in items]
	return out


def split(part: dict, positions: dict[str, int], *, shown=()) -> dict:
	"""{ALL: part, district: part of its records}, by the position of the district in each family's key. In
	the ALL part the district is left blank, except in the families `shown` (their report shows it), so that
	the rows of every district with an equal rest of the key are kept as one (merged when stored)."""
	out = {ALL: dict(part)}
	for family, index in positions.items():
		rows = part.get(family) or ()
		for row in rows:
			if row[index]:
				out.setdefault(row[index], {}).setdefault(family, []).append(row)
		if family not in shown:
			out[ALL][family] = [[*row[:index], ALL, *row[index + 1 :]] for row in rows]
	return out


def counted(report: str, projects: list[str], start, end, district=None) -> dict:
	"""{project: part} counted from the records for the period as a whole."""
	got = module(report).collect(projects, getdate(start), getdate(end), district)
	return {p: merge(report, [got[p]]) for p in projects}


@contextmanager
def recounting(recount: bool = True):
	"""While inside, every report counts its records instead of reading kept figures."""
	before = frappe.flags.gwk_recount
	frappe.flags.gwk_recount = recount
	try:
		yield
	finally:
		frappe.flags.gwk_recount = before


def parts(report: str, projects: list[str], start, end, district=None) -> dict:
	"""{project: part} of a report for the period: the whole months from kept figures while fresh, the rest
	(stale or missing months, the part of a month where the period starts or ends) counted now."""
	return {
		p: merge(report, got, ordered=True)
		for p, got in pieces(report, projects, start, end, district).items()
	}


def pieces(report: str, projects: list[str], start, end, district=None) -> dict:
	"""{project: [part, ...]}: the parts `parts` joins, in the order of their months, each a merged part of
	months none of the others counts (a people report's relabelled groups aside, see `relabelled`). A whole
	month read from kept figures is a part of its own, shared by the process and never changed: a report
	whose families are all keyed by month can present each part on its own and keep what it derives from a
	kept one (`derived`) instead of building it again on every run."""
	projects = list(dict.fromkeys(projects or []))
	if not projects:
		return {}
	start, end = getdate(start), getdate(end)
	mod = module(report)
	district = (district or None) if mod.BY_DISTRICT else None
	head, months, tail = split_period(start, end)
	if frappe.flags.gwk_recount or end < start:
		return {p: [part] for p, part in counted(report, projects, start, end, district).items()}
	# people reports: the tail's previous contacts from the period's start on (see the module's docstring)
	since = {"since": start} if mod.PEOPLE and head else {}
	this_month = month_ordinal(getdate())
	kept = _read(report, projects, [m for m in months if m <= this_month], district)
	found: dict = {p: [] for p in projects}

	def add(got, first_day):
		for p in got:
			found[p].append((first_day, merge(report, [got[p]])))

	if head:
		add(mod.collect(projects, *head, district), head[0])
	missing: dict = {}
	for p in projects:
		for first, last in contiguous(m for m in months if (p, m) not in kept):
			missing.setdefault((first, last), []).append(p)
	for (first, last), who in missing.items():
		add(
			mod.collect(who, month_first(first), month_last(last), district, history=True), month_first(first)
		)
	if tail:
		add(mod.collect(projects, *tail, district, history=True, **since), tail[0])
	if since and months:
		groups = relabelled(
			projects, start, head[1], month_first(months[0]), month_last(months[-1]), district, mod.PERSON
		)
		add(mod.people_part(projects, groups), head[0])
	for (p, m), part in kept.items():
		found[p].append((month_first(m), part))
	# every piece is a merged part of its own months (kept rows are stored merged)
	return {p: [part for _day, part in sorted(found[p], key=lambda x: x[0])] for p in projects}


def derived(part: dict, name, make, weight: float = 1.0):
	"""`make(part)`, kept with a part read from kept figures: such a part is shared by every request of this
	process and never changed, so neither is what a report derives from it (computed once per process and
	row, weighed in the bound of `_decoded` at `weight` times the part's JSON: rows built from every row of
	the part weigh about as much as the decoded part, 1.0; a few sums, 0). A counted part is derived anew.
	What is returned is shared too: the caller copies before handing out anything a caller may change
	(Frappe's report runner adds custom columns to the rows it gets)."""
	if not isinstance(part, _Kept):
		return make(part)
	got = part.memo.get(name)
	if got is None:
		got = part.memo[name] = make(part)
		_decoded.grow(part, int(part.json_size * weight))
	return got


def _read(report, projects, months, district) -> dict:
	"""{(project, month): part} of the fresh rows; asks the job to compute the others. Decoding the figures
	is most of a long period's time (1.5 MB of JSON for Contact Statistics over 28 months of six projects),
	so each process keeps the parts it decoded (`_decoded`): the figures are only read and decoded for rows
	computed since. The parts are shared between requests and never changed (merge and present build new
	rows; tests/integration/test_report_figures.py runs every report twice and compares)."""
	if not months:
		return {}
	t = frappe.qb.DocType(DOCTYPE)
	where = (
		(t.report == report)
		& (t.district == (district or ALL))
		& t.project.isin(projects)
		& (t.month >= month_first(months[0]))
		& (t.month <= month_first(months[-1]))
	)
	site = frappe.local.site
	kept, missing = {}, []
	rows = frappe.qb.from_(t).select(t.name, t.project, t.month, t.version, t.fresh_version, t.computed_on)
	for r in rows.where(where).run(as_dict=True):
		if r.version != r.fresh_version:
			continue
		part = _decoded.get((site, r.name, r.fresh_version, r.computed_on))
		if part is None:
			missing.append(r.name)
		else:
			kept[(r.project, month_ordinal(getdate(r.month)))] = part
	if missing:
		# only the figures not decoded yet, with their own versions (a row computed between the two reads is
		# taken as this read finds it)
		query = frappe.qb.from_(t).select(
			t.name, t.project, t.month, t.version, t.fresh_version, t.computed_on, t.figures
		)
		for r in query.where(t.name.isin(missing)).run(as_dict=True):
			if r.version == r.fresh_version and r.figures:
				key = (site, r.name, r.fresh_version, r.computed_on)
				kept[(r.project, month_ordinal(getdate(r.month)))] = _decoded.put(key, r.figures)
	if len(kept) < len(projects) * len(months):
		enqueue_refresh()
	return kept


class _Kept(dict):
	"""A part decoded from a kept row, with what reports derived from it (`derived`)."""

	__slots__ = ("key", "json_size", "size", "memo")


class _Decoded:
	"""The parts this process decoded, least recently used first, at most LIMIT in all: a part weighs the
	length of its JSON (decoded, it takes about 6.5 times as many bytes of memory), and the views a report
	derived from it their share (`derived`). A computed row is never changed, so (site, name, fresh_version,
	computed_on) names its figures for good."""

	# some 80 MB of memory: Contact Statistics over 28 months of six projects weighs 4 MB with its rows
	LIMIT = 12_000_000

	def __init__(self):
		self.parts: dict = {}  # key -> _Kept
		self.size = 0

	def clear(self):
		self.parts.clear()
		self.size = 0

	def get(self, key):
		got = self.parts.pop(key, None)
		if got is not None:
			self.parts[key] = got  # now the most recently used
		return got

	def put(self, key, text: str):
		part = _Kept(json.loads(text))
		part.key, part.json_size, part.size, part.memo = key, len(text), len(text), {}
		old = self.parts.pop(key, None)
		self.size += part.size - (old.size if old is not None else 0)
		self.parts[key] = part
		self._trim()
		return part

	def grow(self, part: _Kept, weight: int):
		"""A view derived from `part`, weighing `weight`."""
		part.size += weight
		if self.parts.get(part.key) is part:
			self.size += weight
			self._trim()

	def _trim(self):
		while self.size > self.LIMIT and len(self.parts) > 1:
			self.size -= self.parts.pop(next(iter(self.parts))).size


_decoded = _Decoded()


# ---------------------------------------------------------------- people once per period


def people(projects, start, end, district=None, *, per_district: bool = False, fields=(), since=None):
	"""Groups of people with consultations in the period, every person once per month with contacts:
	(project, [district], year, resident fields..., earlier, persons), earlier = the month of their
	previous contact (in the same district with `per_district` or a district filter; from the day `since`
	on only, when given), from the (resident, project, date) index. A period as a whole (every person once)
	is counted by the reports themselves, in one pass with their other figures."""
	c = frappe.qb.DocType("Consultation")
	r = frappe.qb.DocType("Resident")
	year = Extract("year", c.consultation_date)
	cond = (
		c.project.isin(projects)
		& (c.consultation_date >= start)
		& (c.consultation_date <= end)
		& c.resident.isnotnull()
	)
	if district:
		cond &= c.district == district
	keys = [c.project, c.resident, year.as_("year")]
	if per_district:
		keys.append(c.district)
	month = Extract("month", c.consultation_date)
	group = [c.project, c.resident, year, month] + ([c.district] if per_district else [])
	months = (
		frappe.qb.from_(c).select(*keys, Min(c.consultation_date).as_("first_on")).where(cond).groupby(*group)
	)
	before = frappe.qb.DocType("Consultation").as_("before")
	previous = (
		frappe.qb.from_(before)
		.select(YearMonth(Max(before.consultation_date), "%Y-%m"))
		.where(
			(before.resident == months.resident)
			& (before.project == months.project)
			& (before.consultation_date < months.first_on)
		)
	)
	if since:
		previous = previous.where(before.consultation_date >= since)
	if per_district or district:
		previous = previous.where(before.district == (months.district if per_district else district))
	persons = frappe.qb.from_(months).select(
		months.project, months.resident, months.year, previous.as_("earlier"),
		*([months.district] if per_district else []),
	)  # fmt: skip
	out_keys = [persons.project, persons.year] + ([persons.district] if per_district else [])
	attrs = [r[f].as_(f"r_{f}") for f in fields]
	query = (
		frappe.qb.from_(persons)
		# a left join keeps the distinct people as the driving table (one look-up each); every
		# consultation's resident exists, so nothing changes
		.left_join(r)
		.on(r.name == persons.resident)
		.select(*out_keys, *attrs, persons.earlier, Count("*").as_("persons"))
	)
	rows = query.groupby(*out_keys, *(r[f] for f in fields), persons.earlier).run(as_dict=True)
	for row in rows:
		row.earlier = ordinal_of_key(row.earlier) if row.get("earlier") else NO_MONTH
		row.year = int(row.year)
		row.persons = int(row.persons)
	return rows


def relabelled(projects, start, head_last, first, last, district=None, fields=()):
	"""The people whom the kept figures of the whole months first..last show as counted in the head month
	H of a period starting on `start` inside H, though none of their contacts in H lies in the period:
	contacts in H before `start` only, and some in first..last. Groups as `people` gives them, each twice:
	(year of their first contact in first..last, earlier = H, -persons) and (same, NO_MONTH, +persons), so
	that merged with the kept figures they count as new where they really are (a person, not a month:
	the (resident, project, date) index finds each one's contacts)."""
	c = frappe.qb.DocType("Consultation")
	inside = frappe.qb.DocType("Consultation").as_("inside")
	later = frappe.qb.DocType("Consultation").as_("later")
	r = frappe.qb.DocType("Resident")
	head_first = month_first(month_ordinal(start))
	cond = (
		c.project.isin(projects)
		& (c.consultation_date >= head_first)
		& (c.consultation_date < start)
		& c.resident.isnotnull()
	)
	if district:
		cond &= c.district == district
	before = frappe.qb.from_(c).select(c.project, c.resident).distinct().where(cond)

	def same_person(alias, low, high):
		q = (alias.resident == before.resident) & (alias.project == before.project)
		q &= (alias.consultation_date >= low) & (alias.consultation_date <= high)
		return q & (alias.district == district) if district else q

	in_head = frappe.qb.from_(inside).select(inside.name).where(same_person(inside, start, head_last))
	first_later = (
		frappe.qb.from_(later).select(Min(later.consultation_date)).where(same_person(later, first, last))
	)
	persons = (
		frappe.qb.from_(before)
		.select(before.project, before.resident, first_later.as_("first_on"))
		.where(ExistsCriterion(in_head.limit(1)).negate())
	)
	year = Extract("year", persons.first_on)
	attrs = [r[f].as_(f"r_{f}") for f in fields]
	rows = (
		frappe.qb.from_(persons)
		.left_join(r)
		.on(r.name == persons.resident)
		.select(persons.project, year.as_("year"), *attrs, Count("*").as_("persons"))
		.where(persons.first_on.isnotnull())
		.groupby(persons.project, year, *(r[f] for f in fields))
		.run(as_dict=True)
	)
	head = month_ordinal(start)
	out = []
	for row in rows:
		row.year, n = int(row.year), int(row.persons)
		out += [frappe._dict(row, earlier=head, persons=-n), frappe._dict(row, earlier=NO_MONTH, persons=n)]
	return out


# ---------------------------------------------------------------- invalidation (doc events)


def invalidate(reports, projects, months, districts=(ALL,)) -> None:
	"""Mark the rows of these reports, projects, months and districts stale (inside the caller's
	transaction), creating them when missing. Months after this one are never kept."""
	upsert(
		{(r, p, int(m), d or ALL) for r in reports for p in projects if p for m in months for d in districts}
	)


# one row of the staleness upsert: a new row is stale (version 1, computed at 0); an existing one's version
# is raised
# is raised, and a fresh one records when it went stale (the assignments run in order: stale_since first)
_UPSERT_ROW = "(%s, %s, %s, %s, %s, 1, 0, %s, %s, %s, 'Administrator', 'Administrator')"
_UPSERT = (
	"insert into `tabGWK Report Figures` (name, report, project, month, district, version, fresh_version, "
	"stale_since, creation, modified, owner, modified_by) values {rows} "
	"on duplicate key update stale_since = if(version = fresh_version, values(modified), stale_since), "
	"version = version + 1, modified = values(modified)"
)


def upsert(keys) -> None:
	this_month = month_ordinal(getdate())
	by_district = {r: module(r).BY_DISTRICT for r in REPORTS}
	flat = {
		(r, p, m, (d or ALL) if by_district[r] else ALL)
		for r, p, m, d in keys
		if p and m is not None and m <= this_month
	}
	if not flat:
		return
	now = now_datetime()
	values = []
	for report, project, month, district in sorted(flat):
		values += [row_name(report, project, month, district), report, project, month_first(month), district]
		values += [now, now, now]
	# on every save of a counted record: one statement of placeholders only (the query builder takes
	# longer to build it than the database to run it)
	sql = _UPSERT.format(rows=", ".join([_UPSERT_ROW] * len(flat)))
	frappe.db.sql(sql, values)  # nosemgrep - constant SQL, values as parameters
	enqueue_refresh()


def _record_districts(doc) -> set:
	if doc.doctype in ("Consultation", "Case"):
		return {ALL, doc.get("district") or ALL}
	if doc.doctype == "Referral":
		home = doc.get("resident") and frappe.db.get_value("Resident", doc.resident, "district")
		return {ALL, home or ALL}
	if doc.doctype == "Contact Tally":
		return {ALL, *(row.get("district") or ALL for row in doc.get("counts") or [])}
	return {ALL}


def on_record_change(doc, method=None):
	"""A counted record inserted, saved or deleted: its months (old and new) in its districts."""
	reports, fields = SOURCES[doc.doctype]
	this_month = month_ordinal(getdate())
	keys = set()
	for d in (doc, doc.get_doc_before_save()):
		if not d or not d.get("project"):
			continue
		months = {month_ordinal(as_date(d.get(f)) or getdate(d.get(f))) for f in fields if d.get(f)}
		if not months:
			continue
		if d.doctype == "Case":
			# open at the end of every month from its opening until it is closed (or until today)
			last = max(months) if d.get("closed_on") else max(this_month, *months)
			months = set(range(min(months), last + 1))
		districts = _record_districts(d)
		keys |= {(r, d.project, m, x) for r in reports for m in months for x in districts}
		if d.doctype == "Consultation" and d.get("resident"):
			# the person's next month with contacts now has another previous month
			later = range(min(months), this_month + 1)
			keys |= {(r, d.project, m, x) for r in PEOPLE_REPORTS for m in later for x in districts}
	upsert(keys)


def on_resident_change(doc, method=None):
	before = doc.get_doc_before_save()
	if before is None or all(doc.get(f) == before.get(f) for f in RESIDENT_FIELDS):
		return
	_resident_months([doc.name], {ALL, before.get("district") or ALL, doc.get("district") or ALL})


def on_residents_erased(residents: list[str]) -> None:
	"""The residents' attributes changed outside a save (erasure, retention, a batch at a time): their
	months are stale. A few queries and one upsert for all of them."""
	_resident_months(residents, {ALL, *frappe.get_all("District", pluck="name")})


def _resident_months(residents: list[str], home_districts: set) -> None:
	keys = set()
	c = frappe.qb.DocType("Consultation")
	ref = frappe.qb.DocType("Referral")
	for start in range(0, len(residents), 1000):
		chunk = residents[start : start + 1000]
		year, month = Extract("year", c.consultation_date), Extract("month", c.consultation_date)
		for project, y, m, district in (
			frappe.qb.from_(c)
			.select(c.project, year, month, c.district)
			.distinct()
			.where(c.resident.isin(chunk))
			.run()
		):
			keys |= {
				(r, project, ordinal_of(y, m), x) for r in RESIDENT_REPORTS for x in (ALL, district or ALL)
			}
		year, month = Extract("year", ref.referred_on), Extract("month", ref.referred_on)
		for project, y, m in (
			frappe.qb.from_(ref)
			.select(ref.project, year, month)
			.distinct()
			.where(ref.resident.isin(chunk))
			.run()
		):
			keys |= {(r, project, ordinal_of(y, m), x) for r in REFERRAL_REPORTS for x in home_districts}
	upsert(keys)


# project fields the people figures are judged by (Participants vs Plan: target age, districts served)
TARGET_FIELDS = ("target_age_min", "target_age_max")


def on_project_change(doc, method=None):
	"""The project's target age or districts changed: its judged participant figures are stale."""
	before = doc.get_doc_before_save()
	if before is None:
		return
	served = {d.district for d in doc.get("districts") or []}
	if all(doc.get(f) == before.get(f) for f in TARGET_FIELDS) and served == {
		d.district for d in before.get("districts") or []
	}:
		return
	invalidate(["Participants vs Plan"], [doc.name], _data_months(), districts())


def on_master_rename(doc, method=None, *args, **kwargs):
	"""A district, topic, partner or project renamed: names inside the figures are outdated."""
	t = frappe.qb.DocType(DOCTYPE)
	frappe.qb.update(t).set(t.version, t.version + 1).run()


# ---------------------------------------------------------------- computing


# a process asks for the job at most once a second (a request is spared the queue's round trips); the
# job looks once more after that long before it ends, so no change waits for the hourly run
ENQUEUE_EVERY = 1.0
_asked_at: dict = {}
# the job computes a stale row once its last change is QUIET seconds old, at the latest LONGEST seconds
# after its first change not taken in (rules.reports.recompute_after): during the office-hours rush a
# project's current month is computed when its staff pause, not after every save, and the two cores serve
# the staff; meanwhile the reports count that month themselves. A job runs for JOB_LIFETIME at most (then
# computes what still waits and ends; the next save queues it again).
QUIET = 10.0
LONGEST = 120.0
JOB_LIFETIME = 600.0


def enqueue_refresh() -> None:
	now = time.monotonic()
	if now - _asked_at.get(frappe.local.site, -ENQUEUE_EVERY) < ENQUEUE_EVERY:
		return
	_asked_at[frappe.local.site] = now
	frappe.enqueue(
		"gwk_app.reports.figures.job",
		queue="long",
		job_id=JOB_ID,
		deduplicate=True,
		enqueue_after_commit=True,
	)


def _data_months() -> range:
	"""From the first month with a counted record to this month."""
	firsts = [
		frappe.db.get_value(doctype, {fields[0]: ("is", "set")}, f"min({fields[0]})")
		for doctype, (_reports, fields) in SOURCES.items()
	]
	this_month = month_ordinal(getdate())
	firsts = [month_ordinal(getdate(d)) for d in firsts if d]
	return range(min(firsts, default=this_month), this_month + 1)


def districts() -> list[str]:
	return [ALL, *frappe.get_all("District", pluck="name", order_by="name asc")]


def compute(report: str, project: str, month: int) -> dict:
	"""{district: part} of one project and month (every district the report keeps)."""
	mod = module(report)
	got = mod.collect(
		[project], month_first(month), month_last(month), history=True, by_district=mod.BY_DISTRICT
	)
	return got[project] if mod.BY_DISTRICT else {ALL: got[project]}


def job() -> int:
	"""The background job (queued by saves, deduplicated; hourly): `refresh` with a quiet period."""
	return refresh(quiet=QUIET)


def refresh(commit: bool = True, projects=None, months=None, passes: int = 3, quiet: float = 0.0) -> int:
	"""Compute every stale or missing row (background job, hourly, after bulk loads), optionally only for
	some projects and months (ordinals). One (report, project, month) per short transaction when
	`commit`, so staff saving records never wait on the job; changes that land while it runs (the job is
	not queued again while it runs) are picked up by a further pass. With `quiet` (the job) a row changed
	less than that long ago waits (see QUIET) and the job sleeps until it is due. Returns the number of
	(report, project, month) computed."""
	projects = projects or frappe.get_all("Community Project", pluck="name", order_by="name asc")
	months, all_districts = list(months or _data_months()), districts()  # once per job: it sleeps and wakes
	done = passes_run = 0
	looked_again = False
	ends_at = time.monotonic() + JOB_LIFETIME
	while True:
		computed, wait = _refresh_pass(commit, projects, months, all_districts, quiet)
		done += computed
		passes_run += 1
		if not commit:
			return done
		frappe.db.commit()  # nosemgrep
		if wait is not None:
			if time.monotonic() + wait >= ends_at:
				quiet = 0.0  # the job has run long enough: what waits is computed now, then it ends
			else:
				time.sleep(wait + 0.1)
			continue
		if computed and (quiet or passes_run < passes) and time.monotonic() < ends_at:
			continue
		if looked_again:
			return done
		# a change whose request did not ask for the job (asked less than a second before) is taken now
		looked_again = True
		time.sleep(ENQUEUE_EVERY + 0.5)


def _refresh_pass(
	commit: bool, projects: list[str], months: list[int], all_districts: list[str], quiet: float = 0.0
) -> tuple[int, float | None]:
	"""(the number of (report, project, month) computed, seconds until the first row left waiting for a
	quiet moment is due, None when none waits)."""
	t = frappe.qb.DocType(DOCTYPE)
	this_month = month_ordinal(getdate())
	months = [m for m in months if m <= this_month]
	if not months:
		return 0, None
	done, wait = 0, None
	now = now_datetime()

	def seconds(moment):
		return None if moment is None else (moment - now).total_seconds()

	for report in REPORTS:
		wanted = all_districts if module(report).BY_DISTRICT else [ALL]
		rows = (
			frappe.qb.from_(t)
			.select(t.project, t.month, t.district, t.version, t.fresh_version, t.modified, t.stale_since)
			.where(
				(t.report == report)
				& t.project.isin(projects)
				& (t.month >= month_first(months[0]))
				& (t.month <= month_first(months[-1]))
			)
			.run(as_dict=True)
		)
		fresh, due_in = set(), {}
		for r in rows:
			key = (r.project, month_ordinal(getdate(r.month)), r.district or ALL)
			if r.version == r.fresh_version:
				fresh.add(key)
			elif quiet:
				due_in[key] = recompute_after(seconds(r.modified), seconds(r.stale_since), quiet, LONGEST)
		for project in projects:
			for month in months:
				stale = [d for d in wanted if (project, month, d) not in fresh]
				if not stale:
					continue
				# a missing row (never raised: a bulk load) is due at once
				due = min(due_in.get((project, month, d), 0.0) for d in stale)
				if due > 0:
					wait = due if wait is None else min(wait, due)
					continue
				if commit:
					# background job / bench command: a fresh snapshot and a short transaction per month
					frappe.db.commit()  # nosemgrep
				_store(report, project, month, stale)
				done += 1
	return done, wait


def _store(report: str, project: str, month: int, district_keys: list[str]) -> None:
	"""Compute one project's month from one consistent read: the versions are read first, the records
	after them; a version raised meanwhile stays raised, so the row stays stale."""
	t = frappe.qb.DocType(DOCTYPE)
	names = {d: row_name(report, project, month, d) for d in district_keys}
	versions = dict(
		frappe.qb.from_(t).select(t.name, t.version).where(t.name.isin(list(names.values()))).run()
	)
	cells = compute(report, project, month)
	now = now_datetime()
	query = frappe.qb.into(t).columns(
		t.name, t.report, t.project, t.month, t.district, t.version, t.fresh_version, t.figures,
		t.computed_on, t.creation, t.modified, t.owner, t.modified_by,
	)  # fmt: skip
	for district in district_keys:
		name = names[district]
		version = cint(versions.get(name))
		figures = json.dumps(merge(report, [cells.get(district) or {}]), separators=(",", ":"), default=str)
		query = query.insert(
			name, report, project, month_first(month), district, version, version, figures, now, now, now,
			"Administrator", "Administrator",
		)  # fmt: skip
	(
		query.on_duplicate_key_update(t.figures, Values(t.figures))
		.on_duplicate_key_update(t.fresh_version, Values(t.fresh_version))
		.on_duplicate_key_update(t.computed_on, Values(t.computed_on))
		# left stale by a change meanwhile: stale since this computation (fresh: unused until it goes stale)
		.on_duplicate_key_update(t.stale_since, Values(t.computed_on))
		.run()
	)


def rebuild() -> int:
	"""Throw every row away and compute them all (bench command `gwk-report-figures --rebuild`)."""
	frappe.db.delete(DOCTYPE)
	return refresh()


def check(months=None, projects=None) -> list[tuple]:
	"""(report, project, month, district) whose fresh row differs from a recount (tests, support)."""
	projects = projects or frappe.get_all("Community Project", pluck="name", order_by="name asc")
	months = list(months or _data_months())
	wrong = []
	t = frappe.qb.DocType(DOCTYPE)
	for report in REPORTS:
		rows = (
			frappe.qb.from_(t)
			.select(t.project, t.month, t.district, t.figures)
			.where((t.report == report) & t.project.isin(projects) & (t.version == t.fresh_version))
			.run(as_dict=True)
		)
		by_month: dict = {}
		for r in rows:
			m = month_ordinal(getdate(r.month))
			if m in months:
				by_month.setdefault((r.project, m), []).append(r)
		for (project, month), stored in by_month.items():
			cells = compute(report, project, month)
			for r in stored:
				recount = json.loads(
					json.dumps(merge(report, [cells.get(r.district or ALL) or {}]), default=str)
				)
				if json.loads(r.figures) != recount:
					wrong.append((report, project, month_key(month), r.district or ALL))
	return wrong
