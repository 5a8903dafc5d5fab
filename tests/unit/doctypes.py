"""Load the app's doctype JSON for the unit tests (no Frappe needed)."""

import json
from functools import cache
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "gwk_app"

# Core Frappe doctypes the app links to (Frappe is not importable in the unit tier).
FRAPPE_DOCTYPES = frozenset(
	{
		"User",
		"Role",
		"Address",
		"Contact",
		"File",
		"ToDo",
		"DocType",
		"Country",
		"Currency",
		"Gender",
		"Web Page",
	}
)
LAYOUT_FIELDTYPES = frozenset({"Section Break", "Column Break", "Tab Break", "Fold"})


@cache
def doctypes() -> dict[str, dict]:
	out = {}
	for path in APP.glob("*/doctype/*/*.json"):
		if path.stem != path.parent.name:
			continue
		data = json.loads(path.read_text())
		if data.get("doctype") == "DocType":
			data["_path"] = str(path)
			out[data["name"]] = data
	return out


def fields(doctype: str) -> list[dict]:
	return doctypes()[doctype]["fields"]
