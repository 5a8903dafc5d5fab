// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.listview_settings["Consultation Appointment"] = {
	add_fields: ["status"],
	get_indicator(doc) {
		const colour = { Requested: "orange", Confirmed: "blue", Attended: "green", "No-Show": "red", Cancelled: "gray" };
		return [__(doc.status), colour[doc.status] || "gray", "status,=," + doc.status];
	},
	onload(listview) {
		listview.page.add_inner_button(__("My Calendar"), () =>
			frappe.set_route("List", "Consultation Appointment", "Calendar", "Default", {
				staff_member: frappe.session.user,
			})
		);
	},
};
