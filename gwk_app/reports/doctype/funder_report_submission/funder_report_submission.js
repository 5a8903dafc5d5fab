// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.ui.form.on("Funder Report Submission", {
	setup(frm) {
		if (frm.is_new() && !frm.doc.year) frm.set_value("year", parseInt(frappe.datetime.get_today().slice(0, 4), 10));
	},
	refresh(frm) {
		if (frm.doc.docstatus !== 1) return;
		frm.add_custom_button(__("Submitted PDF"), () => {
			window.open(`/api/method/gwk_app.api.funders.submission_pdf?${new URLSearchParams({ name: frm.doc.name })}`);
		});
		frm.add_custom_button(__("Changes since Submission"), () => {
			frappe.call("gwk_app.api.funders.submission_comparison", { name: frm.doc.name }).then((r) => {
				const esc = frappe.utils.escape_html;
				const names = (by) => Object.entries(by).map(([dt, n]) => `${esc(__(dt))}: ${n.map(esc).join(", ")}`).join("<br>");
				const rows = r.message
					.filter((c) => c.submitted !== c.current || Object.keys(c.added).length || Object.keys(c.removed).length)
					.map((c) => `<tr><td>${esc(c.label)}</td><td>${c.submitted}</td><td>${c.current}</td><td>${names(c.added)}</td><td>${names(c.removed)}</td></tr>`)
					.join("");
				frappe.msgprint({
					title: __("Changes since Submission"),
					wide: true,
					message: rows
						? `<table class="table table-bordered"><tr><th>${__("Figure")}</th><th>${__("Submitted")}</th><th>${__("Now")}</th><th>${__("Added")}</th><th>${__("Gone")}</th></tr>${rows}</table>`
						: __("Nothing has changed since submission."),
				});
			});
		});
		frm.add_custom_button(__("Open Counted Records"), () => {
			const figures = (frm.doc.figures || []).filter((row) => row.record_count);
			const dialog = new frappe.ui.Dialog({
				title: __("Open Counted Records"),
				fields: [
					{
						fieldname: "figure",
						label: __("Figure"),
						fieldtype: "Select",
						reqd: 1,
						options: figures.map((row) => ({ value: row.figure, label: `${__(row.label)} (${row.value})` })),
					},
				],
				primary_action_label: __("Open Counted Records"),
				primary_action({ figure }) {
					frappe.call("gwk_app.api.funders.submission_records", { name: frm.doc.name, figure }).then((r) => {
						const entries = Object.entries(r.message).filter(([, names]) => names.length);
						if (!entries.length) {
							frappe.msgprint(__("None of the records counted can be opened by you."));
							return;
						}
						dialog.hide();
						const [doctype, names] = entries[0];
						frappe.route_options = { name: ["in", names] };
						frappe.set_route("List", doctype);
					});
				},
			});
			dialog.show();
		});
	},
});
