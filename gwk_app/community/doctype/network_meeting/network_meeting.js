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
		if (frm.doc.network) {
			frm.add_custom_button(__("Add Member Partners as Attendees"), () => add_member_partners(frm));
		}
	},
	network(frm) {
		if (!frm.doc.network) return;
		frappe.db.get_value("Network", frm.doc.network, "project").then((r) => {
			if (r.message && r.message.project) frm.set_value("project", r.message.project);
		});
	},
});

function add_member_partners(frm) {
	frappe.db.get_doc("Network", frm.doc.network).then((network) => {
		const present = new Set((frm.doc.attendees || []).map((row) => row.partner).filter(Boolean));
		let added = 0;
		for (const member of network.members || []) {
			if (!present.has(member.partner)) {
				frm.add_child("attendees", { partner: member.partner });
				added += 1;
			}
		}
		frm.refresh_field("attendees");
		frappe.show_alert(__("{0} attendees added.", [added]));
	});
}
