"""The call for host sites (the report: "selected on the basis of a competitive tender"). A programme admin opens a
call; organisations apply through a public form and get a confirmation; programme admins score each application
against each criterion; an awarded application becomes a site (its award, the facilitator's invitation, the senior
sponsor and the set-up checklist filled in from it); every applicant is told the outcome, once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Avg, Count
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from core.outbox import claim_and_queue
from members.models import Sector, User
from recruitment import tasks
from recruitment.models import (
    ApplicationNotice,
    ApplicationNoticeKind,
    ApplicationScore,
    ApplicationStatus,
    HostSiteApplication,
    HostSiteCall,
    SeniorSponsor,
)
from sites.models import Site, SiteStatus
from sites.services.invitations import invite_person
from sites.services.sites import create_site
from toolkit.models import SiteChecklistItem
from toolkit.services.checklist import ensure_site_checklist

MAX_SCORE = 5


def _check_admin(user: User) -> None:
    if not user.has_perm("recruitment.manage_calls"):
        raise PermissionDenied("Only a programme admin can run a call for host sites.")


def closed_message(call: HostSiteCall) -> str:
    return (
        f"This call closed on {call.closes_on.day} {call.closes_on:%B %Y}: applications are no longer accepted. "
        "Your answers are still on this page if you want to keep a copy; the programme team can tell you when the "
        "next call opens."
    )


@transaction.atomic
def open_call(
    *, by: User, title: str, criteria: str, closes_on: date, award: Decimal, introduction: str = ""
) -> HostSiteCall:
    _check_admin(by)
    lines = [line.strip() for line in criteria.splitlines() if line.strip()]
    errors = {}
    if not lines:
        errors["criteria"] = "Write at least one criterion, one a line, for reviewers to score."
    if closes_on < timezone.localdate():
        errors["closes_on"] = "The closing date has passed: choose today or a later date."
    if errors:
        raise ValidationError(errors)
    call = HostSiteCall.objects.create(
        title=title.strip(),
        introduction=introduction.strip(),
        criteria="\n".join(lines),
        closes_on=closes_on,
        award=award,
        opened_by=by,
    )
    record_event(actor=by, action=AuditAction.CREATED, target=call, detail="call for host sites opened")
    return call


@transaction.atomic
def submit_application(*, call: HostSiteCall, **fields) -> HostSiteApplication:
    """An organisation applies (no account needed). Refused once the call has closed; the contact gets a
    confirmation email, once."""
    if not call.is_open():
        raise ValidationError(closed_message(call))
    sectors = [value for value in fields.pop("sectors", []) if value in Sector.values]
    if not sectors:
        raise ValidationError({"sectors": "Tick at least one sector your organisation can reach."})
    cleaned = {name: value.strip() if isinstance(value, str) else value for name, value in fields.items()}
    application = HostSiteApplication.objects.create(call=call, sectors=sectors, **cleaned)
    record_event(actor=None, action=AuditAction.CREATED, target=application, detail=f"applied to {call.title}"[:300])
    _notify(application, ApplicationNoticeKind.RECEIVED)
    return application


def _notify(application: HostSiteApplication, kind: str) -> int:
    return claim_and_queue(
        ApplicationNotice, [{"application": application, "kind": kind}], task=tasks.send_application_notice
    )


@transaction.atomic
def score_application(*, application: HostSiteApplication, reviewer: User, scores: dict[int, int]) -> None:
    """A reviewer's scores, 0 to 5, for each criterion of the call (by position); scoring again replaces them."""
    _check_admin(reviewer)
    count = len(application.call.criteria_list)
    if set(scores) != set(range(count)):
        raise ValidationError("Score every criterion.")
    if any(not 0 <= score <= MAX_SCORE for score in scores.values()):
        raise ValidationError(f"Each score is from 0 to {MAX_SCORE}.")
    for criterion, score in scores.items():
        ApplicationScore.objects.update_or_create(
            application=application,
            reviewer=reviewer,
            criterion=criterion,
            defaults={"score": score, "scored_at": timezone.now()},
        )
    record_event(actor=reviewer, action=AuditAction.CHANGED, target=application, detail="scored")


def _check_undecided(application: HostSiteApplication) -> None:
    if application.status != ApplicationStatus.SUBMITTED:
        raise ValidationError(f"This application is already decided: {application.get_status_display().lower()}.")


def _site_code() -> str:
    """The next free CP number."""
    taken = set(Site.objects.values_list("code", flat=True))
    number = 1
    while f"CP{number}" in taken:
        number += 1
    return f"CP{number}"


@transaction.atomic
def award_application(*, application: HostSiteApplication, by: User) -> Site:
    """Make the application a site: setting up, with the call's award, the proposed facilitator invited, the senior
    sponsor recorded and the set-up checklist filled in from the application. The applicant is told, once."""
    _check_admin(by)
    application = HostSiteApplication.objects.select_for_update().get(pk=application.pk)
    _check_undecided(application)
    call = application.call
    site = create_site(
        created_by=by,
        code=_site_code(),
        name=f"{application.town} Community of Practice",
        town=application.town,
        host_organisation=application.organisation,
        start_date=timezone.localdate(),
        status=SiteStatus.SETTING_UP,
    )
    site.award = call.award
    site.save(update_fields=["award"])
    SeniorSponsor.objects.create(
        site=site,
        name=application.sponsor_name,
        role=application.sponsor_role,
        agency=application.organisation,
        agreed_on=timezone.localdate(application.submitted_at),
        recorded_by=by,
    )
    invite_person(invited_by=by, email=application.facilitator_email, role="facilitator", site=site)
    _fill_checklist(site, application, by)
    application.status = ApplicationStatus.AWARDED
    application.decided_by, application.decided_at, application.site = by, timezone.now(), site
    application.save(update_fields=["status", "decided_by", "decided_at", "site"])
    record_event(actor=by, action=AuditAction.MOVED, target=application, detail=f"awarded: became {site.code}")
    _notify(application, ApplicationNoticeKind.OUTCOME)
    return site


# Set-up steps the application answers (by the start of the default step's title).
SPONSOR_STEP = "Secure a senior sponsor"
VENUE_STEP = "Book a venue"


def _fill_checklist(site: Site, application: HostSiteApplication, by: User) -> None:
    ensure_site_checklist(site)
    items = SiteChecklistItem.objects.filter(site=site)
    now = timezone.now()
    items.filter(title__startswith=SPONSOR_STEP).update(
        done_on=timezone.localdate(application.submitted_at),
        updated_by=by,
        updated_at=now,
        note=f"{application.sponsor_name}, {application.sponsor_role}: named in the application"[:500],
    )
    items.filter(title__startswith=VENUE_STEP).update(
        note=f"Proposed in the application: {application.venue}"[:500], updated_by=by, updated_at=now
    )


@transaction.atomic
def refuse_application(*, application: HostSiteApplication, by: User) -> HostSiteApplication:
    _check_admin(by)
    application = HostSiteApplication.objects.select_for_update().get(pk=application.pk)
    _check_undecided(application)
    application.status = ApplicationStatus.REFUSED
    application.decided_by, application.decided_at = by, timezone.now()
    application.save(update_fields=["status", "decided_by", "decided_at"])
    record_event(actor=by, action=AuditAction.MOVED, target=application, detail="not awarded")
    _notify(application, ApplicationNoticeKind.OUTCOME)
    return application


def applications_with_scores(call: HostSiteCall):
    """The call's applications, each with its average score and how many reviewers scored it, best first."""
    return (
        call.applications.annotate(average=Avg("scores__score"), scored=Count("scores__reviewer", distinct=True))
        .select_related("site")
        .order_by("-average", "submitted_at")
    )
