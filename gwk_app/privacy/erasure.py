"""Art. 17 GDPR: anonymise a resident and leave no trace of the person anywhere in the site. Reads the
registry (gwk_app.privacy.personal_data); other modules react through the `gwk_after_erasure` hook."""

import os
import re

import frappe
from frappe import _
from frappe.query_builder.functions import Locate
from frappe.utils import getdate, today

from gwk_app.constants import CORE_REFERENCES, CORE_REFERENCES_ERASED_APART
from gwk_app.privacy import mentions
from gwk_app.privacy.personal_data import (
	REDACTED,
	SUBJECT_DOCTYPE,
	Footprint,
	fields_present,
	subject_entry,
)
from gwk_app.rules.privacy import scrub_variants

# core tables whose rows pointing at a person's records are deleted with them
REFERENCE_TABLES = tuple(r for r in CORE_REFERENCES if r[0] not in CORE_REFERENCES_ERASED_APART)
# text columns of those tables that may quote the person while pointing at a record they do not own
# (an edit of a shared case in its Version history): scrubbed of every personal value
RELATED_TEXT = (
	("Version", "ref_doctype", "docname", ("data",)),
	("Comment", "reference_doctype", "reference_name", ("content",)),
	("Communication", "reference_doctype", "reference_name", ("subject", "content")),
	("Activity Log", "reference_doctype", "reference_name", ("subject", "content")),
	("Notification Log", "document_type", "document_name", ("subject", "email_content")),
	("ToDo", "reference_type", "reference_name", ("description",)),
)
# diagnostics that may quote anything the person's records held (a traceback lists its variables, such
# as an assignment's free text next to the record's name): rows naming a record or value are deleted
DIAGNOSTIC_COLUMNS = (("Error Log", "error"),)


def erase(resident: str, found: list | None = None) -> dict:
	"""Anonymise the resident and leave no trace of the person anywhere in the site. Counted records stay
	(gender, age group, district); personal text in them is cleared; core traces are deleted; where other
	records mention the person (gwk_app.privacy.mentions), the values are replaced by the redaction mark.
	`found`: the mentions, when a batch searched them already. Idempotent: erasing an anonymised
	resident changes nothing more."""
	person = frappe.db.get_value(SUBJECT_DOCTYPE, resident, "*", as_dict=True)
	if not person:
		frappe.throw(_("Resident {0} not found.").format(resident), frappe.DoesNotExistError)
	footprint = Footprint(resident)
	subject = subject_entry()
	values = _personal_values(person, subject.get("scrub") or subject.get("redact"))
	identifying = _personal_values(person, subject.get("identifying"))
	# searched before anything changes: the FULLTEXT index knows the rows as they were committed
	if found is None:
		found = mentions.find({resident: person})

	_delete_files(footprint)
	for doctype, names in footprint.owned_pairs():
		entry = footprint.entries.get(doctype) or subject
		_redact(doctype, names, entry)
	for child_doctype, row_names in footprint.rows.items():
		_redact(child_doctype, row_names, footprint.entries[child_doctype])
	if frappe.get_meta(SUBJECT_DOCTYPE).has_field("anonymised_on"):
		frappe.db.set_value(
			SUBJECT_DOCTYPE, resident, "anonymised_on", getdate(today()), update_modified=False
		)

	_delete_traces(footprint)
	_delete_deleted_documents(footprint, identifying)
	_scrub_related(values, footprint)
	own = {(doctype, name) for doctype, names in footprint.owned_pairs() for name in names}
	mentioned = sorted(mentions.redact(found).get(resident, set()) - own)
	mentions.scrub_history(set(mentioned), values + mentions.person_values(person)[0])
	_delete_diagnostics(footprint, values)
	for method in frappe.get_hooks("gwk_after_erasure"):
		frappe.get_attr(method)(resident)
	for doctype, names in [*footprint.owned_pairs(), *footprint.parents.items()]:
		for name in names:
			frappe.clear_document_cache(doctype, name)
	return {
		"resident": resident,
		"records": {dt: len(names) for dt, names in footprint.owned_pairs()},
		"rows": {dt: len(names) for dt, names in footprint.rows.items()},
		"mentioned_in": [list(record) for record in mentioned],
	}


def _personal_values(person: dict, fields) -> list[str]:
	"""The resident's values of `fields`, in every stored form, longest first."""
	values = []
	for field in fields or []:
		value = person.get(field)
		for variant in scrub_variants(value if isinstance(value, str) else None):
			if variant not in values and variant != REDACTED:
				values.append(variant)
	return sorted(values, key=len, reverse=True)


def _redact(doctype: str, names: list[str], entry: frappe._dict) -> None:
	fields = fields_present(doctype, entry.get("redact"))
	meta = frappe.get_meta(doctype)
	table = frappe.qb.DocType(doctype)
	query = frappe.qb.update(table).where(table.name.isin(names))
	changed = False
	for field in fields:
		df = meta.get_field(field)
		keep_filled = df.reqd or field == meta.title_field
		if df.fieldtype in ("Int", "Float", "Currency", "Percent", "Check"):
			value = 0
		elif keep_filled and df.fieldtype in ("Data", "Small Text", "Text", "Long Text"):
			value = REDACTED
		else:
			value = None
		query = query.set(table[field], value)
		changed = True
	if not meta.istable:
		query = query.set(table._comments, None)
		changed = True
	if changed:
		query.run()


def _attached_urls(doctype: str, names: list[str], entry: frappe._dict) -> set[str]:
	"""The file URLs held in the Attach fields the declaration redacts."""
	meta = frappe.get_meta(doctype)
	fields = [
		f for f in fields_present(doctype, entry.get("redact"))
		if meta.get_field(f).fieldtype in ("Attach", "Attach Image")
	]  # fmt: skip
	if not fields:
		return set()
	rows = frappe.get_all(doctype, filters={"name": ("in", names)}, fields=fields)
	return {v for row in rows for v in row.values() if v}


def _delete_files(footprint: Footprint) -> None:
	"""Attachments of the person's records, and files named in their Attach fields, off disk and table."""
	file_names = set()
	for doctype, names in footprint.owned_pairs():
		file_names.update(
			frappe.get_all(
				"File",
				filters={"attached_to_doctype": doctype, "attached_to_name": ("in", names)},
				pluck="name",
			)
		)
		urls = _attached_urls(doctype, names, footprint.entries.get(doctype) or subject_entry())
		if urls:
			file_names.update(frappe.get_all("File", filters={"file_url": ("in", list(urls))}, pluck="name"))
	for child_doctype, row_names in footprint.rows.items():
		urls = _attached_urls(child_doctype, row_names, footprint.entries[child_doctype])
		if urls:
			file_names.update(frappe.get_all("File", filters={"file_url": ("in", list(urls))}, pluck="name"))
	if not file_names:
		return
	files = frappe.get_all(
		"File", filters={"name": ("in", list(file_names))}, fields=["name", "file_url", "thumbnail_url"]
	)
	frappe.db.delete("File", {"name": ("in", list(file_names))})
	urls = {u for f in files for u in (f.file_url, f.thumbnail_url) if u}
	# the timeline notes "Added <file>" on the record the file was attached to (an event, say)
	notes = mentions.rows_holding("Comment", "content", sorted(urls), fields=("comment_type",))
	notes = [r.name for r in notes if r.comment_type in ("Attachment", "Attachment Removed")]
	if notes:
		frappe.db.delete("Comment", {"name": ("in", notes)})
	# a file on disk shared with a record outside the erasure stays (Frappe de-duplicates by content)
	still_used = set(frappe.get_all("File", filters={"file_url": ("in", list(urls))}, pluck="file_url"))
	for url in sorted(urls - still_used):
		path = _disk_path(url)
		if path and os.path.isfile(path):
			os.remove(path)


def _disk_path(file_url: str) -> str | None:
	"""The file on disk behind a /files/… or /private/files/… URL of this site (nothing else)."""
	if file_url.startswith("/private/files/"):
		parts = ("private", "files", file_url[len("/private/files/") :])
	elif file_url.startswith("/files/"):
		parts = ("public", "files", file_url[len("/files/") :])
	else:
		return None
	base = os.path.realpath(frappe.get_site_path(*parts[:2]))
	path = os.path.realpath(frappe.get_site_path(*parts))
	return path if path.startswith(base + os.sep) else None


def _about(table, doctype_field: str, name_field: str, pairs):
	"""Rows of a core table about any of the records in `pairs` ((doctype, names)): one condition."""
	condition = None
	for doctype, names in pairs:
		term = (table[doctype_field] == doctype) & table[name_field].isin(names)
		condition = term if condition is None else (condition | term)
	return condition


def _delete_traces(footprint: Footprint) -> None:
	"""One statement per core table for all the person's records."""
	pairs = list(footprint.owned_pairs())
	for table_name, doctype_field, name_field in REFERENCE_TABLES:
		table = frappe.qb.DocType(table_name)
		frappe.qb.from_(table).delete().where(_about(table, doctype_field, name_field, pairs)).run()
	comm = frappe.qb.DocType("Communication")
	communications = set(
		frappe.qb.from_(comm)
		.select(comm.name)
		.where(_about(comm, "reference_doctype", "reference_name", pairs))
		.run(pluck=True)
	)
	link = frappe.qb.DocType("Communication Link")
	communications.update(
		frappe.qb.from_(link)
		.select(link.parent)
		.where(_about(link, "link_doctype", "link_name", pairs))
		.run(pluck=True)
	)
	if communications:
		frappe.db.delete("Communication Link", {"parent": ("in", list(communications))})
		frappe.db.delete("Communication", {"name": ("in", list(communications))})
	queue = frappe.qb.DocType("Email Queue")
	queued = (
		frappe.qb.from_(queue)
		.select(queue.name)
		.where(_about(queue, "reference_doctype", "reference_name", pairs))
		.run(pluck=True)
	)
	if queued:
		frappe.db.delete("Email Queue Recipient", {"parent": ("in", queued)})
		frappe.db.delete("Email Queue", {"name": ("in", queued)})
	global_search = frappe.qb.Table("__global_search")
	frappe.qb.from_(global_search).delete().where(_about(global_search, "doctype", "name", pairs)).run()


def _delete_deleted_documents(footprint: Footprint, values: list[str]) -> None:
	"""Deleted copies of the person's records (a consultation deleted earlier still names them)."""
	doctypes = [*footprint.entries, SUBJECT_DOCTYPE]
	doctypes += [e.parent for e in footprint.entries.values() if e.get("parent")]
	needles = [f'"name": "{footprint.resident}"', *values]
	for entry in footprint.entries.values():
		if entry.doctype == SUBJECT_DOCTYPE:
			continue
		targets = footprint.owned.get(entry.via, []) if entry.get("via") else [footprint.resident]
		needles += [f'"{entry.link_field}": "{name}"' for name in targets]
	for _doctype, names in footprint.owned_pairs():
		for field in ("reference_name", "attached_to_name", "docname"):
			needles += [f'"{field}": "{name}"' for name in names]
	wanted = {*doctypes, "File", "Comment", "Version", "Communication"}
	rows = mentions.rows_holding("Deleted Document", "data", needles, fields=("deleted_doctype",))
	names = [r.name for r in rows if r.deleted_doctype in wanted]
	if names:
		frappe.db.delete("Deleted Document", {"name": ("in", list(set(names)))})


def _any_of(field, needles: list[str]):
	condition = None
	for needle in needles:
		term = Locate(needle, field) > 0
		condition = term if condition is None else (condition | term)
	return condition


def _scrub_column(table, column: str, values: list[str], scope=None) -> None:
	"""Replace every value (any letter case) in `table.column` of the rows within `scope` holding one:
	one scan finds the rows, each found row is rewritten once."""
	if not values:
		return
	field = table[column]
	condition = _any_of(field, values)
	if scope is not None:
		condition = scope & condition
	pattern = re.compile("|".join(re.escape(v) for v in values), re.IGNORECASE)
	for key, text in frappe.qb.from_(table).select(table.name, field).where(condition).run():
		cleaned = pattern.sub(REDACTED, text or "")
		if cleaned != text:
			where = table.name == key
			frappe.qb.update(table).set(field, cleaned).where(where if scope is None else where & scope).run()


def _scrub_related(values: list[str], footprint: Footprint) -> None:
	"""Records holding the person as a row (another party of a case): their history, comments and
	comment cache keep everything but the person's values."""
	for doctype, names in footprint.parents.items():
		for table_name, doctype_field, name_field, columns in RELATED_TEXT:
			table = frappe.qb.DocType(table_name)
			scope = (table[doctype_field] == doctype) & table[name_field].isin(names)
			for column in columns:
				_scrub_column(table, column, values, scope)
		table = frappe.qb.DocType(doctype)
		_scrub_column(table, "_comments", values, table.name.isin(names))
		global_search = frappe.qb.Table("__global_search")
		scope = (global_search.doctype == doctype) & global_search.name.isin(names)
		_scrub_column(global_search, "content", values, scope)


def _delete_diagnostics(footprint: Footprint, values: list[str]) -> None:
	needles = list(values)
	for _doctype, names in footprint.owned_pairs():
		for name in names:
			needles += [f"'{name}'", f'"{name}"']
	for doctype, column in DIAGNOSTIC_COLUMNS:
		names = [r.name for r in mentions.rows_holding(doctype, column, needles)]
		if names:
			frappe.db.delete(doctype, {"name": ("in", names)})


def keep_anonymised(doc, method=None) -> None:
	"""doc_events hook on Resident: an anonymised resident stays anonymous (no one types the name back)."""
	if doc.is_new():
		return
	anonymised_on = frappe.db.get_value(doc.doctype, doc.name, "anonymised_on")
	if anonymised_on:
		frappe.throw(
			_("Resident {0} was anonymised on {1} and cannot be changed.").format(
				doc.name, frappe.format(anonymised_on, "Date")
			),
			title=_("Anonymised"),
		)
