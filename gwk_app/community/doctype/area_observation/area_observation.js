// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.ui.form.on("Area Observation", {
	follow_up_status(frm) {
		if (frm.doc.follow_up_status === "Passed On" && !frm.doc.passed_on_date) {
			frm.set_value("passed_on_date", frappe.datetime.get_today());
		}
	},
});
