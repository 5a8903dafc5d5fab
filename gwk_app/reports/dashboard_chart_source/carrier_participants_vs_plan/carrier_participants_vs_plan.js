// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Carrier Participants vs Plan"] = {
	method: "gwk_app.api.carrier.participants_vs_plan_chart",
	filters: [],
};
