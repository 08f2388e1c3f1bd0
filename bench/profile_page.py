"""Where a page's time goes: Python (cProfile, grouped by our modules, Django's template engine, the ORM and the
rest) and SQL (each query's time), for one main page, over several requests after a warm-up.

    DATABASE_URL=postgres://cop:cop@127.0.0.1:5432/cop_bench python bench/profile_page.py ["case page"] [--runs 20]

With no label, every main page (bench/pages.py) is profiled in turn and a one-line summary printed for each; with a
label, the 25 functions with the most own time are listed as well. CPU time (process_time) is shown beside the wall
clock, so a busy machine inflates the second and not the first.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from collections import defaultdict
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

OUR_APPS = ("cop", "api", "home", "demo", "digests", "newsletters", "evaluation", "toolkit", "forum", "cycle",
            "cases", "sites", "members", "audit", "core")  # fmt: skip


def area(filename: str) -> str:
    path = filename.replace("\\", "/")
    if "/django/template/" in path or "/django/templatetags/" in path:
        return "templates"
    if "/django/db/" in path or "/psycopg" in path or "sqlite3" in path:
        return "ORM and driver"
    if "/django/urls/" in path:
        return "URL reversing"
    if "/rules/" in path:
        return "permission rules"
    if "site-packages" in path or "/lib/python3" in path or path.startswith("<"):
        return "other libraries"
    top = Path(path).relative_to(Path(__file__).resolve().parent.parent).parts[0] if path.startswith("/") else ""
    return f"our code: {top}" if top in OUR_APPS else "other libraries"


def profile(client: Client, path: str, runs: int) -> dict:
    client.get(path)  # warm-up: template loader, URL resolver, first queries
    profiler = cProfile.Profile()
    sql_ms = 0.0
    wall = cpu = 0.0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started, started_cpu = time.perf_counter(), time.process_time()
            profiler.enable()
            response = client.get(path)
            profiler.disable()
            wall += time.perf_counter() - started
            cpu += time.process_time() - started_cpu
        sql_ms += sum(float(q["time"]) for q in queries.captured_queries) * 1000
    own = defaultdict(float)
    stats = pstats.Stats(profiler)
    for (filename, _line, _name), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():
        own[area(filename)] += tottime
    return {
        "status": response.status_code,
        "queries": len(queries.captured_queries),
        "wall_ms": wall / runs * 1000,
        "cpu_ms": cpu / runs * 1000,
        "sql_ms": sql_ms / runs,
        "areas": {name: seconds / runs * 1000 for name, seconds in own.items()},
        "stats": stats,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("label", nargs="?")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["testserver"]
    admin = bench_admin()
    people = page_people(admin)
    pages = [page for page in main_pages() if args.label in (None, page[0])]
    if not pages:
        print(f"No page called {args.label!r}; choose from: {', '.join(p[0] for p in main_pages())}")
        return 1
    print(f"load average {os.getloadavg()[0]:.1f}; {args.runs} requests per page after a warm-up; ms per request")
    for label, path, who in pages:
        client = Client()
        client.force_login(people[who])
        result = profile(client, path, args.runs)
        areas = ", ".join(f"{name} {ms:.1f}" for name, ms in sorted(result["areas"].items(), key=lambda a: -a[1])[:6])
        print(
            f"{label:<24} {result['status']} queries {result['queries']:>3}  wall {result['wall_ms']:6.1f}  "
            f"cpu {result['cpu_ms']:6.1f}  sql {result['sql_ms']:5.1f}  | {areas}"
        )
        if args.label:
            result["stats"].sort_stats("tottime").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
