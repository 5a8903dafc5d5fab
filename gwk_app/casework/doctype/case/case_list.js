// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.listview_settings["Case"] = {
	add_fields: ["status", "next_follow_up"],
	get_indicator(doc) {
		const colours = {
			Open: "blue",
			"In Progress": "orange",
			Referred: "purple",
			Dormant: "gray",
			Closed: "green",
		};
		if (doc.status !== "Closed" && doc.next_follow_up && doc.next_follow_up < frappe.datetime.get_today()) {
			return [__("Follow-up Due"), "red", "next_follow_up,<," + frappe.datetime.get_today()];
		}
		return [__(doc.status), colours[doc.status] || "gray", "status,=," + doc.status];
	},
};
