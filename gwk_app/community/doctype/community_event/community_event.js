// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.ui.form.on("Community Event", {
	setup(frm) {
		frm.set_query("resident", "participants", () => ({ filters: { project: frm.doc.project } }));
		frm.set_query("consent", "photos", () => ({
			filters: { project: frm.doc.project, purpose: "Photos and Publication", status: "Active" },
		}));
	},
	refresh(frm) {
		if (!frm.is_new() && frm.doc.status !== "Cancelled" && frm.perm[0] && frm.perm[0].write) {
			frm.add_custom_button(__("Record Attendance"), () => gwk_record_attendance(frm));
		}
		if (frm.doc.series) {
			frm.add_custom_button(__("Series"), () =>
				frappe.set_route("Form", "Community Event Series", frm.doc.series)
			);
		}
	},
});

function gwk_record_attendance(frm) {
	const open = (frm.doc.participants || []).filter((row) => row.status !== "Attended");
	const options = open.map((row) => ({
		label: `${frappe.utils.escape_html(row.guest_name || row.resident_name || row.resident)} (${__(row.status)})`,
		value: row.name,
		checked: row.status === "Registered",
	}));
	const fields = [];
	if (options.length) {
		fields.push({
			fieldtype: "MultiCheck",
			fieldname: "participants",
			label: __("Mark as Attended"),
			options: options,
			columns: 2,
		});
	}
	fields.push({
		fieldtype: "Small Text",
		fieldname: "names",
		label: __("Names from the Paper List"),
		description: __(
			"One name per line. A name already on the list is marked as attended; new names are added as guests."
		),
	});
	const dialog = new frappe.ui.Dialog({
		title: __("Record Attendance"),
		fields: fields,
		primary_action_label: __("Save Attendance"),
		primary_action(values) {
			if (frm.is_dirty()) {
				frappe.msgprint(__("Save the event first."));
				return;
			}
			frappe
				.call({
					method: "gwk_app.api.events.mark_attendance",
					args: {
						event: frm.doc.name,
						participants: values.participants || [],
						names: values.names || "",
					},
					freeze: true,
				})
				.then((r) => {
					dialog.hide();
					frappe.show_alert({
						message: __("{0} marked as attended, {1} added.", [r.message.marked, r.message.added]),
						indicator: "green",
					});
					frm.reload_doc();
				});
		},
	});
	dialog.show();
}
