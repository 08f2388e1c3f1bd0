"""Load benchmark: gunicorn (3 workers, persistent connections) on 127.0.0.1, the most used pages driven by wrk at
10 and 50 concurrent users, against two references served by the same server (a trivial view, and a page of
8 indexed queries rendering a 30 KB template with a 20-row loop).

    DATABASE_URL=postgres://cop:cop@127.0.0.1:5432/cop_bench python bench/load.py [--seconds 10] [--users 10 50]

Needs `wrk` (apt-get install wrk) and a generated programme (manage.py generate_programme). Signs people in
by creating sessions directly. Only ever talks to 127.0.0.1. Prints requests/s, p50/p95/p99 per page and each
page's throughput as a share of the references'. Targets: p95 under 150 ms at 10 users, no errors.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
os.environ["BENCH_REFERENCE_VIEWS"] = "1"
os.environ.setdefault("MFA_REQUIRED", "false")
from bench._setup import REPO_ROOT, setup_django  # noqa: E402

setup_django("bench.settings")

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402

from bench.pages import bench_admin, first_site, main_pages, page_people  # noqa: E402

HOST = "127.0.0.1"
TARGET_P95_MS = 150.0
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format('{"requests": %d, "seconds": %f, "errors": %d, "p50": %f, "p95": %f, "p99": %f}\\n',
    summary.requests, summary.duration / 1e6, errors,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
"""


def session_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def start_gunicorn(port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "BENCH_REFERENCE_VIEWS": "1",
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "DEBUG": "false",
        "MFA_REQUIRED": "false",
        "SINGLE_PROCESS": "true",  # without REDIS_URL, three workers each count rate limits alone: fine for timing
    }
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    process = subprocess.Popen(
        [gunicorn, "cop.wsgi", "--workers", "3", "--bind", f"{HOST}:{port}", "--log-level", "warning"],
        cwd=REPO_ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://{HOST}:{port}/bench/trivial/", timeout=2).read()  # noqa: S310
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("gunicorn did not start")


def run_wrk(url: str, cookie: str, users: int, seconds: int, script: str) -> dict:
    threads = min(users, 2)
    result = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{users}", f"-d{seconds}s", "--timeout", "10s", "-s", script,
         "-H", f"Cookie: {settings.SESSION_COOKIE_NAME}={cookie}", url],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    line = [row for row in result.stdout.splitlines() if row.startswith("{")][-1]
    figures = json.loads(line)
    figures["rps"] = figures["requests"] / figures["seconds"]
    if not figures["requests"]:  # nothing finished within the run: no latency to report
        figures.update(p50=float("nan"), p95=float("nan"), p99=float("nan"))
    return figures


def check_page(port: int, path: str, cookie: str) -> int:
    request = urllib.request.Request(
        f"http://{HOST}:{port}{path}", headers={"Cookie": f"{settings.SESSION_COOKIE_NAME}={cookie}"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.status


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="per page and concurrency level")
    parser.add_argument("--users", type=int, nargs="+", default=[10, 50])
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("Needs wrk: apt-get install wrk")
        return 1
    if first_site() is None:
        print("No synthetic programme: run python manage.py generate_programme first.")
        return 1
    cookies = {who: session_cookie(person) for who, person in page_people(bench_admin()).items()}
    pages = [
        ("reference: trivial", "/bench/trivial/", "facilitator"),
        ("reference: page", "/bench/reference/", "facilitator"),
    ]
    pages += main_pages()
    process = start_gunicorn(args.port)
    failures = []
    try:
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
            handle.write(WRK_SCRIPT)
        for label, path, who in pages:
            status = check_page(args.port, path, cookies[who])
            if status != 200:
                failures.append(f"{label}: HTTP {status}")
        results = {}
        for users in args.users:
            for label, path, who in pages:
                results[(label, users)] = run_wrk(
                    f"http://{HOST}:{args.port}{path}", cookies[who], users, args.seconds, handle.name
                )
    finally:
        process.terminate()
        process.wait(timeout=20)
    load = os.getloadavg()[0]
    print(f"\n{os.cpu_count()} CPUs, load average {load:.1f}; gunicorn 3 sync workers; wrk {args.seconds} s per page")
    header = f"{'page':<24} {'users':>5} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>6}"
    print(header + f" {'x trivial':>9} {'x page':>7}")
    for users in args.users:
        trivial, reference = results[("reference: trivial", users)], results[("reference: page", users)]
        for label, _, _ in pages:
            r = results[(label, users)]
            share_trivial, share_page = r["rps"] / max(trivial["rps"], 1e-9), r["rps"] / max(reference["rps"], 1e-9)
            print(
                f"{label:<24} {users:>5} {r['rps']:>8.1f} {r['p50']:>8.1f} {r['p95']:>8.1f} {r['p99']:>8.1f} "
                f"{r['errors']:>6} {share_trivial:>9.2f} {share_page:>7.2f}"
            )
            if r["errors"]:
                failures.append(f"{label} at {users} users: {r['errors']} errors")
            if not r["requests"]:
                failures.append(f"{label} at {users} users: no request finished within {args.seconds} s")
            elif users == 10 and r["p95"] > TARGET_P95_MS:
                failures.append(f"{label}: p95 {r['p95']:.0f} ms at 10 users (target {TARGET_P95_MS:.0f} ms)")
    print("\n" + ("\n".join(f"MISSED: {f}" for f in failures) if failures else "All targets met."))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
