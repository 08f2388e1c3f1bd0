"""Importing member lists and attendance registers from CSV files.

Shared by the management commands and the upload page. A file is imported whole or not at all: every
row is checked first, and any problem rejects the file with a list of EVERY bad row (line number and
reason in plain words). Re-importing the same file changes nothing: rows update or create, keyed on
site and email (members) or meeting and email (attendance).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Lower
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from core.rules import is_programme_admin
from members.jobs import JOB_FIELDS, record_job_change
from members.models import Sector, User
from sites.models import Attendance, AttendanceStatus, Meeting, MeetingStatus, Membership, MembershipRole, Site
from sites.rules import facilitated_site_ids

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MEMBER_COLUMNS = [
    "site",
    "name",
    "email",
    "job_title",
    "agency",
    "sector",
    "expert_by_experience",
    "role",
    "joined",
    "left",
]
ATTENDANCE_COLUMNS = ["site", "meeting_date", "email", "status"]
MEETING_START, MEETING_END = time(14, 0), time(16, 0)
SECTORS_BY_NAME = {label.lower(): value for value, label in Sector.choices}
YES, NO = {"yes", "y", "true", "1"}, {"no", "n", "false", "0", ""}


@dataclass(frozen=True)
class RowProblem:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"Line {self.line}: {self.reason}" if self.line else self.reason


class ImportRejected(Exception):
    """The file was not imported; `problems` lists every reason."""

    def __init__(self, problems: list[RowProblem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


@dataclass
class ImportSummary:
    kind: str  # "members" or "attendance"
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    people_created: int = 0
    meetings_created: int = 0
    sites: set[str] = field(default_factory=set)

    def __str__(self) -> str:
        noun = "member" if self.kind == "members" else "attendance record"
        parts = [f"{self.added} {noun}{'s' if self.added != 1 else ''} added", f"{self.updated} updated"]
        if self.unchanged:
            parts.append(f"{self.unchanged} unchanged")
        text = ", ".join(parts)
        if self.meetings_created:
            text += f"; {self.meetings_created} meeting{'s' if self.meetings_created != 1 else ''} created"
        return text


# Reading the file
NOT_CSV = "This is not a CSV file. Save the spreadsheet as “CSV UTF-8” and upload that."
NOT_UTF8 = "The file is not in UTF-8. In your spreadsheet choose Save As, “CSV UTF-8”, then try again."
TOO_BIG = "The file is bigger than 2 MB. Split it into smaller files and import each."


def _reject(reason: str, line: int = 0) -> ImportRejected:
    return ImportRejected([RowProblem(line, reason)])


def decode_csv(data: bytes, *, filename: str = "") -> str:
    """The file's text, or ImportRejected saying plainly what is wrong with the file itself."""
    if filename and not filename.lower().endswith(".csv"):
        raise _reject(NOT_CSV)
    if len(data) > MAX_UPLOAD_BYTES:
        raise _reject(TOO_BIG)
    if b"\x00" in data:
        raise _reject(NOT_CSV)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _reject(NOT_UTF8) from None
    if not text.strip():
        raise ImportRejected([RowProblem(0, "The file is empty.")])
    return text


def read_rows(text: str, columns: list[str]) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) pairs. The header must have exactly `columns` (any case, any order)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except (StopIteration, csv.Error):
        header = []
    if sorted(header) != sorted(columns):
        missing = [c for c in columns if c not in header]
        extra = [h for h in header if h not in columns]
        detail = []
        if missing:
            detail.append("missing " + ", ".join(missing))
        if extra:
            detail.append("not expected " + ", ".join(h or "(blank)" for h in extra))
        why = "; ".join(detail) or "a name is repeated"
        raise _reject(f"The first line must be the column names {','.join(columns)} ({why}).", line=1)
    rows = []
    try:
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            line = reader.line_num
            if len(values) != len(header):
                problem = f"has {len(values)} values but the header has {len(header)} columns."
                rows.append((line, {"__problem__": problem}))
                continue
            rows.append((line, {name: value.strip() for name, value in zip(header, values, strict=True)}))
    except csv.Error as problem:
        raise ImportRejected([RowProblem(reader.line_num, f"The file could not be read as CSV ({problem}).")]) from None
    return rows


# The longest value each column may hold (the model fields' own limits); a value longer than this is refused with
# its line, never cut short or left for the database to refuse.
COLUMN_LIMITS = {
    "site": Site._meta.get_field("code").max_length,
    "name": User._meta.get_field("name").max_length,
    "email": User._meta.get_field("email").max_length,
    "job_title": User._meta.get_field("job_title").max_length,
    "agency": User._meta.get_field("agency").max_length,
}
OTHER_COLUMNS_LIMIT = 40  # sector, yes/no, role, status and dates: the longest right answer is far shorter
EARLIEST_DATE = date(2000, 1, 1)  # communities of practice in this programme began long after
LATEST_AHEAD = timedelta(days=366)  # a date up to a year ahead (a planned start); never year 9999


def _shown(value: str) -> str:
    """A value quoted back in a message, cut short so that a 5,000-character cell does not fill the page."""
    return f"“{value[:40]}…”" if len(value) > 40 else f"“{value}”"


def _too_long(row: dict[str, str], problems: list[str]) -> bool:
    """Whether any cell is longer than its column holds (each such cell is listed in `problems`)."""
    before = len(problems)
    for column, value in row.items():
        limit = COLUMN_LIMITS.get(column, OTHER_COLUMNS_LIMIT)
        if len(value) > limit:
            problems.append(f"{column} is {len(value):,} characters long; it can be at most {limit}.")
    return len(problems) > before


def _parse_date(value: str, column: str, problems: list[str]) -> date | None:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        shown = _shown(value) if value else "empty"
        problems.append(f"{column} is {shown}; write dates as YYYY-MM-DD, for example 2026-03-05.")
        return None
    latest = timezone.localdate() + LATEST_AHEAD
    if not EARLIEST_DATE <= day <= latest:
        problems.append(
            f"{column} is {day:%d/%m/%Y}; it must be between {EARLIEST_DATE:%d/%m/%Y} and {latest:%d/%m/%Y}."
        )
        return None
    return day


def _check_email(value: str, problems: list[str]) -> str:
    try:
        validate_email(value)
    except ValidationError:
        problems.append(f"{_shown(value)} is not a valid email address." if value else "the email address is missing.")
    return value.lower()


class _SiteLookup:
    """Site codes the importing user may use (any site when imported_by is None: the command line)."""

    def __init__(self, imported_by: User | None):
        self.sites = {s.code.upper(): s for s in Site.objects.all()}
        self.allowed = None
        if imported_by is not None and not is_programme_admin(imported_by):
            self.allowed = facilitated_site_ids(imported_by)

    def get(self, code: str, problems: list[str]) -> Site | None:
        site = self.sites.get(code.upper())
        if site is None:
            problems.append(f"there is no site with the code {_shown(code)}." if code else "the site code is missing.")
            return None
        if self.allowed is not None and site.pk not in self.allowed:
            problems.append(f"{site.code} is not a site you facilitate; you can only import for your own site.")
            return None
        return site


# Members
@dataclass
class MemberRow:
    line: int
    site: Site
    email: str
    person: dict
    role: str
    joined: date
    left: date | None


def validate_member_rows(text: str, *, imported_by: User | None) -> list[MemberRow]:
    sites = _SiteLookup(imported_by)
    problems: list[RowProblem] = []
    valid: list[MemberRow] = []
    seen: dict[tuple[int, str], int] = {}
    for line, row in read_rows(text, MEMBER_COLUMNS):
        if "__problem__" in row:
            problems.append(RowProblem(line, f"this row {row['__problem__']}"))
            continue
        found: list[str] = []
        if _too_long(row, found):
            problems.extend(RowProblem(line, reason) for reason in found)
            continue
        site = sites.get(row["site"], found)
        if not row["name"]:
            found.append("the name is missing.")
        email = _check_email(row["email"], found)
        sector = ""
        if row["sector"]:
            sector = SECTORS_BY_NAME.get(row["sector"].lower(), "")
            if not sector:
                names = ", ".join(label for _, label in Sector.choices)
                found.append(f"“{row['sector']}” is not a sector we know; use one of {names}.")
        ebe = row["expert_by_experience"].lower()
        if ebe not in YES | NO:
            found.append(f"expert_by_experience is “{row['expert_by_experience']}”; write yes or no.")
        role = row["role"].lower() or MembershipRole.MEMBER
        if role not in MembershipRole.values:
            found.append(f"role is “{row['role']}”; write member or facilitator.")
        joined = _parse_date(row["joined"], "joined", found)
        left = _parse_date(row["left"], "left", found) if row["left"] else None
        if joined and left and left < joined:
            found.append(f"left ({left:%d/%m/%Y}) is before joined ({joined:%d/%m/%Y}).")
        if site and email and not found:
            key = (site.pk, email)
            if key in seen:
                found.append(f"{email} at {site.code} is already on line {seen[key]}; keep one row per person.")
            seen.setdefault(key, line)
        if found:
            problems.extend(RowProblem(line, reason) for reason in found)
            continue
        valid.append(
            MemberRow(
                line=line,
                site=site,
                email=email,
                person={
                    "name": row["name"],
                    "job_title": row["job_title"],
                    "agency": row["agency"],
                    "sector": sector,
                    "expert_by_experience": ebe in YES,
                },
                role=role,
                joined=joined,
                left=left,
            )
        )
    commissioners = set(
        User.objects.annotate(lower_email=Lower("email"))
        .filter(lower_email__in={row.email for row in valid}, is_commissioner=True)
        .values_list("lower_email", flat=True)
    )
    for row in valid:
        if row.email in commissioners:
            problems.append(RowProblem(row.line, f"{row.email} is a commissioner: commissioners read the issues "
                                                 "raised in digests, not the members' discussion, so they cannot be "
                                                 "members of a site. Leave this row out."))  # fmt: skip
    if problems:
        raise ImportRejected(sorted(problems, key=lambda problem: problem.line))
    if not valid:
        raise ImportRejected([RowProblem(0, "The file has a header but no rows to import.")])
    return valid


def may_update_details(imported_by: User | None, person: User) -> bool:
    """People who have signed in keep their own details: a facilitator's import does not overwrite them.
    The command line (imported_by None) and programme admins may."""
    return imported_by is None or is_programme_admin(imported_by) or not person.has_usable_password()


@transaction.atomic
def import_members(*, data: bytes, filename: str = "", imported_by: User | None = None) -> ImportSummary:
    """Import a member list: people are created or updated by email, memberships by site and email."""
    rows = validate_member_rows(decode_csv(data, filename=filename), imported_by=imported_by)
    summary = ImportSummary(kind="members")
    emails = {r.email for r in rows}
    people = {u.email.lower(): u for u in User.objects.filter(email__in=emails)}
    for row in rows:
        summary.sites.add(row.site.code)
        person = people.get(row.email)
        if person is None:
            person = User.objects.create_user(row.email, **row.person)
            people[row.email] = person
            summary.people_created += 1
        elif may_update_details(imported_by, person):
            # A new job title, agency or sector is a job change from today, kept in the person's job history.
            job = {f: row.person[f] for f in JOB_FIELDS}
            if any(getattr(person, f) != v for f, v in job.items()):
                record_job_change(person=person, on=timezone.localdate(), by=imported_by, **job)
            changed = [f for f, v in row.person.items() if f not in JOB_FIELDS and getattr(person, f) != v]
            for f in changed:
                setattr(person, f, row.person[f])
            if changed:
                person.save(update_fields=changed)
        # The open membership if there is one, otherwise the latest.
        membership = (
            Membership.objects.filter(site=row.site, person=person)
            .order_by(F("left").desc(nulls_first=True), "-joined")
            .first()
        )
        values = {"role": row.role, "joined": row.joined, "left": row.left}
        if membership is None:
            Membership.objects.create(site=row.site, person=person, **values)
            record_event(actor=imported_by, action=AuditAction.ROLE_CHANGED, target=person,
                         detail=f"imported as {row.role} at {row.site.code}")  # fmt: skip
            summary.added += 1
            continue
        changed = [f for f, v in values.items() if getattr(membership, f) != v]
        for f in changed:
            setattr(membership, f, values[f])
        if changed:
            membership.save(update_fields=changed)
            record_event(actor=imported_by, action=AuditAction.ROLE_CHANGED, target=person,
                         detail=f"membership of {row.site.code} imported: {', '.join(changed)} changed")  # fmt: skip
            summary.updated += 1
        else:
            summary.unchanged += 1
    return summary


# Attendance
@dataclass
class AttendanceRow:
    line: int
    site: Site
    meeting_date: date
    person: User
    status: str


def validate_attendance_rows(text: str, *, imported_by: User | None) -> list[AttendanceRow]:
    sites = _SiteLookup(imported_by)
    raw = read_rows(text, ATTENDANCE_COLUMNS)
    emails = {row.get("email", "").lower() for _, row in raw}
    people = {u.email.lower(): u for u in User.objects.filter(email__in=emails)}
    members = set(Membership.objects.filter(person__in=people.values()).values_list("site_id", "person_id").distinct())
    problems: list[RowProblem] = []
    valid: list[AttendanceRow] = []
    seen: dict[tuple[int, date, str], int] = {}
    for line, row in raw:
        if "__problem__" in row:
            problems.append(RowProblem(line, f"this row {row['__problem__']}"))
            continue
        found: list[str] = []
        if _too_long(row, found):
            problems.extend(RowProblem(line, reason) for reason in found)
            continue
        site = sites.get(row["site"], found)
        meeting_date = _parse_date(row["meeting_date"], "meeting_date", found)
        before = len(found)
        email = _check_email(row["email"], found)
        email_ok = len(found) == before
        person = people.get(email)
        if email_ok and person is None:
            found.append(f"nobody with the email {email} is registered; import them in a member list first.")
        elif site and person and (site.pk, person.pk) not in members:
            found.append(f"{email} is not a member of {site.code}; add them to the site first.")
        status = row["status"].lower()
        if status not in AttendanceStatus.values:
            found.append(f"status is “{row['status']}”; write present, apologies or absent.")
        if site and meeting_date and email and not found:
            key = (site.pk, meeting_date, email)
            if key in seen:
                when = f"{meeting_date:%d/%m/%Y}"
                found.append(f"{email} at the {site.code} meeting on {when} is already on line {seen[key]}.")
            seen.setdefault(key, line)
        if found:
            problems.extend(RowProblem(line, reason) for reason in found)
            continue
        valid.append(AttendanceRow(line=line, site=site, meeting_date=meeting_date, person=person, status=status))
    if problems:
        raise ImportRejected(problems)
    if not valid:
        raise ImportRejected([RowProblem(0, "The file has a header but no rows to import.")])
    return valid


def _meeting_on(site: Site, day: date, cache: dict, summary: ImportSummary) -> Meeting:
    key = (site.pk, day)
    if key not in cache:
        start = timezone.make_aware(datetime.combine(day, time.min))
        meeting = (
            Meeting.objects.filter(site=site, starts_at__gte=start, starts_at__lt=start + timedelta(days=1))
            .exclude(status=MeetingStatus.CANCELLED)
            .order_by("starts_at")
            .first()
        )
        if meeting is None:
            meeting = Meeting.objects.create(
                site=site,
                starts_at=timezone.make_aware(datetime.combine(day, MEETING_START)),
                ends_at=timezone.make_aware(datetime.combine(day, MEETING_END)),
            )
            summary.meetings_created += 1
        cache[key] = meeting
    return cache[key]


@transaction.atomic
def import_attendance(*, data: bytes, filename: str = "", imported_by: User | None = None) -> ImportSummary:
    """Import attendance registers. A meeting on that date at that site is created (14:00 to 16:00,
    UK time) if there is none."""
    rows = validate_attendance_rows(decode_csv(data, filename=filename), imported_by=imported_by)
    summary = ImportSummary(kind="attendance")
    meetings: dict = {}
    for row in rows:
        summary.sites.add(row.site.code)
        meeting = _meeting_on(row.site, row.meeting_date, meetings, summary)
        record = Attendance.objects.filter(meeting=meeting, person=row.person).first()
        if record is None:
            Attendance.objects.create(meeting=meeting, person=row.person, status=row.status)
            summary.added += 1
        elif record.status != row.status:
            record.status = row.status
            record.save(update_fields=["status"])
            summary.updated += 1
        else:
            summary.unchanged += 1
    return summary


IMPORTERS = {"members": import_members, "attendance": import_attendance}
