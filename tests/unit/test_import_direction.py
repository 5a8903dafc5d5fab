"""Imports run one way: reports → casework, community, volunteering → privacy → shared core. The entry
points on top (api, www, overrides, setup, commands, hooks) may import anything; nothing imports them."""

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "gwk_app"
CORE, PRIVACY, DOMAIN, REPORTS, TOP = range(5)
LAYER_NAMES = ("shared core", "privacy", "casework/community/volunteering", "reports", "entry points")
FIRST_LEVEL = {
	"privacy": PRIVACY,
	"casework": DOMAIN,
	"community": DOMAIN,
	"volunteering": DOMAIN,
	"reports": REPORTS,
	"api": TOP,
	"www": TOP,
	"overrides": TOP,
	"setup": TOP,
	"commands": TOP,
	"hooks": TOP,
	"patches": TOP,
	"templates": TOP,
	"config": TOP,
}


def _layer(module: str) -> tuple[int, str]:
	"""(layer, first-level package) of a dotted gwk_app module name."""
	first = module.split(".")[1] if "." in module else ""
	return FIRST_LEVEL.get(first, CORE), first


def _imports(path: Path) -> list[str]:
	out = []
	for node in ast.walk(ast.parse(path.read_text())):
		if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
			out.append(node.module)
		elif isinstance(node, ast.Import):
			out += [alias.name for alias in node.names]
	return [m for m in out if m == "gwk_app" or m.startswith("gwk_app.")]


MODULES = sorted(APP.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(APP)) for p in MODULES])
def test_no_module_imports_one_above_it(path):
	name = "gwk_app." + ".".join(path.relative_to(APP).with_suffix("").parts)
	layer, first = _layer(name)
	for imported in _imports(path):
		their_layer, their_first = _layer(imported)
		if layer == TOP:
			assert their_layer != TOP or their_first == first or imported.startswith("gwk_app.setup"), (
				f"{name} imports the entry point {imported}"
			)
			continue
		assert their_layer <= layer, (
			f"{name} ({LAYER_NAMES[layer]}) imports {imported} ({LAYER_NAMES[their_layer]})"
		)
		if layer == DOMAIN and their_layer == DOMAIN:
			assert their_first == first, f"{name} imports another domain module: {imported}"
