"""Over HTTP: ESF participant records reach only the ESF role, and the Art. 15 export reaches only the
data protection officer and is logged."""

import json

import frappe
import pytest
from frappe.utils import add_days, today

from tests.integration.privacy_data import consent, esf, privacy_world, resident

ESF = "ESF Participation"


@pytest.fixture(scope="module")
def records(server, world):
	pw = privacy_world(world)
	frappe.set_user("Administrator")
	res = resident(pw.project, "Esfhttp", first_name="Hella")
	cns = consent(pw.project, res, "ESF Participant Data", given_on=add_days(today(), -10))
	part = esf(pw.project, res, disability="Yes").name
	request = frappe.get_doc(
		{"doctype": "Data Subject Request", "resident": res, "request_type": "Art. 15 Access"}
	).insert()
	frappe.db.commit()  # the web server sees committed data only
	yield frappe._dict(pw=pw, resident=res, consent=cns, esf=part, request=request.name)
	frappe.db.rollback()
	frappe.set_user("Administrator")
	frappe.db.delete("Access Log", {"reference_document": ("in", [res, part, request.name])})
	for doctype, name in (
		("Data Subject Request", request.name),
		(ESF, part),
		("Consent", cns),
		("Resident", res),
	):
		frappe.delete_doc(doctype, name, ignore_permissions=True, force=True, delete_permanently=True)
	frappe.db.commit()


def _session(server, user, password):
	return server.session(user, password)


def test_staff_get_nothing_of_esf_records_over_rest(server, world, records):
	pw = records.pw
	for user in (pw.staff, world.users.staff_a, world.users.lead_a):
		s = _session(server, user, world.password)
		calls = [
			s.get(f"{server.url}/api/resource/{ESF}", params={"fields": '["name","disability"]'}),
			s.get(f"{server.url}/api/resource/{ESF}/{records.esf}"),
			s.get(f"{server.url}/api/method/frappe.client.get", params={"doctype": ESF, "name": records.esf}),
			s.get(
				f"{server.url}/api/method/frappe.desk.form.load.getdoc",
				params={"doctype": ESF, "name": records.esf},
			),
			s.post(
				f"{server.url}/api/method/frappe.desk.reportview.get",
				data={
					"doctype": ESF,
					"fields": json.dumps([f"`tab{ESF}`.`name`", f"`tab{ESF}`.`disability`"]),
				},
			),
			s.get(f"{server.url}/api/method/frappe.client.get_count", params={"doctype": ESF}),
			s.post(
				f"{server.url}/api/method/frappe.desk.search.search_link", data={"doctype": ESF, "txt": ""}
			),
			s.post(
				f"{server.url}/api/method/frappe.desk.reportview.export_query",
				data={
					"doctype": ESF,
					"file_format_type": "CSV",
					"fields": json.dumps([f"`tab{ESF}`.`name`"]),
					"title": ESF,
				},
			),
			s.get(f"{server.url}/printview", params={"doctype": ESF, "name": records.esf}),
		]
		for r in calls:
			assert r.status_code in (403, 404) or "Not Permitted" in r.text, (user, r.url, r.status_code)
			# an error may repeat the name the caller sent, never the record's content
			assert "Esfhttp" not in r.text and "Hella" not in r.text, (user, r.url)
			assert records.resident not in r.text, (user, r.url)
		for r in (calls[0], calls[4], calls[5], calls[6], calls[7]):  # calls that did not name the record
			assert records.esf not in r.text, (user, r.url)


def test_esf_officer_reads_the_record_over_rest(server, world, records):
	s = _session(server, records.pw.officer, world.password)
	r = s.get(f"{server.url}/api/resource/{ESF}", params={"fields": '["name","disability"]'})
	assert r.status_code == 200, r.text
	assert {"name": records.esf, "disability": "Yes"} in r.json()["data"]


def test_art15_export_over_http_is_for_the_officer_and_logged(server, world, records):
	url = (
		f"{server.url}/api/method/gwk_app.privacy.doctype.data_subject_request.data_subject_request"
		".download_export"
	)
	staff = _session(server, world.users.staff_a, world.password)
	r = staff.get(url, params={"name": records.request, "file_format": "JSON"})
	assert r.status_code == 403 and "Esfhttp" not in r.text

	dpo = _session(server, world.users.dpo, world.password)
	r = dpo.get(url, params={"name": records.request, "file_format": "JSON"})
	assert r.status_code == 200, r.text[:500]
	data = r.json()
	assert data["resident"] == records.resident
	assert [row["name"] for row in data["records"][ESF]] == [records.esf]
	frappe.db.rollback()
	logged = frappe.get_all(
		"Access Log",
		filters={"reference_document": records.resident, "method": "Art. 15 Export"},
		fields=["user", "file_type"],
	)
	assert {"user": world.users.dpo, "file_type": "JSON"} in [dict(x) for x in logged]

	r = dpo.get(url, params={"name": records.request, "file_format": "PDF"})
	assert r.status_code == 200 and r.content.startswith(b"%PDF")


def test_rest_reads_of_residents_and_esf_records_are_logged(server, world, records):
	staff = _session(server, world.users.staff_a, world.password)
	officer = _session(server, records.pw.officer, world.password)
	try:
		r = staff.get(f"{server.url}/api/resource/Resident/{world.a.resident}")
		assert r.status_code == 200
		r = staff.get(
			f"{server.url}/api/method/frappe.client.get",
			params={"doctype": "Resident", "name": world.a.resident},
		)
		assert r.status_code == 200
		r = officer.get(f"{server.url}/api/resource/{ESF}/{records.esf}")
		assert r.status_code == 200
		# a refused read reads nothing and logs nothing
		r = staff.get(f"{server.url}/api/resource/Resident/{world.b.resident}")
		assert r.status_code == 403
		frappe.db.rollback()
		logged = frappe.get_all(
			"Access Log",
			filters={"method": "REST Read"},
			fields=["user", "export_from", "reference_document"],
			order_by="creation asc",
		)
		rows = [(x.user, x.export_from, x.reference_document) for x in logged]
		assert rows.count((world.users.staff_a, "Resident", world.a.resident)) == 2
		assert (records.pw.officer, ESF, records.esf) in rows
		assert not [x for x in rows if x[2] == world.b.resident]
	finally:
		frappe.db.delete("Access Log", {"method": "REST Read"})
		frappe.db.commit()  # the web server wrote these rows in its own transactions
