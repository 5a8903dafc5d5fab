// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

// The drill-down of a carrier figure: per district and quarter of a year, aggregated and suppressed.
frappe.query_reports["Carrier Figures by District"] = {
	filters: [
		{ fieldname: "project", label: __("Project"), fieldtype: "Link", options: "Community Project" },
		{ fieldname: "year", label: __("Year"), fieldtype: "Int", default: gwk_app.site_year(), reqd: 1 },
		{
			fieldname: "figure",
			label: __("Figure"),
			fieldtype: "Select",
			options: [
				{ value: "consultations", label: __("Consultations") },
				{ value: "anonymous", label: __("Anonymous Contacts") },
				{ value: "cases_opened", label: __("Cases Opened") },
				{ value: "referrals", label: __("Referrals") },
			],
			default: "consultations",
			reqd: 1,
		},
	],
};
