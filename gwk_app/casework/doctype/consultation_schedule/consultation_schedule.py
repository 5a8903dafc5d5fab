# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe import _

from gwk_app.casework.doctype.consultation_appointment.consultation_appointment import on_team
from gwk_app.controllers import ProjectBoundDocument, validate_period
from gwk_app.rules import appointments as rules


class ConsultationSchedule(ProjectBoundDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from gwk_app.casework.doctype.consultation_schedule_closed_day.consultation_schedule_closed_day import (
			ConsultationScheduleClosedDay,
		)
		from gwk_app.casework.doctype.consultation_schedule_slot.consultation_schedule_slot import (
			ConsultationScheduleSlot,
		)

		booking_days: DF.Int
		closed_days: DF.Table[ConsultationScheduleClosedDay]
		min_lead_hours: DF.Int
		project: DF.Link
		public_intro: DF.SmallText | None
		published: DF.Check
		slot_rules: DF.Table[ConsultationScheduleSlot]

	# end: auto-generated types
	def validate(self):
		if not 1 <= int(self.booking_days or 0) <= rules.MAX_BOOKING_DAYS:
			frappe.throw(
				_("Bookable days ahead must be between 1 and {0}.").format(rules.MAX_BOOKING_DAYS),
				title=_("Invalid Value"),
			)
		if int(self.min_lead_hours or 0) < 0:
			frappe.throw(_("The minimum notice cannot be negative."), title=_("Invalid Value"))
		for row in self.slot_rules:
			problem = rules.rule_problem(row.as_dict())
			if problem:
				frappe.throw(
					_("Row {0}: the slot length must fit between From and To (at least {1} minutes).").format(
						row.idx, rules.MIN_SLOT_MINUTES
					)
					if problem == "length"
					else _("Row {0}: To must be after From.").format(row.idx),
					title=_("Invalid Slot Rule"),
				)
			if not on_team(self.project, row.staff_member):
				frappe.throw(
					_("Row {0}: the staff member must be on the team of project {1}.").format(
						row.idx, self.project
					),
					title=_("Not on the Team"),
				)
		clash = rules.rules_overlap([r.as_dict() for r in self.slot_rules])
		if clash:
			frappe.throw(
				_("Two slot rules of the same staff member overlap on the same weekday."),
				title=_("Invalid Slot Rule"),
			)
		for row in self.closed_days:
			validate_period(row.closed_from, row.closed_to, "From", "To")
