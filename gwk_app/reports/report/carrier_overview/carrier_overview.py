# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt
"""Every project side by side, aggregates only: no names, no resident IDs.

Counts of people and contacts below the small-cell threshold (GWK Settings) are shown as "." and
secondary suppression keeps them from being recovered from row or column totals
(gwk_app.rules.suppression). The carrier manager sees every project; anybody else only their own.
"""

import frappe
from frappe import _
from frappe.query_builder.functions import Coalesce, Count, Sum
from frappe.utils import getdate

from gwk_app.casework import tallies
from gwk_app.reports import figures
from gwk_app.reports.common import column, report_period, report_projects, summary
from gwk_app.rules.reports import NO_MONTH, counted_since, month_ordinal
from gwk_app.rules.suppression import SUPPRESSED, suppress_column, suppress_table
from gwk_app.settings import small_cell_threshold

REPORT = "Carrier Overview"

GENDERS = ("Female", "Male", "Diverse", "Not specified")
GENDER_FIELDS = {"Female": "female", "Male": "male", "Diverse": "diverse", "Not specified": "gender_unknown"}
# per-project counts, each suppressed down its column with the column total
COUNTS = ("anonymous", "imported", "consultations", "cases_opened", "referrals")
# people: [gender, previous contact month] -> [persons]; counts: [district] -> [consultations, anonymous,
# imported, cases opened, referrals]
FAMILIES = {"people": 2, "counts": 1}
STOCK = ()
PEOPLE = True
BY_DISTRICT = True
# the resident fields the people groups carry
PERSON = ("gender",)


def execute(filters=None):
	filters = frappe._dict(filters or {})
	projects = report_projects(filters, carrier_wide=True)
	start, end = report_period(filters)
	rows = get_data(projects, start, end, filters.get("district"), small_cell_threshold())
	return columns(), rows, None, chart(rows), report_summary(rows)


def columns():
	cols = [
		column(_("Project"), "project", "Link", 180, "Community Project"),
		column(_("Project Type"), "project_type", "Select", 160),
	]
	cols += [column(_("Participants") + ": " + _(g), GENDER_FIELDS[g], "Data", 120) for g in GENDERS]
	cols += [
		column(_("Participants Total"), "participants", "Data", 120),
		column(_("Anonymous Contacts"), "anonymous", "Data", 120),
		column(_("Imported Contacts"), "imported", "Data", 120),
		column(_("Consultations"), "consultations", "Data", 110),
		column(_("Cases Opened"), "cases_opened", "Data", 110),
		column(_("Referrals"), "referrals", "Data", 100),
		column(_("Appointments Attended"), "appointments", "Data", 120),
		column(_("Events Held"), "events", "Int", 100),
		column(_("Event Visitors"), "visitors", "Int", 110),
		column(_("Volunteer Hours"), "volunteer_hours", "Float", 120),
		column(_("Survey Responses"), "survey_responses", "Data", 120),
	]
	return cols


def raw_figures(projects, start, end, district=None) -> dict:
	"""{project: {figure: value}} with true values (never leaves this module unsuppressed). People,
	contacts, cases and referrals come from the kept figures for a whole year (gwk_app.reports.figures)
	or are counted now; events and volunteer hours are always counted now (small tables)."""
	if not projects:
		return {}
	parts = figures.parts(REPORT, projects, start, end, district)
	out = {
		p: {
			**totals(parts[p], start),
			"events": 0,
			"visitors": 0,
			"volunteer_hours": 0.0,
			"survey_responses": 0,
		}
		for p in projects
	}
	_add_events_and_hours(out, projects, start, end, district)
	_add_appointments(out, projects, start, end, district)
	_add_survey_responses(out, projects, start, end, district)
	return out


def _add_survey_responses(counts, projects, start, end, district=None) -> None:
	"""Anonymous survey responses per project (a count only: the answers stay in the project)."""
	resp = frappe.qb.DocType("Community Survey Response")
	cond = resp.project.isin(projects) & (resp.response_date >= start) & (resp.response_date <= end)
	if district:
		cond &= resp.district == district
	for project, n in _count_per_project(resp, cond):
		counts[project]["survey_responses"] = int(n)


def totals(part: dict, start) -> dict:
	"""{gender field or count: value} of one project's part: every person once in the period."""
	since = month_ordinal(getdate(start))
	out = {**{GENDER_FIELDS[g]: 0 for g in GENDERS}, **{k: 0 for k in COUNTS}}
	for gender, earlier, n in part["people"]:
		if counted_since(earlier, since):
			out[GENDER_FIELDS.get(gender, "gender_unknown")] += n
	for _district, consultations, anonymous, imported, cases, referrals in part["counts"]:
		out["consultations"] += consultations
		out["anonymous"] += anonymous
		out["imported"] += imported
		out["cases_opened"] += cases
		out["referrals"] += referrals
	return out


def people_part(projects, groups) -> dict:
	"""{project: {"people": rows}} of people groups (the kept-figures contract's PERSON fields)."""
	out = {p: {"people": []} for p in projects}
	for g in groups:
		out[g.project]["people"].append([g.r_gender or "", g.earlier, g.persons])
	return out


def collect(projects, start, end, district=None, *, history=False, by_district=False, since=None) -> dict:
	"""{project: {"people": [[gender, previous month, persons], ...], "counts": [[district, consultations,
	anonymous, imported, cases opened, referrals], ...]}}."""
	out = {p: {"people": [], "counts": []} for p in projects}
	if not projects:
		return out
	c = frappe.qb.DocType("Consultation")
	cond = c.project.isin(projects) & (c.consultation_date >= start) & (c.consultation_date <= end)
	if district:
		cond &= c.district == district
	if history or by_district:
		for g in (
			frappe.qb.from_(c)
			.select(c.project, c.district, Count("*").as_("n"), Sum(c.anonymous).as_("anon"))
			.where(cond)
			.groupby(c.project, c.district)
			.run(as_dict=True)
		):
			out[g.project]["counts"].append([g.district, int(g.n), int(g.anon or 0), 0, 0, 0])
	else:
		# the period as a whole: people and consultations in one pass (the district is not shown)
		for project, gender, persons, n, anon in _people_and_counts(cond):
			out[project]["people"].append([gender or "", NO_MONTH, int(persons)])
			out[project]["counts"].append([figures.ALL, int(n), int(anon or 0), 0, 0, 0])
	tallies.add_to_carrier_overview(out, projects, start, end, district)

	case = frappe.qb.DocType("Case")
	case_cond = case.project.isin(projects) & (case.opened_on >= start) & (case.opened_on <= end)
	if district:
		case_cond &= case.district == district
	for project, where, n in (
		frappe.qb.from_(case)
		.select(case.project, case.district, Count("*"))
		.where(case_cond)
		.groupby(case.project, case.district)
		.run()
	):
		out[project]["counts"].append([where, 0, 0, 0, int(n), 0])

	ref = frappe.qb.DocType("Referral")
	res = frappe.qb.DocType("Resident")
	ref_cond = ref.project.isin(projects) & (ref.referred_on >= start) & (ref.referred_on <= end)
	if district:
		ref_cond &= res.district == district
	for project, where, n in (
		frappe.qb.from_(ref)
		.left_join(res)
		.on(res.name == ref.resident)
		.select(ref.project, res.district, Count("*"))
		.where(ref_cond)
		.groupby(ref.project, res.district)
		.run()
	):
		out[project]["counts"].append([where, 0, 0, 0, 0, int(n)])

	if by_district:
		cells = {p: figures.split(part, {"counts": 0}) for p, part in out.items()}
		for g in figures.people(projects, start, end, per_district=True, fields=PERSON):
			if g.district:
				part = cells[g.project].setdefault(g.district, {})
				part.setdefault("people", []).append([g.r_gender or "", g.earlier, g.persons])
		for part in cells.values():
			part[figures.ALL] = {**part[figures.ALL], "people": []}
		for g in figures.people(projects, start, end, fields=PERSON):
			cells[g.project][figures.ALL]["people"].append([g.r_gender or "", g.earlier, g.persons])
		return cells
	if history:
		groups = figures.people(projects, start, end, district, fields=PERSON, since=since)
		for project, part in people_part(projects, groups).items():
			out[project]["people"] += part["people"]
	return out


def _people_and_counts(cond):
	"""(project, gender, persons, consultations, anonymous) of the consultations matching `cond`: every
	person once (a person's gender is the same in all their consultations, so the distinct residents per
	gender are the people), anonymous consultations under no gender."""
	c = frappe.qb.DocType("Consultation")
	r = frappe.qb.DocType("Resident")
	gender = Coalesce(r.gender, "")
	return (
		frappe.qb.from_(c)
		.left_join(r)
		.on(r.name == c.resident)
		.select(c.project, gender.as_("gender"), Count(c.resident).distinct(), Count("*"), Sum(c.anonymous))
		.where(cond)
		.groupby(c.project, gender)
		.run()
	)


def _count_per_project(table, condition):
	return (
		frappe.qb.from_(table).select(table.project, Count("*")).where(condition).groupby(table.project).run()
	)


def _add_events_and_hours(counts, projects, start, end, district=None) -> None:
	ev = frappe.qb.DocType("Community Event")
	ev_cond = (
		ev.project.isin(projects)
		& (ev.status == "Held")
		& (ev.starts_on >= start)
		& (ev.starts_on < frappe.utils.add_days(end, 1))
	)
	if district:
		ev_cond &= ev.district == district
	for g in (
		frappe.qb.from_(ev)
		.select(ev.project, Count("*").as_("n"), Sum(Coalesce(ev.headcount_total, 0)).as_("visitors"))
		.where(ev_cond)
		.groupby(ev.project)
		.run(as_dict=True)
	):
		counts[g.project]["events"] = int(g.n)
		counts[g.project]["visitors"] = int(g.visitors or 0)

	vh = frappe.qb.DocType("Volunteer Hours")
	for g in (
		frappe.qb.from_(vh)
		.select(vh.project, Sum(vh.hours).as_("hours"))
		.where(vh.project.isin(projects) & (vh.work_date >= start) & (vh.work_date <= end))
		.groupby(vh.project)
		.run(as_dict=True)
	):
		counts[g.project]["volunteer_hours"] = round(float(g.hours or 0), 1)


def _add_appointments(counts, projects, start, end, district=None) -> None:
	"""Attended appointments (counted now: a small table); with a district, those of its residents."""
	a = frappe.qb.DocType("Consultation Appointment")
	cond = (
		a.project.isin(projects)
		& (a.status == "Attended")
		& (a.starts_on >= start)
		& (a.starts_on < frappe.utils.add_days(end, 1))
	)
	if district:
		res = frappe.qb.DocType("Resident")
		cond &= a.resident.isin(frappe.qb.from_(res).select(res.name).where(res.district == district))
	for p in projects:
		counts[p]["appointments"] = 0
	for project, n in _count_per_project(a, cond):
		counts[project]["appointments"] = int(n)


def get_data(projects, start, end, district=None, threshold: int = 3) -> list[dict]:
	return present(raw_figures(projects, start, end, district), projects, threshold)


def present(counts: dict, projects, threshold: int) -> list[dict]:
	"""Suppressed rows per project and a total row from the parts (with events and hours added)."""
	types = dict(
		frappe.get_all(
			"Community Project",
			filters={"name": ("in", projects or [""])},
			fields=["name", "project_type"],
			as_list=True,
		)
	)

	def shown(value):
		return SUPPRESSED if value is None else value

	gender_fields = [GENDER_FIELDS[g] for g in GENDERS]
	table = suppress_table([[counts[p][f] for f in gender_fields] for p in projects], threshold)
	rows = []
	for i, p in enumerate(projects):
		row = frappe._dict(project=p, project_type=_(types.get(p) or ""))
		for j, f in enumerate(gender_fields):
			row[f] = shown(table.cells[i][j])
		row.participants = shown(table.row_totals[i])
		for key in ("events", "visitors", "volunteer_hours"):
			row[key] = counts[p][key]
		rows.append(row)
	total = frappe._dict(project=_("Total"), project_type="", is_total_row=1)
	for j, f in enumerate(gender_fields):
		total[f] = shown(table.col_totals[j])
	total.participants = shown(table.grand_total)
	for key in (*COUNTS, "appointments", "survey_responses"):
		values, column_total = suppress_column([counts[p].get(key, 0) for p in projects], threshold)
		for row, value in zip(rows, values, strict=True):
			row[key] = shown(value)
		total[key] = shown(column_total)
	for key in ("events", "visitors"):
		total[key] = sum(counts[p][key] for p in projects)
	total.volunteer_hours = round(sum(counts[p]["volunteer_hours"] for p in projects), 1)
	if rows:
		rows.append(total)
	return rows


def _number(value):
	return value if isinstance(value, int | float) else 0


def chart(rows):
	rows = [r for r in rows if not r.get("is_total_row")]
	if not rows:
		return None
	return {
		"data": {
			"labels": [r.project for r in rows],
			"datasets": [
				{"name": _("Consultations"), "values": [_number(r.consultations) for r in rows]},
				{"name": _("Participants Total"), "values": [_number(r.participants) for r in rows]},
			],
		},
		"type": "bar",
	}


def report_summary(rows):
	total = next((r for r in rows if r.get("is_total_row")), None)
	projects = len([r for r in rows if not r.get("is_total_row")])
	if not total:
		return [summary(0, _("Projects"))]
	return [
		summary(projects, _("Projects")),
		summary(total.participants, _("Participants Total"), "Data"),
		summary(total.consultations, _("Consultations"), "Data"),
		summary(total.events, _("Events Held")),
		summary(total.volunteer_hours, _("Volunteer Hours"), "Float"),
	]
