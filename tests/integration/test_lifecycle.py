"""Lifecycle of the app in the bench: a second migrate changes nothing, and uninstall leaves no table,
role, custom field or trace behind (then the app is installed again).

Marked `lifecycle` and left out of the integration suite (pyproject.toml addopts): it uninstalls the app,
so scripts/test runs it in its own step after the suite. By hand: pytest -m lifecycle tests/integration."""

import json
import os
import subprocess
import sys

import frappe
import pytest

from gwk_app.constants import MODULES, ROLES
from tests.unit.doctypes import doctypes

pytestmark = pytest.mark.lifecycle

BENCH_SITES = os.getcwd()  # conftest chdirs into the bench's sites folder


def bench(*args) -> subprocess.CompletedProcess:
	frappe.db.rollback()  # release metadata locks before another process alters tables
	cmd = [sys.executable, "-m", "frappe.utils.bench_helper", "frappe", "--site", frappe.local.site, *args]
	return subprocess.run(cmd, cwd=BENCH_SITES, capture_output=True, text=True, timeout=900)


def schema_snapshot() -> dict:
	"""Everything a migrate could change for the app: tables, columns, indexes, metadata rows."""
	frappe.db.rollback()
	tables = [f"tab{name}" for name in doctypes() if not doctypes()[name].get("issingle")]
	columns = frappe.db.sql(
		"""select table_name, column_name, column_type, is_nullable, column_default
		from information_schema.columns where table_schema = database() and table_name in %(tables)s
		order by table_name, column_name""",
		{"tables": tables},
	)
	indexes = frappe.db.sql(
		"""select table_name, index_name, column_name, seq_in_index, non_unique
		from information_schema.statistics where table_schema = database() and table_name in %(tables)s
		order by table_name, index_name, seq_in_index""",
		{"tables": tables},
	)
	counts = {
		doctype: frappe.db.count(doctype, filters)
		for doctype, filters in (
			("DocType", {"module": ("in", MODULES)}),
			("DocField", {"parent": ("in", list(doctypes()))}),
			("DocPerm", {"parent": ("in", list(doctypes()))}),
			("Role", {"name": ("in", ROLES)}),
			("Topic", {}),
			("Report", {"module": ("in", MODULES)}),
			("Custom Field", {}),
			("Property Setter", {}),
			("Scheduled Job Type", {"method": ("like", "gwk_app.%")}),
		)
	}
	modified = frappe.get_all("DocType", filters={"module": ("in", MODULES)}, fields=["name", "modified"])
	settings = frappe.get_single("GWK Settings").as_dict(no_default_fields=True)
	return json.loads(
		json.dumps(
			{
				"columns": columns,
				"indexes": indexes,
				"counts": counts,
				"modified": modified,
				"settings": settings,
			},
			default=str,
			sort_keys=True,
		)
	)


def test_second_migrate_changes_nothing():
	first = bench("migrate")
	assert first.returncode == 0, first.stdout[-2000:] + first.stderr[-2000:]
	before = schema_snapshot()
	second = bench("migrate")
	assert second.returncode == 0, second.stdout[-2000:] + second.stderr[-2000:]
	assert schema_snapshot() == before


def test_uninstall_leaves_nothing_then_reinstall(world):
	ours = sorted(doctypes())
	# leave traces for uninstall to clean: a ToDo and a global search row pointing at our records
	frappe.get_doc(
		{
			"doctype": "ToDo",
			"description": "lifecycle",
			"reference_type": "Resident",
			"reference_name": world.a.resident,
		}
	).insert(ignore_permissions=True)
	frappe.db.commit()
	# uninstall deletes the GWK roles and with them every user's role rows: put them back afterwards,
	# so the bench is left as the test found it
	role_rows = frappe.get_all(
		"Has Role", filters={"role": ("in", ROLES), "parenttype": "User"}, fields=["parent", "role"]
	)

	result = bench("uninstall-app", "gwk_app", "--yes", "--no-backup", "--force")
	try:
		assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
		frappe.db.rollback()
		frappe.clear_cache()
		leftover_tables = frappe.db.sql(
			"select table_name from information_schema.tables where table_schema = database() and table_name in %(t)s",
			{"t": [f"tab{name}" for name in ours]},
		)
		assert leftover_tables == ()
		assert frappe.get_all("DocType", filters={"name": ("in", ours)}) == []
		assert frappe.get_all("Module Def", filters={"name": ("in", MODULES)}) == []
		assert frappe.get_all("Role", filters={"name": ("in", ROLES)}) == []
		assert frappe.get_all("Has Role", filters={"role": ("in", ROLES)}) == []
		assert frappe.get_all("Custom DocPerm", filters={"role": ("in", ROLES)}) == []
		assert frappe.get_all("DocPerm", filters={"role": ("in", ROLES)}) == []
		assert frappe.get_all("Custom Field", filters={"dt": ("in", ours)}) == []
		assert frappe.get_all("Property Setter", filters={"doc_type": ("in", ours)}) == []
		assert frappe.get_all("ToDo", filters={"reference_type": ("in", ours)}) == []
		for doctype in ("Report", "Workspace", "Number Card", "Dashboard Chart", "Print Format", "Web Form"):
			assert frappe.get_all(doctype, filters={"module": ("in", MODULES)}) == [], doctype
		assert frappe.get_all("Scheduled Job Type", filters={"method": ("like", "gwk_app.%")}) == []
		assert (
			frappe.db.sql("select count(*) from __global_search where doctype in %(t)s", {"t": ours})[0][0]
			== 0
		)
		assert "gwk_app" not in frappe.get_installed_apps()
	finally:
		again = bench("install-app", "gwk_app")
		assert again.returncode == 0, again.stdout[-3000:] + again.stderr[-3000:]
		frappe.db.rollback()
		frappe.clear_cache()
		roles_by_user = {}
		for row in role_rows:
			roles_by_user.setdefault(row.parent, []).append(row.role)
		for user, roles in roles_by_user.items():
			frappe.get_doc("User", user).add_roles(*roles)
		frappe.db.commit()
	assert "gwk_app" in frappe.get_installed_apps()
	assert frappe.db.exists("Role", "GWK Staff")
