// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Carrier Contacts per Month"] = {
	method: "gwk_app.api.carrier.contacts_per_month_chart",
	filters: [],
};
