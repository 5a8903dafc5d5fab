// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.listview_settings["Community Event"] = {
	add_fields: ["status", "published", "starts_on"],
	get_indicator(doc) {
		const colours = { Planned: "blue", Held: "green", Cancelled: "red" };
		return [__(doc.status), colours[doc.status] || "gray", "status,=," + doc.status];
	},
};
