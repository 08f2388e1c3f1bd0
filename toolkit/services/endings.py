"""Closing a site: the steps on one page (the last meeting, the thank-you to members, what happens to cases and to
members' data), then closing it.

What closing does, decided here and said on the page:
- Learning objects (published, or published openly) stay in the repository as they are.
- Shared cases (shared to written up) stay on the site's pages for programme admins and knowledge brokers only: the
  site's members and facilitators lose their site role on the closing date, so they no longer see them.
- Drafts stay private to their presenters, who are told by email before the site closes. A draft can no longer be
  shared once the site has closed, and the usual retention rule deletes it (DRAFT_RETENTION_DAYS after its last
  change, if it was never shared: cases/services/retention.py).
- Every open membership ends on the closing date, and invitations to the site still waiting are withdrawn. Accounts
  are kept: people with another site or a programme role carry on; the others can still sign in to download their
  own data and their CPD record, or ask to be erased.
- The site's status becomes closed with the date and the reason; from then reminders, meeting series and the health
  check leave it alone, and it is read-only for everyone but programme admins (sites.rules.is_open_site).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from cases.models import LEARNING_OBJECT_STATUSES, Case, CaseStatus
from core.outbox import claim_and_queue
from members.models import User
from sites.models import Invitation, Meeting, Membership, Site, SiteStatus
from toolkit import tasks
from toolkit.models import ClosingNotice, ClosingNoticeKind

CLOSED_REASON = "The site closed."


@dataclass
class ClosingState:
    """Where a site stands on the way to closing: what each step shows, and what must still be done first."""

    site: Site
    upcoming: list[Meeting]
    last_held: Meeting | None
    members: list[User]  # current members and facilitators, with an active account
    thanked: dict[int, datetime]  # person id: when their thank-you was claimed
    learning_objects: int
    shared_cases: int
    drafts: int
    draft_presenters: list[User]
    presenters_told: set[int]
    carry_on: int  # people whose membership ends who keep another site or a programme role
    open_memberships: int
    open_invitations: int
    blockers: list[str] = field(default_factory=list)

    @property
    def to_thank(self) -> list[User]:
        return [person for person in self.members if person.pk not in self.thanked]

    @property
    def thanks_sent_on(self) -> datetime | None:
        return min(self.thanked.values()) if self.thanked else None

    @property
    def presenters_to_tell(self) -> list[User]:
        return [person for person in self.draft_presenters if person.pk not in self.presenters_told]

    @property
    def meeting_done(self) -> bool:
        return not self.upcoming

    @property
    def thanks_done(self) -> bool:
        return not self.to_thank

    @property
    def drafts_done(self) -> bool:
        return not self.presenters_to_tell

    @property
    def no_other_role(self) -> int:
        return len(self.members) - self.carry_on

    @property
    def ready(self) -> bool:
        return not self.blockers


def closing_state(site: Site, *, now: datetime | None = None) -> ClosingState:
    """Each step's state, read from the records: nine queries, whatever the size of the site."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    memberships = list(
        Membership.objects.current(today)
        .filter(site=site, person__is_active=True)
        .select_related("person")
        .order_by("person__name")
    )
    members = list({m.person_id: m.person for m in memberships}.values())
    elsewhere = set(
        Membership.objects.current(today)
        .filter(person__in=members)
        .exclude(site=site)
        .values_list("person_id", flat=True)
    )
    carry_on = sum(
        1
        for person in members
        if person.pk in elsewhere or person.is_programme_admin or person.is_knowledge_broker or person.is_commissioner
    )
    notices = ClosingNotice.objects.filter(site=site).values_list("kind", "person_id", "created_at")
    thanked = {person: at for kind, person, at in notices if kind == ClosingNoticeKind.THANKS}
    told = {person for kind, person, _ in notices if kind == ClosingNoticeKind.DRAFT}
    cases = Case.objects.filter(site=site)
    drafts = cases.filter(status=CaseStatus.DRAFT)
    presenters = User.objects.filter(presented_cases__in=drafts, is_active=True).distinct().order_by("name")
    state = ClosingState(
        site=site,
        upcoming=list(Meeting.objects.upcoming(now).filter(site=site)),
        last_held=Meeting.objects.past(now).filter(site=site).first(),
        members=members,
        thanked=thanked,
        learning_objects=cases.filter(status__in=LEARNING_OBJECT_STATUSES).count(),
        shared_cases=cases.exclude(status__in=(CaseStatus.DRAFT, *LEARNING_OBJECT_STATUSES)).count(),
        drafts=drafts.count(),
        draft_presenters=list(presenters),
        presenters_told=told,
        carry_on=carry_on,
        open_memberships=Membership.objects.filter(site=site, left__isnull=True).count(),
        open_invitations=Invitation.objects.pending().filter(site=site).count(),
    )
    if state.upcoming:
        count = len(state.upcoming)
        state.blockers.append(
            f"{count} meeting{'s are' if count != 1 else ' is'} still scheduled: cancel "
            f"{'them' if count != 1 else 'it'}, or close the site after the last meeting is held."
        )
    if not state.thanks_done:
        state.blockers.append("The members have not been thanked yet: send the thank-you first.")
    if not state.drafts_done:
        state.blockers.append("The presenters of draft cases have not been told yet: tell them first.")
    return state


def _check_open(site: Site) -> None:
    if site.has_ended:
        raise ValidationError(f"{site.code} has already {site.get_status_display().lower()}: nothing to do.")


@transaction.atomic
def send_closing_thanks(*, site: Site, by: User, now: datetime | None = None) -> int:
    """Email the thank-you to each current member and facilitator not yet thanked (once each). Returns how many."""
    if not by.has_perm("toolkit.prepare_closing", site):
        raise PermissionDenied("Only a programme admin or this site's facilitators can thank its members.")
    _check_open(site)
    people = closing_state(site, now=now).to_thank
    if not people:
        raise ValidationError("Everyone has been thanked already: nobody is left to email.")
    claims = ({"site": site, "person": person, "kind": ClosingNoticeKind.THANKS, "sent_by": by} for person in people)
    queued = claim_and_queue(ClosingNotice, claims, task=tasks.send_closing_notice_email)
    record_event(actor=by, action=AuditAction.CREATED, target=site, detail=f"closing thank-you to {queued} people")
    return queued


@transaction.atomic
def tell_draft_presenters(*, site: Site, by: User, now: datetime | None = None) -> int:
    """Email each presenter of a draft case at the site what happens to their drafts (once each). Returns how many."""
    if not by.has_perm("toolkit.prepare_closing", site):
        raise PermissionDenied("Only a programme admin or this site's facilitators can tell the presenters.")
    _check_open(site)
    people = closing_state(site, now=now).presenters_to_tell
    if not people:
        raise ValidationError("Every presenter of a draft has been told already.")
    claims = ({"site": site, "person": person, "kind": ClosingNoticeKind.DRAFT, "sent_by": by} for person in people)
    queued = claim_and_queue(ClosingNotice, claims, task=tasks.send_closing_notice_email)
    record_event(actor=by, action=AuditAction.CREATED, target=site, detail=f"closing note to {queued} presenters")
    return queued


@transaction.atomic
def close_site(*, site: Site, closed_by: User, ended_on: date, reason: str, now: datetime | None = None) -> Site:
    """Close the site once the steps that must come first are done; refuse, changing nothing, until then."""
    if not closed_by.has_perm("toolkit.close_site", site):
        raise PermissionDenied("Only a programme admin can close a site.")
    site = Site.objects.select_for_update().get(pk=site.pk)
    _check_open(site)
    now = now or timezone.now()
    state = closing_state(site, now=now)
    errors: dict[str, list[str]] = {}
    if state.blockers:
        errors["__all__"] = [f"{site.code} cannot close yet. {' '.join(state.blockers)}"]
    reason = (reason or "").strip()
    if not reason:
        errors["reason"] = ["Say why the site is closing, for the programme's learning."]
    if ended_on > timezone.localdate(now):
        errors["ended_on"] = ["The closing date cannot be in the future: close the site on the day it ends."]
    elif state.last_held and ended_on < state.last_held.local_date:
        errors["ended_on"] = [
            f"The closing date cannot be before the last meeting, held on {state.last_held.local_date:%d/%m/%Y}."
        ]
    elif ended_on < site.start_date:
        errors["ended_on"] = [f"The closing date cannot be before the site started, on {site.start_date:%d/%m/%Y}."]
    if errors:
        raise ValidationError(errors)

    site.status, site.ended_on, site.ended_reason = SiteStatus.CLOSED, ended_on, reason
    site.save(update_fields=["status", "ended_on", "ended_reason"])
    ended = 0
    for membership in Membership.objects.filter(site=site, left__isnull=True):
        membership.left = max(ended_on, membership.joined)
        membership.left_reason = CLOSED_REASON
        membership.save(update_fields=["left", "left_reason"])
        ended += 1
    withdrawn = Invitation.objects.pending().filter(site=site).update(revoked_at=now)
    record_event(
        actor=closed_by,
        action=AuditAction.CHANGED,
        target=site,
        detail=f"closed on {ended_on.isoformat()}: {ended} memberships ended, {withdrawn} invitations withdrawn",
    )
    closed_by.__dict__.pop("_cop_site_roles", None)
    closed_by.__dict__.pop("_cop_ended_site_ids", None)
    return site


def draft_retention_months() -> int:
    return round(settings.DRAFT_RETENTION_DAYS / 30.4)
