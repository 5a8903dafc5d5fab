// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.query_reports["ESF Incomplete Core Data"] = {
	filters: [{ fieldname: "project", label: __("Project"), fieldtype: "Link", options: "Community Project" }],
};
