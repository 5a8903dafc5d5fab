// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.query_reports["Issue Radar"] = {
	filters: [
		{ fieldname: "project", label: __("Project"), fieldtype: "Link", options: "Community Project" },
		{ fieldname: "as_of", label: __("As Of"), fieldtype: "Date", default: frappe.datetime.get_today(), reqd: 1 },
		{ fieldname: "district", label: __("District"), fieldtype: "Link", options: "District" },
		{ fieldname: "only_rising", label: __("Rising Topics Only"), fieldtype: "Check", default: 1 },
	],
	formatter(value, row, column, data, default_formatter) {
		if (column.fieldname === "action" && data && data.rising && frappe.model.can_create("Area Observation")) {
			return `<button class="btn btn-xs btn-default gwk-radar-observe" data-row="${encodeURIComponent(
				JSON.stringify({ project: data.project, district: data.district, topic: data.topic, period: data.period_value })
			)}">${__("Record Observation")}</button>`;
		}
		return default_formatter(value, row, column, data);
	},
	onload(report) {
		$(report.page.wrapper).on("click", ".gwk-radar-observe", (e) => {
			const row = JSON.parse(decodeURIComponent(e.currentTarget.dataset.row));
			frappe.call({
				method: "gwk_app.api.radar.record_observation",
				args: { ...row, as_of: report.get_filter_value("as_of") },
				freeze: true,
				callback: (r) => r.message && frappe.set_route("Form", "Area Observation", r.message),
			});
		});
	},
};
