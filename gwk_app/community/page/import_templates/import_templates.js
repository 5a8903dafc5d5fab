// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt
// /app/import-templates: the import templates (fixtures/ of the app) to download, each with a button
// that opens a new Data Import for its doctype.

frappe.pages["import-templates"].on_page_load = function (wrapper) {
	const page = frappe.ui.make_app_page({
		parent: wrapper,
		title: __("Import Templates"),
		single_column: true,
	});
	page.set_primary_action(__("New Data Import"), () => frappe.new_doc("Data Import"), "add");
	const $body = $(wrapper).find(".layout-main-section");
	$body.html(`<p class="text-muted">${__(
		"Download a template, replace the example rows with your own (dates as dd.mm.yyyy, choices as shown), then import it. Rows with errors are refused with their row number, column and reason; the other rows are stored."
	)}</p><div class="gwk-import-templates"></div>`);
	frappe.call("gwk_app.api.imports.list_templates").then((r) => {
		const rows = (r.message || [])
			.map((t) => {
				const url = (type) =>
					`/api/method/gwk_app.api.imports.download_template?template=${encodeURIComponent(
						t.template
					)}&file_type=${type}`;
				return `<tr>
					<td>${frappe.utils.escape_html(t.title)}</td>
					<td>${frappe.utils.escape_html(t.doctype_label)}</td>
					<td><a href="${url("xlsx")}">XLSX</a> · <a href="${url("csv")}">CSV</a></td>
					<td><button class="btn btn-xs btn-default" data-doctype="${frappe.utils.escape_html(
						t.doctype
					)}">${__("Import")}</button></td>
				</tr>`;
			})
			.join("");
		$body.find(".gwk-import-templates").html(`<table class="table table-bordered">
			<thead><tr><th>${__("Template")}</th><th>${__("Document Type")}</th><th>${__(
			"Download"
		)}</th><th></th></tr></thead><tbody>${rows}</tbody></table>`);
		$body.find("button[data-doctype]").on("click", (e) => {
			frappe.new_doc("Data Import", {
				reference_doctype: $(e.currentTarget).attr("data-doctype"),
				import_type: "Insert New Records",
			});
		});
	});
};
