// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.ui.form.on("Volunteer Opportunity", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Suggest Volunteers"), () => gwk_app.show_volunteer_matches(frm));
		gwk_app.show_volunteer_matches(frm);
	},
});

frappe.provide("gwk_app");

gwk_app.show_volunteer_matches = (frm) => {
	frappe.call({
		method: "gwk_app.api.volunteering.suggest_volunteers",
		args: { opportunity: frm.doc.name },
		callback(r) {
			const rows = r.message || [];
			const esc = frappe.utils.escape_html;
			const yes = __("Yes");
			let html;
			if (!rows.length) {
				html = `<p class="text-muted">${__("No active volunteers in this project.")}</p>`;
			} else {
				const availability = { full: __("Available"), partial: __("Partly available"), "": "" };
				html = `<table class="table table-bordered table-sm"><thead><tr>
					<th>${__("Volunteer")}</th><th>${__("Score")}</th><th>${__("Skills")}</th>
					<th>${__("Languages")}</th><th>${__("District")}</th><th>${__("Availability")}</th>
					<th>${__("Police Clearance")}</th><th></th></tr></thead><tbody>${rows
					.map(
						(m) => `<tr>
					<td><a href="/app/community-volunteer/${encodeURIComponent(m.volunteer)}">${esc(m.volunteer_name)}</a></td>
					<td>${m.score}</td><td>${esc(m.skills.join(", "))}</td><td>${esc(m.languages.join(", "))}</td>
					<td>${m.district ? yes : ""}</td><td>${availability[m.availability]}</td>
					<td>${m.clearance_ok ? __("OK") : `<span class="text-danger">${__("Missing")}</span>`}</td>
					<td>${m.clearance_ok ? `<button class="btn btn-xs btn-default gwk-assign" data-volunteer="${esc(m.volunteer)}">${__("Assign")}</button>` : ""}</td></tr>`
					)
					.join("")}</tbody></table>`;
			}
			const wrapper = frm.get_field("matching_html").$wrapper;
			wrapper.html(html);
			wrapper.find(".gwk-assign").on("click", (e) => {
				frappe.new_doc("Volunteer Assignment", {
					project: frm.doc.project,
					opportunity: frm.doc.name,
					volunteer: $(e.currentTarget).attr("data-volunteer"),
				});
			});
		},
	});
};
