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

// A report's month column keeps its sortable value (2026-01) and shows "Jan. 2026" in the user's language.
gwk_app.month_formatter = (value, row, column, data, default_formatter) => {
	if (column.fieldname === "month" && /^\d{4}-\d{2}$/.test(value || "")) {
		const [year, month] = value.split("-").map(Number);
		const label = new Date(year, month - 1, 1).toLocaleDateString(frappe.boot.lang || "de", {
			month: "short",
			year: "numeric",
		});
		return default_formatter(label, row, { ...column, fieldtype: "Data" }, data);
	}
	return default_formatter(value, row, column, data);
};

// Report summaries honour a precision (core formats every Float with three decimals: "38,200" for 38.2).
if (frappe.utils && frappe.utils.build_summary_item && !frappe.utils.gwk_summary_precision) {
	const build_summary_item = frappe.utils.build_summary_item;
	frappe.utils.build_summary_item = function (summary) {
		if (summary.datatype === "Float" && summary.precision != null && typeof summary.value === "number") {
			summary = { ...summary, datatype: "Data" };
			summary.value = format_number(summary.value, null, summary.precision);
		}
		return build_summary_item.call(this, summary);
	};
	frappe.utils.gwk_summary_precision = true;
}

// The filters every project report shares: project, year or period, and (where it applies) district.
gwk_app.report_filters = ({ district = true, extra = [] } = {}) => [
	{ fieldname: "project", label: __("Project"), fieldtype: "Link", options: "Community Project" },
	{ fieldname: "year", label: __("Year"), fieldtype: "Int", default: gwk_app.site_year() },
	{ fieldname: "from_date", label: __("From Date"), fieldtype: "Date" },
	{ fieldname: "to_date", label: __("To Date"), fieldtype: "Date" },
	...(district ? [{ fieldname: "district", label: __("District"), fieldtype: "Link", options: "District" }] : []),
	...extra,
];
