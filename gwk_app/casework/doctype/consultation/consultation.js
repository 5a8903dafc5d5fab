// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.ui.form.on("Consultation", {
	setup(frm) {
		for (const field of ["resident", "case"]) {
			frm.set_query(field, () => ({ filters: { project: frm.doc.project } }));
		}
	},
	anonymous(frm) {
		if (frm.doc.anonymous) {
			frm.set_value("resident", null);
		}
	},
});
