"""Soak run: mixed load for N minutes against gunicorn (3 workers) and a Celery worker, sampling the memory (RSS)
of each gunicorn worker and of the Celery worker, and printing how much each grew.

    DATABASE_URL=postgres://cop:cop@127.0.0.1:5432/cop_bench REDIS_URL=redis://127.0.0.1:6379/5 \\
        python bench/soak.py [--minutes 30] [--users 6] [--sample-every 15]

The mix, per simulated person in a loop: the main pages (bench/pages.py: home, site page, register, case page,
repository search as a facilitator; the membership matrix and dashboard as a programme admin), a save of the
attendance register now and then, and every `--digest-every` seconds a programme admin asks for a one-month
digest of the first site, which the Celery worker renders (a PDF). Without REDIS_URL there is no worker: tasks
run inside gunicorn and only gunicorn is sampled.

Growth is measured from the first sample after a one-minute warm-up (imports, template and URL caches, the
first connection) to the last; a worker that keeps growing at a steady rate after that is leaking. Needs a
generated programme (manage.py generate_programme). Only ever talks to 127.0.0.1.
"""

import argparse
import os
import random
import re
import secrets
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("EMAIL_URL", "dummymail://")  # the digests' "ready" emails go nowhere
from django.conf import settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench._setup import REPO_ROOT  # noqa: E402
from bench.load import HOST, session_cookie, start_gunicorn  # noqa: E402  (sets Django up)
from bench.pages import bench_admin, first_site, main_pages, page_people  # noqa: E402
from digests.models import Digest  # noqa: E402

WARM_UP_SECONDS = 60


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def children_of(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return sorted(found)


class Person(threading.Thread):
    """One simulated person: GETs of the main pages, with a register save one time in ten."""

    def __init__(self, base: str, pages: list, cookies: dict, register: tuple[str, list[int]] | None, stop, stats):
        super().__init__(daemon=True)
        self.base, self.pages, self.cookies, self.register, self.stop, self.stats = (
            base, pages, cookies, register, stop, stats,
        )  # fmt: skip
        self.csrf = secrets.token_hex(16)
        self.random = random.Random()

    def request(self, path: str, who: str, data: dict | None = None) -> None:
        cookie = f"{settings.SESSION_COOKIE_NAME}={self.cookies[who]}; csrftoken={self.csrf}"
        body = None
        if data is not None:
            body = urllib.parse.urlencode({"csrfmiddlewaretoken": self.csrf, **data}).encode()
        request = urllib.request.Request(self.base + path, data=body, headers={"Cookie": cookie})
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - 127.0.0.1 only
                response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        except OSError:
            status = 0
        self.stats.append((status, (time.perf_counter() - started) * 1000, path))

    def run(self) -> None:
        while not self.stop.is_set():
            if self.register and self.random.random() < 0.1:
                path, people = self.register
                mark = self.random.choice(["present", "apologies", "absent"])
                self.request(path, "facilitator", {f"status_{pid}": mark for pid in people})
            else:
                _, path, who = self.random.choice(self.pages)
                self.request(path, who)


def start_worker() -> subprocess.Popen:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cop.settings", "MFA_REQUIRED": "false"}
    celery = str(Path(sys.executable).with_name("celery"))
    return subprocess.Popen(
        [celery, "-A", "cop", "worker", "--pool", "solo", "--loglevel", "warning", "--without-gossip",
         "--without-mingle", "--hostname", f"soak-{secrets.token_hex(3)}@%h"],
        cwd=REPO_ROOT, env=env,
    )  # fmt: skip


def ask_for_digest(base: str, cookie: str) -> int:
    today = timezone.localdate()
    start = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    data = {"period_start": start.strftime("%d/%m/%Y"), "period_end": today.strftime("%d/%m/%Y"),
            "sites": str(first_site().pk)}  # fmt: skip
    csrf = secrets.token_hex(16)
    request = urllib.request.Request(
        base + "/digests/",
        data=urllib.parse.urlencode({"csrfmiddlewaretoken": csrf, **data}).encode(),
        headers={"Cookie": f"{settings.SESSION_COOKIE_NAME}={cookie}; csrftoken={csrf}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - 127.0.0.1 only
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--users", type=int, default=6)
    parser.add_argument("--sample-every", type=float, default=15, help="seconds between memory samples")
    parser.add_argument("--digest-every", type=float, default=60, help="seconds between digest requests")
    parser.add_argument("--port", type=int, default=8766)
    args = parser.parse_args()
    site = first_site()
    if site is None:
        print("No synthetic programme: run python manage.py generate_programme first.")
        return 1
    admin = bench_admin()
    cookies = {who: session_cookie(person) for who, person in page_people(admin).items()}
    pages = main_pages()
    register_path = next(path for label, path, _ in pages if label == "attendance register")
    base = f"http://{HOST}:{args.port}"

    began = timezone.now()
    gunicorn = start_gunicorn(args.port)
    worker = start_worker() if settings.REDIS_URL else None
    stop = threading.Event()
    stats: list[tuple[int, float, str]] = []
    samples: dict[str, list[tuple[float, float]]] = {}
    try:
        register_page = urllib.request.urlopen(  # noqa: S310 - 127.0.0.1 only
            urllib.request.Request(base + register_path,
                                   headers={"Cookie": f"{settings.SESSION_COOKIE_NAME}={cookies['facilitator']}"}),
            timeout=60,
        ).read().decode()  # fmt: skip
        people = sorted({int(pid) for pid in re.findall(r'name="status_(\d+)"', register_page)})
        people_threads = [Person(base, pages, cookies, (register_path, people), stop, stats) for _ in range(args.users)]
        for thread in people_threads:
            thread.start()
        started = time.monotonic()
        next_digest = started + 5
        digests = 0
        worker_note = f"Celery worker pid {worker.pid}" if worker else "no Celery worker (REDIS_URL unset)"
        print(f"Soak: {args.minutes:g} min, {args.users} people, gunicorn pid {gunicorn.pid}, {worker_note}")
        while time.monotonic() - started < args.minutes * 60:
            now = time.monotonic()
            processes = {f"gunicorn worker {pid}": pid for pid in children_of(gunicorn.pid)}
            if worker:
                processes["celery worker"] = worker.pid
            for name, pid in processes.items():
                rss = rss_mb(pid)
                if rss is not None:
                    samples.setdefault(name, []).append((now - started, rss))
            line = ", ".join(f"{name.split()[-1]} {series[-1][1]:.0f}" for name, series in samples.items()
                             if series[-1][0] == now - started)  # fmt: skip
            print(f"  {(now - started) / 60:5.1f} min  {len(stats):6} requests  RSS MB: {line}", flush=True)
            if now >= next_digest:
                status = ask_for_digest(base, cookies["admin"])
                digests += status in (200, 302)
                next_digest = now + args.digest_every
            time.sleep(args.sample_every)
    finally:
        stop.set()
        for thread in threading.enumerate():
            if isinstance(thread, Person):
                thread.join(timeout=60)  # let requests in flight finish before the server stops
        gunicorn.terminate()
        if worker:
            worker.terminate()
        gunicorn.wait(timeout=30)
        if worker:
            worker.wait(timeout=30)

    latencies = [ms for status, ms, _ in stats if status in (200, 302)]
    failed = Counter((status, path.split("?")[0]) for status, _, path in stats if status not in (200, 302))
    errors = sum(failed.values())
    p50, p95 = statistics.median(latencies), statistics.quantiles(latencies, n=20)[-1]
    print(f"\n{len(stats)} requests, {errors} errors, {digests} digests asked for; p50 {p50:.0f} ms, p95 {p95:.0f} ms")
    for (status, path), n in failed.most_common():
        print(f"  {n} x HTTP {status or 'no answer'} on {path}")
    asked = Digest.objects.filter(requested_by=admin, created_at__gte=began)
    rendered = Counter(asked.values_list("status", flat=True))
    print(f"Digests asked for during the run, by status: {dict(rendered)}")
    print(f"\n{'process':<24} {'first MB':>9} {'after warm-up':>14} {'last MB':>8} {'max MB':>7} "
          f"{'growth MB':>10} {'MB/hour':>8}")  # fmt: skip
    for name, series in samples.items():
        warm = [s for s in series if s[0] >= WARM_UP_SECONDS] or series
        (t0, base_mb), (t1, last_mb) = warm[0], series[-1]
        growth = last_mb - base_mb
        per_hour = growth / ((t1 - t0) / 3600) if t1 > t0 else 0.0
        print(f"{name:<24} {series[0][1]:>9.1f} {base_mb:>14.1f} {last_mb:>8.1f} {max(s[1] for s in series):>7.1f} "
              f"{growth:>+10.1f} {per_hour:>+8.1f}")  # fmt: skip
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
