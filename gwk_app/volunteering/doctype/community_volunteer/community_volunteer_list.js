// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.listview_settings["Community Volunteer"] = {
	add_fields: ["status", "clearance_valid_until"],
	get_indicator(doc) {
		if (doc.status === "Active" && doc.clearance_valid_until && doc.clearance_valid_until < frappe.datetime.get_today()) {
			return [__("Police Clearance Expired"), "red", `clearance_valid_until,<,${frappe.datetime.get_today()}`];
		}
		const colours = { Active: "green", Paused: "orange", Left: "gray" };
		return [__(doc.status), colours[doc.status], `status,=,${doc.status}`];
	},
};
