// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.ui.form.on("Consent", {
	purpose(frm) {
		// ESF participant data include special categories (Art. 9 GDPR): explicit consent
		if (frm.doc.purpose === "ESF Participant Data" && !frm.doc.legal_basis?.startsWith("Art. 9")) {
			frm.set_value("legal_basis", "Art. 9(2)(a) GDPR Explicit Consent");
		}
	},

	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Print Consent Form"), () => {
			frappe.utils.print(frm.doctype, frm.docname, "Consent Form", null, "de");
		});
		if (!frm.doc.withdrawn_on && frm.perm[0]?.write) {
			frm.add_custom_button(__("Record Withdrawal"), () => {
				frappe.prompt(
					{
						fieldname: "withdrawn_on",
						fieldtype: "Date",
						label: __("Withdrawn On"),
						reqd: 1,
						default: frappe.datetime.get_today(),
					},
					async (values) => {
						await frm.set_value("withdrawn_on", values.withdrawn_on);
						await frm.save();
					},
					__("Record Withdrawal"),
					__("Save")
				);
			});
		}
	},
});
