"""Shared start-up for the benchmarks: put the project on sys.path and set Django up with cop.settings (or
DJANGO_SETTINGS_MODULE), reading DATABASE_URL. The benchmarks expect `generate_programme` to have run."""

import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def setup_django(settings: str = "cop.settings") -> None:
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)
    os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
    os.environ.setdefault("SINGLE_PROCESS", "true")  # a benchmark script is one process; its rate limits count alone
    os.environ.setdefault("EMAIL_URL", "dummymail://")  # benchmarks send no email
    import django

    django.setup()
