// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.ui.form.on("Volunteer Assignment", {
	setup(frm) {
		frm.set_query("volunteer", () => ({
			filters: { project: frm.doc.project, status: "Active" },
		}));
		for (const field of ["opportunity", "community_event"]) {
			frm.set_query(field, () => ({ filters: { project: frm.doc.project } }));
		}
	},
	refresh(frm) {
		if (!frm.is_new() && frm.doc.status !== "Cancelled") {
			frm.add_custom_button(__("Log Hours"), () => {
				frappe.new_doc("Volunteer Hours", { assignment: frm.doc.name });
			});
		}
	},
});
