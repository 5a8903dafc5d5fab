// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.query_reports["Staff Time per Month"] = {
	filters: [
		{ fieldname: "project", label: __("Project"), fieldtype: "Link", options: "Community Project" },
		{ fieldname: "staff", label: __("Staff Member"), fieldtype: "Link", options: "User" },
		{ fieldname: "year", label: __("Year"), fieldtype: "Int", default: gwk_app.site_year() },
		{ fieldname: "month", label: __("Month"), fieldtype: "Data", description: "YYYY-MM" },
	],
	onload(report) {
		report.page.add_inner_button(__("Time Record PDF"), () => {
			const project = report.get_filter_value("project");
			const staff = report.get_filter_value("staff") || frappe.session.user;
			const month = report.get_filter_value("month");
			if (!project || !month) {
				frappe.msgprint(__("Choose a project and a month first."));
				return;
			}
			const args = new URLSearchParams({ project, staff, month });
			window.open(`/api/method/gwk_app.api.funders.time_record_pdf?${args}`);
		});
		report.page.add_inner_button(__("Approve Month"), () => {
			const project = report.get_filter_value("project");
			const staff = report.get_filter_value("staff");
			const month = report.get_filter_value("month");
			if (!project || !staff || !month) {
				frappe.msgprint(__("Choose a project, a staff member and a month first."));
				return;
			}
			frappe.confirm(__("Approve and lock the month {0} of {1}?", [month, staff]), () =>
				frappe
					.call("gwk_app.api.funders.approve_month", { project, staff, month })
					.then(() => report.refresh())
			);
		});
	},
};
