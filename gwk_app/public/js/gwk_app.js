// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt
// Desk-wide behaviour of gwk_app: a new project-bound record starts in the user's project.

frappe.provide("gwk_app");

$(document).on("app_ready", () => {
	for (const doctype of frappe.boot.gwk_project_bound || []) {
		frappe.ui.form.on(doctype, {
			onload(frm) {
				const projects = frappe.boot.gwk_projects || [];
				if (frm.is_new() && !frm.doc.project && projects.length === 1) {
					frm.set_value("project", projects[0]);
				}
			},
		});
	}
});

// The site's date and year (never the browser's: its time zone may already be on another day).
gwk_app.site_today = () => frappe.datetime.get_today();
gwk_app.site_year = () => parseInt(gwk_app.site_today().slice(0, 4), 10);

// The filters every project report shares: project, year or period, and (where it applies) district.
gwk_app.report_filters = ({ district = true, extra = [] } = {}) => [
	{ fieldname: "project", label: __("Project"), fieldtype: "Link", options: "Community Project" },
	{ fieldname: "year", label: __("Year"), fieldtype: "Int", default: gwk_app.site_year() },
	{ fieldname: "from_date", label: __("From Date"), fieldtype: "Date" },
	{ fieldname: "to_date", label: __("To Date"), fieldtype: "Date" },
	...(district ? [{ fieldname: "district", label: __("District"), fieldtype: "Link", options: "District" }] : []),
	...extra,
];
