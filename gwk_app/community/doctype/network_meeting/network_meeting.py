# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.utils import strip_html

from gwk_app.access import PROJECT_DOCTYPE
from gwk_app.controllers import ProjectBoundDocument

FOLLOW_UP_MARKER = "gwk-network-follow-up"


class NetworkMeeting(ProjectBoundDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from gwk_app.community.doctype.network_meeting_attendee.network_meeting_attendee import (
			NetworkMeetingAttendee,
		)
		from gwk_app.community.doctype.network_meeting_follow_up.network_meeting_follow_up import (
			NetworkMeetingFollowUp,
		)

		attendees: DF.Table[NetworkMeetingAttendee]
		follow_ups: DF.Table[NetworkMeetingFollowUp]
		meeting_date: DF.Date
		minutes: DF.TextEditor | None
		network: DF.Link
		network_name: DF.Data | None
		place: DF.Data | None
		project: DF.Link
		topics: DF.SmallText | None

	# end: auto-generated types
	def before_insert(self):
		# the project follows the network; a wrong network fails the link check like a missing one
		if not self.project and isinstance(self.network, str):
			self.project = frappe.db.get_value("Network", self.network, "project")

	def validate(self):
		self.validate_same_project("network")
		self.validate_follow_up_users()
		self.keep_created_todos()

	def keep_created_todos(self):
		"""A form saved before it reloaded sends follow-up rows without their ToDo: keep the stored one."""
		previous = self.get_doc_before_save()
		if not previous:
			return
		stored = {row.name: row.todo for row in previous.follow_ups if row.todo}
		for row in self.follow_ups:
			if not row.todo and stored.get(row.name):
				row.todo = stored[row.name]

	def team(self) -> set[str]:
		return set(
			frappe.get_all(
				"Community Project Member",
				filters={"parenttype": PROJECT_DOCTYPE, "parent": self.project},
				pluck="user",
			)
		)

	def validate_follow_up_users(self):
		"""A follow-up becomes a ToDo on this meeting: only the project's team may receive it."""
		if not self.follow_ups:
			return
		team = self.team()
		for row in self.follow_ups:
			if row.assigned_to and row.assigned_to not in team:
				frappe.throw(
					_("Follow-up #{0}: {1} is not on the team of project {2}.").format(
						row.idx, row.assigned_to, self.project
					),
					title=_("Not on the Team"),
				)

	@frappe.whitelist()
	def create_todos(self) -> list[str]:
		"""One ToDo per follow-up row; a row that already has its ToDo is left alone."""
		self.check_permission("write")
		created = []
		todo = frappe.qb.DocType("ToDo")
		done = set(
			frappe.qb.from_(todo)
			.select(todo.description)
			.where(
				(todo.reference_type == self.doctype)
				& (todo.reference_name == self.name)
				& todo.description.like(f"%{FOLLOW_UP_MARKER}:%")
			)
			.run(pluck=True)
		)
		for row in self.follow_ups:
			if any(f"{FOLLOW_UP_MARKER}:{row.name} " in (text or "") for text in done):
				continue
			new = frappe.get_doc(
				{
					"doctype": "ToDo",
					"allocated_to": row.assigned_to,
					"reference_type": self.doctype,
					"reference_name": self.name,
					"date": row.due_date,
					"priority": "Medium",
					"assigned_by": frappe.session.user,
					"description": f"{self.network_name or self.network}: {strip_html(row.action)}"
					+ f"<!-- {FOLLOW_UP_MARKER}:{row.name} -->",
				}
			).insert(ignore_permissions=True)
			row.db_set("todo", new.name, update_modified=False)
			created.append(new.name)
		if created:
			frappe.msgprint(_("{0} ToDos created.").format(len(created)), alert=True)
		else:
			frappe.msgprint(_("Every follow-up already has its ToDo."), alert=True)
		return created
