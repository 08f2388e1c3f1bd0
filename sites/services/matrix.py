"""The membership matrix (the report's Figure 1): job titles grouped by sector against sites, one code
per person, derived from memberships and the attendance register. Nobody types the codes.

- F: a facilitator (a facilitator membership current on the date); a facilitator who attends is still F.
- X: attended (present) two or more meetings held at the site on or before the date.
- Y: left on or before the date, or attended fewer than two meetings.
People who joined after the date are not shown. Totals count confirmed members (F and X, not Y).
Each person is shown under the job title and sector they held on the date (members.jobs: job changes are recorded,
not overwritten).
"""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, QuerySet
from django.utils import timezone

from core.spreadsheets import Spreadsheet, Table, csv_writer
from members.jobs import jobs_on
from members.models import Sector
from sites.models import Attendance, AttendanceStatus, MeetingStatus, Membership, MembershipRole, Site

CODE_ORDER = {"X": 0, "Y": 1, "F": 2}
CONFIRMED = {"X", "F"}
NO_SECTOR = "Sector not recorded"
NO_JOB_TITLE = "Job title not recorded"
CONFIRMED_MEETINGS = 2


@dataclass
class MatrixRow:
    sector: str
    job_title: str
    cells: dict[str, str]


@dataclass
class MembershipMatrix:
    as_of: date
    sites: list[str]
    rows: list[MatrixRow]
    totals: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.totals.values())

    def as_dict(self) -> dict:
        return {
            "as_of": self.as_of.isoformat(),
            "sites": self.sites,
            "rows": [{"sector": r.sector, "job_title": r.job_title, "cells": r.cells} for r in self.rows],
            "totals": self.totals,
            "total": self.total,
        }

    def sector_groups(self) -> list[tuple[str, list[MatrixRow]]]:
        groups: list[tuple[str, list[MatrixRow]]] = []
        for row in self.rows:
            if not groups or groups[-1][0] != row.sector:
                groups.append((row.sector, []))
            groups[-1][1].append(row)
        return groups


def _end_of_day(day: date) -> datetime:
    """The first moment after `day` in the project's time zone (Europe/London)."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def _person_code(memberships: list, attended: int, as_of: date) -> str:
    current = [m for m in memberships if m.left is None or m.left > as_of]
    if any(m.role == MembershipRole.FACILITATOR for m in current):
        return "F"
    if not current:
        return "Y"  # left on or before the date
    return "X" if attended >= CONFIRMED_MEETINGS else "Y"


def build_membership_matrix(*, as_of: date, sites: QuerySet[Site] | list[Site] | None = None) -> MembershipMatrix:
    """The matrix on `as_of` for `sites` (every site when None). Four queries whatever the size."""
    site_list = list(Site.objects.order_by("code") if sites is None else sites)
    site_list.sort(key=lambda s: (len(s.code), s.code))  # CP2 before CP10
    site_ids = [s.pk for s in site_list]
    codes_by_id = {s.pk: s.code for s in site_list}

    # Plain tuples, not model instances: a page of 25 national sites has thousands of memberships.
    memberships = (
        Membership.objects.filter(site_id__in=site_ids, joined__lte=as_of)
        .order_by()
        .values_list("site_id", "person_id", "role", "left", "person__job_title", "person__sector", named=True)
    )
    attended = {
        (row["meeting__site_id"], row["person_id"]): row["n"]
        for row in Attendance.objects.filter(
            meeting__site_id__in=site_ids,
            meeting__starts_at__lt=_end_of_day(as_of),
            status=AttendanceStatus.PRESENT,
        )
        .exclude(meeting__status=MeetingStatus.CANCELLED)
        .values("meeting__site_id", "person_id")
        .annotate(n=Count("meeting", distinct=True))
    }

    by_person: dict[tuple[int, int], list] = defaultdict(list)
    for membership in memberships:
        by_person[(membership.site_id, membership.person_id)].append(membership)
    jobs = jobs_on(
        Membership.objects.filter(site_id__in=site_ids, joined__lte=as_of).order_by().values("person_id"), as_of
    )  # the people of by_person, asked as a subquery

    sector_labels = dict(Sector.choices)
    sector_rank = {value: rank for rank, value in enumerate(Sector.values)}
    cells: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    totals = {code: 0 for code in codes_by_id.values()}
    for (site_id, person_id), person_memberships in by_person.items():
        person = person_memberships[0]
        code = _person_code(person_memberships, attended.get((site_id, person_id), 0), as_of)
        site_code = codes_by_id[site_id]
        job = jobs.get(person_id)
        sector, title = (job.sector, job.job_title) if job else (person.person__sector, person.person__job_title)
        cells[(sector, title.strip() or NO_JOB_TITLE)][site_code].append(code)
        if code in CONFIRMED:
            totals[site_code] += 1

    def row_order(key):
        sector, title = key
        return (sector_rank.get(sector, len(sector_rank)), title.lower(), title)

    rows = [
        MatrixRow(
            sector=sector_labels.get(sector, NO_SECTOR),
            job_title=title,
            cells={
                site_code: "".join(sorted(cells[(sector, title)].get(site_code, []), key=CODE_ORDER.__getitem__))
                for site_code in codes_by_id.values()
            },
        )
        for sector, title in sorted(cells, key=row_order)
    ]
    return MembershipMatrix(as_of=as_of, sites=list(codes_by_id.values()), rows=rows, totals=totals)


def matrix_table(matrix: MembershipMatrix) -> Table:
    """The matrix as one table: a row per sector and job title, a column per site, and the totals row."""
    rows = [[row.sector, row.job_title, *(row.cells[code] for code in matrix.sites)] for row in matrix.rows]
    rows.append(["", f"Confirmed members (N={matrix.total})", *(matrix.totals[code] for code in matrix.sites)])
    return Table(title="Membership matrix", headers=["Sector", "Job title", *matrix.sites], rows=rows)


def matrix_spreadsheet(matrix: MembershipMatrix, *, site_names: list[str]) -> Spreadsheet:
    """The download from the matrix page: the date and the sites first, then the table."""
    return Spreadsheet(
        title="Membership matrix (X: two or more meetings; Y: left or fewer than two; F: facilitator)",
        period=f"As of {matrix.as_of:%d/%m/%Y}",
        sites=site_names,
        tables=[matrix_table(matrix)],
    )


def matrix_csv(matrix: MembershipMatrix) -> str:
    """The bare table, for the management command's output."""
    table = matrix_table(matrix)
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(table.headers)
    writer.writerows(table.rows)
    return out.getvalue()
