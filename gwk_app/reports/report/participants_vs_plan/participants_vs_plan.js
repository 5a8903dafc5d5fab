// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.query_reports["Participants vs Plan"] = {
	filters: gwk_app.report_filters(),
	onload(report) {
		report.page.add_inner_button(__("Funder Report PDF"), () => {
			const project = report.get_filter_value("project");
			const year = report.get_filter_value("year") || gwk_app.site_year();
			if (!project) {
				frappe.msgprint(__("Choose a project first."));
				return;
			}
			const args = new URLSearchParams({ project, year });
			window.open(`/api/method/gwk_app.api.reports.funder_report_pdf?${args}`);
		});
	},
};
