// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.views.calendar["Community Event"] = {
	field_map: {
		start: "starts_on",
		end: "ends_on",
		id: "name",
		title: "title",
		status: "status",
	},
	fields: ["name", "title", "starts_on", "ends_on", "status"],
	get_css_class(data) {
		return { Held: "success", Cancelled: "danger" }[data.status] || "default";
	},
	filters: [
		{ fieldtype: "Link", fieldname: "project", options: "Community Project", label: __("Community Project") },
		{ fieldtype: "Link", fieldname: "district", options: "District", label: __("District") },
	],
	get_events_method: "frappe.desk.calendar.get_events",
};
