"""Serve the bench's WSGI app on loopback for REST and browser tests (started and stopped by tests)."""

import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

_SERVE = """
import os, sys, logging
sites, site, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.chdir(sites)
os.environ["NO_STATICS"] = ""
import frappe.app as app
from werkzeug.serving import run_simple
app._site = site
app._sites_path = "."
logging.getLogger("werkzeug").setLevel(logging.ERROR)
run_simple("127.0.0.1", port, app.application_with_statics(), threaded=True, use_reloader=False, use_debugger=False)
"""


def free_port() -> int:
	with socket.socket() as s:
		s.bind(("127.0.0.1", 0))
		return s.getsockname()[1]


class BenchServer:
	def __init__(self, bench: Path, site: str):
		self.bench, self.site = bench, site
		self.port = free_port()
		self.url = f"http://127.0.0.1:{self.port}"
		self.proc = None

	def start(self, timeout: float = 60):
		log = open(self.bench / "logs" / "gwk-test-server.log", "ab")
		self.proc = subprocess.Popen(
			[sys.executable, "-c", _SERVE, str(self.bench / "sites"), self.site, str(self.port)],
			stdout=log,
			stderr=subprocess.STDOUT,
		)
		deadline = time.monotonic() + timeout
		while time.monotonic() < deadline:
			if self.proc.poll() is not None:
				raise RuntimeError(
					f"test server exited with {self.proc.returncode}; see logs/gwk-test-server.log"
				)
			try:
				if requests.get(f"{self.url}/api/method/ping", timeout=2).ok:
					return
			except requests.RequestException:
				time.sleep(0.3)
		self.stop()
		raise RuntimeError("test server did not answer in time")

	def stop(self):
		if self.proc and self.proc.poll() is None:
			self.proc.terminate()
			try:
				self.proc.wait(10)
			except subprocess.TimeoutExpired:
				self.proc.kill()

	def session(self, user: str | None, password: str | None = None) -> requests.Session:
		"""A requests session logged in as `user` (None = Guest)."""
		s = requests.Session()
		s.headers["Accept"] = "application/json"
		if user:
			r = s.post(f"{self.url}/api/method/login", data={"usr": user, "pwd": password}, timeout=30)
			r.raise_for_status()
		return s
