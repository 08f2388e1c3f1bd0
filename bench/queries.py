"""Query count and server time of each main page on the current database (one request each, after a warm-up).

    DATABASE_URL=postgres://cop:cop@127.0.0.1:5432/cop_bench python bench/queries.py

tests/perf/test_query_counts.py asserts that these counts do not grow with the data.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("MFA_REQUIRED", "false")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
from bench._setup import setup_django  # noqa: E402

setup_django()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.pages import bench_admin, main_pages, page_people  # noqa: E402


def main() -> int:
    settings.ALLOWED_HOSTS = ["testserver"]
    admin = bench_admin()
    people = page_people(admin)
    client = Client()
    print(f"{'page':<24} {'status':>6} {'queries':>7} {'ms':>8} {'KB':>6}")
    for label, path, who in main_pages():
        client.force_login(people[who])
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(path)
            elapsed = (time.perf_counter() - started) * 1000
        size = len(response.content) / 1024
        print(f"{label:<24} {response.status_code:>6} {len(queries):>7} {elapsed:>8.1f} {size:>6.0f}")
        if os.environ.get("SHOW_SLOW"):
            for q in sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:3]:
                print(f"    {q['time']}s  {q['sql'][:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
