// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.listview_settings["Staff Time Entry"] = {
	onload(listview) {
		listview.page.add_inner_button(__("Weekly Grid"), () => gwk_app.staff_time_week());
	},
};

frappe.provide("gwk_app");

gwk_app.staff_time_week = () => {
	const DAYS = [__("Mon"), __("Tue"), __("Wed"), __("Thu"), __("Fri"), __("Sat"), __("Sun")];
	const grid_fields = [
		{
			fieldname: "field_of_work",
			label: __("Field of Work"),
			fieldtype: "Select",
			options: "Counselling\nEvents\nNetworks\nOutreach\nAdministration\nTravel",
			read_only: 1,
			in_list_view: 1,
			columns: 3,
		},
	].concat(
		DAYS.map((label, i) => ({ fieldname: `d${i}`, label, fieldtype: "Float", in_list_view: 1, columns: 1 }))
	);
	const dialog = new frappe.ui.Dialog({
		title: __("Weekly Grid"),
		size: "extra-large",
		fields: [
			{ fieldname: "project", label: __("Project"), fieldtype: "Link", options: "Community Project", reqd: 1, onchange: () => load() },
			{ fieldtype: "Column Break" },
			{ fieldname: "week_start", label: __("Week"), fieldtype: "Date", reqd: 1, default: frappe.datetime.get_today(), onchange: () => load() },
			{ fieldtype: "Section Break" },
			{ fieldname: "rows", fieldtype: "Table", fields: grid_fields, cannot_add_rows: 1, cannot_delete_rows: 1, in_place_edit: 1, data: [] },
		],
		primary_action_label: __("Save"),
		primary_action(values) {
			const rows = (values.rows || []).map((r) => ({
				field_of_work: r.field_of_work,
				hours: DAYS.map((_, i) => flt(r[`d${i}`])),
			}));
			frappe
				.call("gwk_app.api.funders.save_week", { project: values.project, week_start: values.week_start, rows: JSON.stringify(rows) })
				.then((r) => {
					frappe.show_alert({ message: __("{0} entries changed", [r.message.changed]), indicator: "green" });
					dialog.hide();
					cur_list && cur_list.refresh();
				});
		},
	});
	const load = () => {
		const { project, week_start } = dialog.get_values(true);
		if (!project || !week_start) return;
		frappe.call("gwk_app.api.funders.get_week", { project, week_start }).then((r) => {
			const data = r.message.rows.map((row) => {
				const out = { field_of_work: row.field_of_work };
				row.hours.forEach((h, i) => (out[`d${i}`] = h || 0));
				return out;
			});
			dialog.fields_dict.rows.df.data = data;
			dialog.fields_dict.rows.grid.refresh();
			if (r.message.locked) frappe.show_alert({ message: __("Part of this week is approved and locked."), indicator: "orange" });
		});
	};
	gwk_app.staff_time_week_dialog = dialog;
	dialog.show();
};
