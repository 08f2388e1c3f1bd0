"""Benchmark the commissioner digest: 500 issues across 50 sites, rendered to PDF with WeasyPrint.

Run from anywhere: python bench/digest_render.py [--out /tmp/digest-bench.pdf]
Uses DATABASE_URL if set (an empty database you can spare), otherwise a temporary SQLite file. Prints the time to
gather the content, the time to render, the page count and the peak memory (ru_maxrss); exit status 1 when a target
(under 20 s, under 600 MB) is missed. Look at the pages with: pdftoppm -png -r 50 -f 1 -l 4 FILE.pdf /tmp/digest
"""

from __future__ import annotations

import argparse
import io
import os
import random
import resource
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

SITES, ISSUES, MEMBERS_PER_SITE, MEETINGS_PER_SITE = 50, 500, 8, 6
TARGET_SECONDS, TARGET_MB = 20, 600

THEMES = [
    "Weekend crises",
    "Dual diagnosis",
    "Homelessness",
    "Secret caseloads",
    "Lack of suitable accommodation",
    "Mental health",
    "Substance misuse",
    "Leaving care",
    "Hospital discharge",
    "Benefits and debt",
    "Domestic abuse",
    "Prison release",
]
SENTENCES = [
    "There is no community mental health cover from Friday evening to Monday morning.",
    "The housing panel meets monthly, so people wait weeks for supported accommodation.",
    "Dual diagnosis cases fall between the mental health and substance misuse contracts.",
    "Commissioned support ends at a fixed date whatever the person's needs.",
    "Hospital discharge planning does not include the housing team until after discharge.",
    "Workers keep people on their caseloads after funding ends because no other service will take them.",
    "Nobody owns the duty to refer at weekends.",
    "Prison release on a Friday leaves people without a prescriber or a bed.",
    "Benefit sanctions arrive while people are in crisis and nobody can advocate for them.",
    "Care leavers lose their personal adviser at twenty-one even when the plan is unfinished.",
    "Refuges cannot take women with active substance use.",
    "The out-of-hours team cannot see the community team's notes.",
]
SUMMARY = (
    "The group agreed a shared plan across agencies; the presenter reported that the person stayed stable for "
    "three months and that the housing team now joins discharge meetings."
)


def set_up_environment() -> str | None:
    os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
    os.environ.setdefault("EMAIL_URL", "dummymail://")  # the benchmark sends no email
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cop.settings")
    os.environ.setdefault("PRIVATE_MEDIA_ROOT", tempfile.mkdtemp(prefix="digest-bench-media-"))
    if os.environ.get("DATABASE_URL"):
        return None
    path = Path(tempfile.mkdtemp(prefix="digest-bench-")) / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    return str(path)


def create_data(rng: random.Random, *, start: date) -> None:
    from django.utils import timezone

    from cases.models import Case, CaseStatus, FollowUp, Outcome, Theme
    from members.models import Sector, User
    from sites.models import Attendance, AttendanceStatus, Meeting, Membership, MembershipRole, Site, SiteStatus

    def aware(day: date, hour: int) -> datetime:
        return timezone.make_aware(datetime.combine(day, datetime.min.time()).replace(hour=hour))

    sectors = [value for value, _ in Sector.choices]
    sites = Site.objects.bulk_create(
        Site(
            code=f"CP{n + 1}",
            name=f"Town {n + 1} Community of Practice",
            town=f"Town {n + 1}",
            host_organisation="A voluntary organisation",
            start_date=start - timedelta(days=60),
            status=SiteStatus.ACTIVE,
        )
        for n in range(SITES)
    )
    people = User.objects.bulk_create(
        User(email=f"person{n}@example.org", name=f"Person {n}", sector=sectors[n % len(sectors)], password="!")  # noqa: S106 - unusable
        for n in range(SITES * (MEMBERS_PER_SITE + 1))
    )
    memberships, per_site = [], {}
    for index, site in enumerate(sites):
        group = people[index * (MEMBERS_PER_SITE + 1) : (index + 1) * (MEMBERS_PER_SITE + 1)]
        per_site[site.pk] = group
        for position, person in enumerate(group):
            role = MembershipRole.FACILITATOR if position == 0 else MembershipRole.MEMBER
            memberships.append(Membership(site=site, person=person, role=role, joined=start - timedelta(days=60)))
    Membership.objects.bulk_create(memberships)
    meetings = Meeting.objects.bulk_create(
        Meeting(
            site=site,
            starts_at=aware(start + timedelta(days=7 + 14 * n + index % 7), 14),
            ends_at=aware(start + timedelta(days=7 + 14 * n + index % 7), 16),
        )
        for index, site in enumerate(sites)
        for n in range(rng.choice([4, 5, 6, 6]))
    )
    states = [AttendanceStatus.PRESENT] * 4 + [AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT]
    Attendance.objects.bulk_create(
        Attendance(meeting=m, person=p, status=rng.choice(states)) for m in meetings for p in per_site[m.site_id]
    )
    themes = [Theme.objects.get_or_create(name=name)[0] for name in THEMES]
    by_site: dict[int, list] = {}
    for meeting in meetings:
        by_site.setdefault(meeting.site_id, []).append(meeting)
    cases = []
    statuses = [CaseStatus.DISCUSSED, CaseStatus.FOLLOWED_UP, CaseStatus.PUBLISHED]
    for n in range(ISSUES):
        site = sites[n % SITES]
        meeting = by_site[site.pk][n // SITES % len(by_site[site.pk])]
        status = statuses[n % 3]
        cases.append(
            Case(
                site=site,
                title=f"Case {n + 1}: {rng.choice(THEMES).lower()} and a gap between services",
                presentation="A person facing multiple needs and exclusions.",
                commissioner_issues=" ".join(rng.sample(SENTENCES, rng.choice([2, 3, 4]))),
                summary=SUMMARY if status == CaseStatus.PUBLISHED else "",
                status=status,
                meeting=meeting,
                outcome=Outcome.NONE_YET,
                published_at=meeting.starts_at + timedelta(days=20) if status == CaseStatus.PUBLISHED else None,
            )
        )
    cases = Case.objects.bulk_create(cases)
    Through = Case.themes.through
    Through.objects.bulk_create(
        Through(case_id=case.pk, theme_id=theme.pk)
        for case in cases
        for theme in rng.sample(themes, rng.choice([1, 2]))
    )
    outcomes = [Outcome.RECOVERY, Outcome.MAINTENANCE, Outcome.PREVENTION, Outcome.NONE_YET]
    FollowUp.objects.bulk_create(
        FollowUp(
            case=case,
            meeting=case.meeting,
            what_happened="Stable since the plan was agreed.",
            outcome=rng.choice(outcomes),
        )
        for case in cases
        if case.status != CaseStatus.DISCUSSED
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(Path(tempfile.gettempdir()) / "digest-bench.pdf"))
    args = parser.parse_args()
    sqlite_path = set_up_environment()

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.utils import timezone

    today = timezone.localdate()
    start = today - timedelta(days=120)
    t0 = time.perf_counter()
    create_data(random.Random(2026), start=start)
    print(f"data: {SITES} sites, {ISSUES} cases with issues, created in {time.perf_counter() - t0:.1f} s")

    from pypdf import PdfReader

    from digests.content import digest_content, digest_sites
    from digests.pdf import render_content_pdf

    t1 = time.perf_counter()
    import weasyprint  # noqa: F401 - counted apart: a worker imports it once

    t2 = time.perf_counter()
    sites = digest_sites(sites_key="all", site_ids=[], period_end=today)
    content = digest_content(period_start=start, period_end=today, sites=sites)
    t3 = time.perf_counter()
    cpu_before = resource.getrusage(resource.RUSAGE_SELF).ru_utime
    pdf = render_content_pdf(content)
    t4 = time.perf_counter()
    cpu_render = resource.getrusage(resource.RUSAGE_SELF).ru_utime - cpu_before
    Path(args.out).write_bytes(pdf)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    total = t4 - t2
    print(f"import weasyprint: {t2 - t1:.1f} s (once per worker)")
    print(f"content: {t3 - t2:.1f} s ({content['issue_count']} issues, {len(content['themes'])} themes, "
          f"{len(content['learning_objects'])} learning objects, {content['withheld']} withheld)")  # fmt: skip
    print(
        f"render: {t4 - t3:.1f} s wall, {cpu_render:.1f} s CPU; total {total:.1f} s (target under {TARGET_SECONDS} s)"
    )
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (wall time inflates)")
    print(f"pages: {pages}; size: {len(pdf) // 1024} KB; written to {args.out}")
    print(f"peak memory (ru_maxrss): {peak_mb:.0f} MB (target under {TARGET_MB} MB)")
    if sqlite_path:
        print(f"database: {sqlite_path}")
    return 0 if total < TARGET_SECONDS and peak_mb < TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
