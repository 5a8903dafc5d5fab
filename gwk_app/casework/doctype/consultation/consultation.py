# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe import _

from gwk_app.controllers import ProjectBoundDocument, validate_not_future
from gwk_app.rules.casework import MAX_CONSULTATION_MINUTES, duration_ok
from gwk_app.rules.text import contains_contact_data


class Consultation(ProjectBoundDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from gwk_app.casework.doctype.consultation_topic.consultation_topic import ConsultationTopic

		age_group: DF.Literal["", "Under 18", "18-29", "30-54", "55-64", "65 and over", "Unknown"]
		anonymous: DF.Check
		case: DF.Link | None
		channel: DF.Literal[
			"Office Hours", "Appointment", "Phone", "E-Mail", "Outreach", "Home Visit", "At an Event"
		]
		consultation_date: DF.Date
		district: DF.Link | None
		duration_minutes: DF.Int
		gender: DF.Literal["", "Female", "Male", "Diverse", "Not specified"]
		note: DF.SmallText | None
		project: DF.Link
		resident: DF.Link | None
		resident_name: DF.Data | None
		staff_member: DF.Link | None
		topics: DF.TableMultiSelect[ConsultationTopic]

	# end: auto-generated types
	def validate(self):
		validate_not_future(self.consultation_date, "Date")
		if not duration_ok(self.duration_minutes):
			frappe.throw(
				_("The duration must be between 1 and {0} minutes.").format(MAX_CONSULTATION_MINUTES),
				title=_("Invalid Duration"),
			)
		self.validate_person()
		self.validate_same_project("resident", "case")

	def validate_person(self):
		if self.anonymous:
			if self.resident or contains_contact_data(self.note):
				frappe.throw(
					_(
						"An anonymous consultation cannot carry a name or contact data. Remove the resident and"
						" any e-mail address or phone number from the note, or untick Anonymous."
					),
					title=_("Anonymous Consultation"),
				)
			self.resident_name = None
			return
		if not self.resident:
			frappe.throw(
				_("Choose the resident or mark the consultation as anonymous."), title=_("Missing Resident")
			)
		person = frappe.db.get_value(
			"Resident", self.resident, ["gender", "age_group", "district"], as_dict=True
		)
		if person:
			self.gender = person.gender or self.gender
			self.age_group = person.age_group or self.age_group
			self.district = self.district or person.district


def on_doctype_update():
	# reports: participants (distinct residents, anonymous contacts, age group, district) and contact
	# statistics (channel, district, duration) are read from these indexes alone, per period and project
	frappe.db.add_index(
		"Consultation",
		["consultation_date", "project", "anonymous", "resident", "age_group", "district"],
		"consultation_participants_index",
	)
	frappe.db.add_index(
		"Consultation",
		["consultation_date", "project", "channel", "district", "duration_minutes", "anonymous"],
		"consultation_statistics_index",
	)
	if frappe.db.has_index("tabConsultation", "consultation_stats_index"):
		# replaced by the one above (which also counts the anonymous contacts): one index less to write
		# Frappe has no API to drop a named index; fixed identifiers, no input
		frappe.db.sql_ddl("ALTER TABLE `tabConsultation` DROP INDEX `consultation_stats_index`")  # nosemgrep
	# people once per period (gwk_app.reports.figures.people): a person's previous contact in a project
	frappe.db.add_index(
		"Consultation", ["resident", "project", "consultation_date", "district"], "consultation_person_index"
	)
	# the consultation list of a staff user: filtered by project, newest first (without it MariaDB walks
	# the modified index past every other project's newer consultations). The date and the resident need
	# no index of their own: the indexes above lead with them.
	frappe.db.add_index("Consultation", ["project", "modified"], "consultation_project_modified_index")
