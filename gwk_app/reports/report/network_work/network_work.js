// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.query_reports["Network Work"] = {
	filters: [
		{ fieldname: "project", label: __("Project"), fieldtype: "Link", options: "Community Project" },
		{ fieldname: "year", label: __("Year"), fieldtype: "Int", default: new Date().getFullYear() },
		{ fieldname: "from_date", label: __("From Date"), fieldtype: "Date" },
		{ fieldname: "to_date", label: __("To Date"), fieldtype: "Date" },
		{ fieldname: "district", label: __("District"), fieldtype: "Link", options: "District" },
	],
};
