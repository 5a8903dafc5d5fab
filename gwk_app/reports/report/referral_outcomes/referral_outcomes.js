// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.query_reports["Referral Outcomes"] = {
	filters: gwk_app.report_filters({
		extra: [
			{ fieldname: "partner", label: __("Referral Partner"), fieldtype: "Link", options: "Referral Partner" },
		],
	}),
};
