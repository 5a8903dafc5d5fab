// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.ui.form.on("Resident", {
	refresh(frm) {
		if (frm.doc.possible_duplicate && frm.doc.duplicate_candidates) {
			const links = frm.doc.duplicate_candidates
				.split(",")
				.map((name) => name.trim())
				.filter(Boolean)
				.map((name) => `<a href="/app/resident/${encodeURIComponent(name)}">${frappe.utils.escape_html(name)}</a>`)
				.join(", ");
			frm.set_intro(
				__("Possible duplicate of {0}. Compare the records; nothing is merged automatically.", [links]),
				"orange"
			);
		}
	},
});
