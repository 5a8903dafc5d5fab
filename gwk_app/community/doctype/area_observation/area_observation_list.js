// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.listview_settings["Area Observation"] = {
	add_fields: ["follow_up_status", "district", "category"],
	get_indicator(doc) {
		const colours = { Open: "orange", "Passed On": "blue", Done: "green" };
		return [__(doc.follow_up_status), colours[doc.follow_up_status], `follow_up_status,=,${doc.follow_up_status}`];
	},
	onload(listview) {
		if (listview.view_name === "Map") return;
		listview.page.add_inner_button(__("Map by District"), () => {
			const district = (listview.filter_area.get() || []).find((f) => f[1] === "district");
			frappe.route_options = district ? { district: district[3] } : {};
			frappe.set_route("List", "Area Observation", "Map");
		});
	},
};
