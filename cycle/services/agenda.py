"""The agenda builds itself, the facilitator decides.

Each agenda source is a function registered with `@agenda_source("key")` that returns the items it
proposes for a meeting from what is open at the meeting's own site. `refresh_agenda` adds the newly
proposed items (never twice: one item per meeting and source key), drops proposals that are no longer
open while the agenda is unpublished, and keeps the facilitator's order, removals and own items.
Publishing sends the agenda to the site's members a few days before the meeting, once each."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from cases.models import ActionStatus, Case, CaseStatus, CommissionerIssue, EvidenceLink, Question, QuestionStatus
from core.outbox import claim_and_queue
from core.text_gate import refuse_personal_data_in
from cycle import tasks
from cycle.models import AgendaDelivery, AgendaItem, AgendaItemKind, AgendaPublication
from members.preferences import muted_for_agendas
from sites.models import Meeting, Membership


@dataclass(frozen=True)
class ProposedItem:
    source_key: str
    kind: str
    title: str
    case: object = None


AGENDA_SOURCES: dict[str, Callable[[Meeting], list[ProposedItem]]] = {}


def agenda_source(key: str):
    def register(func):
        AGENDA_SOURCES[key] = func
        return func

    return register


def previous_meeting(meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.scheduled()
        .filter(site_id=meeting.site_id, starts_at__lt=meeting.starts_at)
        .order_by("-starts_at")
        .first()
    )


@agenda_source("standing")
def standing_items(meeting: Meeting) -> list[ProposedItem]:
    """Welcome and ground rules at a taster session (the guest speaker slot comes last, below)."""
    items = []
    if meeting.is_taster:
        items += [
            ProposedItem("standing:welcome", AgendaItemKind.STANDING, "Welcome and introductions"),
            ProposedItem("standing:ground_rules", AgendaItemKind.STANDING, "Ground rules: confidentiality and respect"),
        ]
    return items


@agenda_source("cases")
def cases_to_present(meeting: Meeting) -> list[ProposedItem]:
    """Cases shared with the site and not yet discussed (never a draft)."""
    cases = Case.objects.filter(site_id=meeting.site_id, status=CaseStatus.SHARED).order_by("updated_at", "pk")
    return [ProposedItem(f"case:{c.pk}", AgendaItemKind.CASE, "Case to present", c) for c in cases]


@agenda_source("follow_ups")
def follow_ups_due(meeting: Meeting) -> list[ProposedItem]:
    """Cases discussed at an earlier meeting whose next steps are still open (proposed)."""
    cases = (
        Case.objects.filter(
            site_id=meeting.site_id,
            status=CaseStatus.DISCUSSED,
            meeting__starts_at__lt=meeting.starts_at,
            actions__status=ActionStatus.PROPOSED,
        )
        .distinct()
        .order_by("meeting__starts_at", "pk")
    )
    return [ProposedItem(f"follow_up:{c.pk}", AgendaItemKind.FOLLOW_UP, "Follow-up", c) for c in cases]


@agenda_source("evidence")
def evidence_found(meeting: Meeting) -> list[ProposedItem]:
    """Evidence brokers linked to the site's cases since the previous meeting."""
    since = previous_meeting(meeting)
    links = EvidenceLink.objects.filter(case__site_id=meeting.site_id).exclude(case__status=CaseStatus.DRAFT)
    if since is not None:
        links = links.filter(added_at__gte=since.starts_at)
    links = links.select_related("case", "evidence").order_by("pk")
    return [
        ProposedItem(
            f"evidence:{link.pk}", AgendaItemKind.EVIDENCE, f"Evidence found: {link.evidence.title}", link.case
        )
        for link in links
    ]


@agenda_source("questions")
def questions_waiting(meeting: Meeting) -> list[ProposedItem]:
    """Questions to the knowledge brokers still waiting for an answer."""
    questions = (
        Question.objects.filter(case__site_id=meeting.site_id, status=QuestionStatus.OPEN)
        .exclude(case__status=CaseStatus.DRAFT)
        .select_related("case")
        .order_by("pk")
    )
    return [
        ProposedItem(f"question:{q.pk}", AgendaItemKind.QUESTION, "Question waiting for a broker", q.case)
        for q in questions
    ]


@agenda_source("commissioners")
def commissioners_updates(meeting: Meeting) -> list[ProposedItem]:
    """Issues the site raised for commissioners that changed status or got a response since the previous meeting
    (or ever, before the first): the site hears back at its next meeting."""
    since = previous_meeting(meeting)
    issues = CommissionerIssue.objects.filter(case__site_id=meeting.site_id).exclude(case__status=CaseStatus.DRAFT)
    if since is not None:
        issues = issues.filter(updates__created_at__gte=since.starts_at)
    else:
        issues = issues.filter(updates__isnull=False)
    issues = issues.distinct().select_related("case").order_by("pk")
    return [
        ProposedItem(f"issue:{i.pk}", AgendaItemKind.ISSUE, f"Commissioners: {i.get_status_display().lower()}", i.case)
        for i in issues
    ]


@agenda_source("guest_speaker")
def guest_speaker_slot(meeting: Meeting) -> list[ProposedItem]:
    """One item per guest speaker the facilitator has added; a slot to fill while there are none."""
    speakers = list(meeting.guest_speakers.all())
    if speakers:
        return [ProposedItem(f"guest_speaker:{s.pk}", AgendaItemKind.STANDING, s.agenda_title) for s in speakers]
    return [ProposedItem("standing:guest_speaker", AgendaItemKind.STANDING, "Guest speaker slot")]


def proposed_items(meeting: Meeting) -> list[ProposedItem]:
    return [item for source in AGENDA_SOURCES.values() for item in source(meeting)]


def is_published(meeting: Meeting) -> bool:
    return AgendaPublication.objects.filter(meeting=meeting).exists()


def _next_position(meeting: Meeting) -> int:
    return (AgendaItem.objects.filter(meeting=meeting).aggregate(m=Max("position"))["m"] or 0) + 1


def _check_open(meeting: Meeting) -> None:
    if meeting.is_cancelled:
        raise ValidationError("This meeting was cancelled, so its agenda can no longer be changed.")


@transaction.atomic
def refresh_agenda(*, meeting: Meeting) -> list[AgendaItem]:
    """Bring the proposals up to date with what is open now. Returns the items added."""
    if meeting.is_cancelled:
        return []
    proposals = proposed_items(meeting)
    keys = {p.source_key for p in proposals}
    existing = {item.source_key: item for item in AgendaItem.objects.filter(meeting=meeting).exclude(source_key="")}
    if not is_published(meeting):
        stale = [i.pk for key, i in existing.items() if key not in keys and not i.removed]
        AgendaItem.objects.filter(pk__in=stale).delete()
    added = []
    position = _next_position(meeting)
    for proposal in proposals:
        if proposal.source_key in existing:
            continue
        added.append(
            AgendaItem.objects.create(
                meeting=meeting,
                position=position,
                kind=proposal.kind,
                title=proposal.title,
                case=proposal.case,
                source_key=proposal.source_key,
            )  # fmt: skip
        )
        position += 1
    return added


@transaction.atomic
def move_agenda_item(*, item: AgendaItem, moved_by, direction: str) -> None:
    """Swap the item with its neighbour above ("up") or below ("down") among the items not removed."""
    _check_open(item.meeting)
    items = list(AgendaItem.objects.select_for_update().filter(meeting_id=item.meeting_id, removed=False))
    index = next((i for i, other in enumerate(items) if other.pk == item.pk), None)
    if index is None:
        return
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(items):
        return
    items[index], items[other] = items[other], items[index]
    for position, each in enumerate(items, start=1):
        if each.position != position:
            each.position = position
            each.save(update_fields=["position"])


@transaction.atomic
def remove_agenda_item(*, item: AgendaItem, removed_by) -> None:
    _check_open(item.meeting)
    item.removed = True
    item.save(update_fields=["removed"])


@transaction.atomic
def restore_agenda_item(*, item: AgendaItem, restored_by) -> None:
    _check_open(item.meeting)
    item.removed = False
    item.position = _next_position(item.meeting)
    item.save(update_fields=["removed", "position"])


@transaction.atomic
def add_agenda_item(*, meeting: Meeting, added_by, title: str, case=None) -> AgendaItem:
    _check_open(meeting)
    title = title.strip()
    if not title:
        raise ValidationError({"title": "Write what the item is about."})
    if case is not None and (case.site_id != meeting.site_id or case.is_draft):
        raise ValidationError({"case": "Choose a case shared with this site."})
    item = AgendaItem(
        meeting=meeting, position=_next_position(meeting), kind=AgendaItemKind.CASE if case else AgendaItemKind.OTHER,
        title=title, case=case,
    )  # fmt: skip
    # A typed title passes the gate; proposed items are made from text that already passed it (case titles).
    refuse_personal_data_in(item)
    item.save()
    return item


@transaction.atomic
def publish_agenda(*, meeting: Meeting, published_by) -> AgendaPublication:
    _check_open(meeting)
    if not AgendaItem.objects.filter(meeting=meeting, removed=False).exists():
        raise ValidationError("The agenda is empty: add at least one item before publishing it.")
    publication, _ = AgendaPublication.objects.get_or_create(meeting=meeting, defaults={"published_by": published_by})
    return publication


def agenda_send_days() -> int | None:
    """Days before the meeting the agenda goes out; None: each site's reminder_days_before."""
    return getattr(settings, "AGENDA_SEND_DAYS_BEFORE", None)


def due_agendas(now: datetime) -> list[Meeting]:
    """Published agendas of meetings still to come whose sending period has begun."""
    meetings = (
        Meeting.objects.scheduled()
        .filter(starts_at__gt=now, agenda_publication__isnull=False)
        .select_related("site")
        .order_by("starts_at")
    )
    days = agenda_send_days()
    return [
        m
        for m in meetings
        if not m.site.has_ended and m.starts_at <= now + timedelta(days=days or m.site.reminder_days_before)
    ]


def send_due_agendas(*, now: datetime | None = None) -> int:
    """Queue the agenda email to each current member of the site for every due agenda, once per
    member and meeting (an AgendaDelivery row claims it), except to people who turned agendas off. Returns how many
    were queued."""
    now = now or timezone.now()
    queued = 0
    for meeting in due_agendas(now):
        sent = AgendaDelivery.objects.filter(meeting=meeting).values_list("person_id", flat=True)
        people = (
            Membership.objects.current(timezone.localdate(now))
            .filter(site_id=meeting.site_id, person__is_active=True)
            .exclude(person_id__in=sent)
            .exclude(person_id__in=muted_for_agendas())
            .values_list("person_id", flat=True)
            .distinct()
        )
        claims = ({"meeting": meeting, "person_id": person_id} for person_id in people)
        queued += claim_and_queue(AgendaDelivery, claims, task=tasks.send_agenda_email)
    return queued
