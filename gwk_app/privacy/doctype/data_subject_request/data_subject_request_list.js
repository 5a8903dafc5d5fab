// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt

frappe.listview_settings["Data Subject Request"] = {
	add_fields: ["status", "due_on"],
	get_indicator(doc) {
		const open = ["Open", "In Progress"].includes(doc.status);
		if (open && doc.due_on && doc.due_on < frappe.datetime.get_today()) {
			return [__("Overdue"), "red"];
		}
		const colours = { Open: "orange", "In Progress": "blue", Completed: "green", Rejected: "gray" };
		return [__(doc.status), colours[doc.status] || "gray", "status,=," + doc.status];
	},
};
