"""Every top-level doctype of the app checks its values on every path: its controller subclasses
gwk_app.validation.CheckedDocument or gwk_app.controllers.ProjectBoundDocument (which calls the same
checks), so a new doctype cannot skip them."""

import re
from pathlib import Path

import pytest

from tests.unit.doctypes import doctypes

BASES = ("CheckedDocument", "ProjectBoundDocument")
TOP_LEVEL = sorted(name for name, d in doctypes().items() if not d.get("istable"))


@pytest.mark.parametrize("name", TOP_LEVEL)
def test_controller_checks_values(name):
	path = Path(doctypes()[name]["_path"]).with_suffix(".py")
	source = path.read_text()
	bases = re.findall(r"^class \w+\((\w+)\):", source, flags=re.M)
	assert bases and bases[0] in BASES, (name, bases)
