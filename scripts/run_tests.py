"""Runs every test tier and prints which ran. Called by scripts/test (which provides the tools venv).

Tiers:
  lint         ruff (check + format) and Frappe's semgrep rules from ../shared/semgrep-rules
  unit         tests/unit with plain pytest: rules, doctype JSON, translations; no Frappe needed
  integration  tests/integration inside the Frappe bench at $GWK_BENCH (default ~/frappe-bench) against
               its test site $GWK_SITE (default gwk-test.localhost); skipped, and said so, without a bench

Options: --no-lint, --unit-only, --integration-only, -k EXPR; args after `--` go to pytest.
"""

import argparse
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TOOLS_BIN = Path(sys.executable).parent
BENCH = Path(os.environ.get("GWK_BENCH") or Path.home() / "frappe-bench")
SITE = os.environ.get("GWK_SITE", "gwk-test.localhost")
SEMGREP_RULES = Path(os.environ.get("GWK_SEMGREP_RULES") or REPO.parent / "shared" / "semgrep-rules")


def run(cmd, **kw) -> int:
	print("$", " ".join(str(c) for c in cmd), flush=True)
	return subprocess.call([str(c) for c in cmd], **kw)


def output(cmd, **kw) -> tuple[int, str]:
	proc = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kw)
	return proc.returncode, (proc.stdout + proc.stderr).strip()


def lint() -> tuple[bool, str]:
	ok = True
	notes = []
	ruff = TOOLS_BIN / "ruff"
	if run([ruff, "check", REPO], cwd=REPO) != 0:
		ok = False
	if run([ruff, "format", "--check", "--quiet", REPO], cwd=REPO) != 0:
		ok = False
	notes.append("ruff " + ("ok" if ok else "FAILED"))
	if SEMGREP_RULES.is_dir():
		configs = []
		for rule in sorted(SEMGREP_RULES.glob("*.yml")):
			configs += ["--config", rule]
		code = run(
			[
				TOOLS_BIN / "semgrep",
				"scan",
				*configs,
				"--error",
				"--metrics=off",
				"--quiet",
				"--disable-version-check",
				"gwk_app",
			],
			cwd=REPO,
		)
		notes.append("semgrep " + ("ok" if code == 0 else "FAILED"))
		ok = ok and code == 0
	else:
		notes.append(f"semgrep skipped: no rules at {SEMGREP_RULES}")
	return ok, ", ".join(notes)


def pytest_counts(xml_path: Path) -> dict:
	counts = {"passed": 0, "failed": 0, "skipped": 0}
	if not xml_path.exists():
		return counts
	root = ET.parse(xml_path).getroot()
	suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
	for suite in suites:
		tests = int(suite.get("tests", 0))
		failed = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
		skipped = int(suite.get("skipped", 0))
		counts["failed"] += failed
		counts["skipped"] += skipped
		counts["passed"] += tests - failed - skipped
	return counts


def run_pytest(python, target: str, extra: list[str], env=None) -> tuple[int, dict]:
	paths = [a for a in extra if a.split("::")[0].startswith(target)]
	if paths:  # explicit test paths of this tier replace the tier's folder
		extra = [a for a in extra if not a.startswith("tests/") or a in paths]
	elif any(a.startswith("tests/") for a in extra):
		return 0, {"passed": 0, "failed": 0, "skipped": 0}  # the paths given belong to the other tier
	with tempfile.TemporaryDirectory() as tmp:
		xml = Path(tmp) / "junit.xml"
		code = run(
			[
				python,
				"-m",
				"pytest",
				*([] if paths else [target]),
				"-p",
				"no:cacheprovider",
				"-q",
				f"--junitxml={xml}",
				*extra,
			],
			cwd=REPO,
			env=env,
		)
		counts = pytest_counts(xml)
	if code == 5:  # no tests collected
		counts["failed"] += 1
		print(f"{target}: no tests collected", flush=True)
	elif code != 0 and counts["failed"] == 0:
		counts["failed"] += 1  # collection error or crash
	return code, counts


def describe(counts: dict) -> str:
	text = f"{counts['passed']} passed, {counts['failed']} failed"
	if counts["skipped"]:
		text += f", {counts['skipped']} skipped"
	return text


# ---------------------------------------------------------------- bench preparation


def bench_problem() -> str | None:
	python = BENCH / "env" / "bin" / "python"
	if not python.exists():
		return f"no bench at {BENCH}"
	code, _ = output([python, "-c", "import frappe"])
	if code != 0:
		return f"frappe does not import in {BENCH}/env"
	try:
		socket.create_connection(("127.0.0.1", 3306), timeout=3).close()
	except OSError:
		return "MariaDB is not answering on 127.0.0.1:3306"
	return None


def bench_cmd(*args) -> list:
	return [BENCH / "env" / "bin" / "python", "-m", "frappe.utils.bench_helper", "frappe", *args]


def prepare_bench() -> str:
	"""Point the bench at this checkout and bring the test site up to date. Returns Frappe's version."""
	python = BENCH / "env" / "bin" / "python"
	sites = BENCH / "sites"
	link = BENCH / "apps" / "gwk_app"
	if link.is_symlink() or not link.exists():
		if not link.exists() or link.resolve() != REPO:
			if link.is_symlink():
				link.unlink()
			link.symlink_to(REPO)
	elif link.resolve() != REPO:
		link.rename(link.with_name(f"gwk_app.moved-{os.getpid()}"))
		link.symlink_to(REPO)

	code, where = output(
		[python, "-c", "import gwk_app, os; print(os.path.dirname(gwk_app.__file__))"], cwd=sites
	)
	if code != 0 or Path(where.splitlines()[-1]).resolve() != REPO / "gwk_app":
		install = [
			python,
			"-m",
			"pip",
			"install",
			"--quiet",
			"-e",
			REPO,
			"--config-settings",
			"editable_mode=compat",
		]
		if run(install) != 0:
			raise RuntimeError("could not install gwk_app into the bench")

	# the integration tier's own test tools, in the bench's Python
	code, _ = output([python, "-c", "import pytest, selenium"])
	if (
		code != 0
		and run([python, "-m", "pip", "install", "--quiet", "pytest>=8,<9", "selenium>=4.20,<5"]) != 0
	):
		raise RuntimeError("could not install pytest and selenium into the bench")

	apps_txt = sites / "apps.txt"
	apps = [a.strip() for a in apps_txt.read_text().splitlines() if a.strip()]
	if "gwk_app" not in apps:
		apps_txt.write_text("\n".join([*apps, "gwk_app"]) + "\n")

	assets = sites / "assets"
	assets.mkdir(exist_ok=True)
	public = assets / "gwk_app"
	if public.is_symlink() or not public.exists():
		if public.is_symlink():
			public.unlink()
		public.symlink_to(REPO / "gwk_app" / "public")

	if not (sites / SITE / "site_config.json").exists():
		root_user = os.environ.get("GWK_DB_ROOT_USER", "root")
		root_password = os.environ.get("GWK_DB_ROOT_PASSWORD", "")
		new_site = bench_cmd(
			"new-site", SITE, "--db-root-username", root_user, "--db-root-password", root_password,
			"--admin-password", "admin", "--db-host", "127.0.0.1",
		)  # fmt: skip
		if run(new_site, cwd=sites, stdout=subprocess.DEVNULL) != 0:
			raise RuntimeError(f"could not create site {SITE} (set GWK_DB_ROOT_USER/GWK_DB_ROOT_PASSWORD)")
	run(bench_cmd("--site", SITE, "set-config", "allow_tests", "true"), cwd=sites)

	code, installed = output(
		[
			python,
			"-c",
			f"import frappe; frappe.init(site={SITE!r}); frappe.connect(); print(frappe.get_installed_apps())",
		],
		cwd=sites,
	)
	if code != 0:
		raise RuntimeError(f"cannot connect to site {SITE}: {installed[-500:]}")
	fingerprint = source_fingerprint()
	config_path = sites / SITE / "site_config.json"
	config = json.loads(config_path.read_text())
	if "'gwk_app'" not in installed.splitlines()[-1]:
		if (
			run(bench_cmd("--site", SITE, "install-app", "gwk_app"), cwd=sites, stdout=subprocess.DEVNULL)
			!= 0
		):
			raise RuntimeError("install-app gwk_app failed")
	elif config.get("gwk_app_synced") != fingerprint:
		if run(bench_cmd("--site", SITE, "migrate"), cwd=sites, stdout=subprocess.DEVNULL) != 0:
			raise RuntimeError("bench migrate failed")
	run(
		bench_cmd("--site", SITE, "set-config", "gwk_app_synced", fingerprint),
		cwd=sites,
		stdout=subprocess.DEVNULL,
	)
	_, version = output([python, "-c", "import frappe; print(frappe.__version__)"], cwd=sites)
	return version.splitlines()[-1]


def source_fingerprint() -> str:
	"""Hash of everything a migrate syncs (doctypes, reports, workspaces, patches, hooks)."""
	digest = hashlib.sha256()
	for path in sorted((REPO / "gwk_app").rglob("*")):
		if path.suffix in (".json", ".txt", ".po") or path.name == "hooks.py" or "patches" in path.parts:
			if path.is_file():
				digest.update(str(path.relative_to(REPO)).encode())
				digest.update(path.read_bytes())
	return digest.hexdigest()[:16]


def main() -> int:
	parser = argparse.ArgumentParser()
	parser.add_argument("--no-lint", action="store_true")
	parser.add_argument("--unit-only", action="store_true")
	parser.add_argument("--integration-only", action="store_true")
	parser.add_argument("-k", dest="keyword")
	parser.add_argument("pytest_args", nargs="*")
	args = parser.parse_args()
	extra = list(args.pytest_args) + (["-k", args.keyword] if args.keyword else [])

	summary = []
	total = {"passed": 0, "failed": 0, "skipped": 0}
	failed = False

	if not args.no_lint:
		ok, note = lint()
		summary.append(f"lint: {note}")
		failed |= not ok

	if args.integration_only:
		summary.append("unit: skipped: not requested (--integration-only)")
	else:
		_, unit = run_pytest(sys.executable, "tests/unit", extra)
		summary.append(f"unit: {describe(unit)}")
		for key in total:
			total[key] += unit[key]

	problem = "not requested (--unit-only)" if args.unit_only else bench_problem()
	if problem:
		summary.append(f"integration: skipped: {problem}")
	else:
		try:
			version = prepare_bench()
		except RuntimeError as error:
			summary.append(f"integration: FAILED to prepare the bench: {error}")
			total["failed"] += 1
		else:
			env = dict(os.environ, GWK_BENCH=str(BENCH), GWK_SITE=SITE)
			_, integration = run_pytest(BENCH / "env" / "bin" / "python", "tests/integration", extra, env=env)
			summary.append(f"integration: {describe(integration)} on Frappe {version} (site {SITE})")
			for key in total:
				total[key] += integration[key]

	failed |= total["failed"] > 0
	print()
	for line in summary:
		print(line)
	print(describe(total))
	return 1 if failed else 0


if __name__ == "__main__":
	shutil.rmtree(REPO / ".pytest_cache", ignore_errors=True)
	sys.exit(main())
