"""Every replacement of core behaviour (gwk_app/overrides) still fits the core function it replaces.

Frappe calls an override of a whitelisted method with the arguments its clients send to the core
method; a core upgrade that renames, adds or reorders a parameter would break the desk silently. Each
override must take the core function's parameters by the same names, in the same order, with the same
defaults (an override may give a default where core has none).
"""

import inspect

import frappe
import pytest

from gwk_app import hooks

OVERRIDES = sorted(hooks.override_whitelisted_methods.items())


def _parameters(fn) -> list[inspect.Parameter]:
	return list(inspect.signature(inspect.unwrap(fn)).parameters.values())


@pytest.mark.parametrize("core_path, ours_path", OVERRIDES, ids=[c for c, _ in OVERRIDES])
def test_override_matches_core_signature(core_path, ours_path):
	core, ours = _parameters(frappe.get_attr(core_path)), _parameters(frappe.get_attr(ours_path))
	assert [p.name for p in ours] == [p.name for p in core], f"{ours_path} no longer fits {core_path}"
	for c, o in zip(core, ours, strict=True):
		assert o.kind == c.kind, f"{ours_path}: {o.name} is {o.kind}, core has {c.kind}"
		if c.default is not inspect.Parameter.empty:
			assert o.default == c.default, f"{ours_path}: default of {o.name} differs from core"


@pytest.mark.parametrize("core_path, ours_path", OVERRIDES, ids=[c for c, _ in OVERRIDES])
def test_override_lives_in_overrides_and_is_whitelisted(core_path, ours_path):
	assert ours_path.startswith("gwk_app.overrides."), ours_path
	assert inspect.unwrap(frappe.get_attr(ours_path)) in {inspect.unwrap(f) for f in frappe.whitelisted}


def test_request_guard_fits_core():
	"""The before_request guard is called without arguments, and reads the REST routes as core serves
	them: /api/resource/<doctype> for inserts (POST) and /api/resource/<doctype>/<name> for updates (PUT)."""
	from frappe.api import API_URL_MAP

	assert hooks.before_request == ["gwk_app.overrides.request.validate_rest_body"]
	guard = frappe.get_attr(hooks.before_request[0])
	assert not [p for p in _parameters(guard) if p.default is inspect.Parameter.empty]
	served = {
		(rule.rule.rstrip("/"), method)
		for rule in API_URL_MAP.iter_rules()
		for method in (rule.methods or ())
	}
	assert ("/api/resource/<doctype>", "POST") in served
	assert ("/api/resource/<doctype>/<path:name>", "PUT") in served


def _series_current(key):
	series = frappe.qb.DocType("Series")
	return frappe.qb.from_(series).select(series.current).where(series.name == key).run()[0][0]


def test_series_counter_counts_as_core_does():
	"""gwk_app.overrides.naming.next_number keeps core's getseries contract on core's tabSeries row: a new
	key starts at 1, each call takes the next number, core's counter and ours continue each other."""
	from frappe.model.naming import getseries

	from gwk_app.overrides.naming import next_number

	key = "GWK-OVERRIDE-TEST-"
	frappe.db.delete("Series", {"name": key})
	try:
		assert next_number(key, 5) == "00001"
		assert next_number(key, 5) == "00002"
		assert getseries(key, 5) == "00003"
		assert next_number(key, 3) == "004"
		assert _series_current(key) == 4
	finally:
		frappe.db.rollback()


def test_consultations_are_named_by_the_doctype_series_through_the_counter(monkeypatch):
	import gwk_app.overrides.naming as naming

	assert hooks.doc_events["Consultation"]["autoname"] == "gwk_app.overrides.naming.autoname"
	calls = []
	original = naming.next_number

	def counting(key, digits):
		calls.append((key, digits))
		return original(key, digits)

	monkeypatch.setattr(naming, "next_number", counting)
	doc = frappe.new_doc("Consultation")
	naming.autoname(doc)
	year = frappe.utils.getdate().year
	assert frappe.get_meta("Consultation").autoname == "CON-.YYYY.-.######"
	assert calls == [(f"CON-{year}-", 6)]
	current = _series_current(f"CON-{year}-")
	assert doc.name == f"CON-{year}-{current:06d}"
	frappe.db.rollback()
