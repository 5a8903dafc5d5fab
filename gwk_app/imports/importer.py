"""The app's importer: Frappe's Data Import importer (frappe/core/doctype/data_import/importer.py) with
the app's rules for each cell and row (see gwk_app/overrides/data_import.py for what changes and how
core is made to use it). The dry run (gwk_app.imports.dry_run) runs the same class."""

import re

import frappe
from frappe import _
from frappe.core.doctype.data_import.importer import (
	INVALID_VALUES,
	Header,
	Importer,
	ImportFile,
	Row,
	get_select_options,
)

from gwk_app.access import PROJECT_BOUND, PROJECT_DOCTYPE
from gwk_app.constants import MODULES
from gwk_app.imports import checks
from gwk_app.imports.rules import option_lookup, parse_check, parse_float, parse_int, parse_select
from gwk_app.permissions import can_access_project
from gwk_app.rules.casework import duplicate_key

# core doctypes imported with the app's value rules (the partner directory's contacts and addresses)
GOVERNED_CORE = frozenset({"Contact", "Address"})
NUMBER_TYPES = {"Int": parse_int, "Float": parse_float, "Currency": parse_float, "Percent": parse_float}
_TAGS = re.compile(r"<[^>]+>")


def governed(doctype: str) -> bool:
	"""Does the import of this doctype follow the app's rules?"""
	return doctype in GOVERNED_CORE or frappe.get_meta(doctype).module in MODULES


def plain(text) -> str:
	return _TAGS.sub("", str(text or "")).strip()


def row_error(row: int, column: str | None, reason: str) -> str:
	if column:
		return _("Row {0}, column „{1}“: {2}").format(row, column, reason)
	return _("Row {0}: {1}").format(row, reason)


def shown_options(df) -> list[str]:
	return [_(o, context=df.parent) if _(o, context=df.parent) != o else _(o) for o in get_select_options(df)]


class GWKHeader(Header):
	def __init__(self, index, row, doctype, raw_data, column_to_field_map=None):
		super().__init__(index, row, doctype, raw_data, column_to_field_map)
		for col in self.columns:
			if col.df and col.df.fieldtype in ("Select", "Link"):
				# wrong values are errors of their rows (GWKRow), not a stop for the whole file
				col.warnings = [w for w in col.warnings if w.get("type") == "info"]

	def header_of(self, doctype: str, fieldname: str, table_field: str | None = None) -> str | None:
		for col in self.columns:
			if col.skip_import or not col.df or col.df.parent != doctype or col.df.fieldname != fieldname:
				continue
			if (
				table_field
				and col.df.get("child_table_df")
				and col.df.child_table_df.fieldname != table_field
			):
				continue
			return col.header_title
		return None


class GWKRow(Row):
	"""A row whose bad cells are collected as (column, reason) instead of warnings that stop the file."""

	def __init__(self, index, row, doctype, header, import_type):
		super().__init__(index, row, doctype, header, import_type)
		self.errors: list[tuple[str, str]] = []

	def fail(self, col, reason: str):
		self.errors.append((col.header_title, reason))

	def validate_value(self, value, col):
		df = col.df
		if df.fieldtype == "Select":
			if not get_select_options(df):
				return value
			if getattr(col, "gwk_options", None) is None:
				# once per column: the stored options and how the template shows them
				options, shown = get_select_options(df), shown_options(df)
				col.gwk_options = (
					option_lookup(options, {o: [t] for o, t in zip(options, shown, strict=True)}),
					shown,
				)
			lookup, shown = col.gwk_options
			try:
				return parse_select(value, lookup)
			except ValueError:
				self.fail(col, _("„{0}“ is not one of the choices ({1}).").format(value, ", ".join(shown)))
				return None
		if df.fieldtype == "Check":
			try:
				return parse_check(value)
			except ValueError:
				self.fail(col, _("„{0}“: enter Ja or Nein (1 or 0).").format(value))
				return None
		if df.fieldtype in NUMBER_TYPES:
			try:
				return NUMBER_TYPES[df.fieldtype](value)
			except ValueError:
				self.fail(col, _("„{0}“ is not a number.").format(value))
				return None
		if df.fieldtype == "Link":
			return self.validate_link(value, col)
		if df.fieldtype in ("Date", "Datetime"):
			parsed = self.get_date(value, col)
			if isinstance(parsed, str):
				example = "31.12.2024" if df.fieldtype == "Date" else "31.12.2024 14:30"
				self.fail(col, _("„{0}“ is not a date like {1}.").format(value, example))
				return None
			return parsed
		return super().validate_value(value, col)

	def validate_link(self, value, col):
		df = col.df
		value = str(value).strip()
		if df.options == PROJECT_DOCTYPE:
			# the same answer whether the project exists or not
			if not (frappe.db.exists(PROJECT_DOCTYPE, value) and can_access_project(value)):
				self.fail(
					col,
					_("You can only import into the projects of your team; „{0}“ is not one of them.").format(
						value
					),
				)
				return None
			return value
		if df.options in PROJECT_BOUND:
			# checked against the row's project once the whole record is read (checks.check_doc)
			return value
		if not frappe.db.exists(df.options, value, cache=True):
			self.fail(col, _("„{0}“ does not exist ({1}).").format(value, _(df.options)))
			return None
		return value


class GWKImportFile(ImportFile):
	def parse_data_from_template(self):
		if not governed(self.doctype):
			return super().parse_data_from_template()
		# core caches the header map per doctype, with the labels of whoever imported first: build it in
		# this user's language (it keeps the English labels and fieldnames as well)
		frappe.cache.hdel("data_import_column_header_map", self.doctype)
		header, data = None, []
		for i, row in enumerate(self.raw_data):
			if all(v in INVALID_VALUES for v in row):
				continue
			if header is None:
				header = GWKHeader(i, row, self.doctype, self.raw_data[1:], self.column_to_field_map)
			else:
				data.append(GWKRow(i, row, self.doctype, header, self.import_type))
		if header is None or not data:
			frappe.throw(
				_("Import template should contain a Header and atleast one row."), title=_("Template Error")
			)
		self.header, self.columns, self.data = header, header.columns, data

	def parse_next_row_for_import(self, data):
		doc, rows, rest = super().parse_next_row_for_import(data)
		if governed(self.doctype) and doc is None:
			doc = frappe._dict()
			rows[0].errors.append((None, _("The row has no value in any column of the record.")))
		if governed(self.doctype):
			doc["__gwk_rows"] = [r.row_number for r in rows]
			doc["__gwk_errors"] = [
				(r.row_number, column, reason) for r in rows for column, reason in r.errors
			]
			# which file row each child record came from, per table field
			child_rows = {}
			for doctype, table_df in self.header.doctypes:
				if table_df:
					indexes = self.header.get_column_indexes(doctype, table_df)
					child_rows[table_df.fieldname] = [
						r.row_number
						for r in rows
						if any(v not in INVALID_VALUES for v in r.get_values(indexes))
					]
			doc["__gwk_child_rows"] = child_rows
		return doc, rows, rest


class GWKImporter(Importer):
	"""Core's importer with the app's rules (see the module docstring); `dry_run` for gwk-import-check."""

	only_project: str | None = None
	refused: list[str]

	def __init__(self, doctype, data_import=None, file_path=None, import_type=None, console=False):
		self.doctype = doctype
		self.console = console
		self.refused = []
		self.counts = {"stored": 0, "refused": 0}
		# headers are matched in the importing user's language (core sets it only later, in before_import)
		frappe.set_user_lang(frappe.session.user)
		self.data_import = data_import
		if not self.data_import:
			self.data_import = frappe.get_doc(doctype="Data Import")
			if import_type:
				self.data_import.import_type = import_type
		self.template_options = frappe.parse_json(self.data_import.template_options or "{}")
		self.import_type = self.data_import.import_type
		self.import_file = GWKImportFile(
			doctype,
			file_path or self.data_import.google_sheets_url or self.data_import.import_file,
			self.template_options,
			self.import_type,
			console=self.console,
		)

	# ------------------------------------------------------------ one record

	def process_doc(self, doc):
		if not governed(self.doctype):
			return super().process_doc(doc)
		rows = doc.pop("__gwk_rows", None) or [0]
		errors = list(doc.pop("__gwk_errors", None) or [])
		child_rows = doc.pop("__gwk_child_rows", None) or {}
		errors += checks.check_doc(
			self.doctype,
			doc,
			rows,
			child_rows,
			self.import_file.header,
			self.import_type,
			only_project=self.only_project,
			failed={column for _row, column, _reason in errors},
		)
		if errors:
			frappe.clear_messages()
			for row, column, reason in sorted(errors, key=lambda e: e[0]):
				message = row_error(row, column, reason)
				self.refused.append(message)
				frappe.msgprint(message, title=_("Row {0} not imported").format(row))
			self.counts["refused"] += 1
			raise frappe.ValidationError(errors[0][2])
		try:
			doc = super().process_doc(doc)
		except Exception as e:
			self.rephrase_messages(e, rows[0])
			self.counts["refused"] += 1
			raise
		self.counts["stored"] += 1
		return doc

	def rephrase_messages(self, exc, row: int):
		"""Core and the controllers speak of fields: name the row, and the column when the message names
		a field of the file."""
		log = frappe.local.message_log or []
		if not log:
			frappe.msgprint(plain(exc) or _("The record could not be stored."))
			log = frappe.local.message_log
		header = self.import_file.header
		for m in log:
			text = plain(m.get("message") if isinstance(m, dict) else m)
			column = next(
				(
					c.header_title
					for c in header.columns
					if c.df and not c.skip_import and c.header_title in text
				),
				None,
			)
			message = row_error(row, column, text)
			self.refused.append(message)
			if isinstance(m, dict):
				m["message"] = message
				m["title"] = _("Row {0} not imported").format(row)

	# ------------------------------------------------------------ dry run

	def dry_run(self, only_project: str | None = None) -> list[frappe._dict]:
		"""What an import would do, row by row, storing nothing. Each record is inserted with every rule
		and rolled back at once, in its own short transaction (a long one would hold the naming series
		and the kept report figures locked for everybody while the file is checked); duplicates within
		the file are found by the same key as the Resident controller uses."""
		self.only_project = only_project
		self.before_import()
		results = []
		seen: dict[tuple, int] = {}
		try:
			payloads = self.import_file.get_payloads_for_import()
			warnings = [w for w in self.import_file.get_warnings() if w.get("type") != "info"]
			for w in warnings:
				results.append(
					frappe._dict(rows=[w.get("row") or 0], stored=False, messages=[plain(w.get("message"))])
				)
			if warnings:
				return results
			for payload in payloads:
				results.append(self._check_one(payload, seen))
				frappe.db.rollback()
		finally:
			frappe.db.rollback()
			self.after_import()
		return results

	def _check_one(self, payload, seen: dict) -> frappe._dict:
		rows = [r.row_number for r in payload.rows]
		try:
			doc = self.process_doc(payload.doc)
		except Exception as e:
			log = frappe.local.message_log or []
			messages = [plain(m.get("message") if isinstance(m, dict) else m) for m in log] or [plain(e)]
			frappe.clear_messages()
			return frappe._dict(rows=rows, stored=False, messages=messages)
		field = PROJECT_BOUND.get(self.doctype)
		duplicates = [doc.get("duplicate_candidates")] if doc.get("possible_duplicate") else []
		if self.doctype == "Resident":
			key = duplicate_key(doc.first_name, doc.last_name, doc.birth_year, doc.postcode)
			if key and (doc.project, key) in seen:
				duplicates.append(_("row {0}").format(seen[(doc.project, key)]))
			elif key:
				seen[(doc.project, key)] = rows[0]
		return frappe._dict(
			rows=rows,
			stored=True,
			project=doc.get(field) if field else None,
			duplicates=", ".join(duplicates) or None,
		)

	def print_import_log(self, import_log):
		"""`bench data-import`: the refused rows with their German messages, then the counts."""
		print()
		for message in self.refused:
			print(message)
		done, refused = self.counts["stored"], self.counts["refused"]
		print(_("{0} of {1} records imported, {2} refused.").format(done, done + refused, refused))
