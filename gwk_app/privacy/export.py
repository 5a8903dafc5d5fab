"""Art. 15 GDPR: every record that names a resident, as JSON, HTML and PDF (the data subject request's
export). Reads the registry (gwk_app.privacy.personal_data)."""

import json

import frappe
from frappe import _
from frappe.utils import now_datetime

from gwk_app.privacy import mentions
from gwk_app.privacy.personal_data import (
	Footprint,
	fields_present,
)

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
		parent_fields = ["name", *fields_present(entry.parent, entry.get("parent_fields"))]
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
