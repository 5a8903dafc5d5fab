import re
from pathlib import Path

from setuptools import find_packages, setup

init = Path(__file__).parent / "gwk_app" / "__init__.py"
version = re.search(r'__version__ = "([^"]+)"', init.read_text()).group(1)

setup(
	name="gwk_app",
	version=version,
	description="Community coordination (Gemeinwesenkoordination) for Frappe",
	author="gwk_app developers",
	author_email="dev@gwk-app.invalid",
	packages=find_packages(include=["gwk_app", "gwk_app.*"]),
	zip_safe=False,
	include_package_data=True,
	install_requires=["Faker>=19,<40"],
	python_requires=">=3.10",
)
