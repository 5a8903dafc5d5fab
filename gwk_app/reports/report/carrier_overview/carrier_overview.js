// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.query_reports["Carrier Overview"] = {
	filters: gwk_app.report_filters(),
	onload(report) {
		// drill-down: the same figures per district and quarter, still aggregated and suppressed
		report.page.add_inner_button(__("Per District and Quarter"), () => {
			const year = report.get_filter_value("year") || gwk_app.site_year();
			frappe.set_route("query-report", "Carrier Figures by District", {
				year,
				project: report.get_filter_value("project") || undefined,
			});
		});
	},
};
