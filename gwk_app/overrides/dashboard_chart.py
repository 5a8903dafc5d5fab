"""frappe.desk.doctype.dashboard_chart.dashboard_chart.get, safe for project-bound doctypes (hooks.py
`override_whitelisted_methods`; tests/integration/test_overrides.py checks the signature against core)."""

from inspect import unwrap

import frappe
from frappe import _
from frappe.desk.doctype.dashboard_chart import dashboard_chart as core_chart

from gwk_app.access import PROJECT_BOUND, PROJECT_BOUND_CHILDREN


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
