// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.ui.form.on("Community Project", {
	setup(frm) {
		frm.set_query("user", "team", () => ({ filters: { user_type: "System User", enabled: 1 } }));
	},
});
