// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt
// Status buttons (confirm, attended, no-show, cancel) and, for an attended appointment, its
// consultation in one click.

const GWK_NEXT_STATUS = {
	Requested: ["Confirmed", "Attended", "No-Show", "Cancelled"],
	Confirmed: ["Attended", "No-Show", "Cancelled"],
	"No-Show": ["Attended"],
};
const GWK_STATUS_ACTION = {
	Confirmed: __("Confirm"),
	Attended: __("Mark as Attended"),
	"No-Show": __("Mark as No-Show"),
	Cancelled: __("Cancel Appointment"),
};

frappe.ui.form.on("Consultation Appointment", {
	setup(frm) {
		frm.set_query("resident", () => ({ filters: { project: frm.doc.project } }));
	},
	onload(frm) {
		if (frm.is_new() && !frm.doc.starts_on) {
			// the site's date, not the browser's
			frm.set_value("starts_on", frappe.datetime.get_today() + " 10:00:00");
		}
	},
	refresh(frm) {
		if (frm.is_new()) return;
		for (const status of GWK_NEXT_STATUS[frm.doc.status] || []) {
			frm.add_custom_button(
				GWK_STATUS_ACTION[status],
				() => {
					frm.set_value("status", status);
					frm.save();
				},
				__("Status")
			);
		}
		if (frm.doc.status === "Attended") {
			const label = frm.doc.consultation ? __("Open Consultation") : __("Create Consultation");
			frm.add_custom_button(label, () => {
				frappe
					.xcall("gwk_app.api.appointments.make_consultation", { appointment: frm.doc.name })
					.then((name) => frappe.set_route("Form", "Consultation", name));
			}).addClass("btn-primary");
		}
	},
	resident(frm) {
		if (frm.doc.resident) frm.set_value("first_name", null);
	},
});
