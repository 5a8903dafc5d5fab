"""GWK Settings, typed: one getter per setting, the only place the app reads them.

The defaults live in the doctype JSON alone (gwk_app/privacy/doctype/gwk_settings/gwk_settings.json):
install writes them into a new site, and a setting left empty (or 0 where 0 makes no sense) reads as
that default. Shared core: any module may import this one.
"""

import frappe
from frappe.utils import cint

DOCTYPE = "GWK Settings"


def default(fieldname: str):
	"""The default of a setting as the doctype JSON declares it (None when it declares none)."""
	field = frappe.get_meta(DOCTYPE).get_field(fieldname)
	if field is None:
		raise KeyError(fieldname)
	return field.default


def defaults() -> dict[str, str]:
	"""{fieldname: default} of every setting that declares one (for install)."""
	return {f.fieldname: f.default for f in frappe.get_meta(DOCTYPE).fields if f.default not in (None, "")}


def _positive_int(fieldname: str) -> int:
	return cint(frappe.db.get_single_value(DOCTYPE, fieldname)) or cint(default(fieldname))


def carrier_name() -> str:
	"""The carrier's name on printed reports ("" when not set)."""
	return frappe.db.get_single_value(DOCTYPE, "carrier_name") or ""


def small_cell_threshold() -> int:
	"""Counts of people below this are suppressed in figures that leave a project."""
	return _positive_int("small_cell_threshold")


def referral_feedback_days() -> int:
	"""Days after which an open referral without feedback comes back as a follow-up."""
	return _positive_int("referral_feedback_days")


def retention_years_resident() -> int:
	"""Years after their last activity a resident is anonymised."""
	return _positive_int("retention_years_resident")


def retention_years_esf() -> int:
	"""Years from the end of the exit year an ESF participation is kept (audit duty)."""
	return _positive_int("retention_years_esf")


def retention_batch_size() -> int:
	"""Residents anonymised per background job of a retention run."""
	return _positive_int("retention_batch_size")


def esf_exit_reminder_days() -> int:
	"""Days before an incomplete ESF participant's planned exit that the ESF officers are reminded."""
	return _positive_int("esf_exit_reminder_days")


def clearance_valid_years() -> int:
	"""Years a police clearance certificate counts as valid."""
	return _positive_int("clearance_valid_years")


def clearance_reminder_days() -> int:
	"""Days before a clearance expires that its reminder is due."""
	return _positive_int("clearance_reminder_days")
