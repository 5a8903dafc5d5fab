// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt
// /app/new-consultation: opens the consultation quick entry (the workspace shortcut points here) and
// returns to where the user came from when the dialog closes.

frappe.pages["new-consultation"].on_page_load = function (wrapper) {
	const page = frappe.ui.make_app_page({
		parent: wrapper,
		title: __("New Consultation"),
		single_column: true,
	});
	page.set_primary_action(__("New Consultation"), () => gwk_app.quick_consultation(), "add");
	$(wrapper)
		.find(".layout-main-section")
		.html(
			`<p class="text-muted">${__(
				"Record a contact in one short form. Ctrl+Enter saves, Escape closes."
			)}</p>`
		);
};

frappe.pages["new-consultation"].on_page_show = function () {
	const came_from_elsewhere = (frappe.route_history || []).length > 1;
	gwk_app.quick_consultation({
		on_hide() {
			if (came_from_elsewhere && frappe.get_route()[0] === "new-consultation") {
				window.history.back();
			}
		},
	});
};
