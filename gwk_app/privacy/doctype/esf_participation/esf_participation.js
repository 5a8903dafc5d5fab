// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.ui.form.on("ESF Participation", {
	refresh(frm) {
		if (frm.is_new() || !frm.perm[0]?.write) return;
		frm.add_custom_button(__("Record Re-entry"), () => {
			frappe.prompt(
				[
					{
						fieldname: "reentry_on",
						fieldtype: "Date",
						label: __("Re-entry Date"),
						reqd: 1,
						default: frappe.datetime.get_today(),
					},
					{ fieldname: "exit_date", fieldtype: "Date", label: __("Exit Date") },
					{
						fieldname: "exit_status",
						fieldtype: "Select",
						label: __("Situation at Exit"),
						options: frm.fields_dict.exit_status.df.options,
					},
				],
				async (values) => {
					await frm.call("record_reentry", values);
					frm.reload_doc();
				},
				__("Record Re-entry"),
				__("Save")
			);
		});
	},
});
