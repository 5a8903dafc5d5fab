# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt
"""Issue radar: consultation topics (anonymous and named contacts alike) rising in a district, this
month and this quarter against the same days a year before. The rule and its parameters are
documented in gwk_app.rules.radar. Counts below the small-cell threshold are shown as ".". A flagged
row offers a button that records an Area Observation (gwk_app.api.radar.record_observation)."""

import frappe
from frappe import _
from frappe.query_builder.functions import Count
from frappe.utils import getdate, today

from gwk_app.reports.common import column, report_projects, summary
from gwk_app.rules import radar
from gwk_app.settings import small_cell_threshold


def execute(filters=None):
	filters = frappe._dict(filters or {})
	projects = report_projects(filters, carrier_wide=True)
	as_of = getdate(filters.get("as_of") or today())
	rows = get_data(projects, as_of, filters.get("district"), small_cell_threshold())
	if filters.get("only_rising", 1) not in (0, "0", False):
		rows = [r for r in rows if r.rising]
	flagged = sum(1 for r in rows if r.rising)
	message = _(
		"Rising: at least {0} consultations on the topic in the district and at least {1} times as many as"
		" in the same days a year before."
	).format(radar.MIN_COUNT, str(radar.RISE_FACTOR).replace(".", ","))
	return columns(), rows, message, None, [summary(flagged, _("Rising Topics"), indicator="Orange")]


def columns():
	return [
		column(_("Project"), "project", "Link", 170, "Community Project"),
		column(_("District"), "district", "Link", 140, "District"),
		column(_("Topic"), "topic", "Link", 170, "Topic"),
		column(_("Period"), "period", "Data", 90),
		column(_("Contacts"), "current", "Data", 90),
		column(_("A Year Before"), "previous", "Data", 110),
		column(_("Change %"), "change", "Data", 90),
		column(_("Rising"), "rising", "Check", 70),
		column(_("Action"), "action", "Data", 160),
	]


def counts(projects, start, end, district=None) -> dict[tuple[str, str, str], int]:
	"""{(project, district, topic): consultations} in the period (a contact with two topics counts for
	each)."""
	if not projects:
		return {}
	c = frappe.qb.DocType("Consultation")
	t = frappe.qb.DocType("Consultation Topic")
	cond = (
		c.project.isin(projects)
		& (c.consultation_date >= start)
		& (c.consultation_date <= end)
		& c.district.isnotnull()
		& (t.parenttype == "Consultation")
		& (t.parentfield == "topics")
	)
	if district:
		cond &= c.district == district
	rows = (
		frappe.qb.from_(t)
		.join(c)
		.on(t.parent == c.name)
		.select(c.project, c.district, t.topic, Count("*").as_("n"))
		.where(cond)
		.groupby(c.project, c.district, t.topic)
		.run(as_dict=True)
	)
	return {(r.project, r.district, r.topic): int(r.n) for r in rows}


def flags(projects, as_of, district=None) -> list[frappe._dict]:
	"""Every (project, district, topic, period) with its true counts and whether it is rising."""
	out = []
	for period, (start, end, prev_start, prev_end) in radar.windows(as_of).items():
		current = counts(projects, start, end, district)
		previous = counts(projects, prev_start, prev_end, district)
		for key in sorted(set(current) | set(previous)):
			cur, prev = current.get(key, 0), previous.get(key, 0)
			out.append(
				frappe._dict(
					project=key[0],
					district=key[1],
					topic=key[2],
					period_value=period,
					current_raw=cur,
					previous_raw=prev,
					rising=int(radar.is_rising(cur, prev)),
				)  # fmt: skip
			)
	return out


def get_data(projects, as_of, district=None, threshold=3):
	rows = []
	for f in flags(projects, as_of, district):
		f.period = _(f.period_value)
		f.current = radar.shown(f.current_raw, threshold)
		f.previous = radar.shown(f.previous_raw, threshold)
		f.change = radar.change(f.current_raw, f.previous_raw, threshold)
		del f["current_raw"], f["previous_raw"]
		rows.append(f)
	rows.sort(key=lambda r: (-r.rising, r.project, r.district, r.topic, r.period_value))
	return rows


def count_rising(projects, as_of) -> int:
	return sum(1 for f in flags(projects, as_of) if f.rising)
