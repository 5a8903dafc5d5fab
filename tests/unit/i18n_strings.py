"""Find every user-facing string of the app and check it against gwk_app/locale/de.po.

Used by the unit tests (translation coverage) and by `python scripts/i18n.py` (lists what is missing).
No Frappe needed: strings come from doctype/report/workspace JSON, Python `_()`, JS `__()` and Jinja
`_()` in templates.
"""

import ast
import html
import json
import re
from pathlib import Path

from babel.messages.pofile import read_po

APP = Path(__file__).resolve().parents[2] / "gwk_app"
PO_FILE = APP / "locale" / "de.po"

JSON_KEYS = ("label", "description", "title", "chart_name", "report_name", "heading", "subtitle")
# workspace shortcuts show `__(format)` with the count, e.g. "{} open"
SHORTCUT_KEYS = ("format",)
_TAG = re.compile(r"<[^>]+>")
# `label: "From Date"` in report JS filters: the query report translates filter labels itself
_JS_LABEL = re.compile(r"""\blabel\s*:\s*(?P<q>["'`])(?P<s>(?:\\.|(?!(?P=q)).)*?)(?P=q)""", re.S)
_JS_CALL = re.compile(r"""__\(\s*(?P<q>["'`])(?P<s>(?:\\.|(?!(?P=q)).)*?)(?P=q)""", re.S)
_JINJA_CALL = re.compile(r"""_\(\s*(?P<q>["'])(?P<s>(?:\\.|(?!(?P=q)).)*?)(?P=q)""", re.S)


def _json_strings(data: dict, kind: str) -> set[str]:
	found = set()
	if kind == "DocType":
		found.add(data["name"])
		for field in data.get("fields", []):
			for key in ("label", "description"):
				if field.get(key):
					found.add(field[key])
			if field.get("fieldtype") == "Select" and field.get("options"):
				found.update(o for o in field["options"].split("\n") if o.strip())
		return found

	def walk(value):
		if isinstance(value, dict):
			if value.get("type") in ("header", "paragraph") and isinstance(value.get("data"), dict):
				# workspace content blocks: Frappe translates the text without its markup
				text = html.unescape(_TAG.sub("", value["data"].get("text") or "")).strip()
				if text:
					found.add(text)
			for key, item in value.items():
				if key in JSON_KEYS and isinstance(item, str) and item.strip():
					found.add(item)
				elif key in SHORTCUT_KEYS and kind == "Workspace" and isinstance(item, str) and item.strip():
					found.add(item)
				elif key in ("content", "format_data") and isinstance(item, str) and item.startswith("["):
					walk(json.loads(item))
				elif key == "html" and kind == "Print Format" and isinstance(item, str):
					found.update(_unescape(m.group("s")) for m in _JINJA_CALL.finditer(item))
					found.update(_unescape(m.group("s")) for m in _JS_CALL.finditer(item))
				else:
					walk(item)
		elif isinstance(value, list):
			for item in value:
				walk(item)

	walk(data)
	if kind == "Report":
		found.add(data["name"])
	return found


def json_strings(app: Path = APP) -> dict[str, set[str]]:
	"""{file: strings} for every synced JSON of the app."""
	out = {}
	for path in sorted(app.rglob("*.json")):
		try:
			data = json.loads(path.read_text())
		except ValueError:
			continue
		if not isinstance(data, dict) or "doctype" not in data:
			continue
		out[str(path.relative_to(app.parent))] = _json_strings(data, data["doctype"])
	return out


def python_strings(app: Path = APP) -> dict[str, set[str]]:
	out = {}
	for path in sorted(app.rglob("*.py")):
		tree = ast.parse(path.read_text(), filename=str(path))
		found = set()
		for node in ast.walk(tree):
			if (
				isinstance(node, ast.Call)
				and isinstance(node.func, ast.Name)
				and node.func.id == "_"
				and node.args
				and isinstance(node.args[0], ast.Constant)
				and isinstance(node.args[0].value, str)
			):
				found.add(node.args[0].value)
		if found:
			out[str(path.relative_to(app.parent))] = found
	return out


def _unescape(text: str) -> str:
	return re.sub(r"\\(.)", r"\1", text)


def js_strings(app: Path = APP) -> dict[str, set[str]]:
	out = {}
	for path in sorted(app.rglob("*.js")):
		text = path.read_text()
		found = {_unescape(m.group("s")) for m in _JS_CALL.finditer(text)}
		if "report" in path.parts[:-1]:
			found |= {_unescape(m.group("s")) for m in _JS_LABEL.finditer(text) if m.group("s").strip()}
		if found:
			out[str(path.relative_to(app.parent))] = found
	for path in sorted(app.rglob("*.html")):
		text = path.read_text()
		found = {_unescape(m.group("s")) for m in _JINJA_CALL.finditer(text)}
		found |= {_unescape(m.group("s")) for m in _JS_CALL.finditer(text)}
		if found:
			out[str(path.relative_to(app.parent))] = found
	return out


def all_strings(app: Path = APP) -> dict[str, set[str]]:
	"""{msgid: files using it}"""
	index: dict[str, set[str]] = {}
	for source in (json_strings(app), python_strings(app), js_strings(app)):
		for file, strings in source.items():
			for s in strings:
				index.setdefault(s, set()).add(file)
	return index


def translations(po_file: Path = PO_FILE) -> dict[str, str]:
	with open(po_file, "rb") as fh:
		catalog = read_po(fh, locale="de")
	return {m.id: m.string for m in catalog if m.id and isinstance(m.id, str)}


def missing(app: Path = APP, po_file: Path = PO_FILE) -> dict[str, set[str]]:
	"""{msgid: files} for every string without a German translation."""
	known = {k for k, v in translations(po_file).items() if v}
	return {s: files for s, files in all_strings(app).items() if s not in known}
