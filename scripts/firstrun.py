"""First run: from a machine with MariaDB and Redis to a Frappe bench, a site with gwk_app and a desk.

Standard library only: it runs with the machine's python3 before any bench exists. Used by
scripts/demo (`python3 scripts/firstrun.py demo`) and by scripts/run_tests.py (bench and test site).
Every step prints one line with its time; nothing ever asks on standard input.

Environment (see README "First run"):
  GWK_BENCH                 the bench folder (default ~/frappe-bench); built when it holds no bench
  GWK_FRAPPE_SOURCE         Frappe to build the bench from: a local clone or a git URL
                            (default for the demo: https://github.com/frappe/frappe)
  GWK_FRAPPE_BRANCH         default version-15
  GWK_AIR_DATEPICKER_SOURCE optional clone or URL of frappe/air-datepicker, for machines that cannot
                            reach GitHub from yarn (Frappe's package.json fetches it from there)
  GWK_REDIS                 default redis://127.0.0.1:6379 (cache in database 1, queue in 2)
  GWK_DB_ROOT_USER / GWK_DB_ROOT_PASSWORD   a MariaDB admin; without them the local root is used
                            over the socket to create an admin of the app's own (gwk_admin)
  GWK_CACHE                 tools and logs (default ~/.cache/gwk_app)
  GWK_PORT                  the demo's web port (default 8000); GWK_NO_SERVE=1: everything but serve
"""

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parent.parent
HOME = Path.home()
BENCH = Path(os.environ.get("GWK_BENCH") or HOME / "frappe-bench").expanduser().absolute()
CACHE = Path(os.environ.get("GWK_CACHE") or HOME / ".cache" / "gwk_app").expanduser().absolute()
LOGS = CACHE / "logs"
# the MariaDB admin this script creates belongs to the machine's MariaDB, not to one cache or bench
DB_ADMIN_FILE = Path(os.environ.get("XDG_CONFIG_HOME") or HOME / ".config") / "gwk_app" / "mariadb-admin.json"
DEFAULT_FRAPPE_SOURCE = "https://github.com/frappe/frappe"
FRAPPE_BRANCH = os.environ.get("GWK_FRAPPE_BRANCH", "version-15")
REDIS = os.environ.get("GWK_REDIS", "redis://127.0.0.1:6379").rstrip("/")
DB_HOST = "127.0.0.1"
DB_PORT = 3306
YARN_VERSION = "1.22.22"
ADMIN_PASSWORD = "admin"
DEMO_MARK = "gwk_demo_site"  # site_config key: this site was created by scripts/demo
BUILDING_MARK = ".gwk_app-building"  # left in a bench folder while scripts build it
MARK_FILE = ".gwk_app-created"  # in a site folder: created by scripts/demo (written before new-site)


class StepError(RuntimeError):
	"""A step failed; the message says what to do."""


# ---------------------------------------------------------------- output


def step(name: str):
	"""Context manager printing `name: <result> (N.N s)` when the step ends."""
	return _Step(name)


class _Step:
	def __init__(self, name):
		self.name = name
		self.result = "done"

	def __enter__(self):
		self.started = time.perf_counter()
		return self

	def __exit__(self, kind, error, tb):
		elapsed = time.perf_counter() - self.started
		if error is None:
			print(f"{self.name}: {self.result} ({elapsed:.1f} s)", flush=True)
		else:
			print(f"{self.name}: FAILED after {elapsed:.1f} s", flush=True)
		return False


def run(cmd, *, log: str | None = None, cwd=None, env=None, check=True, input_text=None) -> str:
	"""Run a command without standard input; its output goes to a log file (tail shown on failure)."""
	cmd = [str(c) for c in cmd]
	LOGS.mkdir(parents=True, exist_ok=True)
	log_path = LOGS / f"{log or Path(cmd[0]).name}.log"
	with open(log_path, "a") as out:
		out.write(f"\n$ {' '.join(cmd)}\n")
		out.flush()
		proc = subprocess.run(
			cmd,
			cwd=cwd,
			env=env,
			stdin=subprocess.DEVNULL if input_text is None else None,
			input=input_text,
			stdout=subprocess.PIPE,
			stderr=subprocess.STDOUT,
			text=True,
		)
		out.write(proc.stdout)
	if check and proc.returncode != 0:
		lines = [ln for ln in proc.stdout.strip().splitlines() if "[=" not in ln and "%" not in ln[-6:]]
		tail = "\n".join(lines[-25:])
		raise StepError(f"`{' '.join(cmd[:4])} …` exited {proc.returncode} (log: {log_path})\n{tail}")
	return proc.stdout


def is_root() -> bool:
	return hasattr(os, "geteuid") and os.geteuid() == 0


# ---------------------------------------------------------------- tools: yarn 1.22, bench CLI


def node_tools_env() -> dict:
	"""The environment for bench and Frappe's build: yarn 1.22 first on PATH."""
	env = dict(os.environ)
	# yarn 1.22 and the bench CLI's own uv (bench installs Python packages with it) first on PATH
	paths = [CACHE / "node" / "bin", CACHE / "bench-cli" / "bin"]
	env["PATH"] = os.pathsep.join([*map(str, paths), env.get("PATH", "")])
	env.pop("PYTHONPATH", None)
	return env


def ensure_yarn(env: dict) -> str:
	found = shutil.which("yarn", path=env["PATH"])
	if found:
		version = run([found, "--version"], check=False, env=env).strip()
		if version.startswith("1.22."):
			return f"yarn {version}"
	if not shutil.which("npm"):
		raise StepError("Node.js with npm is needed for Frappe's assets (Debian: apt-get install nodejs npm)")
	run(
		["npm", "install", "--global", "--prefix", CACHE / "node", f"yarn@{YARN_VERSION}"], log="npm", env=env
	)
	version = run([CACHE / "node" / "bin" / "yarn", "--version"], env=env).strip()
	return f"yarn {version} installed into {CACHE / 'node'}"


def ensure_bench_cli() -> Path:
	venv = CACHE / "bench-cli"
	bench = venv / "bin" / "bench"
	if not bench.exists():
		run([sys.executable, "-m", "venv", venv], log="bench-cli")
		# setuptools < 81: frappe-bench and Frappe still import pkg_resources
		run(
			[venv / "bin" / "python", "-m", "pip", "install", "frappe-bench", "setuptools<81"],
			log="bench-cli",
		)
	return bench


# ---------------------------------------------------------------- the bench


def bench_python() -> Path:
	return BENCH / "env" / "bin" / "python"


def bench_state() -> str:
	"""'ok', 'missing' (no folder), 'partial' (a build of ours was cut off) or 'foreign' (not a bench)."""
	if not BENCH.exists():
		return "missing"
	if (BENCH / BUILDING_MARK).exists():
		return "partial"
	python = bench_python()
	if python.exists() and (BENCH / "apps" / "frappe").is_dir() and (BENCH / "sites").is_dir():
		code = subprocess.call(
			[python, "-c", "import frappe"],
			stdin=subprocess.DEVNULL,
			stdout=subprocess.DEVNULL,
			stderr=subprocess.DEVNULL,
		)
		if code == 0:
			return "ok"
	if not any(BENCH.iterdir()):
		return "missing"
	return "foreign"


def frappe_source() -> str:
	return os.environ.get("GWK_FRAPPE_SOURCE") or DEFAULT_FRAPPE_SOURCE


def stage_frappe_source(source: str, datepicker: str, env: dict) -> str:
	"""A clone of Frappe whose package.json takes air-datepicker from `datepicker` (a local clone)."""
	# per bench: two benches built at once must not share (or delete) each other's sources
	slug = re.sub(r"[^A-Za-z0-9]+", "-", str(BENCH)).strip("-")
	staging = CACHE / "src" / slug / "frappe"
	picker = CACHE / "src" / slug / "air-datepicker"
	picker.parent.mkdir(parents=True, exist_ok=True)
	if picker.exists():
		shutil.rmtree(picker)
	run(["git", "clone", "--quiet", "--depth", "1", datepicker, picker], log="git")
	if staging.exists():
		shutil.rmtree(staging)
	run(["git", "clone", "--quiet", "--depth", "1", "--branch", FRAPPE_BRANCH, source, staging], log="git")
	package = staging / "package.json"
	text = package.read_text()
	text, count = re.subn(r'("air-datepicker"\s*:\s*)"[^"]*"', rf'\1"file:{picker}"', text)
	if not count:
		raise StepError("Frappe's package.json has no air-datepicker dependency to point at the local clone")
	package.write_text(text)
	git = ["git", "-C", staging, "-c", "user.name=gwk_app", "-c", "user.email=gwk_app@localhost"]
	run([*git, "commit", "--quiet", "-am", "air-datepicker from a local clone"], log="git")
	return str(staging)


def build_bench(env: dict) -> str:
	"""`bench init` of Frappe into BENCH, with the traps of a plain Debian machine handled."""
	bench_cli = ensure_bench_cli()
	source = frappe_source()
	datepicker = os.environ.get("GWK_AIR_DATEPICKER_SOURCE")
	if datepicker:
		source = stage_frappe_source(source, datepicker, env)
	if BENCH.exists():
		BENCH.rmdir() if not any(BENCH.iterdir()) else None
	# bench refuses to run as root unless the folder it runs from says frappe_user is root
	cwd = Path(tempfile.mkdtemp(prefix="gwk-bench-init-"))
	(cwd / "sites").mkdir()
	(cwd / "sites" / "common_site_config.json").write_text(
		json.dumps({"frappe_user": os.environ.get("USER") or "root"})
	)
	BENCH.parent.mkdir(parents=True, exist_ok=True)
	BENCH.mkdir()
	(BENCH / BUILDING_MARK).write_text("scripts/firstrun.py is building this bench\n")
	init = [
		bench_cli, "init", BENCH, "--ignore-exist", "--frappe-path", source, "--frappe-branch", FRAPPE_BRANCH,
		"--python", getattr(sys, "_base_executable", sys.executable), "--no-backups", "--skip-redis-config-generation", "--skip-assets",
	]  # fmt: skip
	run(init, log="bench-init", cwd=cwd, env=env)
	shutil.rmtree(cwd, ignore_errors=True)
	python = bench_python()
	if not python.exists() or not (BENCH / "apps" / "frappe").is_dir():
		raise StepError(
			f"bench init finished but left no working bench at {BENCH} (log: {LOGS / 'bench-init.log'})"
		)
	run([python, "-m", "pip", "install", "--quiet", "setuptools<81"], log="bench-init", env=env)
	configure_bench()
	run(
		[python, "-m", "frappe.utils.bench_helper", "frappe", "build"],
		log="bench-build",
		cwd=BENCH / "sites",
		env=env,
	)
	(BENCH / BUILDING_MARK).unlink()
	return f"built from {frappe_source()} ({FRAPPE_BRANCH})"


def configure_bench():
	"""Redis from GWK_REDIS and, as root, frappe_user root (so `bench` itself can be used later)."""
	path = BENCH / "sites" / "common_site_config.json"
	config = json.loads(path.read_text()) if path.exists() else {}
	has_db = bool(urlparse(REDIS).path.strip("/"))
	config.update(
		{
			"redis_cache": REDIS if has_db else f"{REDIS}/1",
			"redis_queue": REDIS if has_db else f"{REDIS}/2",
			"redis_socketio": REDIS if has_db else f"{REDIS}/2",
		}
	)
	if is_root():
		config["frappe_user"] = "root"
	path.write_text(json.dumps(config, indent=1, sort_keys=True) + "\n")


def ensure_bench(build: bool) -> bool:
	"""True when a bench is there (built now if `build`); False when there is none and none is built."""
	env = node_tools_env()
	state = bench_state()
	if state == "ok":
		with step("bench") as s:
			configure_bench()
			s.result = f"{BENCH} (Frappe {frappe_version()})"
		return True
	if state == "foreign":
		raise StepError(
			f"{BENCH} exists but is not a Frappe bench: point GWK_BENCH at a bench or an empty folder"
		)
	if not build:
		return False
	with step("tools") as s:
		s.result = ensure_yarn(env) + ", " + str(ensure_bench_cli().parent.parent)
	with step("bench") as s:
		if state == "partial":
			print(f"bench: {BENCH} is left over from a build that was cut off; building it again", flush=True)
			shutil.rmtree(BENCH)
		s.result = build_bench(env) + f" into {BENCH}"
	return True


def frappe_version() -> str:
	out = run(
		[bench_python(), "-c", "import frappe; print(frappe.__version__)"], log="bench", cwd=BENCH / "sites"
	)
	return out.strip().splitlines()[-1]


def frappe_cmd(*args, log="frappe", check=True) -> str:
	return run(
		[bench_python(), "-m", "frappe.utils.bench_helper", "frappe", *args],
		log=log,
		cwd=BENCH / "sites",
		env=node_tools_env(),
		check=check,
	)


# ---------------------------------------------------------------- MariaDB


def db_admin() -> tuple[str, str]:
	"""A MariaDB account that may create databases, without ever prompting.

	GWK_DB_ROOT_USER/GWK_DB_ROOT_PASSWORD when given. Otherwise the local root over the socket (Debian's
	root has no password and logs in over the socket only) creates `gwk_admin` with a generated
	password, kept in ~/.config/gwk_app/mariadb-admin.json (mode 600).
	"""
	user = os.environ.get("GWK_DB_ROOT_USER")
	if user:
		password = os.environ.get("GWK_DB_ROOT_PASSWORD", "")
		if not password:
			# Frappe asks on the terminal for an empty root password: never let it
			raise StepError(
				"GWK_DB_ROOT_USER needs GWK_DB_ROOT_PASSWORD (Frappe would prompt for an empty one); unset both "
				"to let the local root create an admin over the socket"
			)
		return user, password
	stored = DB_ADMIN_FILE
	if stored.exists():
		data = json.loads(stored.read_text())
		if _tcp_login_works(data["user"], data["password"]):
			return data["user"], data["password"]
	if not shutil.which("mariadb") and not shutil.which("mysql"):
		raise StepError(
			"no MariaDB client to reach root over the socket: set GWK_DB_ROOT_USER and GWK_DB_ROOT_PASSWORD"
		)
	password = secrets.token_urlsafe(18)
	statements = []
	for host in ("localhost", "127.0.0.1"):
		statements += [
			f"CREATE USER IF NOT EXISTS 'gwk_admin'@'{host}' IDENTIFIED BY '{password}'",
			f"ALTER USER 'gwk_admin'@'{host}' IDENTIFIED BY '{password}'",
			f"GRANT ALL PRIVILEGES ON *.* TO 'gwk_admin'@'{host}' WITH GRANT OPTION",
		]
	client = shutil.which("mariadb") or shutil.which("mysql")
	try:
		run([client, "-u", "root", "-e", ";".join(statements) + "; FLUSH PRIVILEGES"], log="mariadb")
	except StepError as error:
		raise StepError(
			"MariaDB's root cannot log in over the socket here: set GWK_DB_ROOT_USER and GWK_DB_ROOT_PASSWORD "
			f"to an account that may create databases\n{error}"
		) from None
	stored.parent.mkdir(parents=True, exist_ok=True)
	stored.write_text(json.dumps({"user": "gwk_admin", "password": password}))
	stored.chmod(0o600)
	return "gwk_admin", password


def _sql(user: str, password: str, statement: str, check=True) -> str:
	client = shutil.which("mariadb") or shutil.which("mysql")
	if not client:
		return ""
	env = dict(os.environ, MYSQL_PWD=password)
	cmd = [client, "-h", DB_HOST, "-P", DB_PORT, "-u", user, "-N", "-B", "-e", statement]
	return run(cmd, log="mariadb", env=env, check=check)


def _tcp_login_works(user: str, password: str) -> bool:
	try:
		_sql(user, password, "SELECT 1")
		return True
	except StepError:
		return False


def _answers(host: str, port: int) -> bool:
	try:
		socket.create_connection((host, port), timeout=3).close()
		return True
	except OSError:
		return False


def _start_local_service(name: str, host: str, port: int, command: list, prepare=None) -> str:
	"""Start a local server that is not answering (as root, where its Debian binary is there); the
	machine normally runs it, but a server stopped by somebody else must not fail a run."""
	if _answers(host, port):
		return "running"
	if host not in ("127.0.0.1", "localhost", "::1") or not is_root() or not Path(command[0]).exists():
		raise StepError(f"{name} is not answering on {host}:{port}: start it first")
	if prepare:
		prepare()
	run(command, log=name.lower(), check=False)
	for _ in range(60):
		if _answers(host, port):
			return "started"
		time.sleep(1)
	raise StepError(f"{name} did not come up on {host}:{port} (log: {LOGS / (name.lower() + '.log')})")


def ensure_services() -> str:
	"""MariaDB and Redis answer (started here when they are local and down)."""

	def mariadb_dirs():
		Path("/run/mysqld").mkdir(parents=True, exist_ok=True)
		shutil.chown("/run/mysqld", "mysql", "mysql")

	mariadb = _start_local_service(
		"MariaDB",
		DB_HOST,
		DB_PORT,
		["/sbin/start-stop-daemon", "--start", "--oknodo", "--background", "--exec", "/usr/sbin/mariadbd"],
		prepare=mariadb_dirs,
	)
	redis = urlparse(REDIS)
	redis_state = _start_local_service(
		"Redis",
		redis.hostname or "127.0.0.1",
		redis.port or 6379,
		[
			"/usr/bin/redis-server",
			"--daemonize",
			"yes",
			"--bind",
			"127.0.0.1",
			"-::1",
			"--port",
			str(redis.port or 6379),
			"--save",
			"",
			"--appendonly",
			"no",
		],  # fmt: skip
	)
	return f"MariaDB {mariadb}, Redis {redis_state}"


def ensure_database_server() -> tuple[str, str]:
	"""Admin credentials, and utf8mb4_unicode_ci as the server's collation (at run time, no restart)."""
	with step("services") as s:
		s.result = ensure_services()
	with step("mariadb") as s:
		user, password = db_admin()
		current = _sql(
			user, password, "SELECT @@GLOBAL.character_set_server, @@GLOBAL.collation_server"
		).split()
		if current != ["utf8mb4", "utf8mb4_unicode_ci"]:
			_sql(
				user,
				password,
				"SET GLOBAL character_set_server = 'utf8mb4'; SET GLOBAL collation_server = 'utf8mb4_unicode_ci'",
			)
			s.result = f"admin {user}; collation set to utf8mb4_unicode_ci for this server run"
		else:
			s.result = f"admin {user}; utf8mb4_unicode_ci"
	return user, password


# ---------------------------------------------------------------- the app in the bench


def ensure_app() -> str:
	"""This checkout as apps/gwk_app, installed as a plain path (compat mode: not an empty namespace)."""
	python = bench_python()
	link = BENCH / "apps" / "gwk_app"
	if link.is_symlink() and link.resolve() != REPO:
		link.unlink()
	elif link.exists() and not link.is_symlink() and link.resolve() != REPO:
		link.rename(link.with_name(f"gwk_app.moved-{int(time.time())}"))
	if not link.exists():
		link.symlink_to(REPO)
	where = (
		run(
			[python, "-c", "import gwk_app, os; print(os.path.dirname(gwk_app.__file__ or ''))"],
			log="bench",
			cwd=BENCH / "sites",
			check=False,
		)
		.strip()
		.splitlines()
	)
	if not where or not where[-1] or Path(where[-1]).resolve() != REPO / "gwk_app":
		run(
			[
				python,
				"-m",
				"pip",
				"install",
				"--quiet",
				"-e",
				REPO,
				"--config-settings",
				"editable_mode=compat",
			],
			log="pip",
		)
	apps_txt = BENCH / "sites" / "apps.txt"
	apps = (
		[a.strip() for a in apps_txt.read_text().splitlines() if a.strip()]
		if apps_txt.exists()
		else ["frappe"]
	)
	if "gwk_app" not in apps:
		apps_txt.write_text("\n".join([*apps, "gwk_app"]) + "\n")
	assets = BENCH / "sites" / "assets"
	assets.mkdir(exist_ok=True)
	public = assets / "gwk_app"
	if public.is_symlink() and public.resolve() != REPO / "gwk_app" / "public":
		public.unlink()
	if not public.exists():
		if public.is_dir():
			shutil.rmtree(public)
		public.symlink_to(REPO / "gwk_app" / "public")
	return str(link)


# ---------------------------------------------------------------- sites


PROBE = """
import json, sys, frappe
frappe.init(site=sys.argv[1], sites_path=".")
try:
	frappe.connect()
	apps = frappe.get_installed_apps()
	print(json.dumps({"state": "ok" if "frappe" in apps else "broken", "apps": apps,
		"reason": "" if "frappe" in apps else "Frappe was not installed to the end"}))
except Exception as error:
	print(json.dumps({"state": "broken", "apps": [], "reason": str(error)[:300]}))
"""


def site_config(site: str) -> dict:
	path = BENCH / "sites" / site / "site_config.json"
	return json.loads(path.read_text()) if path.exists() else {}


def probe_site(site: str) -> dict:
	if not (BENCH / "sites" / site / "site_config.json").exists():
		return {"state": "missing", "apps": [], "reason": ""}
	out = run([bench_python(), "-c", PROBE, site], log="bench", cwd=BENCH / "sites", check=False)
	for line in reversed(out.strip().splitlines()):
		if line.startswith("{"):
			return json.loads(line)
	return {"state": "broken", "apps": [], "reason": out.strip()[-300:]}


def archive_site(site: str, admin: tuple[str, str]):
	"""Move a broken site folder aside and drop what it left in MariaDB."""
	config = site_config(site)
	db_name = config.get("db_name")
	if db_name and re.fullmatch(r"[A-Za-z0-9_]+", db_name):
		for statement in (
			f"DROP DATABASE IF EXISTS `{db_name}`",
			f"DROP USER IF EXISTS '{db_name}'@'localhost'",
			f"DROP USER IF EXISTS '{db_name}'@'127.0.0.1'",
			f"DROP USER IF EXISTS '{db_name}'@'%'",
		):
			_sql(*admin, statement, check=False)
	archive = BENCH / "archived_sites"
	archive.mkdir(exist_ok=True)
	target = archive / f"{site}-broken-{time.strftime('%Y%m%d-%H%M%S')}"
	shutil.move(str(BENCH / "sites" / site), target)
	return target


def ensure_site(site: str, admin: tuple[str, str], *, owned: bool, mark: str | None = None) -> str:
	"""A site with a working database and gwk_app installed. Returns what was done.

	`owned`: the site is ours to recreate when its database is missing or refuses its credentials
	(an aborted earlier run); otherwise such a site is an error for the user to look at.
	"""
	state = probe_site(site)
	done = []
	if state["state"] == "broken":
		if not owned:
			raise StepError(
				f"site {site} cannot reach its database ({state['reason']}); it was not created by us"
			)
		print(f"site: {site} has no working database ({state['reason'][:120]}); recreating it", flush=True)
		archive_site(site, admin)
		state = {"state": "missing", "apps": []}
	if state["state"] == "missing":
		if mark:
			# said before Frappe writes anything, so that a run cut off halfway still knows the site is ours
			(BENCH / "sites" / site).mkdir(parents=True, exist_ok=True)
			(BENCH / "sites" / site / MARK_FILE).write_text(f"{mark}\n")
		frappe_cmd(
			"new-site", site, "--db-host", DB_HOST, "--db-port", DB_PORT, "--db-root-username", admin[0],
			"--db-root-password", admin[1], "--admin-password", ADMIN_PASSWORD, "--force",
			log="new-site",
		)  # fmt: skip
		if mark:
			frappe_cmd("--site", site, "set-config", "--parse", mark, "1", log="new-site")
		done.append("created")
		state = probe_site(site)
		if state["state"] != "ok":
			raise StepError(f"site {site} was created but cannot be reached: {state['reason']}")
	if "gwk_app" not in state["apps"]:
		frappe_cmd("--site", site, "install-app", "gwk_app", log="install-app")
		done.append("gwk_app installed")
	else:
		fingerprint = source_fingerprint()
		if site_config(site).get("gwk_app_synced") != fingerprint:
			frappe_cmd("--site", site, "migrate", log="migrate")
			done.append("migrated")
	frappe_cmd("--site", site, "set-config", "gwk_app_synced", source_fingerprint(), log="bench")
	return ", ".join(done) or "up to date"


def source_fingerprint() -> str:
	"""Hash of everything a migrate syncs (doctypes, reports, workspaces, patches, hooks)."""
	import hashlib

	digest = hashlib.sha256()
	for path in sorted((REPO / "gwk_app").rglob("*")):
		if path.suffix in (".json", ".txt", ".po") or path.name == "hooks.py" or "patches" in path.parts:
			if path.is_file():
				digest.update(str(path.relative_to(REPO)).encode())
				digest.update(path.read_bytes())
	return digest.hexdigest()[:16]


def apply_site_settings(site: str, *, demo: bool):
	"""The app's regional settings (de, Europe/Berlin, dd.mm.yyyy), the setup wizard marked done."""
	frappe_cmd("--site", site, "execute", "gwk_app.setup.demo.configure_site", log="bench")
	if demo:
		frappe_cmd("--site", site, "execute", "gwk_app.setup.demo.configure_demo_site", log="bench")


def compile_translations():
	frappe_cmd("compile-po-to-mo", "--app", "gwk_app", "--force", log="bench")


# ---------------------------------------------------------------- demo


def demo(site: str) -> int:
	port = int(os.environ.get("GWK_PORT", "8000"))
	started = time.perf_counter()
	ensure_bench(build=True)
	admin = ensure_database_server()
	with step("app") as s:
		s.result = ensure_app()
		compile_translations()
	folder = BENCH / "sites" / site
	ours = not folder.exists() or (folder / MARK_FILE).exists() or bool(site_config(site).get(DEMO_MARK))
	with step("site") as s:
		s.result = site + ": " + ensure_site(site, admin, owned=ours, mark=DEMO_MARK)
	if not ours:
		print(
			f"site: {site} was not created by scripts/demo: gwk_app is installed there, but its settings stay as "
			"they are and it gets no demo data and no demo logins",
			flush=True,
		)
	else:
		with step("settings") as s:
			apply_site_settings(site, demo=True)
			s.result = "de, Europe/Berlin, dd.mm.yyyy, Monday, EUR; setup wizard done"
		with step("demo data") as s:
			if site_config(site).get("gwk_demo_data"):
				s.result = "already there (not generated twice)"
			else:
				frappe_cmd("--site", site, "gwk-demo-data", "--size", "demo", log="demo-data")
				frappe_cmd("--site", site, "set-config", "--parse", "gwk_demo_data", "1", log="bench")
				s.result = "generated (Faker de_DE, seed 1)"
		with step("demo logins") as s:
			out = frappe_cmd("--site", site, "execute", "gwk_app.setup.demo.ensure_demo_logins", log="bench")
			s.result = "ready"
	frappe_cmd("--site", site, "clear-cache", log="bench")
	print(f"ready in {time.perf_counter() - started:.1f} s")
	print()
	print(f"Desk: http://127.0.0.1:{port}/app/gemeinwesen   Administrator / {ADMIN_PASSWORD}")
	if ours:
		print_demo_logins(out)
	if os.environ.get("GWK_NO_SERVE"):
		return 0
	print(f"serving {site} on http://127.0.0.1:{port} (Ctrl+C stops)", flush=True)
	os.chdir(BENCH / "sites")
	serve = (
		"import sys, frappe.app as app\n"
		"from werkzeug.serving import run_simple\n"
		"app._site, app._sites_path = sys.argv[1], '.'\n"
		"run_simple('127.0.0.1', int(sys.argv[2]), app.application_with_statics(), threaded=True, use_reloader=False)\n"
	)
	python = str(bench_python())
	os.execv(python, [python, "-c", serve, site, str(port)])


def print_demo_logins(execute_output: str):
	rows = None
	for line in reversed(execute_output.strip().splitlines()):
		if line.startswith("[") or line.startswith("{"):
			try:
				rows = json.loads(line)
			except ValueError:
				continue
			break
	if not rows:
		return
	if isinstance(rows, dict):
		rows = rows.get("logins", [])
	print("Demo logins (demo-only password, on this demo site only):")
	width = max(len(r["email"]) for r in rows)
	for r in rows:
		print(f"  {r['email']:<{width}}  {r['password']}  {r['who']}")


def main(argv: list[str]) -> int:
	if len(argv) < 1 or argv[0] not in ("demo",):
		print(__doc__)
		return 2
	try:
		return demo(argv[1] if len(argv) > 1 else "gwk-demo.localhost")
	except StepError as error:
		print(f"\nfailed: {error}", file=sys.stderr)
		return 1


if __name__ == "__main__":
	sys.exit(main(sys.argv[1:]))
