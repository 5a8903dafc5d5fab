# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt
"""Participants against the plan, per project and year.

Named participants are residents with at least one consultation in the year, each counted once per
year however many contacts they had; anonymous contacts are added one per contact (they cannot be
told apart). The target-group share uses the project's target age (birth year, else age group)
and its districts.
"""

from datetime import date

import frappe
from frappe import _
from frappe.query_builder.functions import Count, Extract
from frappe.utils import cint, getdate, today

from gwk_app.casework import tallies
from gwk_app.permissions import allowed_projects
from gwk_app.reports import figures
from gwk_app.reports.common import column, project_targets, report_period, report_projects, summary
from gwk_app.rules.reports import (
	NO_MONTH,
	counted_since,
	in_served_district,
	in_target_age,
	month_ordinal,
	rate,
	years_of,
)

REPORT = "Participants vs Plan"
# named: [year, in the target age, in a district served, previous contact month] -> [persons] (judged
# against the project's targets when counted: a change of the targets makes the project's rows stale);
# anonymous: [year, age group, district, contacts]; imported: [year, district, contacts]
FAMILIES = {"named": 4, "anonymous": 3, "imported": 2}
STOCK = ()
PEOPLE = True
BY_DISTRICT = True
# the resident fields the people groups carry
PERSON = ("birth_year", "age_group", "district")


def execute(filters=None):
	filters = frappe._dict(filters or {})
	rows = get_data(filters)
	return columns(), rows, None, chart(rows), report_summary(rows)


def columns():
	return [
		column(_("Project"), "project", "Link", 180, "Community Project"),
		column(_("Year"), "year", "Int", 70),
		column(_("Participant Target"), "target"),
		column(_("Named Participants"), "named"),
		column(_("Anonymous Contacts"), "anonymous"),
		column(_("Imported Contacts"), "imported"),
		column(_("Participants Total"), "total"),
		column(_("% of Target"), "target_rate", "Percent", 100),
		column(_("In Target Age"), "in_target_age"),
		column(_("In Districts Served"), "in_districts"),
		column(_("In Target Group"), "in_target_group"),
		column(_("Share in Target Group"), "target_group_rate", "Percent", 120),
	]


def get_data(filters) -> list[dict]:
	projects = report_projects(filters)
	if not projects:
		return []
	start, end = report_period(filters)
	return present(figures.parts(REPORT, projects, start, end, filters.get("district")), projects, start, end)


def present(parts: dict, projects, start, end) -> list[dict]:
	"""Rows per project and year from the parts, judged against the projects' targets."""
	targets = project_targets(projects)
	rows = {}
	for project in projects:
		for year in years_of(start, end):
			rows[(project, year)] = frappe._dict(
				project=project,
				year=year,
				target=targets[project].participant_target or 0 if project in targets else 0,
				named=0,
				anonymous=0,
				imported=0,
				in_target_age=0,
				in_districts=0,
				in_target_group=0,
			)

	def count_in(row, target, year, birth_year, age_group, district, n):
		age_ok = in_target_age(year, birth_year, age_group, target.target_age_min, target.target_age_max)
		district_ok = in_served_district(district, target.districts)
		row.in_target_age += n if age_ok else 0
		row.in_districts += n if district_ok else 0
		row.in_target_group += n if age_ok and district_ok else 0

	since = month_ordinal(getdate(start))
	for project in dict.fromkeys(projects):
		for year, age_ok, district_ok, earlier, persons in parts[project]["named"]:
			if not counted_since(earlier, since, year):
				continue  # counted at an earlier month of the period (and year)
			row = rows[(project, year)]
			row.named += persons
			row.in_target_age += persons if age_ok else 0
			row.in_districts += persons if district_ok else 0
			row.in_target_group += persons if age_ok and district_ok else 0
		for year, group, where, contacts in parts[project]["anonymous"]:
			row = rows[(project, year)]
			row.anonymous += contacts
			count_in(row, targets[project], year, None, group, where, contacts)
		for year, _district, contacts in parts[project]["imported"]:
			rows[(project, year)].imported += contacts  # already among the anonymous contacts

	out = []
	for row in rows.values():
		row.total = row.named + row.anonymous
		row.target_rate = rate(row.total, row.target)
		row.target_group_rate = rate(row.in_target_group, row.total)
		out.append(row)
	return out


def participants_per_project(projects: list[str], year: int) -> dict[str, int]:
	"""{project: participants in the year}, counted as the report counts them (workspace chart and card)."""
	if not projects:
		return {}
	start, end = date(year, 1, 1), date(year, 12, 31)
	rows = present(figures.parts(REPORT, projects, start, end), projects, start, end)
	return {r.project: r.total for r in rows}


def participants_by_project(year: int | None = None) -> list[dict]:
	"""Per project in scope: participants in the year and the project's yearly target (plan).

	Counted by the Participants vs Plan report (its kept figures for the year when they are fresh):
	every resident with at least one consultation in the year once, plus every anonymous contact
	(anonymous people cannot be told apart)."""
	year = year or getdate(today()).year
	projects = allowed_projects()
	if projects == []:
		return []
	project_filters = {"name": ("in", projects)} if projects is not None else {"status": "Active"}
	plans = frappe.get_all(
		"Community Project",
		filters=project_filters,
		fields=["name", "participant_target"],
		order_by="name asc",
	)
	if not plans:
		return []
	actual = participants_per_project([p.name for p in plans], year)
	return [
		{"project": p.name, "participants": actual.get(p.name, 0), "plan": cint(p.participant_target)}
		for p in plans
	]


def _judge(targets):
	"""A people group (gwk_app.reports.figures.people) -> its "named" row, judged against the targets."""

	def named(g) -> list:
		target = targets[g.project]
		birth_year = g.r_birth_year and int(g.r_birth_year)
		age_ok = in_target_age(
			g.year, birth_year, g.r_age_group, target.target_age_min, target.target_age_max
		)
		district_ok = in_served_district(g.r_district, target.districts)
		# a previous contact before the year counts like none: the person is new in every period of the year
		earlier = g.earlier if g.earlier >= g.year * 12 else NO_MONTH
		return [g.year, int(age_ok), int(district_ok), earlier, g.persons]

	return named


def people_part(projects, groups) -> dict:
	"""{project: {"named": rows}} of people groups (the kept-figures contract's PERSON fields)."""
	named = _judge(project_targets(projects))
	out = {p: {"named": []} for p in projects}
	for g in groups:
		out[g.project]["named"].append(named(g))
	return out


def collect(projects, start, end, district=None, *, history=False, by_district=False, since=None) -> dict:
	"""{project: {"named": [...], "anonymous": [...], "imported": [...]}} (see FAMILIES): the groups the
	rows are counted from. Named people once per project and year, or with `history` once per month with
	the month of their previous contact (from the day `since` on, when given; see
	gwk_app.reports.figures.people)."""
	out = {p: {"named": [], "anonymous": [], "imported": []} for p in projects}
	_named = _judge(project_targets(projects))
	tallies.add_to_participants(out, projects, start, end, district)
	for g in anonymous_groups(projects, start, end, district):
		out[g.project]["anonymous"].append([int(g.year), g.age_group, g.district, int(g.contacts)])
	if not (history or by_district):
		# the period as a whole: every person once per project and year
		for g in _people_once(projects, start, end, district):
			out[g.project]["named"].append(_named(g))
		return out
	if by_district:
		cells = {
			p: figures.split(part, {"anonymous": 2, "imported": 1}, shown=("anonymous",))
			for p, part in out.items()
		}
		for g in figures.people(projects, start, end, per_district=True, fields=PERSON):
			if g.district:
				part = cells[g.project].setdefault(g.district, {})
				part.setdefault("named", []).append(_named(g))
		for part in cells.values():
			part[figures.ALL] = {**part[figures.ALL], "named": []}
		for g in figures.people(projects, start, end, fields=PERSON):
			cells[g.project][figures.ALL]["named"].append(_named(g))
		return cells
	for g in figures.people(projects, start, end, district, fields=PERSON, since=since):
		out[g.project]["named"].append(_named(g))
	return out


def _people_once(projects, start, end, district=None) -> list:
	"""Groups of named people in the period, as `figures.people` gives them, each person once per project
	and year (their resident fields are the same in all their consultations; no previous contact counts).
	One grouped query beside the anonymous contacts' own, as a hand-written report would have them (one
	pass over both, choosing the grouping keys per row by CASE, took half as long again)."""
	c = frappe.qb.DocType("Consultation")
	r = frappe.qb.DocType("Resident")
	year = Extract("year", c.consultation_date)
	rows = (
		frappe.qb.from_(c)
		.join(r)
		.on(r.name == c.resident)
		.select(
			c.project,
			year.as_("year"),
			r.birth_year.as_("r_birth_year"),
			r.age_group.as_("r_age_group"),
			r.district.as_("r_district"),
			Count(c.resident).distinct().as_("persons"),
		)
		# a consultation with a resident is never anonymous (Consultation.validate_person), so the resident
		# alone tells the named ones, as in figures.people: asking for `anonymous` too, which the (resident,
		# project, date) index does not hold, made every look-up read the row (1.1 s against 0.65 s a year)
		.where(_where(c, projects, start, end, district) & c.resident.isnotnull())
		.groupby(c.project, year, r.birth_year, r.age_group, r.district)
		.run(as_dict=True)
	)
	for row in rows:
		row.year, row.persons, row.earlier = int(row.year), int(row.persons), NO_MONTH
	return rows


def _where(c, projects, start, end, district):
	cond = c.project.isin(projects) & (c.consultation_date >= start) & (c.consultation_date <= end)
	if district:
		cond &= c.district == district
	return cond


def anonymous_groups(projects, start, end, district=None):
	c = frappe.qb.DocType("Consultation")
	year = Extract("year", c.consultation_date)
	return (
		frappe.qb.from_(c)
		.select(c.project, year.as_("year"), c.age_group, c.district, Count("*").as_("contacts"))
		.where(_where(c, projects, start, end, district) & (c.anonymous == 1))
		.groupby(c.project, year, c.age_group, c.district)
		.run(as_dict=True)
	)


def chart(rows):
	if not rows:
		return None
	labels = [f"{r.project} {r.year}" for r in rows]
	return {
		"data": {
			"labels": labels,
			"datasets": [
				{"name": _("Participants Total"), "values": [r.total for r in rows]},
				{"name": _("Participant Target"), "values": [r.target for r in rows]},
			],
		},
		"type": "bar",
	}


def report_summary(rows):
	total = sum(r.total for r in rows)
	target = sum(r.target for r in rows)
	reached = rate(total, target)
	return [
		summary(sum(r.named for r in rows), _("Named Participants")),
		summary(sum(r.anonymous for r in rows), _("Anonymous Contacts")),
		summary(total, _("Participants Total")),
		summary(target, _("Participant Target")),
		summary(reached, _("% of Target"), "Percent", "Green" if (reached or 0) >= 100 else "Orange"),
	]
