// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.listview_settings["Consent"] = {
	add_fields: ["status"],
	get_indicator(doc) {
		return doc.status === "Withdrawn"
			? [__("Withdrawn"), "red", "status,=,Withdrawn"]
			: [__("Active"), "green", "status,=,Active"];
	},
};
