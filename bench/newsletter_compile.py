"""Benchmark compiling the monthly newsletter: 200 sites of 20 members, a month of meetings and
attendance; times compile_newsletter and counts its queries at 50, 100 and 200 sites.

Run from anywhere: python bench/newsletter_compile.py   (DATABASE_URL picks the database server;
by default a throwaway SQLite database; a test database is created and dropped either way).
Exit status 1 when a target is missed: under 5 s, and the same number of queries at every size.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import date, datetime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "cop.settings_test"

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

MONTH = date(2026, 3, 1)
SITES = 200
MEMBERS_PER_SITE = 20
SIZES = [50, 100, 200]
TIME_TARGET_S = 5.0


def aware(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()).replace(hour=hour))


def create_programme() -> list[int]:
    from members.models import User
    from sites.models import Attendance, AttendanceStatus, Meeting, Membership, Site, SiteStatus

    # Every site starts closed long ago (not reported); the benchmark opens them 50, 100, 200 at a time.
    sites = Site.objects.bulk_create(
        Site(
            code=f"B{n:03d}",
            name=f"Bench {n}",
            town=f"Town {n}",
            host_organisation="Host",
            start_date=date(2025, 1, 1),
            status=SiteStatus.CLOSED,
            ended_on=date(2025, 6, 1),
        )
        for n in range(SITES)
    )
    users = User.objects.bulk_create(
        User(email=f"bench{n}@example.org", name=f"Bench Person {n}", password="!")  # noqa: S106
        for n in range(SITES * MEMBERS_PER_SITE)
    )
    Membership.objects.bulk_create(
        Membership(site=site, person=users[s * MEMBERS_PER_SITE + m], joined=date(2025, 9, 1))
        for s, site in enumerate(sites)
        for m in range(MEMBERS_PER_SITE)
    )
    meetings = Meeting.objects.bulk_create(
        Meeting(site=site, starts_at=aware(day, 14), ends_at=aware(day, 16))
        for site in sites
        for day in (date(2026, 3, 5), date(2026, 3, 19), date(2026, 4, 2))
    )
    statuses = [AttendanceStatus.PRESENT] * 4 + [AttendanceStatus.APOLOGIES]
    Attendance.objects.bulk_create(
        (
            Attendance(meeting=meeting, person=users[s * MEMBERS_PER_SITE + m], status=statuses[m % 5])
            for s, site in enumerate(sites)
            for meeting in meetings[s * 3 : s * 3 + 2]
            for m in range(MEMBERS_PER_SITE)
        ),
        batch_size=2000,
    )
    return [site.pk for site in sites]


def measure(site_ids: list[int]) -> list[tuple[int, float, int, float, int, int]]:
    from newsletters.models import NewsletterIssue
    from newsletters.services.compile import compile_newsletter
    from sites.models import Site, SiteStatus

    rows = []
    for size in SIZES:
        Site.objects.filter(pk__in=site_ids[:size]).update(status=SiteStatus.ACTIVE, ended_on=None)
        NewsletterIssue.objects.all().delete()
        with CaptureQueriesContext(connection) as fresh:
            started = time.perf_counter()
            issue = compile_newsletter(month=MONTH)
            fresh_s = time.perf_counter() - started
        with CaptureQueriesContext(connection) as refresh:
            started = time.perf_counter()
            compile_newsletter(month=MONTH)
            refresh_s = time.perf_counter() - started
        rows.append((size, fresh_s, len(fresh), refresh_s, len(refresh), issue.items.count()))
    return rows


def main() -> int:
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        started = time.perf_counter()
        site_ids = create_programme()
        print(
            f"Database: {connection.vendor}. Set up {SITES} sites x {MEMBERS_PER_SITE} members, "
            f"3 meetings each, attendance: {time.perf_counter() - started:.1f} s"
        )
        rows = measure(site_ids)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(f"{'sites':>6} {'compile s':>10} {'queries':>8} {'refresh s':>10} {'queries':>8} {'items':>6}")
    for size, fresh_s, fresh_q, refresh_s, refresh_q, items in rows:
        print(f"{size:>6} {fresh_s:>10.3f} {fresh_q:>8} {refresh_s:>10.3f} {refresh_q:>8} {items:>6}")
    slowest = max(max(row[1], row[3]) for row in rows)
    flat = len({row[2] for row in rows}) == 1 and len({row[4] for row in rows}) == 1
    ok = slowest < TIME_TARGET_S and flat
    print(
        f"Slowest compile {slowest:.3f} s (target < {TIME_TARGET_S:.0f} s); query count "
        f"{'does not grow' if flat else 'GROWS'} with the number of sites: {'OK' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
