// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.ui.form.on("Community Volunteer", {
	setup(frm) {
		frm.set_query("resident", () => ({ filters: { project: frm.doc.project } }));
		frm.set_query("user", () => ({ filters: { user_type: "Website User", enabled: 1 } }));
	},
	refresh(frm) {
		if (!frm.is_new() && frm.doc.status !== "Left") {
			frm.add_custom_button(__("New Assignment"), () => {
				frappe.new_doc("Volunteer Assignment", {
					project: frm.doc.project,
					volunteer: frm.doc.name,
				});
			});
		}
	},
});
