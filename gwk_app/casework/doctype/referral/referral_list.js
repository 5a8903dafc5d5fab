// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.listview_settings["Referral"] = {
	add_fields: ["status", "feedback_on"],
	get_indicator(doc) {
		const colours = {
			Referred: "blue",
			Appointment: "orange",
			Completed: "green",
			"Not Taken Up": "gray",
			Declined: "red",
		};
		return [__(doc.status), colours[doc.status] || "gray", "status,=," + doc.status];
	},
};
