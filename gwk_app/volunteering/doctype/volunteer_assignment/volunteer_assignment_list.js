// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.listview_settings["Volunteer Assignment"] = {
	add_fields: ["status"],
	get_indicator(doc) {
		const colours = { Planned: "blue", Active: "green", Completed: "gray", Cancelled: "red" };
		return [__(doc.status), colours[doc.status], `status,=,${doc.status}`];
	},
};
