// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.query_reports["Targets per Funding Period"] = {
	filters: [
		{ fieldname: "project", label: __("Project"), fieldtype: "Link", options: "Community Project" },
		{ fieldname: "funder", label: __("Funder"), fieldtype: "Data" },
		{
			fieldname: "indicator",
			label: __("Indicator"),
			fieldtype: "Select",
			options: [
				"",
				"Participants",
				"Consultations",
				"Events",
				"ESF Entries",
				"Volunteer Hours",
				"Network Meetings",
				"Cases",
				"Referrals",
				"Area Observations",
			].map((value) => ({ value, label: value ? __(value) : "" })),
		},
		{ fieldname: "active_on", label: __("Active On"), fieldtype: "Date", default: gwk_app.site_today() },
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (column.fieldname === "light_label" && data) {
			return `<span class="indicator-pill ${data.indicator_colour}">${value}</span>`;
		}
		return value;
	},
};
