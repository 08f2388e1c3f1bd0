"""What the repository itself may hold: no symbolic links (a worktree's link to the shared virtualenv, committed by
mistake, replaced the checkout's .venv with a link to itself), and nothing from a local environment."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LOCAL_ONLY = (".venv", "node_modules", ".tools", "staticfiles", "media", "db.sqlite3", ".env")


def tracked_files() -> list[tuple[str, str]]:
    """(mode, path) of every file git tracks here."""
    listing = subprocess.run(  # noqa: S603 - git on our own checkout
        [shutil.which("git") or "git", "ls-files", "-s", "-z"], cwd=ROOT, capture_output=True, check=True, text=True
    ).stdout
    entries = []
    for entry in filter(None, listing.split("\0")):
        meta, path = entry.split("\t", 1)
        entries.append((meta.split()[0], path))
    return entries


@pytest.fixture(scope="module")
def entries() -> list[tuple[str, str]]:
    found = tracked_files()
    assert len(found) > 100  # the listing worked: this checkout is the repository
    return found


def test_the_repository_tracks_no_symbolic_link(entries: list[tuple[str, str]]) -> None:
    assert [path for mode, path in entries if mode == "120000"] == []


def test_the_repository_tracks_nothing_from_a_local_environment(entries: list[tuple[str, str]]) -> None:
    assert [path for _, path in entries if path.split("/", 1)[0] in LOCAL_ONLY] == []
