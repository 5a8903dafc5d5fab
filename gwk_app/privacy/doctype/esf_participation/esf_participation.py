# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.utils import getdate, today

from gwk_app.controllers import ProjectBoundDocument, validate_not_future
from gwk_app.privacy.audit import log_form_load
from gwk_app.privacy.consent import active_consent
from gwk_app.rules.privacy import (
	CHARACTERISTIC_CHOICES,
	EMPLOYMENT_STATUSES,
	ESF_CHARACTERISTICS,
	ESF_CONSENT_PURPOSE,
	ISCED_LEVELS,
	next_reentry_valid,
)


class ESFParticipation(ProjectBoundDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		age_group: DF.Literal["", "Under 18", "18-29", "30-54", "55-64", "65 and over", "Unknown"]
		consent: DF.Link | None
		disability: DF.Literal["Yes", "No", "Not specified"]
		employment_status: DF.Literal[
			"",
			"Unemployed",
			"Long-term Unemployed",
			"Economically Inactive",
			"Employed (incl. Self-employed)",
		]
		entry_date: DF.Date
		exit_date: DF.Date | None
		exit_status: DF.Literal[
			"",
			"Job Searching",
			"In Education or Training",
			"Gained a Qualification",
			"In Employment",
			"Other",
		]
		foreign_background: DF.Literal["Yes", "No", "Not specified"]
		gender: DF.Literal["", "Female", "Male", "Diverse", "Not specified"]
		homeless: DF.Literal["Yes", "No", "Not specified"]
		isced_level: DF.Literal["", "ISCED 0-2", "ISCED 3-4", "ISCED 5-8"]
		last_reentry_on: DF.Date | None
		minority: DF.Literal["Yes", "No", "Not specified"]
		planned_exit_date: DF.Date | None
		project: DF.Link
		reentry_count: DF.Int
		resident: DF.Link
		resident_name: DF.Data | None
		rural_area: DF.Literal["Yes", "No", "Not specified"]
		third_country_national: DF.Literal["Yes", "No", "Not specified"]
	# end: auto-generated types
	"""The ESF Plus participant record: one per person and project, describing the situation at entry.
	A re-entry keeps the first entry's data and only updates the exit (see `record_reentry`)."""

	def onload(self):
		log_form_load(self)

	def validate(self):
		validate_not_future(self.entry_date, "Entry Date")
		validate_not_future(self.exit_date, "Exit Date")
		if self.exit_date and self.entry_date and getdate(self.exit_date) < getdate(self.entry_date):
			frappe.throw(
				_("The exit date must not be before the entry date."), title=_("Invalid Participation Period")
			)
		self.validate_categories()
		self.validate_same_project("resident")
		if self.is_new():
			self.refuse_second_record()
			self.copy_situation_at_entry()
		else:
			self.keep_entry_data()
		self.validate_consent()

	def validate_categories(self):
		if self.employment_status not in EMPLOYMENT_STATUSES:
			frappe.throw(
				_("Choose exactly one employment status at entry."), title=_("Missing Employment Status")
			)
		if self.isced_level not in ISCED_LEVELS:
			frappe.throw(_("Choose the highest education level (ISCED)."), title=_("Missing Education Level"))
		for fieldname in ESF_CHARACTERISTICS:
			if self.get(fieldname) in (None, ""):
				self.set(fieldname, "Not specified")
			if self.get(fieldname) not in CHARACTERISTIC_CHOICES:
				frappe.throw(
					_("{0} must be Yes, No or Not specified.").format(_(self.meta.get_label(fieldname))),
					title=_("Invalid Value"),
				)

	def refuse_second_record(self):
		existing = frappe.db.get_value(
			"ESF Participation", {"resident": self.resident, "project": self.project}, "name"
		)
		if existing:
			frappe.throw(
				_(
					"This resident already has the ESF participant record {0} in this project. A person is"
					" recorded once per project: open {0} and use Record Re-entry to update the exit."
				).format(existing),
				frappe.DuplicateEntryError,
				title=_("ESF Record Exists"),
			)

	def copy_situation_at_entry(self):
		person = frappe.db.get_value("Resident", self.resident, ["gender", "age_group"], as_dict=True)
		if person:
			self.gender = person.gender
			self.age_group = person.age_group

	def keep_entry_data(self):
		"""The data describe the situation at entry: the resident and the entry cannot change later."""
		before = self.get_doc_before_save()
		if not before:
			return
		for fieldname in ("resident", "entry_date"):
			if str(before.get(fieldname) or "") != str(self.get(fieldname) or ""):
				frappe.throw(
					_("{0} cannot be changed after the record was created.").format(
						_(self.meta.get_label(fieldname))
					),
					title=_("Entry Data Fixed"),
				)

	def validate_consent(self):
		consent = active_consent(self.resident, ESF_CONSENT_PURPOSE, today())
		if not consent:
			frappe.throw(
				_(
					"ESF participant data may only be recorded with the resident's consent in force"
					" (purpose: ESF Participant Data). Record the consent first."
				),
				title=_("Consent Missing"),
			)
		self.consent = consent

	@frappe.whitelist()
	def record_reentry(
		self, reentry_on: str | None = None, exit_date: str | None = None, exit_status: str | None = None
	):
		"""A person who comes back counts once: the first entry's data stay, the exit is updated."""
		self.check_permission("write")
		self.reload()  # act on the stored record, not on unsaved values sent with the call
		reentry = getdate(reentry_on or today())
		validate_not_future(reentry, "Re-entry Date")
		if not next_reentry_valid(
			getdate(self.entry_date), getdate(self.exit_date) if self.exit_date else None, reentry
		):
			frappe.throw(
				_("The re-entry must lie after the entry date and not before the previous exit."),
				title=_("Invalid Re-entry"),
			)
		if exit_date and getdate(exit_date) < reentry:
			frappe.throw(
				_("The new exit date must not be before the re-entry."),
				title=_("Invalid Participation Period"),
			)
		self.reentry_count = (self.reentry_count or 0) + 1
		self.last_reentry_on = reentry
		self.exit_date = getdate(exit_date) if exit_date else None
		self.exit_status = exit_status or None
		self.save()
		return self.name


def on_doctype_update():
	frappe.db.add_unique(
		"ESF Participation", ["resident", "project"], constraint_name="unique_resident_project"
	)
