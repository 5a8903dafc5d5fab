// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.ui.form.on("Volunteer Hours", {
	setup(frm) {
		frm.set_query("assignment", () => ({
			filters: { status: ["!=", "Cancelled"] },
		}));
	},
});

frappe.ui.form.on("Volunteer Hours", "assignment", (frm) => {
	if (!frm.doc.assignment) return;
	frappe.db.get_value("Volunteer Assignment", frm.doc.assignment, "project").then((r) => {
		if (r.message && r.message.project) frm.set_value("project", r.message.project);
	});
});
