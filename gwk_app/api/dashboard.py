"""Figures for the Gemeinwesen workspace: custom number cards, the participants chart, and a safe
replacement for the dashboard chart endpoint.

Every figure is restricted to `gwk_app.permissions.allowed_projects()`: a user sees the figures of the
projects they are on the team of, a user on no project sees zeros.
"""

from datetime import timedelta
from inspect import unwrap

import frappe
from frappe import _
from frappe.desk.doctype.dashboard_chart import dashboard_chart as core_chart
from frappe.query_builder.functions import Count
from frappe.utils import cint, getdate, today

from gwk_app.access import PROJECT_BOUND, PROJECT_BOUND_CHILDREN
from gwk_app.permissions import allowed_projects
from gwk_app.reports.report.participants_vs_plan.participants_vs_plan import participants_per_project
from gwk_app.rules.casework import REFERRAL_OPEN_STATUSES

DEFAULT_FEEDBACK_DAYS = 14


def _scope_projects() -> list[str] | None:
	"""The projects whose figures the user sees: None = all."""
	return allowed_projects()


def feedback_days() -> int:
	return cint(frappe.db.get_single_value("GWK Settings", "referral_feedback_days")) or DEFAULT_FEEDBACK_DAYS


def overdue_cutoff() -> str:
	"""Referrals made on or before this date without feedback are overdue."""
	return str(getdate(today()) - timedelta(days=feedback_days()))


def count_overdue_referrals() -> int:
	projects = _scope_projects()
	if projects == []:
		return 0
	referral = frappe.qb.DocType("Referral")
	query = (
		frappe.qb.from_(referral)
		.select(Count(referral.name))
		.where(referral.status.isin(sorted(REFERRAL_OPEN_STATUSES)))
		.where(referral.feedback_on.isnull())
		.where(referral.referred_on <= overdue_cutoff())
	)
	if projects is not None:
		query = query.where(referral.project.isin(projects))
	return query.run()[0][0] or 0


@frappe.whitelist()
def overdue_referrals(filters: str | dict | None = None) -> dict:
	"""Number card: open referrals without feedback after GWK Settings' referral_feedback_days."""
	frappe.has_permission("Referral", "read", throw=True)
	return {
		"value": count_overdue_referrals(),
		"fieldtype": "Int",
		"route": ["List", "Referral"],
		"route_options": {
			"status": ["in", sorted(REFERRAL_OPEN_STATUSES)],
			"feedback_on": ["is", "not set"],
			"referred_on": ["<=", overdue_cutoff()],
		},
	}


def participants_by_project(year: int | None = None) -> list[dict]:
	"""Per project in scope: participants in the year and the project's yearly target (plan).

	Counted by the Participants vs Plan report (its kept figures for the year when they are fresh):
	every resident with at least one consultation in the year once, plus every anonymous contact
	(anonymous people cannot be told apart)."""
	year = year or getdate(today()).year
	projects = _scope_projects()
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


@frappe.whitelist()
def participants_vs_plan(filters: str | dict | None = None) -> str:
	"""Number card: participants this year against the yearly plan of the user's projects."""
	frappe.has_permission("Consultation", "read", throw=True)
	rows = participants_by_project()
	actual = sum(r["participants"] for r in rows)
	plan = sum(r["plan"] for r in rows)
	return _("{0} of {1}").format(actual, plan)


def _chart_doctypes(chart) -> set[str]:
	return {d for d in (chart.get("document_type"), chart.get("parent_document_type")) if d}


def _guarded(chart) -> bool:
	return bool(_chart_doctypes(chart) & (set(PROJECT_BOUND) | set(PROJECT_BOUND_CHILDREN)))


@frappe.whitelist()
def get_chart(
	chart_name: str | None = None,
	chart: str | dict | None = None,
	no_cache: str | int | None = None,
	filters: str | list | dict | None = None,
	from_date: str | None = None,
	to_date: str | None = None,
	timespan: str | None = None,
	time_interval: str | None = None,
	heatmap_year: str | int | None = None,
	refresh: str | int | None = None,
):
	"""frappe.desk.doctype.dashboard_chart.dashboard_chart.get, safe for project-bound doctypes.

	Core caches a chart's result under the chart's name only, so the figures computed for one user
	are served to the next user of another project; and its heatmap counts with get_all, without any
	permission check. For charts on project-bound doctypes the figures are computed for the current
	user every time (through get_list), and heatmaps are refused."""
	kwargs = {
		"chart_name": chart_name,
		"chart": chart,
		"no_cache": no_cache,
		"filters": filters,
		"from_date": from_date,
		"to_date": to_date,
		"timespan": timespan,
		"time_interval": time_interval,
		"heatmap_year": heatmap_year,
		"refresh": refresh,
	}
	if chart_name:
		if not isinstance(chart_name, str):
			frappe.throw(_("Invalid chart"), frappe.ValidationError)
		source = frappe.get_doc("Dashboard Chart", chart_name)
	else:
		source = frappe._dict(frappe.parse_json(chart) or {})
	if not _guarded(source):
		return core_chart.get(**kwargs)

	doctype = sorted(_chart_doctypes(source))[0]
	frappe.has_permission(doctype, "read", throw=True)
	if chart_name:
		source.check_permission("read")
	if source.get("type") == "Heatmap":
		frappe.throw(
			_("Heatmap charts are not available for {0}.").format(_(doctype)), frappe.PermissionError
		)
	# core's cache wrapper turns the empty strings the chart widget sends into None; so do we
	kwargs = {key: (None if value == "" else value) for key, value in kwargs.items()}
	compute = unwrap(core_chart.get)
	if chart_name:
		kwargs.pop("chart")
	else:
		kwargs.pop("chart_name")
	for key in ("no_cache", "refresh"):
		kwargs.pop(key)
	return compute(**kwargs)
