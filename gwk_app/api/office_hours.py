"""The office hours calendar: occurrences of the weekly office hours of the user's projects."""

import re
from datetime import date, timedelta

import frappe
from frappe import _

from gwk_app.rules.office_hours import occurrences

PROJECT = "Community Project"
MAX_DAYS = 400
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _day(value, label: str) -> date:
	try:
		if not isinstance(value, str) or not ISO_DAY.match(value):
			raise ValueError(value)
		return date.fromisoformat(value[:10])
	except ValueError:
		frappe.throw(_("Enter a valid date for {0}.").format(_(label)), title=_("Invalid Date"))


@frappe.whitelist()
def get_events(
	start: str,
	end: str,
	filters: str | list | dict | None = None,
	doctype: str | None = None,
	field_map: str | dict | None = None,
	fields: str | list | None = None,
) -> list[dict]:
	"""Calendar events for the Community Project calendar view: one event per occurrence of an office
	hours rule between `start` and `end`, for the projects the user may read (list filters apply)."""
	frappe.has_permission(PROJECT, "read", throw=True)
	first, last = _day(start, "Start"), _day(end, "End")
	if last < first:
		return []
	last = min(last, first + timedelta(days=MAX_DAYS))
	filters = frappe.parse_json(filters) if isinstance(filters, str) else filters
	projects = frappe.get_list(PROJECT, filters=filters or None, pluck="name", limit_page_length=0)
	if not projects:
		return []
	rows = frappe.get_all(
		"Community Project Office Hour",
		filters={"parenttype": PROJECT, "parent": ("in", projects)},
		fields=["parent", "weekday", "from_time", "to_time", "place", "topic"],
		order_by="parent asc, idx asc",
	)
	events = []
	for occurrence in occurrences(rows, first, last):
		rule = occurrence.rule
		details = " · ".join(p for p in (rule.get("place"), rule.get("topic")) if p)
		title = _("Office Hours {0}").format(rule.parent)
		events.append(
			{
				"name": rule.parent,
				"doctype": PROJECT,
				"title": f"{title} ({details})" if details else title,
				"start": occurrence.start.strftime("%Y-%m-%d %H:%M:%S"),
				"end": occurrence.end.strftime("%Y-%m-%d %H:%M:%S"),
				"all_day": 0,
				"convert_to_user_tz": 0,
			}
		)
	return events
