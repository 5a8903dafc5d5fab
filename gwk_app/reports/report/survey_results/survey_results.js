// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.query_reports["Survey Results"] = {
	filters: [
		{ fieldname: "survey", label: __("Community Survey"), fieldtype: "Link", options: "Community Survey", reqd: 1 },
		{
			fieldname: "breakdown",
			label: __("Breakdown"),
			fieldtype: "Select",
			options: [
				{ value: "District", label: __("District") },
				{ value: "Language", label: __("Language") },
				{ value: "District and Language", label: __("District and Language") },
				{ value: "None", label: __("None") },
			],
			default: "District",
		},
		{ fieldname: "question", label: __("Chart of Question No."), fieldtype: "Int", default: 1 },
		{ fieldname: "free_text", label: __("Show Free-Text Answers"), fieldtype: "Check", default: 0 },
	],
};
