"""In production (DEBUG off, collectstatic run), whitenoise serves static files compressed and cached for ever
under content-hashed names, so a page's JavaScript and CSS cost little to fetch and nothing to fetch again."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from whitenoise.compress import Compressor

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
A_YEAR = 365 * 24 * 60 * 60
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def collected(tmp_path, db):
    # Only our own folder (static/), which holds all a page's scripts and styles, and source maps (fetched by
    # developer tools alone) left uncompressed: compressing the rest takes most of a minute on a slow machine.
    only_ours = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    skip = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]
    with override_settings(
        STATIC_ROOT=str(tmp_path),
        STORAGES=PRODUCTION_STORAGES,
        DEBUG=False,
        STATICFILES_FINDERS=only_ours,
        WHITENOISE_SKIP_COMPRESS_EXTENSIONS=skip,
    ):
        call_command("collectstatic", "--noinput", verbosity=0)
        yield tmp_path


def test_static_files_are_served_compressed_with_far_future_caching(collected):
    client = Client()  # built now: its whitenoise reads the collected files
    page = client.get("/accounts/login/").content.decode()
    scripts = re.findall(r'<script src="([^"]+)"', page) + re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
    assert any("bootstrap.bundle" in src for src in scripts)
    for src in scripts:
        assert re.search(r"\.[0-9a-f]{12}\.(min\.)?(js|css)$", src), f"{src} has no content hash in its name"
        raw = client.get(src)
        assert raw.status_code == 200
        cache = raw.headers["Cache-Control"]
        assert "immutable" in cache and int(re.search(r"max-age=(\d+)", cache).group(1)) >= A_YEAR
        size = len(b"".join(raw.streaming_content))
        for encoding in ["br", "gzip"]:
            packed = client.get(src, headers={"accept-encoding": encoding})
            assert packed.headers["Content-Encoding"] == encoding
            assert packed.headers["Vary"] == "Accept-Encoding"
            assert len(b"".join(packed.streaming_content)) < size / 2


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def status_of(base: str, path: str) -> int:
    try:
        with urllib.request.urlopen(base + path, timeout=30) as response:  # noqa: S310 - our own local server
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


TRAVERSALS = [
    "/static/..%2fcop%2fsettings.py", "/static/..%2f..%2fetc%2fpasswd", "/static/css/..%2f..%2fREADME.md",
    "/static/%2e%2e/README.md", "/static/css%2f..%2f..%2fREADME.md", "/static/%2e%2e%2f%2e%2e%2fREADME.md",
    "/static/..%5c..%5cREADME.md", "/static/%00", "/static/css/app.css%00.py",
]  # fmt: skip


def test_the_development_server_answers_404_to_paths_outside_the_static_folders(tmp_path):
    """`make run` serves static files from the source folders; a path climbing out of them is a 404, never a 500
    (staticfiles' own handler let SuspiciousFileOperation through: issue 20, finding 14)."""
    port = free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cop.settings", "DEBUG": "true",
           "SECRET_KEY": "development-only-not-secret", "MFA_REQUIRED": "false",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'dev.sqlite3'}", "REDIS_URL": ""}  # fmt: skip
    env.pop("EMAIL_URL", None)
    argv = [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--skip-checks"]
    log = (tmp_path / "server.log").open("wb")
    server = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, (tmp_path / "server.log").read_text()
                time.sleep(0.25)
        assert status_of(base, "/static/css/app.css") == 200  # the development server does serve static files
        answers = {path: status_of(base, path) for path in TRAVERSALS}
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    assert answers == dict.fromkeys(TRAVERSALS, 404), (tmp_path / "server.log").read_text()[-3000:]
