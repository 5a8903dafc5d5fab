# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt
"""Staff time per day, project and field of work: the funder's time record (Stundennachweis).

Staff record their own hours (the weekly grid in the list view); a project lead approves a month,
after which the month's entries of that person and project are locked."""

import frappe
from frappe import _
from frappe.utils import flt, getdate

from gwk_app.controllers import ProjectBoundDocument, validate_not_future
from gwk_app.rules.targets import month_key

APPROVAL_FIELDS = ("approved", "approved_by", "approved_on")
MAX_HOURS_PER_DAY = 24


class StaffTimeEntry(ProjectBoundDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		activity: DF.Data | None
		approved: DF.Check
		approved_by: DF.Link | None
		approved_on: DF.Datetime | None
		field_of_work: DF.Literal["Counselling", "Events", "Networks", "Outreach", "Administration", "Travel"]
		hours: DF.Float
		month: DF.Data | None
		project: DF.Link
		staff: DF.Link
		staff_name: DF.Data | None
		work_date: DF.Date

	# end: auto-generated types
	def validate(self):
		self.staff = self.staff or frappe.session.user
		validate_not_future(self.work_date, "Date")
		self.month = month_key(getdate(self.work_date))
		if not 0 < flt(self.hours) <= MAX_HOURS_PER_DAY:
			frappe.throw(_("Hours must lie between 0 and 24."), title=_("Invalid Hours"))
		self.keep_approval()
		self.refuse_locked_month()
		self.validate_team()
		self.validate_day_total()

	def on_trash(self):
		if self.approved or month_approved(self.staff, self.project, self.month):
			frappe.throw(
				_("The month {0} is approved and locked.").format(self.month), title=_("Month Locked")
			)

	def keep_approval(self):
		"""Approval is set by the lead's approval only, never by a form or REST write."""
		if self.flags.approving:
			return
		before = self.get_doc_before_save()
		for field in APPROVAL_FIELDS:
			self.set(field, before.get(field) if before else None)
		self.approved = self.approved or 0

	def refuse_locked_month(self):
		if self.flags.approving:
			return
		before = self.get_doc_before_save()
		months = {(self.staff, self.project, self.month)}
		if before:
			months.add((before.staff, before.project, before.month))
		for staff, project, month in months:
			if (before and before.approved) or month_approved(staff, project, month):
				frappe.throw(
					_("The month {0} is approved and locked.").format(month), title=_("Month Locked")
				)

	def validate_team(self):
		on_team = frappe.db.exists(
			"Community Project Member",
			{"parent": self.project, "parenttype": "Community Project", "user": self.staff},
		)
		if not on_team:
			frappe.throw(
				_("{0} is not on the team of project {1}.").format(self.staff, self.project),
				title=_("Not on the Team"),
			)

	def validate_day_total(self):
		t = frappe.qb.DocType("Staff Time Entry")
		others = (
			frappe.qb.from_(t)
			.select(frappe.query_builder.functions.Sum(t.hours))
			.where((t.staff == self.staff) & (t.work_date == self.work_date) & (t.name != (self.name or "")))
			.run()[0][0]
		)
		if flt(others) + flt(self.hours) > MAX_HOURS_PER_DAY:
			frappe.throw(
				_("More than 24 hours on {0} across all projects.").format(
					frappe.format(self.work_date, "Date")
				),
				title=_("Invalid Hours"),
			)


def month_approved(staff: str, project: str, month: str) -> bool:
	return bool(
		frappe.db.exists(
			"Staff Time Entry", {"staff": staff, "project": project, "month": month, "approved": 1}
		)
	)
