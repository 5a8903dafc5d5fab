// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt
// Calendar of appointments: filter by project and by staff member (both in the sidebar filters).

frappe.views.calendar["Consultation Appointment"] = {
	field_map: {
		start: "starts_on",
		end: "ends_on",
		id: "name",
		title: "subject",
		status: "status",
	},
	fields: ["name", "subject", "starts_on", "ends_on", "status", "staff_member", "project"],
	get_css_class(data) {
		return (
			{ Confirmed: "success", Attended: "success", "No-Show": "danger", Cancelled: "danger" }[
				data.status
			] || "warning"
		);
	},
	filters: [
		{ fieldtype: "Link", fieldname: "project", options: "Community Project", label: __("Community Project") },
		{ fieldtype: "Link", fieldname: "staff_member", options: "User", label: __("Staff Member") },
	],
	get_events_method: "frappe.desk.calendar.get_events",
};
