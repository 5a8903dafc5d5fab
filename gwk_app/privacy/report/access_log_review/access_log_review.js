// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.query_reports["Access Log Review"] = {
	filters: [
		{
			fieldname: "from_date",
			label: __("From Date"),
			fieldtype: "Date",
			default: frappe.datetime.add_months(frappe.datetime.get_today(), -1),
			reqd: 1,
		},
		{
			fieldname: "to_date",
			label: __("To Date"),
			fieldtype: "Date",
			default: frappe.datetime.get_today(),
			reqd: 1,
		},
		{ fieldname: "user", label: __("User"), fieldtype: "Link", options: "User" },
		{ fieldname: "doctype", label: __("Document Type"), fieldtype: "Link", options: "DocType" },
		{ fieldname: "document", label: __("Document"), fieldtype: "Data" },
	],
};
