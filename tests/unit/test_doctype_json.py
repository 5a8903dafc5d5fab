"""Doctype JSON sanity: what a migrate would only find out at run time, checked without Frappe."""

import json
import re
from pathlib import Path

import pytest

from gwk_app.access import PROJECT_BOUND, PROJECT_BOUND_CHILDREN, PROJECT_DOCTYPE
from gwk_app.constants import MODULES, ROLES
from tests.unit.doctypes import APP, FRAPPE_DOCTYPES, doctypes, fields

ALL = sorted(doctypes())
MODULE_FOLDERS = {m.lower(): m for m in MODULES}


def test_app_has_the_five_modules():
	assert (APP / "modules.txt").read_text().split() == list(MODULES)
	for folder in MODULE_FOLDERS:
		assert (APP / folder / "__init__.py").exists()


def test_core_doctypes_exist():
	expected = {
		"Community Project", "District", "Referral Partner", "Resident", "Consultation", "Case",
		"Referral", "Topic", "Consent", "GWK Settings",
	}  # fmt: skip
	assert expected <= set(ALL)


@pytest.mark.parametrize("name", ALL)
def test_doctype_lives_in_its_module_folder(name):
	data = doctypes()[name]
	folder = Path(data["_path"]).relative_to(APP).parts[0]
	assert MODULE_FOLDERS[folder] == data["module"]
	assert data["name"].lower().replace(" ", "_") in data["_path"]


@pytest.mark.parametrize("name", ALL)
def test_links_resolve(name):
	known = set(ALL) | FRAPPE_DOCTYPES
	for f in fields(name):
		if f["fieldtype"] in ("Link", "Table", "Table MultiSelect"):
			assert f.get("options") in known, f"{name}.{f['fieldname']} -> {f.get('options')}"
		if f["fieldtype"] in ("Table", "Table MultiSelect"):
			assert doctypes()[f["options"]].get("istable"), f"{name}.{f['fieldname']} is not a child table"


@pytest.mark.parametrize("name", ALL)
def test_every_field_is_labelled_and_unique(name):
	names = [f["fieldname"] for f in fields(name)]
	assert len(names) == len(set(names)), f"duplicate fieldnames in {name}"
	assert doctypes()[name]["field_order"] == names
	for f in fields(name):
		if f["fieldtype"] != "Column Break":
			assert f.get("label"), f"{name}.{f['fieldname']} has no label"


@pytest.mark.parametrize("name", ALL)
def test_fetch_from_points_at_a_link(name):
	by_name = {f["fieldname"]: f for f in fields(name)}
	for f in fields(name):
		if f.get("fetch_from"):
			link, source = f["fetch_from"].split(".")
			assert by_name[link]["fieldtype"] == "Link"
			target = by_name[link]["options"]
			if target in doctypes():
				assert source in {x["fieldname"] for x in fields(target)}, f"{name}.{f['fieldname']}"


@pytest.mark.parametrize("name", ALL)
def test_roles_in_permissions_exist(name):
	known = set(ROLES) | {"System Manager", "Administrator", "Guest", "All"}
	for perm in doctypes()[name].get("permissions", []):
		assert perm["role"] in known


@pytest.mark.parametrize("name", sorted(PROJECT_BOUND))
def test_project_bound_doctype_has_project_link(name):
	by_name = {f["fieldname"]: f for f in fields(name)}
	field = by_name[PROJECT_BOUND[name]]
	assert field["fieldtype"] == "Link" and field["options"] == PROJECT_DOCTYPE
	assert field.get("reqd") == 1 and field.get("search_index") == 1


@pytest.mark.parametrize("name", sorted(PROJECT_BOUND))
def test_project_bound_doctype_stays_out_of_global_search(name):
	"""Frappe's global search checks only the role, never the project: nothing project-bound goes in."""
	data = doctypes()[name]
	assert not data.get("show_name_in_global_search")
	assert not any(f.get("in_global_search") for f in fields(name))


@pytest.mark.parametrize("name", sorted(PROJECT_BOUND))
def test_carrier_manager_and_volunteer_read_no_personal_records(name):
	roles = {p["role"] for p in doctypes()[name]["permissions"]}
	assert "GWK Carrier Manager" not in roles and "GWK Volunteer" not in roles
	assert not any(p.get("share") for p in doctypes()[name]["permissions"] if p["role"].startswith("GWK"))


@pytest.mark.parametrize("name", sorted(PROJECT_BOUND))
def test_notes_sit_at_a_higher_permlevel(name):
	for f in fields(name):
		if f["fieldtype"] in ("Text", "Small Text", "Text Editor", "Long Text") and f["fieldname"] in (
			"notes", "note", "description", "reason", "outcome", "special_category_notes", "minutes",
		):  # fmt: skip
			assert f.get("permlevel", 0) >= 1, f"{name}.{f['fieldname']} is readable at level 0"


def test_child_tables_of_project_bound_doctypes_are_registered():
	for name in PROJECT_BOUND:
		for f in fields(name):
			if f["fieldtype"] in ("Table", "Table MultiSelect"):
				assert PROJECT_BOUND_CHILDREN.get(f["options"]) == name, (
					f"{f['options']} not in PROJECT_BOUND_CHILDREN"
				)


def test_every_json_file_parses():
	for path in APP.rglob("*.json"):
		json.loads(path.read_text())


# Frappe's generated type block (hooks.py export_python_type_annotations): every controller carries one,
# and it names exactly the doctype's data fields (regenerate with scripts/export_types.py)
_TYPE_BLOCK = re.compile(r"# begin: auto-generated types\n(.*?)# end: auto-generated types", re.S)
# layout fields, and field types frappe.types.DF has no type for
_NO_TYPE = {
	"Section Break",
	"Column Break",
	"Tab Break",
	"Fold",
	"HTML",
	"Button",
	"Heading",
	"Image",
	"Geolocation",
}


@pytest.mark.parametrize("doctype", sorted(doctypes()))
def test_controller_carries_the_generated_type_block(doctype):
	meta = doctypes()[doctype]
	source = Path(meta["_path"]).with_suffix(".py").read_text()
	block = _TYPE_BLOCK.search(source)
	assert block, f"{doctype}: no generated type block (run scripts/export_types.py)"
	typed = set(re.findall(r"^\t\t(\w+): DF\.", block.group(1), re.M))
	wanted = {f["fieldname"] for f in meta["fields"] if f["fieldtype"] not in _NO_TYPE}
	if meta.get("istable"):
		wanted |= {"parent", "parentfield", "parenttype"}
	if meta.get("autoname") == "autoincrement":
		wanted.add("name")
	assert typed == wanted, f"{doctype}: type block out of date (run scripts/export_types.py)"
