// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.ui.form.on("Network Meeting", {
	setup(frm) {
		frm.set_query("network", () => ({ filters: { active: 1 } }));
	},
	refresh(frm) {
		if (!frm.is_new() && (frm.doc.follow_ups || []).some((row) => !row.todo)) {
			frm.add_custom_button(__("Create ToDos"), () => {
				frm.call("create_todos").then(() => frm.reload_doc());
			});
		}
	},
});

frappe.ui.form.on("Network Meeting", "network", (frm) => {
	if (!frm.doc.network) return;
	frappe.db.get_value("Network", frm.doc.network, "project").then((r) => {
		if (r.message && r.message.project) frm.set_value("project", r.message.project);
	});
});
