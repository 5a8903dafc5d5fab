// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.ui.form.on("Data Subject Request", {
	refresh(frm) {
		if (frm.is_new()) return;
		const same = frm.doc.__onload?.same_person || [];
		if (same.length) {
			frm.set_intro(
				__("The same person may also be recorded in other projects: {0}. Answer the request for each record.", [
					same.map((r) => `${frappe.utils.escape_html(r.resident)} (${frappe.utils.escape_html(r.project)})`).join(", "),
				]),
				"orange"
			);
		}
		if (frm.doc.request_type === "Art. 15 Access") {
			for (const format of ["JSON", "PDF"]) {
				frm.add_custom_button(
					format === "JSON" ? __("Data Export (JSON)") : __("Data Export (PDF)"),
					() => {
						const url = frappe.urllib.get_full_url(
							"/api/method/gwk_app.privacy.doctype.data_subject_request.data_subject_request.download_export?" +
								new URLSearchParams({ name: frm.doc.name, file_format: format }).toString()
						);
						window.open(url);
					},
					__("Answer Request")
				);
			}
		}
		if (frm.doc.request_type === "Art. 17 Erasure" && !frm.doc.erased_on) {
			frm.add_custom_button(
				__("Erase Personal Data"),
				() => frm.trigger("erase"),
				__("Answer Request")
			);
		}
	},

	async erase(frm) {
		if (frm.is_dirty()) await frm.save();
		const holds = (await frm.call("get_holds")).message || [];
		const message = holds.length
			? __(
					"This resident still has an open case or an ESF participation under the retention duty. Erase anyway, having weighed Art. 17(3) GDPR?"
			  )
			: __("Erase all personal data of this resident? This cannot be undone.");
		frappe.confirm(message, async () => {
			await frm.call("erase_personal_data", { confirm_holds: holds.length ? 1 : 0 });
			frappe.show_alert({ message: __("Personal data erased."), indicator: "green" });
			frm.reload_doc();
		});
	},
});
