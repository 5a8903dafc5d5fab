"""Indexes of the large tables: a staff user's list (one project, newest first) is answered by a
(project, modified) index, so MariaDB never walks the modified index past every other project's newer
records (benchmarks/run.py times the lists at carrier scale); the single-column indexes that a composite
index already leads with are gone, one index less to write on every insert."""

import frappe
import pytest

SHOW = {
	"Consultation": "show index from `tabConsultation`",
	"Resident": "show index from `tabResident`",
	"Referral": "show index from `tabReferral`",
}


def _indexes(doctype) -> dict[str, list[str]]:
	out: dict[str, list[str]] = {}
	for row in sorted(frappe.db.sql(SHOW[doctype], as_dict=True), key=lambda r: r.Seq_in_index):
		out.setdefault(row.Key_name, []).append(row.Column_name)
	return out


def test_staff_lists_have_a_project_and_modified_index():
	assert _indexes("Consultation")["consultation_project_modified_index"] == ["project", "modified"]
	assert _indexes("Resident")["project_modified_index"] == ["project", "modified"]


@pytest.mark.parametrize(
	"doctype, led", [("Consultation", {"consultation_date", "resident"}), ("Referral", {"referred_on"})]
)
def test_no_single_column_index_a_composite_one_leads_with(doctype, led):
	indexes = _indexes(doctype)
	leading = {columns[0] for columns in indexes.values() if len(columns) > 1}
	singles = {columns[0] for name, columns in indexes.items() if len(columns) == 1 and name != "PRIMARY"}
	# the project keeps its own index (every project-bound doctype has one, tests/unit/test_doctype_json.py)
	assert singles & leading <= {"project"}, indexes
	assert led <= leading


def test_referral_outcomes_are_counted_from_one_index():
	assert _indexes("Referral")["referral_outcomes_index"] == [
		"referred_on", "project", "partner", "status", "appointment_date", "waiting_days",
	]  # fmt: skip
