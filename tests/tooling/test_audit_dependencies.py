"""The dependency audit (.ci/audit_dependencies.py), against a local server that answers as OSV and PyPI do, from
answers recorded in their formats (tests/tooling/recorded/). The real pip-audit runs; nothing reaches the network.

What it must do: a vulnerable locked version fails the run, whichever source finds it; a release no source can
answer for is listed with the reason and does not fail; the "N of M checked" summary is the last line."""

import importlib.util
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RECORDED = Path(__file__).parent / "recorded"

spec = importlib.util.spec_from_file_location("audit_dependencies", ROOT / ".ci" / "audit_dependencies.py")
audit_dependencies = importlib.util.module_from_spec(spec)
sys.modules["audit_dependencies"] = audit_dependencies
spec.loader.exec_module(audit_dependencies)


class Registry:
    """What the fake OSV and PyPI answer: OSV by (name, version); PyPI's release and project JSON by path."""

    def __init__(self):
        self.osv: dict[tuple[str, str], dict] = {}
        self.pypi: dict[str, dict] = {}
        self.pypi_errors: set[str] = set()
        self.requests: list[str] = []


def make_handler(registry: Registry):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def reply(self, status: int, body: dict | None = None):
            data = json.dumps(body or {}).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):  # OSV's /v1/query
            query = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            key = (query["package"]["name"], query["version"])
            self.reply(200, registry.osv.get(key, {}))

        def do_GET(self):  # PyPI's /pypi/<name>[/<version>]/json
            registry.requests.append(self.path)
            if self.path in registry.pypi_errors:
                self.reply(503)
            elif self.path in registry.pypi:
                self.reply(200, registry.pypi[self.path])
            else:
                self.reply(404)

    return Handler


@pytest.fixture
def registry():
    registry = Registry()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(registry))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    registry.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield registry
    server.shutdown()
    server.server_close()


@pytest.fixture
def closed_port():
    """An address where nothing listens: OSV out of reach, as on the CI machines."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    port = server.server_address[1]
    server.server_close()
    return f"http://127.0.0.1:{port}/v1/query"


def write_lock(tmp_path: Path, packages: list[tuple[str, str]]) -> Path:
    entries = [
        f'[[package]]\nname = "{name}"\nversion = "{version}"\nsource = {{ registry = "https://pypi.org/simple" }}\n'
        for name, version in packages
    ]
    entries.append('[[package]]\nname = "cop"\nversion = "0.1.0"\nsource = { virtual = "." }\n')
    lock = tmp_path / "uv.lock"
    lock.write_text("version = 1\n\n" + "\n".join(entries))
    return lock


def recorded(name: str) -> dict:
    return json.loads((RECORDED / name).read_text())


def run(tmp_path, capsys, monkeypatch, packages, *, osv_url, pypi_url):
    monkeypatch.setattr(audit_dependencies, "FETCH_ATTEMPTS", 2)
    monkeypatch.setattr(audit_dependencies, "FETCH_BACKOFF_SECONDS", 0.01)
    lock = write_lock(tmp_path, packages)
    status = audit_dependencies.main(["--lock", str(lock), "--osv-url", osv_url, "--pypi-url", pypi_url])
    return status, capsys.readouterr().out.strip().splitlines()


def test_vulnerable_version_found_by_osv_fails_the_run(tmp_path, capsys, monkeypatch, registry):
    registry.osv[("django", "5.0.1")] = recorded("osv_django_5.0.1.json")
    packages = [("django", "5.0.1"), ("certifi", "2026.10.19.post1")]

    status, lines = run(
        tmp_path, capsys, monkeypatch, packages, osv_url=f"{registry.url}/v1/query", pypi_url=f"{registry.url}/pypi"
    )

    assert status == 1
    assert any(line.startswith("VULNERABLE django 5.0.1: PYSEC-2024-28 (fixed in 5.0.2)") for line in lines)
    assert lines[-1] == (
        "Dependency audit: 2 of 2 locked packages checked (2 by OSV (pip-audit)), 1 vulnerable, 0 not checked."
    )
    assert registry.requests == [], "PyPI is only a fallback when OSV answers"


def test_clean_lock_checked_by_osv_passes(tmp_path, capsys, monkeypatch, registry):
    status, lines = run(
        tmp_path,
        capsys,
        monkeypatch,
        [("django", "5.0.2")],
        osv_url=f"{registry.url}/v1/query",
        pypi_url=f"{registry.url}/pypi",
    )

    assert status == 0
    assert (
        lines[-1]
        == "Dependency audit: 1 of 1 locked packages checked (1 by OSV (pip-audit)), 0 vulnerable, 0 not checked."
    )


def test_without_osv_a_vulnerable_latest_release_on_pypi_fails_the_run(
    tmp_path, capsys, monkeypatch, registry, closed_port
):
    registry.pypi["/pypi/pillow/json"] = recorded("pypi_pillow.json")

    status, lines = run(
        tmp_path, capsys, monkeypatch, [("pillow", "10.2.0")], osv_url=closed_port, pypi_url=f"{registry.url}/pypi"
    )

    assert status == 1
    assert lines[0].startswith(f"pip-audit could not reach OSV at {closed_port}")
    assert "VULNERABLE pillow 10.2.0: GHSA-44wm-f244-xhp3 (fixed in 10.3.0)" in "\n".join(lines)
    assert lines[-1].startswith("Dependency audit: 1 of 1 locked packages checked (1 by PyPI latest-release data)")


def test_release_data_is_preferred_to_the_project_page(tmp_path, capsys, monkeypatch, registry, closed_port):
    registry.pypi["/pypi/pillow/10.2.0/json"] = recorded("pypi_pillow.json")

    status, lines = run(
        tmp_path, capsys, monkeypatch, [("pillow", "10.2.0")], osv_url=closed_port, pypi_url=f"{registry.url}/pypi"
    )

    assert status == 1
    assert lines[-1].startswith("Dependency audit: 1 of 1 locked packages checked (1 by PyPI release data)")


def test_a_release_no_source_can_answer_for_is_reported_not_failed(
    tmp_path, capsys, monkeypatch, registry, closed_port
):
    """certifi released after the lock was written: PyPI's advisories are the new release's, so the locked one is
    unchecked; a registry that errors leaves its package unchecked too. Neither turns the run red."""
    registry.pypi["/pypi/certifi/json"] = recorded("pypi_certifi.json")
    registry.pypi_errors.add("/pypi/idna/3.11/json")
    packages = [("certifi", "2026.10.18"), ("idna", "3.11"), ("gone-package", "1.0")]

    status, lines = run(tmp_path, capsys, monkeypatch, packages, osv_url=closed_port, pypi_url=f"{registry.url}/pypi")

    assert status == 0
    text = "\n".join(lines)
    assert (
        "not checked: certifi 2026.10.18: PyPI gives advisories for the latest release only, which is 2026.10.19.post1"
        in text
    )
    assert "not checked: idna 3.11: PyPI: " in text and "HTTP 503" in text
    assert "not checked: gone-package 1.0: PyPI: no such project" in text
    assert lines[-1] == "Dependency audit: 0 of 3 locked packages checked, 0 vulnerable, 3 not checked."


def test_the_summary_line_is_last_and_counts_every_locked_registry_package(tmp_path, capsys, monkeypatch, registry):
    packages = [("django", "5.0.2"), ("certifi", "2026.10.19.post1"), ("idna", "3.11")]

    status, lines = run(
        tmp_path, capsys, monkeypatch, packages, osv_url=f"{registry.url}/v1/query", pypi_url=f"{registry.url}/pypi"
    )

    assert status == 0
    assert lines[-1].startswith("Dependency audit: 3 of 3 locked packages checked")
    assert all(not line.startswith("Dependency audit") for line in lines[:-1])
