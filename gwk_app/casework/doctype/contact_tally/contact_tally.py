# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt
"""Imported tallies of anonymous contacts (Strichlisten) of one project and month from before the
switch-over. The reports count them as anonymous contacts (gwk_app.casework.tallies) and show them as
imported; one tally per project and month (also a unique key, so two imports at once cannot both win)."""

import frappe
from frappe import _
from frappe.utils import getdate

from gwk_app.controllers import ProjectBoundDocument, validate_not_future
from gwk_app.imports.rules import month_start


class ContactTally(ProjectBoundDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from gwk_app.casework.doctype.contact_tally_count.contact_tally_count import ContactTallyCount

		counts: DF.Table[ContactTallyCount]
		month: DF.Date
		project: DF.Link
		source: DF.Data | None
		total_contacts: DF.Int

	# end: auto-generated types
	def validate(self):
		self.month = month_start(getdate(self.month))
		validate_not_future(self.month, "Month")
		other = frappe.db.get_value(
			"Contact Tally", {"project": self.project, "month": self.month, "name": ("!=", self.name or "")}
		)
		if other:
			frappe.throw(
				_("Tallies of project {0} for {1} have already been imported ({2}).").format(
					self.project, getdate(self.month).strftime("%m/%Y"), other
				),
				frappe.DuplicateEntryError,
				title=_("Already Imported"),
			)
		for row in self.counts:
			if (row.contacts or 0) < 1:
				frappe.throw(
					_("Row #{0}: the number of contacts must be at least 1.").format(row.idx),
					title=_("Invalid Count"),
				)
		self.total_contacts = sum(int(row.contacts or 0) for row in self.counts)


def on_doctype_update():
	frappe.db.add_unique("Contact Tally", ["project", "month"], constraint_name="project_month")
