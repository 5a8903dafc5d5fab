// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Carrier Anonymous Share"] = {
	method: "gwk_app.api.carrier.anonymous_share_chart",
	filters: [],
};
