// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.ui.form.on("Case", {
	setup(frm) {
		frm.set_query("resident", () => ({ filters: { project: frm.doc.project } }));
		frm.set_query("resident", "parties", () => ({ filters: { project: frm.doc.project } }));
	},
});
