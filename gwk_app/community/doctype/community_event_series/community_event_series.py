# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

from datetime import datetime

import frappe
from frappe import _
from frappe.utils import get_time, getdate

from gwk_app.controllers import ProjectBoundDocument, validate_period
from gwk_app.rules import events as rules


class CommunityEventSeries(ProjectBoundDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		capacity: DF.Int
		district: DF.Link | None
		end_time: DF.Time
		event_type: DF.Literal[
			"District Festival",
			"Spring Clean-up",
			"Business Round Table",
			"Workshop",
			"Reading",
			"Advent Market",
			"Group Session",
			"Other",
		]
		from_date: DF.Date
		interval_weeks: DF.Int
		place: DF.Data | None
		project: DF.Link
		public_description: DF.SmallText | None
		published: DF.Check
		registration_required: DF.Check
		start_time: DF.Time
		title: DF.Data
		to_date: DF.Date
		weekday: DF.Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

	# end: auto-generated types
	def validate(self):
		validate_period(self.from_date, self.to_date, "From", "To")
		validate_period(
			get_time(self.start_time) if self.start_time else None,
			get_time(self.end_time) if self.end_time else None,
			"Start Time",
			"End Time",
		)
		if not self.interval_weeks or int(self.interval_weeks) < 1:
			frappe.throw(_("Every N Weeks must be at least 1."), title=_("Invalid Series"))
		if len(self.session_dates()) > rules.MAX_SERIES_SESSIONS:
			frappe.throw(
				_("A series can have at most {0} sessions. Shorten the period.").format(
					rules.MAX_SERIES_SESSIONS
				),
				title=_("Invalid Series"),
			)

	def session_dates(self):
		if not (self.from_date and self.to_date):
			return []
		return rules.series_dates(
			getdate(self.from_date), getdate(self.to_date), self.weekday, self.interval_weeks
		)

	@frappe.whitelist()
	def generate_sessions(self) -> dict:
		"""Create a Community Event for every date of the series that has none yet. Sessions made
		before (even if moved or cancelled since) are left alone, so running it twice adds nothing."""
		if self.is_new() or not frappe.db.exists(self.doctype, self.name):
			frappe.throw(_("Save the series before generating its sessions."), title=_("Not Saved"))
		# lock the series so that two clicks at once cannot both create the same sessions, and work from
		# the stored series (not from values sent along with the call)
		frappe.db.get_value(self.doctype, self.name, "name", for_update=True)
		self.reload()
		self.check_permission("write")
		frappe.has_permission("Community Event", "create", throw=True)
		existing = {
			getdate(d)
			for d in frappe.get_all(
				"Community Event", filters={"series": self.name}, pluck="series_date", limit_page_length=0
			)
			if d
		}
		start, end = get_time(self.start_time), get_time(self.end_time)
		created = []
		for day in self.session_dates():
			if day in existing:
				continue
			event = frappe.new_doc("Community Event")
			event.update(
				{
					"project": self.project,
					"title": self.title,
					"event_type": self.event_type,
					"status": "Planned",
					"series": self.name,
					"series_date": day,
					"starts_on": datetime.combine(day, start),
					"ends_on": datetime.combine(day, end),
					"place": self.place,
					"district": self.district,
					"published": self.published,
					"registration_required": self.registration_required,
					"capacity": self.capacity,
					"public_description": self.public_description,
				}
			)
			event.insert()
			created.append(event.name)
		if created:
			frappe.msgprint(_("{0} sessions created.").format(len(created)), alert=True, indicator="green")
		else:
			frappe.msgprint(_("All sessions of this series exist already."), alert=True)
		return {"created": created, "existing": len(existing)}
