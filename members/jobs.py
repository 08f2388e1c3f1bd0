"""A person's job over time. A change of job title, agency or sector is recorded from a date, never overwritten: the
person's own fields hold the job they have now, and JobHistory every job they held, so the membership matrix of an
earlier date (`membership_matrix --as-of`, the matrix page) shows the title held then. Re-tendering moved many
members to new jobs during the programme (the report, CP6)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from members.models import JobHistory, User

JOB_FIELDS = ("job_title", "agency", "sector")


@dataclass(frozen=True)
class Job:
    job_title: str
    agency: str
    sector: str


def _job_of(person: User) -> Job:
    return Job(person.job_title, person.agency, person.sector)


@transaction.atomic
def record_job_change(
    *, person: User, job_title: str, agency: str, sector: str, on: date, by: User | None = None, request=None
) -> JobHistory | None:
    """Record that `person` holds this job from `on`. The job they held before is kept in the history (from the day
    their account was made, if it was never recorded). Nothing changes, and None is returned, when the job is the one
    already held on that date."""
    new = Job(job_title.strip(), agency.strip(), sector)
    if on > timezone.localdate():
        raise ValidationError({"on": "Record a new job from today or an earlier date, once the person has started."})
    history = list(JobHistory.objects.select_for_update().filter(person=person).order_by("started_on", "pk"))
    if not history and _job_of(person) == new:
        return None  # the job they have held all along
    if not history:
        first_day = min(timezone.localdate(person.date_joined), on)
        if first_day < on and _job_of(person) != Job("", "", ""):
            history.append(
                JobHistory.objects.create(
                    person=person, started_on=first_day, recorded_by=by, **_job_of(person).__dict__
                )
            )
    held = next((row for row in reversed(history) if row.started_on <= on), None)
    if held is not None and Job(held.job_title, held.agency, held.sector) == new:
        return None
    row, _ = JobHistory.objects.update_or_create(
        person=person, started_on=on,
        defaults={**new.__dict__, "recorded_by": by, "recorded_at": timezone.now()},
    )  # fmt: skip
    if all(other.started_on <= on for other in history):  # the latest job is the person's job now
        person.job_title, person.agency, person.sector = new.job_title, new.agency, new.sector
        person.save(update_fields=["job_title", "agency", "sector"])
    record_event(
        actor=by, action=AuditAction.CHANGED, target=person, request=request,
        detail=f"job from {on:%d/%m/%Y}: {new.job_title or 'no title'}, {new.agency or 'no agency'}",
    )  # fmt: skip
    return row


def jobs_on(person_ids: Iterable[int] | QuerySet, on: date) -> dict[int, Job]:
    """The job each person held on `on`, for those with a recorded history (one query). Before their first recorded
    job, the first one counts: it is the earliest we know. People with no history hold their current job.
    `person_ids`: the ids, or a queryset of them (`.values("person_id")`), asked as a subquery rather than with a
    parameter per person (the matrix page asks about some 500 people)."""
    ids = person_ids if isinstance(person_ids, QuerySet) else list(person_ids)
    jobs: dict[int, Job] = {}
    rows = JobHistory.objects.filter(person_id__in=ids).order_by("person_id", "started_on", "pk")
    for person_id, started_on, job_title, agency, sector in rows.values_list(
        "person_id", "started_on", "job_title", "agency", "sector"
    ):
        if person_id not in jobs or started_on <= on:
            jobs[person_id] = Job(job_title, agency, sector)
    return jobs
