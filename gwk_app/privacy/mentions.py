"""Where a person is mentioned in free text: any text field of any record of the app, and core's text
tables (history, comments, messages, assignments, logs), whether or not the record links to them.

Erasure replaces the person's identifying values there with the redaction mark and reports the other
people's records it changed; the Art. 15 export lists the same records as "records that mention the
person". The values (`person_values`):
- strong: full name, "last, first", pseudonym, phone, e-mail, street: searched site-wide, as written;
- weak: the surname alone, as a whole word: only in records of the person's own project (and in core
  rows about such records), and left to the officer when another resident of that project shares it.

Search without a scan: every searched column carries a MariaDB FULLTEXT index (`ensure_indexes`, run
after every migrate), so finding candidate rows reads the index, never the table; each candidate is
verified in Python. InnoDB adds rows to a FULLTEXT index when their transaction commits: rows written
in the last `RECENT` (the erasing transaction's own) are read through the `modified` index as well.
One search serves a whole batch of people (`find`): retention searches once per batch.
"""

import re
from datetime import timedelta

import frappe
from frappe.query_builder import Case
from frappe.utils import now_datetime

from gwk_app import settings
from gwk_app.access import PROJECT_BOUND, PROJECT_BOUND_CHILDREN
from gwk_app.rules.privacy import scrub_variants

REDACTED = "***"
SUBJECT_DOCTYPE = "Resident"
IDENTITY_FIELDS = frozenset(
	{"first_name", "last_name", "full_name", "pseudonym", "street", "phone", "email", "postcode"}
)
INDEX_PREFIX = "gwk_ft_"
RECENT = timedelta(hours=1)
VALUES_PER_QUERY = 100
# InnoDB's defaults: shorter or longer words are not in a FULLTEXT index
MIN_TOKEN, MAX_TOKEN = 3, 84
APP_TEXT_TYPES = frozenset(
	{"Data", "Small Text", "Text", "Long Text", "Text Editor", "Markdown Editor", "HTML Editor", "Code"}
)
# the app's doctypes whose text is figures or technical, never about a person
SKIP_DOCTYPES = frozenset({"GWK Report Figures", settings.DOCTYPE})
# core text columns that may quote a person; the reference columns say which record a row is about
CORE_COLUMNS = (
	("Version", "data", "ref_doctype", "docname"),
	("Comment", "content", "reference_doctype", "reference_name"),
	("Communication", "subject", "reference_doctype", "reference_name"),
	("Communication", "content", "reference_doctype", "reference_name"),
	("ToDo", "description", "reference_type", "reference_name"),
	("Activity Log", "subject", "reference_doctype", "reference_name"),
	("Activity Log", "content", "reference_doctype", "reference_name"),
	("Notification Log", "subject", "document_type", "document_name"),
	("Notification Log", "email_content", "document_type", "document_name"),
	("Access Log", "page", None, None),
	("Access Log", "filters", None, None),
	("Access Log", "reference_document", None, None),
	("Email Queue", "message", "reference_doctype", "reference_name"),
	("Deleted Document", "data", None, None),
	("Error Log", "error", None, None),
)
# core tables looked up by the record they are about (erasure deletes the person's own rows there)
REFERENCE_INDEXES = (
	("Version", ("ref_doctype", "docname")),
	("Comment", ("reference_doctype", "reference_name")),
	("Activity Log", ("reference_doctype", "reference_name")),
	("View Log", ("reference_doctype", "reference_name")),
	("Access Log", ("export_from", "reference_document")),
	("Notification Log", ("document_type", "document_name")),
	("ToDo", ("reference_type", "reference_name")),
	("Document Follow", ("ref_doctype", "ref_docname")),
	("Error Log", ("reference_doctype", "reference_name")),
	("Email Queue", ("reference_doctype", "reference_name")),
)
_WORD = re.compile(r"\w+")


# ---------------------------------------------------------------- what is searched


def _cached(key: str, compute):
	"""A value computed once per request or job (the lists of columns, a child table's parents)."""
	cache = getattr(frappe.local, "gwk_mentions", None)
	if cache is None:
		cache = frappe.local.gwk_mentions = {}
	if key not in cache:
		cache[key] = compute()
	return cache[key]


def app_columns() -> list[tuple[str, str, bool]]:
	"""(doctype, column, is child table) of every free-text field of the app's doctypes."""
	return _cached("app_columns", _app_columns)


def _app_columns() -> list[tuple[str, str, bool]]:
	out = []
	for doctype, istable in frappe.get_all(
		"DocType",
		filters={"module": ("in", _app_modules()), "issingle": 0, "is_virtual": 0},
		fields=["name", "istable"],
		as_list=True,
		order_by="name",
	):
		if doctype in SKIP_DOCTYPES:
			continue
		for df in frappe.get_meta(doctype).fields:
			if df.fieldtype not in APP_TEXT_TYPES or df.is_virtual or df.fetch_from:
				continue  # a name copied from another record names that record's person
			if doctype == SUBJECT_DOCTYPE and df.fieldname in IDENTITY_FIELDS:
				continue  # another resident's own name or address (a neighbour), no mention
			out.append((doctype, df.fieldname, bool(istable)))
	return out


def _app_modules() -> list[str]:
	return [m for m in frappe.get_module_list("gwk_app")]


def core_columns() -> list[tuple[str, str, str | None, str | None]]:
	return _cached("core_columns", _core_columns)


def _core_columns() -> list[tuple[str, str, str | None, str | None]]:
	return [c for c in CORE_COLUMNS if frappe.db.table_exists(c[0]) and frappe.db.has_column(c[0], c[1])]


def _indexes(doctype: str) -> dict[str, list[str]]:
	# no query-builder form for SHOW INDEX; the name is a doctype's
	rows = frappe.db.sql(f"show index from `tab{doctype}`", as_dict=True)  # noqa: S608 # nosemgrep
	out: dict[str, list[str]] = {}
	for row in rows:
		out.setdefault(row.Key_name, []).append(row.Column_name)
	return out


def ensure_indexes() -> list[str]:
	"""A FULLTEXT index on every searched column and an index on the reference columns of core's trace
	tables (idempotent; after_migrate). Returns what it created."""
	created = []
	_stopwords_off()  # names such as "Will" or "Mai" count
	columns = [(d, c) for d, c, _child in app_columns()] + [(d, c) for d, c, _t, _n in core_columns()]
	for doctype, column in columns:
		name = INDEX_PREFIX + column
		if name in _indexes(doctype):
			continue
		# DDL: no query-builder form for a FULLTEXT index; names from the doctype meta
		frappe.db.sql_ddl(f"alter table `tab{doctype}` add fulltext index `{name}` (`{column}`)")  # nosemgrep
		created.append(f"{doctype}.{column}")
	for doctype, fields in REFERENCE_INDEXES:
		if not frappe.db.table_exists(doctype) or not all(frappe.db.has_column(doctype, f) for f in fields):
			continue
		if any(cols[: len(fields)] == list(fields) for cols in _indexes(doctype).values()):
			continue
		# prefixes: some of these tables are MyISAM/Aria (keys of at most 1000 bytes)
		frappe.db.add_index(doctype, [f"{f}(100)" for f in fields], "gwk_reference_index")
		created.append(f"{doctype}({', '.join(fields)})")
	return created


# ---------------------------------------------------------------- the person's values


def person_values(person: dict) -> tuple[list[str], list[str]]:
	"""(strong, weak) values of a resident, in every stored form (JSON-escaped too), longest first."""
	first, last = (person.get("first_name") or "").strip(), (person.get("last_name") or "").strip()
	strong = [person.get("full_name"), person.get("pseudonym"), person.get("email"), person.get("street")]
	if first and last:
		strong += [f"{first} {last}", f"{last}, {first}", f"{last} {first}"]
	phone = (person.get("phone") or "").strip()
	if phone:
		digits = "".join(c for c in phone if c.isdigit() or c == "+")
		strong += [phone, digits, digits.replace("+49", "0", 1)]
	out_strong = _variants(strong)
	out_weak = [v for v in _variants([last]) if v not in out_strong]
	return out_strong, out_weak


def _variants(values) -> list[str]:
	out = []
	for value in values:
		for variant in scrub_variants(value if isinstance(value, str) else None):
			if variant not in out and variant != REDACTED:
				out.append(variant)
	return sorted(out, key=len, reverse=True)


def _tokens(value: str) -> list[str]:
	return [t for t in _WORD.findall(value.lower()) if MIN_TOKEN <= len(t) <= MAX_TOKEN]


def fulltext_query(values: list[str]) -> str:
	"""A boolean-mode query matching a row that holds every indexed word of any one value."""
	groups = []
	for value in values:
		tokens = _tokens(value)
		if tokens:
			groups.append("(" + " ".join("+" + t for t in dict.fromkeys(tokens)) + ")")
	return " ".join(dict.fromkeys(groups))


# ---------------------------------------------------------------- matching


class Matcher:
	"""Finds which of many people's values a text holds, in time linear in the text: the text's words are
	looked up in a table of each value's first word, and only those values are compared."""

	def __init__(self):
		self.by_word: dict[str, list[tuple[str, str, object, bool]]] = {}

	def add(self, key, value: str, whole_word: bool = False) -> None:
		lowered = value.lower()
		words = _WORD.findall(lowered)
		if not words:
			return
		self.by_word.setdefault(words[0], []).append((lowered, value, key, whole_word))

	def find(self, text: str | None) -> list[tuple[object, str]]:
		"""(key, value) for every value the text holds."""
		if not text or not isinstance(text, str):
			return []
		lowered = text.lower()
		hits = []
		for word in set(_WORD.findall(lowered)):
			for needle, value, key, whole_word in self.by_word.get(word, ()):
				if _holds(lowered, needle, whole_word):
					hits.append((key, value))
		return hits


def _holds(text: str, needle: str, whole_word: bool) -> bool:
	start = text.find(needle)
	while start != -1:
		end = start + len(needle)
		if not whole_word or (
			(start == 0 or not _is_word(text[start - 1])) and (end == len(text) or not _is_word(text[end]))
		):
			return True
		start = text.find(needle, start + 1)
	return False


def _is_word(c: str) -> bool:
	return c.isalnum() or c == "_"


def replace(text: str, values: list[str], whole_word_values=()) -> str:
	"""The text with every value (any letter case) replaced by the redaction mark, longest first."""
	return _replace_compiled(text, _patterns(values, whole_word_values))


def _patterns(values, whole_word_values=()) -> list[re.Pattern]:
	out = []
	for value in sorted(set(values), key=len, reverse=True):
		pattern = re.escape(value)
		if value in whole_word_values:
			pattern = rf"(?<!\w){pattern}(?!\w)"
		out.append(re.compile(pattern, re.IGNORECASE))
	return out


def _replace_compiled(text: str, patterns: list[re.Pattern]) -> str:
	for pattern in patterns:
		text = pattern.sub(REDACTED, text)
	return text


# ---------------------------------------------------------------- searching


def fulltext_queries(values: list[str]) -> list[str]:
	"""The boolean-mode queries for the values, a bounded number of values each: a batch's thousands of
	values would make one huge query."""
	return [
		fulltext_query(values[start : start + VALUES_PER_QUERY])
		for start in range(0, len(values), VALUES_PER_QUERY)
	]


def candidates(
	doctype: str, column: str, values: list[str], child: bool = False, fields=(), queries=None
) -> list[dict]:
	"""Rows of `doctype` whose `column` may hold one of the values: from its FULLTEXT index, plus rows
	written recently (not yet in the index), in one statement. Rows come with `name`, the column and
	`fields`. `queries`: fulltext_queries(values), when the caller searches many columns for them."""
	select = ", ".join(f"`{f}`" for f in ("name", column, *fields))
	table = f"`tab{doctype}`"
	_stopwords_off()
	parts, params = [], {"since": now_datetime() - RECENT}
	for query in queries if queries is not None else fulltext_queries(values):
		if query:
			key = f"q{len(params)}"
			params[key] = query
			parts.append(
				f"select {select} from {table} where match(`{column}`) against (%({key})s in boolean mode)"
			)
	if not parts:
		return []
	if child:
		for parent in sorted(_cached(f"parents:{doctype}", lambda: _parents(doctype))):
			key = f"p{len(params)}"
			params[key] = parent
			parts.append(
				f"select {select} from {table} where parenttype = %({key})s and parent in"
				f" (select name from `tab{parent}` where modified >= %(since)s)"
			)
	else:
		parts.append(f"select {select} from {table} where modified >= %(since)s")
	# union: a row found both ways comes once
	# MATCH … AGAINST has no query-builder form; values are parameters, names come from the meta
	return frappe.db.sql(" union ".join(f"({p})" for p in parts), params, as_dict=True)  # noqa: S608 # nosemgrep


TABLES = ("Table", "Table MultiSelect")


def _parents(child: str) -> set[str]:
	parents = set(
		frappe.get_all("DocField", filters={"options": child, "fieldtype": ("in", TABLES)}, pluck="parent")
	)
	parents.update(frappe.get_all("Custom Field", filters={"options": child}, pluck="dt"))
	return parents


def _stopwords_off() -> None:
	"""Names such as "Will" or "Mai" are words like any other (once per database connection)."""
	connection = id(frappe.db._conn)
	if getattr(frappe.local, "gwk_stopwords_off", None) != connection:
		frappe.db.sql("set session innodb_ft_enable_stopword = 0")  # nosemgrep - a session setting
		frappe.local.gwk_stopwords_off = connection


def rows_holding(doctype: str, column: str, needles: list[str], fields=()) -> list[dict]:
	"""Rows whose column holds one of the needles (any letter case): found through the index, verified."""
	matcher = Matcher()
	for needle in needles:
		matcher.add(None, needle)
	return [r for r in candidates(doctype, column, needles, fields=fields) if matcher.find(r.get(column))]


class Finding(frappe._dict):
	"""One text that holds a person's values: doctype, name, column, the values per person (`hits`), the
	text as found, and for a child row its parent, for a core row the record it is about."""


def find(people: dict[str, dict]) -> list[Finding]:
	"""Every text of the app and of core's text tables that mentions one of `people`
	({resident: their Resident row}), searched once for all of them."""
	matcher = Matcher()
	strong_all, weak_all, weak_of = [], [], {}
	shared = _shared_surnames(people)
	for resident, person in people.items():
		strong, weak = person_values(person)
		for value in strong:
			matcher.add(resident, value)
		strong_all += strong
		if (person.get("project"), (person.get("last_name") or "").strip().lower()) not in shared:
			for value in weak:
				matcher.add(resident, value, whole_word=True)
			weak_all += weak
			weak_of[resident] = set(weak)
	values = list(dict.fromkeys(strong_all + weak_all))
	if not values:
		return []
	project_of = {r: p.get("project") for r, p in people.items()}
	weak_set = set(weak_all)
	queries = fulltext_queries(values)  # once for every column
	findings = []
	for doctype, column, child in app_columns():
		fields = ("parent", "parenttype") if child else (("project",) if doctype in PROJECT_BOUND else ())
		for row in candidates(doctype, column, values, child=child, fields=fields, queries=queries):
			raw = matcher.find(row.get(column))
			if not raw:
				continue
			project = _project_of_row(doctype, row, child) if _any_weak(raw, weak_set) else None
			hits = _keep(raw, weak_of, project_of, project)
			if hits:
				findings.append(Finding(doctype=doctype, name=row.name, column=column, hits=hits, weak=weak_set,
					parent=row.get("parent"), parenttype=row.get("parenttype"), text=row.get(column)))  # fmt: skip
	for doctype, column, ref_doctype, ref_name in core_columns():
		fields = (ref_doctype, ref_name) if ref_doctype else ()
		for row in candidates(doctype, column, values, fields=fields, queries=queries):
			raw = matcher.find(row.get(column))
			if not raw:
				continue
			weak_hit = ref_doctype and _any_weak(raw, weak_set)
			project = _project_of_record(row.get(ref_doctype), row.get(ref_name)) if weak_hit else None
			hits = _keep(raw, weak_of, project_of, project)
			if hits:
				findings.append(Finding(doctype=doctype, name=row.name, column=column, hits=hits, weak=weak_set,
					ref_doctype=row.get(ref_doctype), ref_name=row.get(ref_name), text=row.get(column)))  # fmt: skip
	return findings


def _any_weak(hits, weak_set) -> bool:
	return any(value in weak_set for _resident, value in hits)


def _keep(hits, weak_of, project_of, project) -> dict[str, set[str]]:
	"""{resident: values}; a bare surname counts only in a record of the person's own project."""
	out: dict[str, set[str]] = {}
	for resident, value in hits:
		if value in weak_of.get(resident, ()) and (not project or project != project_of.get(resident)):
			continue
		out.setdefault(resident, set()).add(value)
	return out


def _project_of_row(doctype: str, row: dict, child: bool) -> str | None:
	if child:
		parent = row.get("parenttype")
		return _project_of_record(parent, row.get("parent"))
	if doctype in PROJECT_BOUND:
		return row.get(PROJECT_BOUND[doctype])
	return None


def _project_of_record(doctype: str | None, name: str | None) -> str | None:
	if not doctype or not name:
		return None
	if doctype in PROJECT_BOUND_CHILDREN:
		return None
	if doctype not in PROJECT_BOUND:
		return None
	return frappe.db.get_value(doctype, name, PROJECT_BOUND[doctype], cache=True)


def _shared_surnames(people: dict[str, dict]) -> set[tuple[str, str]]:
	"""(project, surname) pairs another, not anonymised resident of the project also bears."""
	pairs = {
		(p.get("project"), (p.get("last_name") or "").strip().lower())
		for p in people.values()
		if (p.get("last_name") or "").strip()
	}
	if not pairs:
		return set()
	others = frappe.get_all(
		"Resident",
		filters={
			"last_name": ("in", sorted({s for _p, s in pairs})),
			"name": ("not in", list(people)),
			"anonymised_on": ("is", "not set"),
		},
		fields=["project", "last_name"],
	)
	return {(o.project, (o.last_name or "").strip().lower()) for o in others} & pairs


# ---------------------------------------------------------------- changing


def record_of(finding: Finding) -> tuple[str, str] | None:
	"""The app record a finding is part of (a child row's parent), None for core rows."""
	if finding.get("parenttype"):
		return finding.parenttype, finding.parent
	if "ref_doctype" in finding:
		return None
	return finding.doctype, finding.name


def redact(findings: list[Finding], touched=None) -> dict[str, set[tuple[str, str]]]:
	"""Replace the found values; {resident: {(doctype, name)} of the app records changed}. One write
	statement per table and column (per thousand rows), however many people were found.
	`touched`: the (doctype, name) records written since the search (an erasure's own records): rows of
	them, and core rows about them, are read again; every other row is rewritten from the text found
	(rows deleted since are left alone by the write). None: every row is read again."""
	changed: dict[str, set[tuple[str, str]]] = {}
	by_row: dict[tuple[str, str], dict[str, list[Finding]]] = {}
	for f in findings:
		by_row.setdefault((f.doctype, f.column), {}).setdefault(f.name, []).append(f)
	for (doctype, column), rows in by_row.items():
		wanted: dict[str, tuple[list[str], set[str]]] = {}
		texts, stale = {}, []
		for name, items in rows.items():
			record = record_of(items[0])
			values, weak = set(), set()
			for item in items:
				weak |= item.weak
				for resident, found in item.hits.items():
					values |= found
					if record:
						changed.setdefault(resident, set()).add(record)
			wanted[name] = (sorted(values), weak & values)
			if touched is None or "text" not in items[0] or _written_since(items[0], touched):
				stale.append(name)
			else:
				texts[name] = items[0].text
		table = frappe.qb.DocType(doctype)
		for chunk in _chunks(stale):
			query = frappe.qb.from_(table).select(table.name, table[column]).where(table.name.isin(chunk))
			texts.update(query.run())
		updates = {}
		for name, text in texts.items():
			if not isinstance(text, str):
				continue
			values, whole_word = wanted[name]
			cleaned = replace(text, values, whole_word_values=whole_word)
			if cleaned != text:
				updates[name] = cleaned
		update_column(doctype, column, updates)
	return changed


def _written_since(finding: Finding, touched) -> bool:
	if "ref_doctype" in finding:  # a core row: rewritten when it is about a touched record
		return (finding.ref_doctype, finding.ref_name) in touched
	return (finding.doctype, finding.name) in touched or record_of(finding) in touched


CHUNK = 1000


def _chunks(items: list, size: int = CHUNK):
	for start in range(0, len(items), size):
		yield items[start : start + size]


PACKET = 4_000_000  # characters of values per statement, well below max_allowed_packet


def update_column(doctype: str, column: str, values: dict[str, str]) -> None:
	"""Set `column` of each row named in `values` to its value: one statement per thousand rows (or
	per few megabytes of text)."""
	table = frappe.qb.DocType(doctype)
	chunk, size = [], 0
	for name in sorted(values):
		chunk.append(name)
		size += len(values[name])
		if len(chunk) == CHUNK or size >= PACKET:
			_update_rows(table, column, chunk, values)
			chunk, size = [], 0
	if chunk:
		_update_rows(table, column, chunk, values)


def _update_rows(table, column: str, names: list[str], values: dict[str, str]) -> None:
	case = Case()
	for name in names:
		case = case.when(table.name == name, values[name])
	frappe.qb.update(table).set(table[column], case).where(table.name.isin(names)).run()


def scrub_history(people: dict[str, tuple[set[tuple[str, str]], list[str]]]) -> None:
	"""The history, comments and comment cache of changed records lose the values too (a JSON-escaped
	name after a line break is no whole word for the index). `people`: {resident: (the records changed
	for them, their values)}; each record loses the values of every person it was changed for. One query
	per core table for all."""
	whose: dict[tuple[str, str], list[str]] = {}
	for resident, (records, values) in people.items():
		if values:
			for record in sorted(records):
				whose.setdefault(record, []).append(resident)
	if not whose:
		return
	compiled = {r: _patterns(values) for r, (_records, values) in people.items() if values}

	def cleaned(record, text):
		for resident in whose.get(record, ()):
			text = _replace_compiled(text, compiled[resident])
		return text

	by_doctype: dict[str, list[str]] = {}
	for doctype, name in sorted(whose):
		by_doctype.setdefault(doctype, []).append(name)
	columns: dict[tuple[str, str, str], list[str]] = {}
	for core, column, ref_doctype, ref_name in core_columns():
		if ref_doctype:
			columns.setdefault((core, ref_doctype, ref_name), []).append(column)
	for (core, ref_doctype, ref_name), cols in columns.items():
		updates: dict[str, dict[str, str]] = {c: {} for c in cols}
		for doctype, names in by_doctype.items():
			for chunk in _chunks(names):
				rows = frappe.get_all(
					core,
					filters={ref_doctype: doctype, ref_name: ("in", chunk)},
					fields=["name", ref_name, *cols],
				)
				for row in rows:
					for column in cols:
						text = row.get(column)
						if isinstance(text, str) and text:
							new = cleaned((doctype, row.get(ref_name)), text)
							if new != text:
								updates[column][row.name] = new
		for column, values in updates.items():
			update_column(core, column, values)
	for doctype, names in by_doctype.items():
		if frappe.db.has_column(doctype, "_comments"):
			updates = {}
			for chunk in _chunks(names):
				rows = frappe.get_all(doctype, filters={"name": ("in", chunk)}, fields=["name", "_comments"])
				for row in rows:
					if isinstance(row._comments, str) and row._comments:
						new = cleaned((doctype, row.name), row._comments)
						if new != row._comments:
							updates[row.name] = new
			update_column(doctype, "_comments", updates)
	clear_document_cache(list(whose))


def clear_document_cache(records: list[tuple[str, str]]) -> None:
	"""frappe.clear_document_cache for many records: one Redis call now, and again after the commit or
	rollback."""
	keys = list(dict.fromkeys(frappe.get_document_cache_key(d, n) for d, n in records))
	if not keys:
		return

	def clear():
		frappe.cache.delete_value(keys)

	clear()
	if hasattr(frappe.db, "after_commit"):
		frappe.db.after_commit.add(clear)
		frappe.db.after_rollback.add(clear)


def mentioned_in(resident: str, own: dict[str, list[str]]) -> dict[str, list[str]]:
	"""{doctype: names} of app records that mention the resident, without their own records (Art. 15)."""
	person = frappe.db.get_value("Resident", resident, "*", as_dict=True)
	if not person:
		return {}
	own_records = {(d, n) for d, names in own.items() for n in names}
	out: dict[str, list[str]] = {}
	for finding in find({resident: person}):
		record = record_of(finding)
		if record and record not in own_records and record[1] not in out.get(record[0], []):
			out.setdefault(record[0], []).append(record[1])
	return {d: sorted(names) for d, names in sorted(out.items())}
