"""Runs every test tier and prints which ran. Called by scripts/test (which provides the tools venv).

Tiers:
  lint         ruff (check + format) and Frappe's semgrep rules from ../shared/semgrep-rules
  unit         tests/unit with plain pytest: rules, doctype JSON, translations; no Frappe needed
  integration  tests/integration inside the Frappe bench at $GWK_BENCH (default ~/frappe-bench) against
               its test site $GWK_SITE (default gwk-test.localhost); skipped, and said so, without a bench

Options: --no-lint, --unit-only, --integration-only, --build-bench, -k EXPR; args after `--` go to pytest.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TOOLS_BIN = Path(sys.executable).parent
sys.path.insert(0, str(REPO / "scripts"))
import firstrun  # noqa: E402  (standard library only; shared with scripts/demo)

BENCH = firstrun.BENCH
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

BROWSER_PACKAGES = {"/usr/bin/chromium": "chromium", "/usr/bin/chromedriver": "chromium-driver"}
PDF_PACKAGES = {"/usr/bin/wkhtmltopdf": "wkhtmltopdf"}


def bench_problem(build: bool) -> str | None:
	"""None when a bench is there (built now when asked to and a Frappe source is known)."""
	try:
		if not firstrun.ensure_bench(build=build):
			return f"no bench at {BENCH} (set GWK_FRAPPE_SOURCE, or pass --build-bench, to build one)"
	except firstrun.StepError as error:
		return f"FAILED to build the bench: {error}"
	return None


def ensure_system_packages():
	"""Debian's Chromium, ChromeDriver and wkhtmltopdf for the browser and PDF tests (installed as root)."""
	wanted = {**BROWSER_PACKAGES, **PDF_PACKAGES}
	missing = sorted({pkg for path, pkg in wanted.items() if not Path(path).exists()})
	with firstrun.step("system packages") as s:
		if not missing:
			s.result = "chromium, chromium-driver, wkhtmltopdf present"
			return
		if not firstrun.is_root() or not shutil.which("apt-get"):
			s.result = f"missing {', '.join(missing)} (install them with apt-get; their tests will say so)"
			return
		env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
		firstrun.run(["apt-get", "update", "-qq"], log="apt", env=env, check=False)
		firstrun.run(["apt-get", "install", "-y", "-qq", *missing], log="apt", env=env)
		s.result = f"installed {', '.join(missing)}"


def prepare_bench() -> str:
	"""Point the bench at this checkout and bring the test site up to date. Returns Frappe's version."""
	python = BENCH / "env" / "bin" / "python"
	with firstrun.step("app") as s:
		s.result = firstrun.ensure_app()
		# the integration tier's own test tools, in the bench's Python
		code, _ = output([python, "-c", "import pytest, selenium"])
		if code != 0:
			firstrun.run(
				[python, "-m", "pip", "install", "--quiet", "pytest>=8,<9", "selenium>=4.20,<5"], log="pip"
			)
		firstrun.compile_translations()
	ensure_system_packages()
	admin = firstrun.ensure_database_server()
	with firstrun.step("site") as s:
		s.result = SITE + ": " + firstrun.ensure_site(SITE, admin, owned=True)
		firstrun.frappe_cmd("--site", SITE, "set-config", "--parse", "allow_tests", "True")
		firstrun.apply_site_settings(SITE, demo=False)
	return firstrun.frappe_version()


def main() -> int:
	parser = argparse.ArgumentParser()
	parser.add_argument("--no-lint", action="store_true")
	parser.add_argument("--unit-only", action="store_true")
	parser.add_argument("--integration-only", action="store_true")
	parser.add_argument("-k", dest="keyword")
	parser.add_argument(
		"--build-bench", action="store_true", help="build a bench when there is none (GWK_FRAPPE_SOURCE)"
	)
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

	build = args.build_bench or bool(os.environ.get("GWK_FRAPPE_SOURCE"))
	problem = "not requested (--unit-only)" if args.unit_only else bench_problem(build)
	if problem:
		summary.append(f"integration: skipped: {problem}")
	else:
		try:
			version = prepare_bench()
		except (RuntimeError, firstrun.StepError) as error:
			summary.append(f"integration: FAILED to prepare the bench: {error}")
			total["failed"] += 1
		else:
			env = dict(os.environ, GWK_BENCH=str(BENCH), GWK_SITE=SITE)
			_, integration = run_pytest(BENCH / "env" / "bin" / "python", "tests/integration", extra, env=env)
			summary.append(f"integration: {describe(integration)} on Frappe {version} (site {SITE})")
			for key in total:
				total[key] += integration[key]
			# the lifecycle test uninstalls and reinstalls the app: its own step, after the suite, unless
			# the call picked tests (paths, -k or -m)
			if not any(a.startswith("tests/") or a.startswith("-m") for a in extra) and not args.keyword:
				python = BENCH / "env" / "bin" / "python"
				_, lifecycle = run_pytest(python, "tests/integration", [*extra, "-m", "lifecycle"], env=env)
				summary.append(f"lifecycle: {describe(lifecycle)}")
				for key in total:
					total[key] += lifecycle[key]

	failed |= total["failed"] > 0
	print()
	for line in summary:
		print(line)
	print(describe(total))
	return 1 if failed else 0


if __name__ == "__main__":
	shutil.rmtree(REPO / ".pytest_cache", ignore_errors=True)
	sys.exit(main())
