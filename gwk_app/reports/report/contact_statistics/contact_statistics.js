// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.query_reports["Contact Statistics"] = {
	filters: gwk_app.report_filters(),
	formatter: gwk_app.month_formatter,
};
