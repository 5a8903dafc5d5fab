// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.query_reports["Volunteer Hours Summary"] = {
	filters: gwk_app.report_filters({ district: false }),
	formatter: gwk_app.month_formatter,
};
