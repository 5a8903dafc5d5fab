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
