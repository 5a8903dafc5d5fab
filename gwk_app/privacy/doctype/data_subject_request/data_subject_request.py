# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt
"""Data Subject Request: a request under Art. 15-21 GDPR, handled by the data protection officer.

Not project-bound on purpose: a request is addressed to the carrier as controller, not to a project,
and its answer spans every project the person appears in. Only the data protection role (and System
Manager) may read or act on it; staff who receive a request pass it on to the officer. The resident's
project is shown for orientation only.
"""

import frappe
from frappe import _
from frappe.utils import getdate, now_datetime, today

from gwk_app.constants import OFFICER_ROLES
from gwk_app.controllers import validate_not_future
from gwk_app.privacy import audit, erasure, export, holds, personal_data
from gwk_app.rules.casework import duplicate_key
from gwk_app.rules.privacy import request_due_date
from gwk_app.validation import CheckedDocument


class DataSubjectRequest(CheckedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		completed_on: DF.Date | None
		due_on: DF.Date | None
		erased_on: DF.Datetime | None
		identity_verified: DF.Check
		outcome: DF.SmallText | None
		project: DF.Link | None
		received_on: DF.Date
		request_type: DF.Literal[
			"",
			"Art. 15 Access",
			"Art. 16 Rectification",
			"Art. 17 Erasure",
			"Art. 18 Restriction",
			"Art. 21 Objection",
		]
		resident: DF.Link
		resident_name: DF.Data | None
		status: DF.Literal["Open", "In Progress", "Completed", "Rejected"]

	# end: auto-generated types
	def validate(self):
		validate_not_future(self.received_on, "Received On")
		self.due_on = request_due_date(getdate(self.received_on)) if self.received_on else None
		if self.status in ("Completed", "Rejected"):
			self.completed_on = self.completed_on or today()
			if self.status == "Rejected" and not (self.outcome or "").strip():
				frappe.throw(
					_("Give the reason for rejecting the request in Outcome."), title=_("Outcome Missing")
				)
		else:
			self.completed_on = None

	def onload(self):
		self.set_onload("same_person", self.same_person_elsewhere())

	def on_update(self):
		close_reminders(self)

	def same_person_elsewhere(self) -> list[dict]:
		"""Residents of other projects with the same name, birth year and postcode: every project keeps
		its own record of a person, and the officer answers the request for each of them."""
		if not self.resident:
			return []
		person = frappe.db.get_value(
			"Resident", self.resident, ["first_name", "last_name", "birth_year", "postcode"], as_dict=True
		)
		key = person and duplicate_key(
			person.first_name, person.last_name, person.birth_year, person.postcode
		)
		if not key:
			return []
		candidates = frappe.get_all(
			"Resident",
			filters={"birth_year": person.birth_year, "name": ("!=", self.resident)},
			fields=["name", "project", "first_name", "last_name", "birth_year", "postcode"],
		)
		return [
			{"resident": c.name, "project": c.project}
			for c in candidates
			if duplicate_key(c.first_name, c.last_name, c.birth_year, c.postcode) == key
		]

	def check_officer(self):
		"""Only the officer acts on a request, and always on the stored request, never on values a
		client sent along with the call."""
		frappe.only_for(OFFICER_ROLES)
		self.check_permission("write")
		self.reload()

	@frappe.whitelist()
	def get_holds(self) -> list[str]:
		"""Why the resident's data must still be kept (open case, ESF duty), for the erasure dialog."""
		self.check_officer()
		return sorted(holds.held_residents([self.resident]))

	@frappe.whitelist()
	def erase_personal_data(self, confirm_holds: bool = False) -> dict:
		"""Art. 17: anonymise the resident and remove every trace of them. When a record still has to be
		kept (an open case, an ESF retention duty), the officer must confirm having weighed Art. 17(3)."""
		self.check_officer()
		if self.request_type != "Art. 17 Erasure":
			frappe.throw(_("Only an erasure request erases data."), title=_("Wrong Request Type"))
		if not self.identity_verified:
			frappe.throw(
				_("Verify the identity of the person before erasing their data."),
				title=_("Identity Not Verified"),
			)
		if self.erased_on:
			frappe.throw(_("The data of this request were already erased."), title=_("Already Erased"))
		if holds.held_residents([self.resident]) and not frappe.parse_json(confirm_holds):
			frappe.throw(
				_(
					"This resident still has an open case or an ESF participation under the retention duty."
					" Erase only after weighing Art. 17(3) GDPR, and confirm it."
				),
				title=_("Data Still Needed"),
			)
		result = erasure.erase(self.resident)
		note = _("Personal data erased on {0} by {1}.").format(
			frappe.format(now_datetime(), "Datetime"), frappe.session.user
		)
		if result.get("mentioned_in"):
			note += "\n" + _(
				"The person's name or contact data were replaced in these other records: {0}"
			).format(", ".join(f"{_(doctype)} {name}" for doctype, name in result["mentioned_in"]))
		outcome = f"{self.outcome}\n{note}" if self.outcome else note
		self.db_set(
			{
				"erased_on": now_datetime(),
				"status": "Completed",
				"completed_on": getdate(today()),
				"outcome": outcome,
				"resident_name": personal_data.REDACTED,
			}
		)
		return result


def _request_for_export(name: str) -> DataSubjectRequest:
	frappe.only_for(OFFICER_ROLES)
	doc = frappe.get_doc("Data Subject Request", name)
	doc.check_permission("read")
	if doc.request_type != "Art. 15 Access":
		frappe.throw(
			_("Only an access request is answered with a data export."), title=_("Wrong Request Type")
		)
	return doc


@frappe.whitelist()
def download_export(name: str, file_format: str = "JSON"):
	"""Art. 15: every record naming the resident, as JSON (machine-readable) or PDF (readable)."""
	if file_format not in ("JSON", "PDF"):
		frappe.throw(_("Choose JSON or PDF."), title=_("Invalid Format"))
	doc = _request_for_export(name)
	if file_format == "JSON":
		content = export.export_json(doc.resident).encode()
		frappe.local.response.filename = f"{doc.resident}-art15.json"
		frappe.local.response.type = "download"
	else:
		content = export.export_pdf(doc.resident)
		frappe.local.response.filename = f"{doc.resident}-art15.pdf"
		frappe.local.response.type = "pdf"
	frappe.local.response.filecontent = content
	audit.log_access("Resident", doc.resident, method="Art. 15 Export", file_type=file_format)


def close_reminders(doc, method=None) -> None:
	"""A request that is answered needs no reminder any more."""
	if doc.status in ("Completed", "Rejected") and frappe.db.exists(
		"ToDo", {"reference_type": doc.doctype, "reference_name": doc.name, "status": "Open"}
	):
		from frappe.desk.form.assign_to import close_all_assignments

		close_all_assignments(doc.doctype, doc.name, ignore_permissions=True)
