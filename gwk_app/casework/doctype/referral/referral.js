// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.ui.form.on("Referral", {
	setup(frm) {
		for (const field of ["resident", "case", "consultation"]) {
			frm.set_query(field, () => ({ filters: { project: frm.doc.project } }));
		}
		frm.set_query("partner", () => ({ filters: { takes_referrals: 1 } }));
	},
});
