"""The app's rules for one imported record, checked before it is stored: each failure is
(row number, column as the file names it, German reason). The controllers keep the same rules for
every other path; these name the row and column a spreadsheet user needs to fix."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from gwk_app.access import PROJECT_BOUND, PROJECT_BOUND_CHILDREN
from gwk_app.imports.rules import is_future, month_start
from gwk_app.permissions import can_access_project
from gwk_app.rules.common import contains_contact_data

# date fields that cannot lie in the future (the controllers refuse them as well)
NOT_FUTURE = {
	"Consultation": ("consultation_date",),
	"Case": ("opened_on",),
	"Referral": ("referred_on", "feedback_on"),
	"Community Volunteer": ("onboarding_date", "clearance_date"),
	"Volunteer Hours": ("work_date",),
	"Area Observation": ("observation_date", "passed_on_date"),
	"Consent": ("given_on", "withdrawn_on"),
	"Contact Tally": ("month",),
}
INSERT = "Insert New Records"
UPDATE = "Update Existing Records"


def label(df) -> str:
	return _(df.label, context=df.parent) if _(df.label, context=df.parent) != df.label else _(df.label)


class Check:
	def __init__(self, doctype, doc, rows, child_rows, header, failed):
		self.doctype, self.doc, self.rows, self.child_rows = doctype, doc, rows, child_rows
		self.header, self.failed = header, failed or set()
		self.meta = frappe.get_meta(doctype)
		self.errors: list[tuple[int, str, str]] = []

	def column(self, df, table_df=None) -> str:
		"""The column as the file names it, or as the template would."""
		found = self.header.header_of(df.parent, df.fieldname, table_df.fieldname if table_df else None)
		if found:
			return found
		if df.fieldname == "name":
			return _("ID")
		return f"{label(df)} ({label(table_df)})" if table_df else label(df)

	def fail(self, df, reason: str, table_df=None, index: int = 0):
		row = self.rows[0]
		if table_df:
			rows = self.child_rows.get(table_df.fieldname) or []
			row = rows[index] if index < len(rows) else row
		self.errors.append((row, self.column(df, table_df), reason))

	def has_column(self, df, table_df=None) -> bool:
		return bool(self.header.header_of(df.parent, df.fieldname, table_df.fieldname if table_df else None))

	def records(self):
		"""(meta, record, table field, index) for the record and each child record."""
		yield self.meta, self.doc, None, 0
		for table_df in self.meta.get_table_fields():
			for i, child in enumerate(self.doc.get(table_df.fieldname) or []):
				yield frappe.get_meta(table_df.options), child, table_df, i

	# ---------------------------------------------------------------- rules

	def project(self, only_project):
		field = PROJECT_BOUND.get(self.doctype)
		if not field or not only_project:
			return
		df = self.meta.get_field(field)
		if not self.doc.get(field) and df and self.column(df) not in self.failed:
			self.doc[field] = only_project
		elif self.doc.get(field) and self.doc.get(field) != only_project:
			self.fail(
				df, _("The check was asked for project {0}; this row names another one.").format(only_project)
			)

	def mandatory(self):
		for meta, record, table_df, i in self.records():
			for df in meta.fields:
				if not df.reqd or df.read_only or df.fieldtype in ("Table", "Table MultiSelect"):
					continue
				if record.get(df.fieldname) not in (None, "", []):
					continue
				if self.column(df, table_df) in self.failed:
					continue
				if self.has_column(df, table_df):
					self.fail(df, _("A value is required."), table_df, i)
				else:
					self.fail(df, _("The column is missing from the file; it is required."), table_df, i)

	def existing(self):
		"""Update: the record must exist and belong to a project of the user's team (the same answer
		either way)."""
		name = self.doc.get("name")
		df = frappe._dict(fieldname="name", label="ID", parent=self.doctype)
		field = PROJECT_BOUND.get(self.doctype)
		ok = bool(name) and frappe.db.exists(self.doctype, name)
		if ok and field:
			ok = can_access_project(frappe.db.get_value(self.doctype, name, field))
		if not ok:
			self.fail(df, _("„{0}“ was not found.").format(name or ""))

	def project_links(self):
		"""Links to project-bound records (a resident, a case) must name one of this record's project;
		a resident may also be given by full name when that is unique in the project."""
		field = PROJECT_BOUND.get(self.doctype) or PROJECT_BOUND.get(
			PROJECT_BOUND_CHILDREN.get(self.doctype, "")
		)
		project = self.doc.get(field) if field else None
		for meta, record, table_df, i in self.records():
			for df in meta.get_link_fields():
				value = record.get(df.fieldname)
				if not value or df.options not in PROJECT_BOUND or df.options == self.doctype:
					continue
				if not project:
					continue
				target_field = PROJECT_BOUND[df.options]
				if frappe.db.get_value(df.options, value, target_field) == project:
					continue
				found = []
				if df.options == "Resident":
					found = frappe.get_all(
						"Resident", filters={"project": project, "full_name": value}, pluck="name", limit=2
					)
				if len(found) == 1:
					record[df.fieldname] = found[0]
				elif found:
					self.fail(
						df,
						_("Several residents of the project are called „{0}“: give the ID.").format(value),
						table_df,
						i,
					)
				else:
					self.fail(
						df,
						_("„{0}“ was not found in project {1}.").format(value, project),
						table_df,
						i,
					)

	def not_future(self):
		on = getdate(today())
		for fieldname in NOT_FUTURE.get(self.doctype, ()):
			df = self.meta.get_field(fieldname)
			if df and is_future(self.doc.get(fieldname), on):
				self.fail(df, _("{0} cannot be in the future.").format(label(df)))

	def consultation(self):
		doc = self.doc
		anonymous_df = self.meta.get_field("anonymous")
		if doc.get("resident") and not self.has_column(anonymous_df):
			doc["anonymous"] = 0  # a named consultation: the resident is given
		if not doc.get("anonymous"):
			return
		if doc.get("resident"):
			self.fail(
				self.meta.get_field("resident"),
				_("An anonymous contact cannot name a resident: untick Anonymous."),
			)
		note_df = self.meta.get_field("note")
		if contains_contact_data(doc.get("note")):
			self.fail(note_df, _("An anonymous contact cannot carry a phone number or an e-mail address."))

	def contact_tally(self):
		doc = self.doc
		if not doc.get("month") or not doc.get("project"):
			return
		doc["month"] = month_start(getdate(doc["month"]))
		other = frappe.db.get_value(
			"Contact Tally",
			{"project": doc["project"], "month": doc["month"], "name": ("!=", doc.get("name") or "")},
		)
		if other:
			self.fail(
				self.meta.get_field("month"),
				_("Tallies of project {0} for {1} have already been imported ({2}).").format(
					doc["project"], doc["month"].strftime("%m/%Y"), other
				),
			)


def check_doc(doctype, doc, rows, child_rows, header, import_type, only_project=None, failed=None):
	"""[(row, column, reason)] for one record parsed from the file (the record is completed in place:
	a resident named by full name gets its ID, a tally's month its first day)."""
	c = Check(doctype, doc, rows, child_rows, header, failed)
	c.project(only_project)
	if import_type == UPDATE:
		c.existing()
	else:
		c.mandatory()
	c.project_links()
	c.not_future()
	if doctype == "Consultation":
		c.consultation()
	if doctype == "Contact Tally":
		c.contact_tally()
	return c.errors
