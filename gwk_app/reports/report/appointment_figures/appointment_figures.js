// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.query_reports["Appointment Figures"] = {
	filters: gwk_app.report_filters({ district: false }),
};
