"""Write Frappe's generated type blocks (hooks.py `export_python_type_annotations`) into every controller
of the app, from the doctype JSON of this checkout, with Frappe's own exporter (frappe.types.exporter).

Run with the bench's python from the bench's sites folder, then `ruff check --fix` and `ruff format`:
	cd $GWK_BENCH/sites && ../env/bin/python /path/to/checkout/scripts/export_types.py SITE
Frappe does the same itself when a doctype is saved in the desk in developer mode.
"""

import json
import sys
from pathlib import Path

import frappe
from frappe.types.exporter import TypeExporter

REPO = Path(__file__).resolve().parent.parent


def main(site: str) -> int:
	frappe.init(site=site, sites_path=".")
	frappe.connect()
	try:
		for path in sorted((REPO / "gwk_app").glob("*/doctype/*/*.json")):
			data = json.loads(path.read_text())
			controller = path.with_suffix(".py")
			if data.get("doctype") != "DocType" or not controller.exists():
				continue
			exporter = TypeExporter(frappe.get_doc({**data, "doctype": "DocType"}))
			exporter.controller_path = controller  # this checkout, whichever the bench has installed
			exporter.export_types()
			print(data["name"])
	finally:
		frappe.destroy()
	return 0


if __name__ == "__main__":
	sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "gwk-test.localhost"))
