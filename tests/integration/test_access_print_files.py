"""Print, PDF and attachments honour the project rules like every other read path."""

import frappe
import pytest
from frappe.utils.file_manager import save_file


@pytest.fixture(scope="module")
def attachments(world):
	"""A private attachment on each project's resident (committed: the web server must see it)."""
	files = {}
	for key, record in (("a", world.a), ("b", world.b)):
		content = f"Bescheid {key.upper()} geheim".encode()
		f = save_file(f"bescheid-{key}.txt", content, "Resident", record.resident, is_private=1)
		files[key] = f
	frappe.db.commit()
	yield files
	for f in files.values():
		frappe.delete_doc("File", f.name, force=True, ignore_permissions=True)
	frappe.db.commit()


@pytest.fixture(scope="module")
def staff_a(server, world):
	return server.session(world.users.staff_a, world.password)


def test_attachment_of_other_project_is_refused(server, world, staff_a, attachments):
	own = staff_a.get(server.url + attachments["a"].file_url)
	assert own.status_code == 200 and b"Bescheid A" in own.content
	other = staff_a.get(server.url + attachments["b"].file_url)
	assert other.status_code == 403 and b"Bescheid B" not in other.content


def test_attachment_list_of_other_project_is_empty(server, world, staff_a, attachments):
	r = staff_a.get(
		f"{server.url}/api/resource/File",
		params={
			"filters": '[["attached_to_doctype","=","Resident"]]',
			"fields": '["name","attached_to_name"]',
		},
	)
	names = {row["attached_to_name"] for row in r.json().get("data", [])}
	assert world.b.resident not in names


@pytest.mark.parametrize(
	"doctype, key", [("Resident", "resident"), ("Case", "case"), ("Consultation", "consultation")]
)
def test_print_and_pdf_of_other_project_are_refused(server, world, staff_a, doctype, key):
	own = staff_a.get(f"{server.url}/printview", params={"doctype": doctype, "name": getattr(world.a, key)})
	assert own.status_code == 200 and getattr(world.a, key) in own.text
	for path in ("/printview", "/api/method/frappe.utils.print_format.download_pdf"):
		param = "doctype" if path == "/printview" else "doctype"
		r = staff_a.get(f"{server.url}{path}", params={param: doctype, "name": getattr(world.b, key)})
		assert r.status_code in (403, 404) or "Not Permitted" in r.text or "nicht erlaubt" in r.text.lower()
		assert "AnkerbergB" not in r.text and "Nachbarschaftsstreit B" not in r.text
		assert not r.content.startswith(b"%PDF")


def test_attachments_of_project_records_are_forced_private(world):
	f = save_file("oeffentlich.txt", b"soll privat sein", "Consultation", world.a.consultation, is_private=0)
	assert f.is_private == 1 and f.file_url.startswith("/private/files/")


def test_assigned_to_sidebar_counts_own_project_only(world):
	"""Core counts ToDos of every matching record; filtered on another project's resident it would
	reveal that the resident exists and who works on them."""
	import json

	from gwk_app.overrides.listview import get_group_by_count

	for record, user in ((world.a, world.users.staff_a), (world.b, world.users.staff_b)):
		frappe.get_doc(
			{"doctype": "ToDo", "allocated_to": user, "reference_type": "Referral", "reference_name": record.referral,
			 "description": "Rückmeldung"}
		).insert(ignore_permissions=True)  # fmt: skip
	frappe.set_user(world.users.staff_a)
	probe = json.dumps({"resident_name": "ZeldaB AnkerbergB"})
	assert get_group_by_count("Referral", probe, "assigned_to") == []
	own = get_group_by_count("Referral", "{}", "assigned_to")
	assert {row.name for row in own} == {world.users.staff_a}
	assert frappe.get_hooks("override_whitelisted_methods")["frappe.desk.listview.get_group_by_count"][
		-1
	] == ("gwk_app.overrides.listview.get_group_by_count")
