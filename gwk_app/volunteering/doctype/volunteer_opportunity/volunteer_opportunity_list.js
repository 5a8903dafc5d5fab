// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.listview_settings["Volunteer Opportunity"] = {
	add_fields: ["status", "published"],
	get_indicator(doc) {
		if (doc.status === "Open" && doc.published) {
			return [__("Published"), "green", "published,=,1"];
		}
		const colours = { Open: "blue", Filled: "gray", Closed: "gray" };
		return [__(doc.status), colours[doc.status], `status,=,${doc.status}`];
	},
};
