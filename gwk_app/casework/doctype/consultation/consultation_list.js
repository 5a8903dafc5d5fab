// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.listview_settings["Consultation"] = {
	add_fields: ["anonymous", "resident"],
	get_indicator(doc) {
		return cint(doc.anonymous)
			? [__("Anonymous"), "gray", "anonymous,=,1"]
			: [__("Named"), "blue", "anonymous,=,0"];
	},
	onload(listview) {
		listview.page.add_inner_button(__("Quick Entry"), () => gwk_app.quick_consultation());
	},
};
