# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt
"""Who read or exported personal data, when and what: Frappe's Access Log for the data protection
officer (form loads of residents and ESF records, Art. 15 exports, prints, report and data exports).
Access Log itself is readable only by System Managers; this report opens it to the officer alone."""

import frappe
from frappe import _
from frappe.utils import add_days, add_months, getdate, today

from gwk_app.constants import OFFICER_ROLES

MAX_ROWS = 5000


def execute(filters=None):
	frappe.only_for(OFFICER_ROLES)
	filters = frappe._dict(filters or {})
	start = getdate(filters.from_date) if filters.from_date else add_months(getdate(today()), -1)
	end = getdate(filters.to_date) if filters.to_date else getdate(today())
	if end < start:
		frappe.throw(_("To Date must not be before From Date."), title=_("Invalid Filter"))
	log = frappe.qb.DocType("Access Log")
	query = (
		frappe.qb.from_(log)
		.select(
			log.creation,
			log.user,
			log.export_from,
			log.reference_document,
			log.method,
			log.file_type,
			log.report_name,
		)
		.where((log.creation >= start) & (log.creation < add_days(end, 1)))
		.orderby(log.creation, order=frappe.qb.desc)
		.limit(MAX_ROWS)
	)
	if filters.user:
		query = query.where(log.user == filters.user)
	if filters.doctype:
		query = query.where(log.export_from == filters.doctype)
	if filters.document:
		query = query.where(log.reference_document == filters.document)
	rows = query.run(as_dict=True)
	return columns(), rows


def columns():
	return [
		{"label": _("Time"), "fieldname": "creation", "fieldtype": "Datetime", "width": 160},
		{"label": _("User"), "fieldname": "user", "fieldtype": "Link", "options": "User", "width": 200},
		{"label": _("Document Type"), "fieldname": "export_from", "fieldtype": "Data", "width": 150},
		{
			"label": _("Document"),
			"fieldname": "reference_document",
			"fieldtype": "Dynamic Link",
			"options": "export_from",
			"width": 150,
		},
		{"label": _("Action"), "fieldname": "method", "fieldtype": "Data", "width": 130},
		{"label": _("File Type"), "fieldname": "file_type", "fieldtype": "Data", "width": 90},
		{"label": _("Report"), "fieldname": "report_name", "fieldtype": "Data", "width": 160},
	]
