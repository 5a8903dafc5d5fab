// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.query_reports["Events and Attendance"] = {
	filters: gwk_app.report_filters({
		extra: [
			{
				fieldname: "status",
				label: __("Status"),
				fieldtype: "Select",
				options: ["", "Planned", "Held", "Cancelled"],
			},
		],
	}),
	onload(report) {
		report.page.add_inner_button(__("Event Plan PDF"), () => {
			const from = report.get_filter_value("from_date");
			const day = frappe.datetime.str_to_obj(from || gwk_app.site_today());
			const args = new URLSearchParams({ year: day.getFullYear(), month: day.getMonth() + 1 });
			const project = report.get_filter_value("project");
			const district = report.get_filter_value("district");
			if (project) args.set("project", project);
			if (district) args.set("district", district);
			window.open(`/api/method/gwk_app.api.reports.event_plan_pdf?${args}`);
		});
	},
};
