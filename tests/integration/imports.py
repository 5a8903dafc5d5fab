"""Helpers of the import tests: the fixtures' files rewritten for the test world, Data Import from the
desk and from `bench data-import` as a given user, and clean-up of what the imports committed."""

import csv
import io
import os
import tempfile
from pathlib import Path

import frappe
from frappe.utils import now_datetime

from gwk_app.access import PROJECT_BOUND
from gwk_app.imports.templates import DISTRICT, PROJECT, SKILLS, fixtures_path
from tests.integration.world import DISTRICT_A, PROJECT_A, PROJECT_B, USERS

IMPORTED = (
	"Resident", "Consultation", "Community Volunteer", "Community Event", "Network", "Referral Partner",
	"Contact", "Address", "Contact Tally", "Volunteer Skill", "Data Import", "Data Import Log", "File",
)  # fmt: skip
CHILDREN = {
	"Consultation": ["Consultation Topic"],
	"Community Volunteer": ["Community Volunteer Skill", "Community Volunteer District", "Community Volunteer Availability"],
	"Community Event": ["Community Event Participant"],
	"Network": ["Network Member"],
	"Referral Partner": ["Referral Partner Topic", "Referral Partner District"],
	"Contact": ["Contact Email", "Contact Phone", "Dynamic Link"],
	"Address": ["Dynamic Link"],
	"Contact Tally": ["Contact Tally Count"],
}  # fmt: skip
FOR_WORLD = {PROJECT: PROJECT_A, DISTRICT: DISTRICT_A}


class Committed:
	"""Data Import commits every row: remember when the test began and delete what was created since."""

	def __init__(self):
		frappe.db.commit()  # nosemgrep
		self.since = now_datetime()

	def clean(self):
		"""Only what the test world's users created since (a benchmark may be importing meanwhile)."""
		frappe.db.rollback()
		owners = ["Administrator", *[email for email, _roles in USERS.values()]]
		imported = []
		for doctype in IMPORTED:
			filters = {"creation": (">=", self.since), "owner": ("in", owners)}
			if doctype in PROJECT_BOUND:
				filters["project"] = ("in", [PROJECT_A, PROJECT_B])
			if doctype == "Data Import Log":  # written without an owner: the logs of the imports deleted
				filters = {"creation": (">=", self.since), "data_import": ("in", imported or [""])}
				filters = [filters, {"creation": (">=", self.since), "data_import": ("is", "not set")}]
				names = [n for f in filters for n in frappe.get_all(doctype, filters=f, pluck="name")]
			else:
				names = frappe.get_all(doctype, filters=filters, pluck="name")
			if doctype == "Data Import":
				imported = names
			if not names:
				continue
			if doctype == "File":  # the uploaded files go from the disk too (never the Home folders)
				names = frappe.get_all("File", filters={"name": ("in", names), "is_folder": 0}, pluck="name")
				for name in names:
					frappe.delete_doc("File", name, ignore_permissions=True, force=True)
				continue
			for child in CHILDREN.get(doctype, []):
				frappe.db.delete(child, {"parent": ("in", names), "parenttype": doctype})
			frappe.db.delete(doctype, {"name": ("in", names)})
		frappe.db.commit()  # nosemgrep


def ensure_skills():
	for skill in SKILLS:
		if not frappe.db.exists("Volunteer Skill", skill):
			frappe.get_doc({"doctype": "Volunteer Skill", "skill_name": skill}).insert(
				ignore_permissions=True
			)


def rewrite(rows: list[list], replace: dict) -> list[list]:
	return [[replace.get(c, c) if isinstance(c, str) else c for c in row] for row in rows]


def read_csv(path: Path) -> list[list]:
	return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def write_csv(rows: list[list], name: str = "import.csv") -> str:
	folder = tempfile.mkdtemp(prefix="gwk-import-")
	path = os.path.join(folder, name)
	with open(path, "w", encoding="utf-8", newline="") as f:
		csv.writer(f, lineterminator="\n").writerows(rows)
	return path


def fixture_for_world(stem: str, ext: str) -> str:
	"""The committed fixture with the demo project and district replaced by the test world's."""
	source = fixtures_path() / f"{stem}.{ext}"
	if ext == "csv":
		return write_csv(rewrite(read_csv(source), FOR_WORLD), source.name)
	from openpyxl import load_workbook

	wb = load_workbook(source)
	for row in wb.active.iter_rows():
		for cell in row:
			if isinstance(cell.value, str) and cell.value in FOR_WORLD:
				cell.value = FOR_WORLD[cell.value]
	path = os.path.join(tempfile.mkdtemp(prefix="gwk-import-"), source.name)
	wb.save(path)
	return path


def desk_import(doctype: str, path: str, user: str, import_type: str = "Insert New Records") -> frappe._dict:
	"""Data Import as the desk does it: the user uploads the file, saves the Data Import and starts it
	(the background job runs at once in tests). Returns the Data Import with its logs."""
	frappe.set_user(user)
	content = Path(path).read_bytes()
	file = frappe.get_doc(
		{"doctype": "File", "file_name": os.path.basename(path), "content": content, "is_private": 1}
	).insert()
	di = frappe.get_doc(
		{
			"doctype": "Data Import",
			"reference_doctype": doctype,
			"import_type": import_type,
			"import_file": file.file_url,
		}
	).insert()
	frappe.db.commit()  # nosemgrep
	in_test = frappe.flags.in_test
	frappe.flags.in_test = True
	try:
		di.start_import()
	finally:
		frappe.flags.in_test = in_test
	di.reload()
	logs = frappe.get_all(
		"Data Import Log",
		filters={"data_import": di.name},
		fields=["success", "docname", "messages", "row_indexes"],
		order_by="log_index asc",
	)
	frappe.set_user("Administrator")
	return frappe._dict(doc=di, status=di.status, logs=logs, warnings=di.template_warnings)


def messages(result) -> list[str]:
	out = []
	for log in result.logs:
		if not log.success:
			out += [m["message"] for m in frappe.parse_json(log.messages or "[]")]
	return out
