"""Install steps: roles, topics, settings, hooks."""

import frappe

from gwk_app.constants import ROLES
from gwk_app.setup import install


def test_roles_exist():
	for role in ROLES:
		assert frappe.db.exists("Role", role)
	assert frappe.db.get_value("Role", "GWK Volunteer", "desk_access") == 0
	assert frappe.db.get_value("Role", "GWK Staff", "desk_access") == 1


def test_topics_and_special_categories():
	names = set(frappe.get_all("Topic", pluck="name"))
	assert {t for t, _ in install.TOPICS} <= names
	assert frappe.db.get_value("Topic", "Sucht", "special_category") == 1
	assert frappe.db.get_value("Topic", "Wohngeld", "special_category") == 0


def test_settings_defaults():
	assert frappe.db.get_single_value("GWK Settings", "small_cell_threshold") >= 1
	assert frappe.db.get_single_value("GWK Settings", "referral_feedback_days") >= 1


def test_install_steps_are_idempotent():
	counts = (frappe.db.count("Role"), frappe.db.count("Topic"))
	install.after_install()
	install.after_migrate()
	assert (frappe.db.count("Role"), frappe.db.count("Topic")) == counts


def test_permission_hooks_cover_every_project_bound_doctype():
	from gwk_app.access import PROJECT_BOUND, PROJECT_BOUND_CHILDREN

	pqc = frappe.get_hooks("permission_query_conditions")
	hp = frappe.get_hooks("has_permission")
	for doctype in [*PROJECT_BOUND, *PROJECT_BOUND_CHILDREN, "Community Project"]:
		assert pqc.get(doctype) == ["gwk_app.permissions.query_conditions"], doctype
		assert hp.get(doctype) == ["gwk_app.permissions.has_permission"], doctype


def test_settings_fall_back_to_the_doctype_json_defaults():
	from gwk_app import settings

	assert settings.defaults()["referral_feedback_days"] == "14"
	frappe.db.set_single_value("GWK Settings", "referral_feedback_days", 0)
	frappe.db.value_cache.pop("GWK Settings", None)
	try:
		assert settings.referral_feedback_days() == 14
	finally:
		frappe.db.rollback()
		frappe.db.value_cache.pop("GWK Settings", None)
	assert settings.clearance_valid_years() == int(settings.default("clearance_valid_years"))
