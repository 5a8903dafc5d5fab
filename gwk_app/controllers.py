"""Shared controller behaviour for project-bound doctypes."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from gwk_app.access import PROJECT_BOUND
from gwk_app.permissions import allowed_projects
from gwk_app.rules.common import as_date, is_period_valid
from gwk_app.validation import check_document
from gwk_app.validation import field_label as _link_label


def guard_links(doc) -> None:
	"""Refuse Link values that are not plain names, and links to records of projects the user may not
	read. Both fail exactly like a name that does not exist, so the answer reveals nothing."""
	check_scope = not doc.flags.ignore_permissions
	allowed = allowed_projects() if check_scope else None
	for row in [doc, *doc.get_all_children()]:
		for df in row.meta.get_link_fields() + row.meta.get("fields", {"fieldtype": "Dynamic Link"}):
			value = row.get(df.fieldname)
			if value in (None, ""):
				continue
			if not isinstance(value, str):
				frappe.throw(
					_("Could not find {0}").format(_link_label(row, df)),
					frappe.LinkValidationError,
					title=_("Invalid Link"),
				)
			target = df.options if df.fieldtype == "Link" else row.get(df.options)
			if allowed is None or target not in PROJECT_BOUND:
				continue
			project = frappe.db.get_value(target, value, PROJECT_BOUND[target])
			if project not in allowed:
				frappe.throw(
					_("Could not find {0}").format(f"{_link_label(row, df)}: {value}"),
					frappe.LinkValidationError,
					title=_("Invalid Link"),
				)


class ProjectBoundDocument(Document):
	"""Base class of every doctype listed in gwk_app.access.PROJECT_BOUND."""

	def _validate_links(self):
		# runs first on insert and save, before permission checks and Frappe's own coercion
		check_document(self)
		if not (self.flags.ignore_links or self._action == "cancel"):
			guard_links(self)
		super()._validate_links()

	def save_version(self):
		# core builds a Version document after every insert only to drop it unless a Data Import made the
		# record (updater_reference): an insert from the desk or REST spares it (a millisecond of every
		# consultation logged); edits and imports are versioned by core as before
		if (
			self.flags.in_insert
			and not self.get_doc_before_save()
			and not self.get("amended_from")
			and not self.flags.updater_reference
		):
			return
		super().save_version()

	def validate_same_project(self, *fieldnames: str) -> None:
		"""Linked project-bound records must belong to this record's project."""
		project = self.get(PROJECT_BOUND[self.doctype])
		for row in [self, *self.get_all_children()]:
			for fieldname in fieldnames:
				df = row.meta.get_field(fieldname)
				value = row.get(fieldname)
				if not df or not value or df.options not in PROJECT_BOUND:
					continue
				other = frappe.db.get_value(df.options, value, PROJECT_BOUND[df.options])
				if other != project:
					frappe.throw(
						_("{0} {1} belongs to another project. Choose one from project {2}.").format(
							_(df.options), value, project
						),
						title=_("Wrong Project"),
					)


def validate_period(start, end, start_label: str, end_label: str) -> None:
	if not is_period_valid(start, end):
		frappe.throw(
			_("{0} must not be before {1}.").format(_(end_label), _(start_label)), title=_("Invalid Period")
		)


def validate_not_future(value, label: str) -> None:
	if value and (as_date(value) or getdate(value)) > getdate():
		frappe.throw(_("{0} cannot be in the future.").format(_(label)), title=_("Invalid Date"))
