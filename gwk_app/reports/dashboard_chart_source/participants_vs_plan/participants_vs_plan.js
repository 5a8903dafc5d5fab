// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Participants vs Plan"] = {
	method: "gwk_app.reports.dashboard_chart_source.participants_vs_plan.participants_vs_plan.get",
	filters: [],
};
