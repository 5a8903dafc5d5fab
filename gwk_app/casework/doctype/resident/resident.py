# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.utils import getdate, today

from gwk_app.controllers import ProjectBoundDocument
from gwk_app.rules.casework import duplicate_key, full_name
from gwk_app.rules.common import UNKNOWN_AGE_GROUP, age_group, valid_birth_year


class Resident(ProjectBoundDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		age_group: DF.Literal["", "Under 18", "18-29", "30-54", "55-64", "65 and over", "Unknown"]
		anonymised_on: DF.Date | None
		birth_year: DF.Int
		district: DF.Link | None
		duplicate_candidates: DF.SmallText | None
		email: DF.Data | None
		first_name: DF.Data | None
		full_name: DF.Data | None
		gender: DF.Literal["", "Female", "Male", "Diverse", "Not specified"]
		interpreter_needed: DF.Check
		languages: DF.Data | None
		last_name: DF.Data | None
		notes: DF.Text | None
		phone: DF.Data | None
		possible_duplicate: DF.Check
		postcode: DF.Data | None
		project: DF.Link
		pseudonym: DF.Data | None
		special_category_notes: DF.SmallText | None
		street: DF.Data | None

	# end: auto-generated types
	def validate(self):
		self.full_name = full_name(self.first_name, self.last_name, self.pseudonym)
		if not self.full_name:
			frappe.throw(_("Enter a name or a pseudonym."), title=_("Missing Name"))
		self.validate_birth_year()
		self.flag_duplicates()

	def validate_birth_year(self):
		on = getdate(today())
		if not valid_birth_year(self.birth_year, on):
			frappe.throw(
				_("The birth year must lie between 1900 and {0}.").format(on.year),
				title=_("Invalid Birth Year"),
			)
		if self.birth_year:
			self.age_group = age_group(self.birth_year, on)
		elif not self.age_group:
			self.age_group = UNKNOWN_AGE_GROUP

	def flag_duplicates(self):
		"""Flag residents of the same project with the same name, birth year and postcode. Nothing is
		merged: staff compare the candidates and decide."""
		key = duplicate_key(self.first_name, self.last_name, self.birth_year, self.postcode)
		matches = []
		if key:
			candidates = frappe.get_all(
				"Resident",
				filters={
					"project": self.project,
					"birth_year": self.birth_year,
					"name": ("!=", self.name or ""),
				},
				fields=["name", "first_name", "last_name", "birth_year", "postcode"],
			)
			matches = [
				c.name
				for c in candidates
				if duplicate_key(c.first_name, c.last_name, c.birth_year, c.postcode) == key
			]
		self.possible_duplicate = int(bool(matches))
		self.duplicate_candidates = ", ".join(sorted(matches)) or None


def on_doctype_update():
	# the resident list of a staff user: filtered by project, newest first
	frappe.db.add_index("Resident", ["project", "modified"], "project_modified_index")
