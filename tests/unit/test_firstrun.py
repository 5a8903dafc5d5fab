"""The first-run script's decisions that need no bench: what a folder is, which site is ours, which
MariaDB account is used, how Redis is configured. (Building a bench is proven by running it: README.)"""

import importlib
import json
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


@pytest.fixture
def firstrun(tmp_path, monkeypatch):
	monkeypatch.setenv("GWK_BENCH", str(tmp_path / "bench"))
	monkeypatch.setenv("GWK_CACHE", str(tmp_path / "cache"))
	monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
	monkeypatch.delenv("GWK_DB_ROOT_USER", raising=False)
	monkeypatch.delenv("GWK_DB_ROOT_PASSWORD", raising=False)
	monkeypatch.delenv("GWK_REDIS", raising=False)
	monkeypatch.syspath_prepend(str(SCRIPTS))
	sys.modules.pop("firstrun", None)
	module = importlib.import_module("firstrun")
	yield module
	sys.modules.pop("firstrun", None)


def test_bench_folder_states(firstrun):
	bench = firstrun.BENCH
	assert firstrun.bench_state() == "missing"
	bench.mkdir()
	assert firstrun.bench_state() == "missing"  # an empty folder is a place to build in
	(bench / "notes.txt").write_text("mine")
	assert firstrun.bench_state() == "foreign"  # somebody's folder: never removed
	(bench / firstrun.BUILDING_MARK).write_text("")
	assert firstrun.bench_state() == "partial"  # our build was cut off: built again


def test_foreign_folder_is_refused_not_removed(firstrun):
	firstrun.BENCH.mkdir()
	(firstrun.BENCH / "notes.txt").write_text("mine")
	with pytest.raises(firstrun.StepError, match="not a Frappe bench"):
		firstrun.ensure_bench(build=True)
	assert (firstrun.BENCH / "notes.txt").read_text() == "mine"


def test_no_bench_and_no_build_is_reported_not_built(firstrun):
	assert firstrun.ensure_bench(build=False) is False
	assert not firstrun.BENCH.exists()


def test_redis_databases_and_root_user(firstrun, monkeypatch):
	(firstrun.BENCH / "sites").mkdir(parents=True)
	(firstrun.BENCH / "sites" / "common_site_config.json").write_text(json.dumps({"webserver_port": 8000}))
	firstrun.configure_bench()
	config = json.loads((firstrun.BENCH / "sites" / "common_site_config.json").read_text())
	assert config["redis_cache"] == "redis://127.0.0.1:6379/1"
	assert config["redis_queue"] == "redis://127.0.0.1:6379/2"
	assert config["webserver_port"] == 8000  # what was there stays
	assert ("frappe_user" in config) == firstrun.is_root()


def test_redis_url_with_a_database_is_used_as_given(firstrun, monkeypatch):
	monkeypatch.setattr(firstrun, "REDIS", "redis://10.0.0.9:6380/4")
	(firstrun.BENCH / "sites").mkdir(parents=True)
	firstrun.configure_bench()
	config = json.loads((firstrun.BENCH / "sites" / "common_site_config.json").read_text())
	assert config["redis_cache"] == config["redis_queue"] == "redis://10.0.0.9:6380/4"


def test_given_admin_without_password_is_refused_instead_of_a_prompt(firstrun, monkeypatch):
	monkeypatch.setenv("GWK_DB_ROOT_USER", "admin")
	with pytest.raises(firstrun.StepError, match="GWK_DB_ROOT_PASSWORD"):
		firstrun.db_admin()
	monkeypatch.setenv("GWK_DB_ROOT_PASSWORD", "secret")
	assert firstrun.db_admin() == ("admin", "secret")


def test_stored_admin_is_reused_when_it_still_logs_in(firstrun, monkeypatch):
	firstrun.DB_ADMIN_FILE.parent.mkdir(parents=True)
	firstrun.DB_ADMIN_FILE.write_text(json.dumps({"user": "gwk_admin", "password": "kept"}))
	monkeypatch.setattr(firstrun, "_tcp_login_works", lambda user, password: password == "kept")
	assert firstrun.db_admin() == ("gwk_admin", "kept")


def test_sites_not_created_by_the_demo_are_not_ours(firstrun):
	site = firstrun.BENCH / "sites" / "erp.example"
	site.mkdir(parents=True)
	(site / "site_config.json").write_text(json.dumps({"db_name": "_abc"}))
	assert firstrun.probe_site("nothing.localhost")["state"] == "missing"
	assert not (site / firstrun.MARK_FILE).exists()
	assert firstrun.site_config("erp.example") == {"db_name": "_abc"}


def test_fingerprint_changes_with_a_doctype(firstrun, tmp_path, monkeypatch):
	repo = tmp_path / "repo"
	(repo / "gwk_app" / "casework").mkdir(parents=True)
	doctype = repo / "gwk_app" / "casework" / "x.json"
	doctype.write_text("{}")
	monkeypatch.setattr(firstrun, "REPO", repo)
	before = firstrun.source_fingerprint()
	(repo / "gwk_app" / "casework" / "rule.py").write_text("# code only: no migrate needed")
	assert firstrun.source_fingerprint() == before
	doctype.write_text('{"fields": []}')
	assert firstrun.source_fingerprint() != before


def test_a_remote_server_that_does_not_answer_is_reported_not_started(firstrun, monkeypatch):
	started = []
	monkeypatch.setattr(firstrun, "_answers", lambda host, port: False)
	monkeypatch.setattr(firstrun, "run", lambda cmd, **kw: started.append(cmd))
	with pytest.raises(firstrun.StepError, match="not answering on 10.1.2.3:3306"):
		firstrun._start_local_service("MariaDB", "10.1.2.3", 3306, ["/bin/true"])
	assert started == []


def test_a_running_server_is_left_alone(firstrun, monkeypatch):
	monkeypatch.setattr(firstrun, "_answers", lambda host, port: True)
	monkeypatch.setattr(firstrun, "run", lambda cmd, **kw: pytest.fail("must not start anything"))
	assert firstrun._start_local_service("Redis", "127.0.0.1", 6379, ["/bin/true"]) == "running"
