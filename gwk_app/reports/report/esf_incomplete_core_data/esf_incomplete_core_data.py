# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt
"""ESF participations whose core data are incomplete: they do not count toward the targets.

For the ESF officer of the project (and the data protection officer): record, entry, planned exit
and what is missing. Restricted to the user's projects like every report."""

import frappe
from frappe import _

from gwk_app.privacy.esf_completeness import incomplete
from gwk_app.reports.common import column, report_projects
from gwk_app.rules.esf import CORE_FIELDS


def execute(filters=None):
	filters = frappe._dict(filters or {})
	return columns(), get_data(filters)


def columns():
	return [
		column(_("ESF Participation"), "name", "Link", 140, "ESF Participation"),
		column(_("Project"), "project", "Link", 160, "Community Project"),
		column(_("Entry Date"), "entry_date", "Date", 95),
		column(_("Planned Exit Date"), "planned_exit_date", "Date", 110),
		column(_("Exit Date"), "exit_date", "Date", 95),
		column(_("Missing"), "missing", "Data", 320),
	]


def get_data(filters) -> list[dict]:
	rows = incomplete(report_projects(filters))
	for r in rows:
		r.missing = ", ".join(_(CORE_FIELDS[f]) for f in r.missing_fields)
	return rows
