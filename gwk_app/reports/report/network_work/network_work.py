# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt
"""Network work (Gremienarbeit): meetings per network in the period, with attendance and follow-ups."""

import frappe
from frappe import _
from frappe.query_builder.functions import Count

from gwk_app.reports.common import column, report_period, report_projects, summary


def execute(filters=None):
	filters = frappe._dict(filters or {})
	projects = report_projects(filters)
	start, end = report_period(filters)
	rows = get_data(projects, start, end, filters.get("district")) if projects else []
	return columns(), rows, None, chart(rows), report_summary(rows)


def columns():
	return [
		column(_("Project"), "project", "Link", 160, "Community Project"),
		column(_("Network"), "network", "Link", 120, "Network"),
		column(_("Network Name"), "network_name", "Data", 200),
		column(_("Network Type"), "network_type", "Select", 130),
		column(_("Level"), "level", "Select", 90),
		column(_("District"), "district", "Link", 120, "District"),
		column(_("Meetings"), "meetings"),
		column(_("Attendances"), "attendances"),
		column(_("Partners Attending"), "partners", "Int", 130),
		column(_("Follow-ups"), "follow_ups"),
	]


def get_data(projects, start, end, district=None):
	n = frappe.qb.DocType("Network")
	m = frappe.qb.DocType("Network Meeting")
	cond = m.project.isin(projects) & (m.meeting_date >= start) & (m.meeting_date <= end)
	if district:
		cond &= n.district == district
	rows = (
		frappe.qb.from_(m)
		.join(n)
		.on(n.name == m.network)
		.select(
			m.project,
			m.network,
			n.network_name,
			n.network_type,
			n.level,
			n.district,
			Count(m.name).as_("meetings"),
		)
		.where(cond)
		.groupby(m.project, m.network, n.network_name, n.network_type, n.level, n.district)
		.orderby(m.project)
		.orderby(n.network_name)
		.run(as_dict=True)
	)
	if not rows:
		return rows
	meetings = frappe.qb.from_(m).join(n).on(n.name == m.network).select(m.name).where(cond)
	a = frappe.qb.DocType("Network Meeting Attendee")
	f = frappe.qb.DocType("Network Meeting Follow Up")
	attend = {
		r.network: r
		for r in frappe.qb.from_(a)
		.join(m)
		.on(m.name == a.parent)
		.select(m.network, Count("*").as_("n"), Count(a.partner).distinct().as_("partners"))
		.where(a.parent.isin(meetings) & (a.parenttype == "Network Meeting"))
		.groupby(m.network)
		.run(as_dict=True)
	}
	follow = {
		r.network: int(r.n)
		for r in frappe.qb.from_(f)
		.join(m)
		.on(m.name == f.parent)
		.select(m.network, Count("*").as_("n"))
		.where(f.parent.isin(meetings) & (f.parenttype == "Network Meeting"))
		.groupby(m.network)
		.run(as_dict=True)
	}
	for r in rows:
		r.attendances = int(attend[r.network].n) if r.network in attend else 0
		r.partners = int(attend[r.network].partners) if r.network in attend else 0
		r.follow_ups = follow.get(r.network, 0)
		r.network_type = _(r.network_type)
		r.level = _(r.level)
	return rows


def chart(rows):
	if not rows:
		return None
	return {
		"data": {
			"labels": [r.network_name for r in rows],
			"datasets": [{"name": _("Meetings"), "values": [r.meetings for r in rows]}],
		},
		"type": "bar",
	}


def report_summary(rows):
	return [
		summary(len(rows), _("Networks")),
		summary(sum(r.meetings for r in rows), _("Meetings")),
		summary(sum(r.attendances for r in rows), _("Attendances")),
		summary(sum(r.follow_ups for r in rows), _("Follow-ups")),
	]
