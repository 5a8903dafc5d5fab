"""Every document of the app refuses values that do not fit its fields, on every path that saves a
document (form, REST, Data Import, the app's own endpoints): wrong types, numbers a column cannot hold,
texts over the field's length limit, table rows without any value. It runs first on insert and save,
before permission checks, naming and Frappe's own coercion (which stores "abc" in a Check as 0, or
answers NaN with HTTP 500), and raises a translated validation error (HTTP 417): nothing is stored.

Project-bound doctypes get it through `gwk_app.controllers.ProjectBoundDocument`; every other doctype
of the app subclasses `CheckedDocument`. `tests/unit/test_checked_controllers.py` checks that each does.
"""

import frappe
from frappe import _
from frappe.model import no_value_fields
from frappe.model.document import Document

from gwk_app.rules.text import max_length
from gwk_app.rules.values import normalised_check, row_is_empty, value_problem


def is_app_doctype(doctype) -> bool:
	"""Whether `doctype` is one of this app's doctypes (unknown names are not)."""
	if not isinstance(doctype, str) or not doctype:
		return False
	try:
		# the cached meta (the request builds the document from it anyway), not a query per request
		module = frappe.get_meta(doctype).module
	except frappe.DoesNotExistError:
		return False
	return bool(module) and frappe.local.module_app.get(frappe.scrub(module)) == "gwk_app"


def field_label(row, df) -> str:
	label = _(df.label, context=df.parent) if df.label else df.fieldname
	if row.get("parentfield"):
		return "{} #{}: {}".format(_("Row"), row.idx, label)
	return label


def check_values(doc) -> None:
	"""Refuse the first value of the document or its rows that does not fit its field."""
	for row in [doc, *doc.get_all_children()]:
		for df in row.meta.fields:
			if df.fieldtype in no_value_fields:
				continue
			value = row.get(df.fieldname)
			if df.fieldtype == "Check":
				checked = normalised_check(value)
				if checked is not value:
					row.set(df.fieldname, checked)
					value = checked
			problem = value_problem(df.fieldtype, value, df.get("length"))
			if problem == "length":
				frappe.throw(
					_("{0} may have at most {1} characters; {2} were given.").format(
						field_label(row, df), max_length(df.fieldtype, df.get("length")), len(value)
					),
					frappe.CharacterLengthExceededError,
					title=_("Text Too Long"),
				)
			if problem == "range":
				frappe.throw(
					_("{0}: {1} is not a whole number in the range this field can hold.").format(
						field_label(row, df), value
					),
					title=_("Invalid Value"),
				)
			if problem:
				frappe.throw(
					_("{0}: the value does not fit a field of type {1}.").format(
						field_label(row, df), _(df.fieldtype)
					),
					title=_("Invalid Value"),
				)


def check_rows(doc) -> None:
	"""Refuse table rows that hold no value at all (an empty row sent over REST or left in an import)."""
	for table in doc.meta.get_table_fields():
		child = frappe.get_meta(table.options)
		fieldtypes = {
			df.fieldname: df.fieldtype for df in child.fields if df.fieldtype not in no_value_fields
		}
		defaults = {df.fieldname: df.default for df in child.fields if df.default}
		for row in doc.get(table.fieldname) or []:
			if row_is_empty(row.as_dict(), defaults, fieldtypes):
				frappe.throw(
					_("{0}: row {1} is empty. Fill it in or remove it.").format(
						_(table.label, context=doc.doctype), row.idx
					),
					title=_("Empty Row"),
				)


def check_links_exist(doc) -> None:
	"""Refuse a Link to a record that does not exist where Frappe 15 lets it through: a Link with fields
	fetched from it (a request's resident, whose name it copies) skips the check when nothing is found."""
	if doc.flags.ignore_links or getattr(doc, "_action", None) == "cancel":
		return
	for row in [doc, *doc.get_all_children()]:
		for df in row.meta.get_link_fields():
			value = row.get(df.fieldname)
			if not value or not isinstance(value, str) or not row.meta.get_fields_to_fetch(df.fieldname):
				continue
			if not frappe.db.exists(df.options, value, cache=True):
				frappe.throw(
					_("Could not find {0}").format(f"{field_label(row, df)}: {value}"),
					frappe.LinkValidationError,
					title=_("Invalid Link"),
				)


def check_document(doc) -> None:
	check_values(doc)
	check_rows(doc)
	check_links_exist(doc)


class CheckedDocument(Document):
	"""Base class of the app's doctypes that are not project-bound."""

	def _validate_links(self):
		# runs first on insert and save, before permission checks and Frappe's own coercion
		check_document(self)
		super()._validate_links()
