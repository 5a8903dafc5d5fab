"""Art. 17 GDPR: anonymise a resident and leave no trace of the person anywhere in the site. Reads the
registry (gwk_app.privacy.personal_data); other modules react through the `gwk_after_erasure` hook."""

import os
import re

import frappe
from frappe import _
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
	`found`: the person's mentions, when searched already (each found row is read again before it is
	changed). Idempotent: erasing an anonymised resident changes nothing more."""
	person = frappe.db.get_value(SUBJECT_DOCTYPE, resident, "*", as_dict=True)
	if not person:
		frappe.throw(_("Resident {0} not found.").format(resident), frappe.DoesNotExistError)
	if found is not None:
		return erase_many({resident: person}, found, searched_now=False)[resident]
	# searched before anything changes: the FULLTEXT index knows the rows as they were committed
	return erase_many({resident: person}, mentions.find({resident: person}))[resident]


def erase_many(people: dict[str, dict], found: list, searched_now: bool = True) -> dict[str, dict]:
	"""Erase every resident of `people` ({resident: their Resident row}) as `erase` erases one, set-based:
	each step runs once for all of them (one statement per table where the values allow it), so a
	retention batch costs a few statements per table, not per person. `found`: their mentions,
	`mentions.find(people)`; `searched_now`: found in this transaction with nothing written since, so a
	found text is rewritten as found unless this erasure touched its record. {resident: what `erase`
	returns for them}."""
	if not people:
		return {}
	footprints = Footprint.of(list(people))
	subject = subject_entry()
	values = {
		r: _personal_values(p, subject.get("scrub") or subject.get("redact")) for r, p in people.items()
	}
	identifying = {r: _personal_values(p, subject.get("identifying")) for r, p in people.items()}
	entries = next(iter(footprints.values())).entries
	owned = _merged(fp.owned for fp in footprints.values())
	rows = _merged(fp.rows for fp in footprints.values())

	_delete_files(owned, rows, entries)
	for doctype, names in owned.items():
		_redact(doctype, names, entries.get(doctype) or subject)
	for child_doctype, row_names in rows.items():
		_redact(child_doctype, row_names, entries[child_doctype])
	if frappe.get_meta(SUBJECT_DOCTYPE).has_field("anonymised_on"):
		table = frappe.qb.DocType(SUBJECT_DOCTYPE)
		for chunk in _chunks(list(people)):
			frappe.qb.update(table).set(table.anonymised_on, getdate(today())).where(
				table.name.isin(chunk)
			).run()

	_delete_traces(owned)
	_delete_deleted_documents(footprints, identifying)
	_scrub_related(footprints, values)
	own = {r: {(d, n) for d, names in fp.owned_pairs() for n in names} for r, fp in footprints.items()}
	# what this erasure wrote since the search; every other found text is still as found
	parents = _merged(fp.parents for fp in footprints.values())
	touched = {(d, n) for d, names in [*owned.items(), *rows.items(), *parents.items()] for n in names}
	changed = mentions.redact(found, touched if searched_now else None)
	mentioned = {r: sorted(changed.get(r, set()) - own[r]) for r in people}
	mentions.scrub_history(
		{r: (set(mentioned[r]), values[r] + mentions.person_values(people[r])[0]) for r in people}
	)
	_delete_diagnostics(owned, values)
	for method in frappe.get_hooks("gwk_after_erasure"):
		frappe.get_attr(method)(list(people))
	mentions.clear_document_cache([(d, n) for d, names in [*owned.items(), *parents.items()] for n in names])
	return {
		resident: {
			"resident": resident,
			"records": {dt: len(names) for dt, names in fp.owned_pairs()},
			"rows": {dt: len(names) for dt, names in fp.rows.items()},
			"mentioned_in": [list(record) for record in mentioned[resident]],
		}
		for resident, fp in footprints.items()
	}


CHUNK = 1000
DELETE_CHUNK = 5000


def _chunks(names: list, size: int = CHUNK):
	for start in range(0, len(names), size):
		yield names[start : start + size]


def _merged(parts) -> dict[str, list[str]]:
	"""{doctype: names} of many footprints' {doctype: names}, in order, each name once."""
	out: dict[str, dict[str, None]] = {}
	for part in parts:
		for doctype, names in part.items():
			out.setdefault(doctype, {}).update(dict.fromkeys(names))
	return {doctype: list(names) for doctype, names in out.items()}


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
	changes = []
	for field in fields:
		df = meta.get_field(field)
		keep_filled = df.reqd or field == meta.title_field
		if df.fieldtype in ("Int", "Float", "Currency", "Percent", "Check"):
			value = 0
		elif keep_filled and df.fieldtype in ("Data", "Small Text", "Text", "Long Text"):
			value = REDACTED
		else:
			value = None
		changes.append((table[field], value))
	if not meta.istable:
		changes.append((table._comments, None))
	if not changes:
		return
	for chunk in _chunks(names):
		query = frappe.qb.update(table).where(table.name.isin(chunk))
		for field, value in changes:
			query = query.set(field, value)
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
	out = set()
	for chunk in _chunks(names):
		rows = frappe.get_all(doctype, filters={"name": ("in", chunk)}, fields=fields)
		out.update(v for row in rows for v in row.values() if v)
	return out


def _delete_files(owned: dict[str, list[str]], rows: dict[str, list[str]], entries: dict) -> None:
	"""Attachments of the records, and files named in their Attach fields, off disk and table."""
	file = frappe.qb.DocType("File")
	file_names = set()
	for pairs in _pair_chunks(owned):
		condition = _about(file, "attached_to_doctype", "attached_to_name", pairs)
		file_names.update(frappe.qb.from_(file).select(file.name).where(condition).run(pluck=True))
	urls = set()
	for doctype, names in owned.items():
		urls |= _attached_urls(doctype, names, entries.get(doctype) or subject_entry())
	for child_doctype, row_names in rows.items():
		urls |= _attached_urls(child_doctype, row_names, entries[child_doctype])
	for chunk in _chunks(sorted(urls)):
		file_names.update(frappe.get_all("File", filters={"file_url": ("in", chunk)}, pluck="name"))
	if not file_names:
		return
	files = []
	for chunk in _chunks(sorted(file_names)):
		files += frappe.get_all(
			"File", filters={"name": ("in", chunk)}, fields=["name", "file_url", "thumbnail_url"]
		)
		frappe.db.delete("File", {"name": ("in", chunk)})
	urls = {u for f in files for u in (f.file_url, f.thumbnail_url) if u}
	# the timeline notes "Added <file>" on the record the file was attached to (an event, say)
	notes = mentions.rows_holding("Comment", "content", sorted(urls), fields=("comment_type",))
	notes = [r.name for r in notes if r.comment_type in ("Attachment", "Attachment Removed")]
	for chunk in _chunks(notes):
		frappe.db.delete("Comment", {"name": ("in", chunk)})
	# a file on disk shared with a record outside the erasure stays (Frappe de-duplicates by content)
	still_used = set()
	for chunk in _chunks(sorted(urls)):
		still_used.update(frappe.get_all("File", filters={"file_url": ("in", chunk)}, pluck="file_url"))
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


def _pair_chunks(records: dict[str, list[str]], size: int = CHUNK):
	"""[(doctype, names)] lists of at most `size` names in all: one statement each."""
	batch, count = [], 0
	for doctype, names in records.items():
		for chunk in _chunks(names, size):
			if count + len(chunk) > size and batch:
				yield batch
				batch, count = [], 0
			batch.append((doctype, chunk))
			count += len(chunk)
	if batch:
		yield batch


def _delete_traces(owned: dict[str, list[str]]) -> None:
	"""The core rows about the records: per core table one read of their names through its reference
	index (per thousand records), then deleted in the order of the table's primary key, so a batch's tens
	of thousands of history rows are removed in one sweep over the table instead of at random."""
	for table_name, doctype_field, name_field in REFERENCE_TABLES:
		table = frappe.qb.DocType(table_name)
		names = []
		for pairs in _pair_chunks(owned):
			condition = _about(table, doctype_field, name_field, pairs)
			names += frappe.qb.from_(table).select(table.name).where(condition).run(pluck=True)
		for chunk in _chunks(sorted(names), DELETE_CHUNK):
			frappe.qb.from_(table).delete().where(table.name.isin(chunk)).run()
	for pairs in _pair_chunks(owned):
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


def _deleted_document_needles(footprint: Footprint, values: list[str]) -> list[str]:
	needles = [f'"name": "{footprint.resident}"', *values]
	for entry in footprint.entries.values():
		if entry.doctype == SUBJECT_DOCTYPE:
			continue
		targets = footprint.owned.get(entry.via, []) if entry.get("via") else [footprint.resident]
		needles += [f'"{entry.link_field}": "{name}"' for name in targets]
	for _doctype, names in footprint.owned_pairs():
		for field in ("reference_name", "attached_to_name", "docname"):
			needles += [f'"{field}": "{name}"' for name in names]
	return needles


def _delete_deleted_documents(footprints: dict[str, Footprint], values: dict[str, list[str]]) -> None:
	"""Deleted copies of the people's records (a consultation deleted earlier still names them)."""
	needles, wanted = {}, {SUBJECT_DOCTYPE, "File", "Comment", "Version", "Communication"}
	for resident, footprint in footprints.items():
		wanted.update(footprint.entries)
		wanted.update(e.parent for e in footprint.entries.values() if e.get("parent"))
		needles.update(dict.fromkeys(_deleted_document_needles(footprint, values[resident])))
	rows = mentions.rows_holding("Deleted Document", "data", list(needles), fields=("deleted_doctype",))
	names = sorted({r.name for r in rows if r.deleted_doctype in wanted})
	for chunk in _chunks(names):
		frappe.db.delete("Deleted Document", {"name": ("in", chunk)})


def _scrub_related(footprints: dict[str, Footprint], values: dict[str, list[str]]) -> None:
	"""Records holding a person as a row (another party of a case): their history, comments and
	comment cache keep everything but that person's values. One query per table and column for all."""
	patterns = {
		r: re.compile("|".join(re.escape(v) for v in values[r]), re.IGNORECASE)
		for r in footprints
		if values[r]
	}
	whose: dict[tuple[str, str], list[str]] = {}  # (doctype, name) -> residents holding a row there
	for resident, footprint in footprints.items():
		if resident not in patterns:
			continue
		for doctype, names in footprint.parents.items():
			for name in names:
				whose.setdefault((doctype, name), []).append(resident)
	if not whose:
		return
	parents = _merged([{d: [n]} for d, n in whose])

	def cleaned(record, text):
		for resident in whose.get(record, ()):
			text = patterns[resident].sub(REDACTED, text)
		return text

	for pairs in _pair_chunks(parents):
		for table_name, doctype_field, name_field, columns in RELATED_TEXT:
			table = frappe.qb.DocType(table_name)
			scope = _about(table, doctype_field, name_field, pairs)
			_scrub_rows(table, columns, scope, cleaned, (doctype_field, name_field))
		global_search = frappe.qb.Table("__global_search")
		scope = _about(global_search, "doctype", "name", pairs)
		_scrub_rows(global_search, ("content",), scope, cleaned, ("doctype", "name"), key=("doctype", "name"))
		for doctype, names in pairs:
			table = frappe.qb.DocType(doctype)
			_scrub_rows(table, ("_comments",), table.name.isin(names), cleaned, doctype=doctype)


def _scrub_rows(table, columns, scope, cleaned, reference=None, key=("name",), doctype=None) -> None:
	"""Rewrite the text `columns` of the rows within `scope` to `cleaned((doctype, name), text)`, where
	(doctype, name) is the record a row is about: its `reference` columns, or the row itself (of
	`doctype`). `key`: the columns that identify a row."""
	wanted = [*key, *(reference or ()), *columns]
	select = [table[c] for c in dict.fromkeys(wanted)]
	for row in frappe.qb.from_(table).select(*select).where(scope).run(as_dict=True):
		record = (row[reference[0]], row[reference[1]]) if reference else (doctype, row["name"])
		changes = {}
		for column in columns:
			text = row.get(column)
			if isinstance(text, str) and text:
				new = cleaned(record, text)
				if new != text:
					changes[column] = new
		if not changes:
			continue
		query = frappe.qb.update(table)
		for column, new in changes.items():
			query = query.set(table[column], new)
		for k in key:
			query = query.where(table[k] == row[k])
		query.run()


def _delete_diagnostics(owned: dict[str, list[str]], values: dict[str, list[str]]) -> None:
	needles = {}
	for person_values in values.values():
		needles.update(dict.fromkeys(person_values))
	for _doctype, names in owned.items():
		for name in names:
			needles.update(dict.fromkeys((f"'{name}'", f'"{name}"')))
	for doctype, column in DIAGNOSTIC_COLUMNS:
		names = [r.name for r in mentions.rows_holding(doctype, column, list(needles))]
		for chunk in _chunks(names):
			frappe.db.delete(doctype, {"name": ("in", chunk)})


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
