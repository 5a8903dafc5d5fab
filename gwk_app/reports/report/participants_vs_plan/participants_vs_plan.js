// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.query_reports["Participants vs Plan"] = {
	filters: [
		{ fieldname: "project", label: __("Project"), fieldtype: "Link", options: "Community Project" },
		{ fieldname: "year", label: __("Year"), fieldtype: "Int", default: new Date().getFullYear() },
		{ fieldname: "from_date", label: __("From Date"), fieldtype: "Date" },
		{ fieldname: "to_date", label: __("To Date"), fieldtype: "Date" },
		{ fieldname: "district", label: __("District"), fieldtype: "Link", options: "District" },
	],
	onload(report) {
		report.page.add_inner_button(__("Funder Report PDF"), () => {
			const project = report.get_filter_value("project");
			const year = report.get_filter_value("year") || new Date().getFullYear();
			if (!project) {
				frappe.msgprint(__("Choose a project first."));
				return;
			}
			const args = new URLSearchParams({ project, year });
			window.open(`/api/method/gwk_app.api.reports.funder_report_pdf?${args}`);
		});
	},
};
