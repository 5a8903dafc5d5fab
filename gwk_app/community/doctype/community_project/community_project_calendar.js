// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt
// Office hours calendar: the weekly office hours of the user's projects as calendar events.

frappe.views.calendar["Community Project"] = {
	field_map: {
		id: "name",
		start: "start",
		end: "end",
		title: "title",
		allDay: "all_day",
		convertToUserTz: "convert_to_user_tz",
	},
	get_events_method: "gwk_app.api.office_hours.get_events",
	options: {
		editable: false,
		selectable: false,
		firstDay: 1,
		defaultView: "agendaWeek",
		minTime: "07:00:00",
		maxTime: "21:00:00",
	},
};
