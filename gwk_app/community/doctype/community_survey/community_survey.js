// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.ui.form.on("Community Survey", {
	refresh(frm) {
		if (frm.is_new()) return;
		const page = (extra) => `/umfrage?survey=${encodeURIComponent(frm.doc.name)}${extra || ""}`;
		if (frm.doc.status === "Open") {
			frm.add_custom_button(__("Public Page"), () => window.open(page(), "_blank"), __("Collect"));
			frm.add_custom_button(__("Enter Responses"), () => window.open(page("&entry=1"), "_blank"), __("Collect"));
		}
		frm.add_custom_button(
			__("Poster with QR Code"),
			() =>
				window.open(
					`/api/method/gwk_app.api.surveys.poster?survey=${encodeURIComponent(frm.doc.name)}`,
					"_blank"
				),
			__("Collect")
		);
		frm.add_custom_button(__("Results"), () =>
			frappe.set_route("query-report", "Survey Results", { survey: frm.doc.name })
		);
		if (frm.doc.status !== "Draft") {
			frm.dashboard.set_headline(
				__("Public link: {0}", [`<a href="${page()}" target="_blank">${frappe.urllib.get_full_url(page())}</a>`])
			);
		}
	},
});
