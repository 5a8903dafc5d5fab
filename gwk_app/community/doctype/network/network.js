// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.ui.form.on("Network", {
	refresh(frm) {
		if (!frm.is_new()) {
			frm.add_custom_button(__("New Meeting"), () => {
				frappe.new_doc("Network Meeting", { network: frm.doc.name });
			});
		}
	},
});
