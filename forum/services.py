"""Every change in the forum: threads, posts through the anonymisation gate, moderation, follows and read markers.

A post passes the same gate as case text. With possible personal data it is held: only its author (who sees the
findings highlighted) and the thread's moderators can see it, and nobody is notified, until the author fixes the text
or marks each finding as not personal data with a reason. Once visible, an edit that would bring personal data in is
refused, as it is for a case others can already see.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from cases.services import gate
from cases.services.lifecycle import PersonalDataError
from core.text_gate import STRUCTURED_KINDS, check_reason
from forum import notifications
from forum.mentions import blank_mentions, find_mentions
from forum.models import (
    HOLDING_POST_FINDING_STATUSES,
    Delivery,
    DeliveryState,
    EmailChoice,
    ForumPreference,
    Post,
    PostFinding,
    PostFindingStatus,
    PostReport,
    PostRevision,
    PostStatus,
    ReadMarker,
    Thread,
    ThreadFollow,
    ThreadKind,
    board_kind,
)
from forum.selectors import thread_audience

MAX_BODY = 10_000


def _require(user, perm: str, obj, message: str) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied(message)


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError("Write your post.")
    if len(body) > MAX_BODY:
        raise ValidationError(f"Keep a post under {MAX_BODY:,} characters.")
    return body


# Threads ---------------------------------------------------------------------------------------------------------
@transaction.atomic
def thread_for_case(*, case, kind: str) -> Thread:
    """The case's discussion thread (or its learning-object thread), made the first time anyone opens it."""
    if kind not in (ThreadKind.CASE, ThreadKind.LEARNING_OBJECT):
        raise ValueError(kind)
    thread, _ = Thread.objects.get_or_create(
        kind=kind, case=case, defaults={"site_id": case.site_id, "title": case.title}
    )
    return thread


@transaction.atomic
def start_topic(*, by, title: str, body: str, site=None, facilitators: bool = False, mentioned: Iterable = ()) -> Post:
    """A new topic on a site's board (site given), the facilitators' board (facilitators) or the programme board,
    with its opening post."""
    if facilitators:
        _require(by, "forum.use_facilitators_board", None, "Only facilitators and the programme team use this board.")
    elif site is None:
        _require(by, "forum.start_programme_topic", None, "Only people in the programme can start a topic here.")
    else:
        _require(by, "forum.use_site_board", site, "Only the site's members can start a topic on its board.")
    title = " ".join((title or "").split())
    if not title:
        raise ValidationError("Give your topic a title.")
    found = gate.detect(title)
    if found:
        raise PersonalDataError(
            "The topic was not started: its title may contain personal data ("
            + "; ".join(d.kind_label for d in found)
            + "). Titles are shown in lists and emails, so change it.",
            found={"title": found},
        )
    body = _clean_body(body)
    kind = board_kind(site=site, facilitators=facilitators)
    thread = Thread.objects.create(kind=kind, site=None if facilitators else site, title=title[:200], started_by=by)
    return add_post(thread=thread, by=by, body=body, mentioned=mentioned)


# Posts -----------------------------------------------------------------------------------------------------------
def _mentions(thread: Thread, body: str, mentioned: Iterable) -> tuple[list, set[int]]:
    """The mentions typed in the body, and everyone mentioned (typed or picked) who may read the thread."""
    audience = list(thread_audience(thread).only("pk", "name"))
    allowed = {person.pk for person in audience}
    typed = find_mentions(body, audience)
    people = {m.person_id for m in typed} | {getattr(p, "pk", p) for p in mentioned}
    return typed, people & allowed


def _refresh_findings(post: Post, text: str) -> list[PostFinding]:
    """Keep the post's findings in step with its text; a finding dismissed before (same kind and text) stays so."""
    detected = {(d.kind, d.digest): d for d in reversed(gate.detect(text))}
    existing = {(f.kind, f.digest): f for f in post.findings.all()}
    kept = []
    for key, found in detected.items():
        finding = existing.pop(key, None)
        if finding is None:
            finding = PostFinding.objects.create(
                post=post, start=found.start, end=found.end, kind=found.kind, excerpt=found.excerpt, digest=found.digest
            )
        elif (finding.start, finding.end) != (found.start, found.end):
            finding.start, finding.end = found.start, found.end
            finding.save(update_fields=["start", "end"])
        kept.append(finding)
    PostFinding.objects.filter(pk__in=[f.pk for f in existing.values()]).delete()
    return kept


@transaction.atomic
def add_post(*, thread: Thread, by, body: str, quoted: Post | None = None, mentioned: Iterable = ()) -> Post:
    """Post in a thread. Held if the gate finds possible personal data; otherwise visible and notified at once."""
    _require(by, "forum.reply_in_thread", thread, "You cannot post in this thread.")
    body = _clean_body(body)
    if quoted is not None and (quoted.thread_id != thread.pk or not quoted.is_visible or quoted.is_deleted):
        raise ValidationError("You can only quote a post others can see in this thread.")
    typed, people = _mentions(thread, body, mentioned)
    post = Post.objects.create(thread=thread, author=by, body=body, quoted=quoted, status=PostStatus.HELD)
    post.mentions.set(people - {by.pk})
    ThreadFollow.objects.get_or_create(thread=thread, person=by)
    if not _refresh_findings(post, blank_mentions(body, typed)):
        _release(post)
    return post


def _release(post: Post) -> None:
    """Make a held post visible, and notify the people it concerns (after commit)."""
    now = timezone.now()
    updated = Post.objects.filter(pk=post.pk, status=PostStatus.HELD).update(status=PostStatus.VISIBLE, visible_at=now)
    if updated != 1:
        return
    post.status, post.visible_at = PostStatus.VISIBLE, now
    Thread.objects.filter(pk=post.thread_id).update(last_post_at=now)
    notifications.record_deliveries(post=post)


def open_findings(post: Post) -> list[PostFinding]:
    """The findings that hold the post: open ones, and those waiting for a moderator's confirmation."""
    return list(post.findings.filter(status__in=HOLDING_POST_FINDING_STATUSES))


@transaction.atomic
def edit_post(*, post: Post, by, body: str, mentioned: Iterable = ()) -> Post:
    """Change a post's text. A held post is checked again (and released when clean); a visible post keeps its
    earlier text in its history, and an edit bringing in possible personal data is refused."""
    _require(by, "forum.edit_post", post, "Only the author can edit a post.")
    body = _clean_body(body)
    if body == post.body and not mentioned:
        return post
    typed, people = _mentions(post.thread, body, mentioned)
    gated = blank_mentions(body, typed)
    if post.is_visible:
        dismissed = set(post.findings.filter(status=PostFindingStatus.DISMISSED).values_list("kind", "digest"))
        found = [d for d in gate.detect(gated) if (d.kind, d.digest) not in dismissed]
        if found:
            raise PersonalDataError(
                "Your changes were not saved: others can already see this post and the new text may contain personal "
                "data (" + "; ".join(d.kind_label for d in found) + "). Remove it and save again.",
                found={"body": found},
            )
        PostRevision.objects.create(post=post, body=post.body, replaced_by=by)
    post.body = body
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "edited_at"])
    before = set(post.mentions.values_list("pk", flat=True))
    post.mentions.add(*(people - before - {by.pk}))
    open_now = [f for f in _refresh_findings(post, gated) if f.status in HOLDING_POST_FINDING_STATUSES]
    if post.is_visible:
        notifications.record_deliveries(post=post, mentions_only=True)  # only people newly mentioned
    elif not open_now:
        _release(post)
    return post


@transaction.atomic
def dismiss_post_finding(*, finding: PostFinding, by, reason: str) -> PostFinding:
    """The author says this is not personal data, and why (a real sentence); the post is released once nothing holds
    it. A structured identifier (NHS, NI, date of birth, phone, email) waits for a moderator to confirm, held."""
    _require(by, "forum.dismiss_post_finding", finding.post, "Only the post's author can do that.")
    reason = check_reason(reason)
    if finding.status != PostFindingStatus.OPEN:
        raise ValidationError("This finding is already marked as not personal data.")
    waits = finding.kind in STRUCTURED_KINDS
    finding.status = PostFindingStatus.AWAITING if waits else PostFindingStatus.DISMISSED
    finding.reason = reason[:500]
    finding.dismissed_by = by
    finding.dismissed_at = timezone.now()
    finding.save(update_fields=["status", "reason", "dismissed_by", "dismissed_at"])
    _audit(by, finding, "marked not personal data" + (", waiting for a moderator to confirm" if waits else ""))
    _release_if_clear(finding.post)
    return finding


def _audit(by, finding: PostFinding, what: str) -> None:
    record_event(
        actor=by, action=AuditAction.CHANGED, target=finding.post, detail=f"{finding.kind_label} finding: {what}"
    )


def _release_if_clear(post: Post) -> None:
    if not post.is_visible and not post.is_deleted and not open_findings(post):
        _release(post)


def _check_moderator(finding: PostFinding, by) -> None:
    _require(by, "forum.moderate_thread", finding.post.thread, "Only the thread's moderators can confirm this.")
    if finding.status != PostFindingStatus.AWAITING:
        raise ValidationError("This finding is not waiting for a moderator's confirmation.")
    if finding.dismissed_by_id == by.pk:
        raise PermissionDenied("Another moderator must confirm what you marked as not personal data.")


@transaction.atomic
def confirm_post_finding_dismissal(*, finding: PostFinding, by) -> PostFinding:
    """A moderator agrees it is not personal data: the post is released once nothing else holds it."""
    _check_moderator(finding, by)
    finding.status = PostFindingStatus.DISMISSED
    finding.confirmed_by, finding.confirmed_at = by, timezone.now()
    finding.save(update_fields=["status", "confirmed_by", "confirmed_at"])
    _audit(by, finding, "a moderator confirmed it is not personal data")
    _release_if_clear(finding.post)
    return finding


@transaction.atomic
def refuse_post_finding_dismissal(*, finding: PostFinding, by) -> PostFinding:
    """A moderator does not agree: the finding is open again and the post stays held until the author fixes it."""
    _check_moderator(finding, by)
    finding.status = PostFindingStatus.OPEN
    finding.save(update_fields=["status"])
    _audit(by, finding, "a moderator refused: it must be fixed")
    return finding


@transaction.atomic
def delete_post(*, post: Post, by) -> Post:
    """Soft deletion: the post stays in place as "removed", its text is kept for the audit, and nobody is emailed."""
    _require(by, "forum.delete_post", post, "Only the author or a moderator can remove this post.")
    now = timezone.now()
    updated = Post.objects.filter(pk=post.pk, deleted_at__isnull=True).update(deleted_at=now, deleted_by=by)
    if updated != 1:
        raise ValidationError("This post has already been removed.")
    post.deleted_at, post.deleted_by = now, by
    if post.author_id != by.pk:
        record_event(actor=by, action=AuditAction.DELETED, target=post, detail="Removed by a moderator")
    PostReport.objects.filter(post=post, resolved_at__isnull=True).update(resolved_at=now, resolved_by=by)
    Delivery.objects.filter(post=post, state=DeliveryState.PENDING).update(state=DeliveryState.SKIPPED)
    return post


@transaction.atomic
def report_post(*, post: Post, by, reason: str) -> PostReport:
    _require(by, "forum.report_post", post, "You cannot report this post.")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Say what is wrong with the post, so a moderator can act on it.")
    report, created = PostReport.objects.get_or_create(post=post, reported_by=by, defaults={"reason": reason[:2000]})
    if not created:
        raise ValidationError("You have already reported this post. A moderator will look at it.")
    return report


@transaction.atomic
def resolve_report(*, report: PostReport, by) -> PostReport:
    _require(by, "forum.moderate_thread", report.post.thread, "Only the thread's moderators can close a report.")
    if report.resolved_at is not None:
        raise ValidationError("This report is already closed.")
    report.resolved_at, report.resolved_by = timezone.now(), by
    report.save(update_fields=["resolved_at", "resolved_by"])
    return report


# Following, reading, preferences ------------------------------------------------------------------------------
@transaction.atomic
def set_following(*, thread: Thread, person, follow: bool) -> None:
    _require(person, "forum.view_thread", thread, "You cannot follow this thread.")
    if follow:
        ThreadFollow.objects.get_or_create(thread=thread, person=person)
    else:
        ThreadFollow.objects.filter(thread=thread, person=person).delete()


def mark_thread_read(*, thread: Thread, person) -> None:
    """Everything visible in the thread now counts as read by the person."""
    now = timezone.now()
    # One UPDATE on every visit but the first (update_or_create would lock the row in a transaction of four queries).
    if not ReadMarker.objects.filter(thread=thread, person=person).update(read_at=now):
        ReadMarker.objects.update_or_create(thread=thread, person=person, defaults={"read_at": now})


@transaction.atomic
def set_email_choice(*, person, email: str) -> ForumPreference:
    if email not in EmailChoice.values:
        raise ValidationError("Choose how often to be emailed.")
    preference, _ = ForumPreference.objects.update_or_create(person=person, defaults={"email": email})
    return preference
