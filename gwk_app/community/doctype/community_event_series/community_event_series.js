// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.ui.form.on("Community Event Series", {
	refresh(frm) {
		if (frm.is_new()) {
			return;
		}
		frm.add_custom_button(__("Generate Sessions"), async () => {
			if (frm.is_dirty()) {
				await frm.save();
			}
			await frm.call("generate_sessions");
			frm.reload_doc();
		});
		frm.add_custom_button(__("Sessions"), () =>
			frappe.set_route("List", "Community Event", { series: frm.doc.name })
		);
	},
});
