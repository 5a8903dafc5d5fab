"""Where the app holds personal data about a resident, and how privacy exports and erases it.

Privacy imports no module above it. Each module declares its personal data in hooks.py under
`gwk_personal_data`, one entry per doctype (Frappe's `user_data_fields` pattern):

	{
		"doctype": "Consultation",          # the doctype (a child table names its "parent" too)
		"link_field": "resident",           # the Link to Resident ("name" for Resident itself)
		"redact": ["resident_name", "note"],  # personal free text, cleared on erasure
		"activity_field": "consultation_date",  # last activity for retention (default: modified)
		"keep_while": {"status": ["in", [...]]},  # the resident is kept while a record matches
		"hold": "dotted.path",              # fn(residents) -> set of residents that must be kept
		"parent_fields": ["title"],         # child tables: parent fields shown in the Art. 15 export
		"via": "Community Volunteer",       # link_field points at another declared record of the person
	}

The Resident's own entry adds "scrub" (values removed from the history and comments of records the
person only appears in, such as another's case) and "identifying" (values also removed wherever core
tables quote them, such as a report page printed to PDF in the Access Log).

Erasure anonymises rather than deletes: counted records stay (with gender, age group, district), their
personal text is cleared, and every trace in Frappe's core tables is removed.
"""

import json
import os
import re

import frappe
from frappe import _
from frappe.query_builder.functions import Locate, Max
from frappe.utils import getdate, now_datetime, today

from gwk_app.privacy import mentions
from gwk_app.rules.privacy import scrub_variants

SUBJECT_DOCTYPE = "Resident"
REDACTED = "***"
HOOK = "gwk_personal_data"


# core tables that point at a record: (doctype, doctype field, name field)
REFERENCE_TABLES = (
	("Version", "ref_doctype", "docname"),
	("Comment", "reference_doctype", "reference_name"),
	("Activity Log", "reference_doctype", "reference_name"),
	("View Log", "reference_doctype", "reference_name"),
	("Access Log", "export_from", "reference_document"),
	("Notification Log", "document_type", "document_name"),
	("ToDo", "reference_type", "reference_name"),
	("DocShare", "share_doctype", "share_name"),
	("Document Follow", "ref_doctype", "ref_docname"),
	("Error Log", "reference_doctype", "reference_name"),
)
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


# ---------------------------------------------------------------- the registry


def declarations() -> list[frappe._dict]:
	"""Every declared entry whose doctype is installed on this site."""
	out = []
	for entry in frappe.get_hooks(HOOK) or []:
		entry = frappe._dict(entry)
		if not entry.get("doctype") or not entry.get("link_field"):
			continue
		if not frappe.db.exists("DocType", entry.doctype, cache=True):
			continue
		out.append(entry)
	return out


def _fields_present(doctype: str, fieldnames) -> list[str]:
	meta = frappe.get_meta(doctype)
	return [f for f in (fieldnames or []) if meta.has_field(f)]


def subject_entry() -> frappe._dict:
	for entry in declarations():
		if entry.doctype == SUBJECT_DOCTYPE:
			return entry
	return frappe._dict(doctype=SUBJECT_DOCTYPE, link_field="name", redact=[])


class Footprint:
	"""The records that name one resident: own records (the resident's consultations, cases, …) and
	parents holding them as a row (a case where they are another party, an event they attended)."""

	def __init__(self, resident: str):
		self.resident = resident
		self.owned: dict[str, list[str]] = {SUBJECT_DOCTYPE: [resident]}
		self.rows: dict[str, list[str]] = {}  # child doctype -> row names
		self.parents: dict[str, list[str]] = {}  # parent doctype -> names (records holding a row)
		self.entries: dict[str, frappe._dict] = {}
		entries = declarations()
		# records linked through another record of the person come last, once that record is known
		for entry in sorted(entries, key=lambda e: bool(e.get("via"))):
			self.entries[entry.doctype] = entry
			if entry.doctype == SUBJECT_DOCTYPE:
				continue
			if entry.get("via") and not self.owned.get(entry.via):
				continue
			target = ("in", self.owned[entry.via]) if entry.get("via") else resident
			if entry.get("parent"):
				rows = frappe.get_all(
					entry.doctype,
					filters={entry.link_field: target, "parenttype": entry.parent},
					fields=["name", "parent"],
				)
				if rows:
					self.rows[entry.doctype] = [r.name for r in rows]
					parents = self.parents.setdefault(entry.parent, [])
					parents.extend(r.parent for r in rows if r.parent not in parents)
			else:
				names = frappe.get_all(entry.doctype, filters={entry.link_field: target}, pluck="name")
				if names:
					self.owned[entry.doctype] = names
		# a parent the resident owns is handled as owned
		for doctype, names in list(self.parents.items()):
			owned = set(self.owned.get(doctype, []))
			rest = [n for n in names if n not in owned]
			if rest:
				self.parents[doctype] = rest
			else:
				del self.parents[doctype]

	def owned_pairs(self):
		yield from self.owned.items()


# ---------------------------------------------------------------- holds and last activity


def held_residents(residents: list[str]) -> set[str]:
	"""Residents who must be kept: a declared record still matches its keep_while filter (an open case)
	or a declared hold applies (an ESF retention duty)."""
	if not residents:
		return set()
	held = set()
	entries = declarations()
	by_doctype = {e.doctype: e for e in entries}
	for entry in entries:
		if entry.get("hold"):
			held.update(frappe.get_attr(entry.hold)(residents) or ())
		if entry.doctype == SUBJECT_DOCTYPE or entry.get("via"):
			continue
		if entry.get("parent"):
			parent_entry = by_doctype.get(entry.parent)
			if not parent_entry or not parent_entry.get("keep_while"):
				continue
			rows = frappe.get_all(
				entry.doctype,
				filters={entry.link_field: ("in", residents), "parenttype": entry.parent},
				fields=[entry.link_field, "parent"],
			)
			if not rows:
				continue
			open_parents = set(
				frappe.get_all(
					entry.parent,
					filters={"name": ("in", list({r.parent for r in rows})), **parent_entry.keep_while},
					pluck="name",
				)
			)
			held.update(r.get(entry.link_field) for r in rows if r.parent in open_parents)
		elif entry.get("keep_while"):
			held.update(
				frappe.get_all(
					entry.doctype,
					filters={entry.link_field: ("in", residents), **entry.keep_while},
					pluck=entry.link_field,
				)
			)
	return held


def last_activity(residents: list[str]) -> dict[str, object]:
	"""{resident: date of the latest record naming them} (the resident's own change date included)."""
	if not residents:
		return {}
	out = {}

	def bump(resident, value):
		if not value:
			return
		value = getdate(value)
		if resident not in out or value > out[resident]:
			out[resident] = value

	for row in frappe.get_all(
		SUBJECT_DOCTYPE, filters={"name": ("in", residents)}, fields=["name", "modified"]
	):
		bump(row.name, row.modified)
	for entry in declarations():
		if entry.doctype == SUBJECT_DOCTYPE or entry.get("via"):
			continue
		field = entry.get("activity_field") or "modified"
		if entry.get("parent"):
			field = "modified"
		table = frappe.qb.DocType(entry.doctype)
		link = table[entry.link_field]
		rows = (
			frappe.qb.from_(table)
			.select(link, Max(table[field]))
			.where(link.isin(residents))
			.groupby(link)
			.run()
		)
		for resident, last in rows:
			bump(resident, last)
	return out


# ---------------------------------------------------------------- Art. 15 export


_SKIP_COLUMNS = frozenset({"_user_tags", "_comments", "_assign", "_liked_by", "_seen", "docstatus", "idx"})


def _clean(row: dict) -> dict:
	return {k: v for k, v in row.items() if k not in _SKIP_COLUMNS}


def collect(resident: str) -> dict:
	"""Every record that names the resident, as plain data (the Art. 15 export)."""
	footprint = Footprint(resident)
	records: dict[str, list[dict]] = {}
	for doctype, names in footprint.owned_pairs():
		rows = frappe.get_all(doctype, filters={"name": ("in", names)}, fields=["*"], order_by="creation asc")
		rows = [_clean(r) for r in rows]
		meta = frappe.get_meta(doctype)
		for table in meta.get_table_fields():
			children = frappe.get_all(
				table.options,
				filters={"parent": ("in", names), "parenttype": doctype, "parentfield": table.fieldname},
				fields=["*"],
				order_by="idx asc",
			)
			by_parent: dict[str, list] = {}
			for child in children:
				by_parent.setdefault(child.parent, []).append(_clean(child))
			for row in rows:
				row[table.fieldname] = by_parent.get(row["name"], [])
		records[doctype] = rows

	party_in: dict[str, list[dict]] = {}
	for child_doctype, row_names in footprint.rows.items():
		entry = footprint.entries[child_doctype]
		children = frappe.get_all(child_doctype, filters={"name": ("in", row_names)}, fields=["*"])
		parent_fields = ["name", *_fields_present(entry.parent, entry.get("parent_fields"))]
		parents = {
			p.name: p
			for p in frappe.get_all(
				entry.parent,
				filters={"name": ("in", list({c.parent for c in children}))},
				fields=parent_fields,
			)
		}
		party_in.setdefault(entry.parent, []).extend(
			{"record": dict(parents.get(c.parent) or {"name": c.parent}), "row": _clean(c)} for c in children
		)

	traces = _trace_records(footprint)
	return {
		"resident": resident,
		"exported_on": str(now_datetime()),
		"exported_by": frappe.session.user,
		"records": records,
		"party_in": party_in,
		# other people's records whose free text names the person (names only)
		"mentioned_in": mentions.mentioned_in(resident, footprint.owned),
		**traces,
	}


def _trace_records(footprint: Footprint) -> dict:
	comments, versions, files, communications, access_log = [], [], [], [], []
	for doctype, names in footprint.owned_pairs():
		comments += frappe.get_all(
			"Comment",
			filters={"reference_doctype": doctype, "reference_name": ("in", names)},
			fields=["reference_doctype", "reference_name", "comment_type", "content", "owner", "creation"],
			order_by="creation asc",
		)
		for v in frappe.get_all(
			"Version",
			filters={"ref_doctype": doctype, "docname": ("in", names)},
			fields=["ref_doctype", "docname", "data", "owner", "creation"],
			order_by="creation asc",
		):
			v["data"] = frappe.parse_json(v.data) if v.data else None
			v["data_text"] = json.dumps(v["data"], indent=1, ensure_ascii=False, default=str)
			versions.append(v)
		files += frappe.get_all(
			"File",
			filters={"attached_to_doctype": doctype, "attached_to_name": ("in", names), "is_folder": 0},
			fields=[
				"attached_to_doctype",
				"attached_to_name",
				"file_name",
				"file_url",
				"file_size",
				"creation",
			],
			order_by="creation asc",
		)
		communications += frappe.get_all(
			"Communication",
			filters={"reference_doctype": doctype, "reference_name": ("in", names)},
			fields=[
				"reference_doctype",
				"reference_name",
				"subject",
				"content",
				"sender",
				"recipients",
				"creation",
			],
		)
		access_log += frappe.get_all(
			"Access Log",
			filters={"export_from": doctype, "reference_document": ("in", names)},
			fields=["export_from", "reference_document", "user", "method", "file_type", "creation"],
			order_by="creation asc",
		)
	return {
		"comments": comments,
		"versions": versions,
		"files": files,
		"communications": communications,
		"access_log": access_log,
	}


def export_json(resident: str) -> str:
	return json.dumps(collect(resident), indent=1, default=str, ensure_ascii=False, sort_keys=True)


def export_html(resident: str) -> str:
	data = collect(resident)
	sections = []
	for doctype, rows in data["records"].items():
		sections.append({"title": _(doctype), "rows": [_labelled(doctype, r) for r in rows]})
	for doctype, items in data["party_in"].items():
		sections.append(
			{
				"title": _("Named in {0}").format(_(doctype)),
				"rows": [_labelled(doctype, item["record"]) for item in items],
			}
		)
	if data["mentioned_in"]:
		sections.append(
			{
				"title": _("Records that mention the person"),
				"rows": [[(_(doctype), ", ".join(names))] for doctype, names in data["mentioned_in"].items()],
			}
		)
	return frappe.render_template(
		"gwk_app/templates/privacy/data_export.html",
		{
			"data": data,
			"sections": sections,
			"title": _("Information under Art. 15 GDPR"),
			"exported_on": frappe.format(data["exported_on"], "Datetime"),
		},
	)


def export_pdf(resident: str) -> bytes:
	from frappe.utils.pdf import get_pdf

	return get_pdf(export_html(resident))


def _labelled(doctype: str, row: dict) -> list[tuple[str, str]]:
	"""(label, readable value) pairs of one record, in the reader's language."""
	meta = frappe.get_meta(doctype)
	out = []
	for key, value in row.items():
		if value in (None, "", []) or key in ("modified_by",):
			continue
		df = meta.get_field(key)
		label = _(df.label) if df and df.label else _(_STANDARD_LABELS.get(key, key))
		if isinstance(value, list):
			child_meta = frappe.get_meta(df.options) if df and df.options else None
			value = "; ".join(
				", ".join(
					_readable(child_meta.get_field(k) if child_meta else None, v)
					for k, v in item.items()
					if v not in (None, "") and k not in _ROW_META
				)
				for item in value
			)
		else:
			value = _readable(df, value, key)
		out.append((label, value))
	return out


_STANDARD_LABELS = {
	"name": "ID",
	"creation": "Created On",
	"modified": "Last Updated On",
	"owner": "Created By",
}


def _readable(df, value, key: str | None = None) -> str:
	fieldtype = df.fieldtype if df else ("Datetime" if key in ("creation", "modified") else None)
	if fieldtype == "Check":
		return _("Yes") if value else _("No")
	if fieldtype == "Select":
		return _(str(value))
	if fieldtype in ("Date", "Datetime"):
		return frappe.format(value, fieldtype)
	return str(value)


_ROW_META = frozenset(
	{"name", "parent", "parenttype", "parentfield", "owner", "creation", "modified", "modified_by"}
)


# ---------------------------------------------------------------- Art. 17 erasure


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
	fields = _fields_present(doctype, entry.get("redact"))
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
		f for f in _fields_present(doctype, entry.get("redact"))
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


def esf_duty_hold(residents: list[str]) -> set[str]:
	"""Residents with an ESF participation still under the audit retention duty."""
	from gwk_app.rules.privacy import esf_duty_cutoff
	from gwk_app.settings import retention_years_esf

	years = retention_years_esf()
	cutoff = esf_duty_cutoff(getdate(today()), years)
	esf = frappe.qb.DocType("ESF Participation")
	rows = (
		frappe.qb.from_(esf)
		.select(esf.resident)
		.distinct()
		.where(esf.resident.isin(residents) & (esf.exit_date.isnull() | (esf.exit_date >= cutoff)))
		.run(pluck=True)
	)
	return set(rows)


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
