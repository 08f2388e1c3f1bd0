"""In production (DEBUG off, collectstatic run), whitenoise serves static files compressed and cached for ever
under content-hashed names, so a page's JavaScript and CSS cost little to fetch and nothing to fetch again."""

import re

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from whitenoise.compress import Compressor

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
A_YEAR = 365 * 24 * 60 * 60


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
