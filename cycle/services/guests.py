"""Inviting a commissioner to one meeting of a site, and withdrawing the invitation. The facilitator decides; the
invitation lapses by itself at the end of the meeting's day. The commissioner is emailed once when invited and once
if the invitation is withdrawn (one GuestNotice row per invitation and kind, queued after commit)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from core.outbox import claim_and_queue
from cycle import tasks
from cycle.models import GuestNotice, GuestNoticeKind, MeetingGuest
from sites.models import Meeting


@transaction.atomic
def invite_commissioner(*, meeting: Meeting, person, invited_by) -> MeetingGuest:
    if not invited_by.has_perm("cycle.manage_meeting_cycle", meeting):
        raise PermissionDenied("Only this site's facilitators can invite a commissioner to its meetings.")
    if not (person.is_commissioner and person.is_active):
        raise ValidationError({"person": "Choose a commissioner: only commissioners are invited this way."})
    if meeting.is_cancelled:
        raise ValidationError("This meeting was cancelled: there is nothing to invite anyone to.")
    if timezone.localtime(meeting.starts_at).date() < timezone.localdate():
        raise ValidationError("This meeting has already taken place: invite the commissioner to a later one.")
    existing = MeetingGuest.objects.filter(meeting=meeting, person=person, withdrawn_at__isnull=True).first()
    if existing is not None:
        return existing
    guest = MeetingGuest.objects.create(meeting=meeting, person=person, invited_by=invited_by)
    record_event(actor=invited_by, action=AuditAction.CREATED, target=guest, detail=f"meeting {meeting.pk}")
    _notify(guest, GuestNoticeKind.INVITED)
    return guest


@transaction.atomic
def withdraw_invitation(*, guest: MeetingGuest, withdrawn_by) -> None:
    if not withdrawn_by.has_perm("cycle.manage_meeting_cycle", guest.meeting):
        raise PermissionDenied("Only this site's facilitators can withdraw an invitation.")
    if MeetingGuest.objects.filter(pk=guest.pk, withdrawn_at__isnull=True).update(withdrawn_at=timezone.now()):
        record_event(actor=withdrawn_by, action=AuditAction.CHANGED, target=guest, detail="withdrawn")
        _notify(guest, GuestNoticeKind.WITHDRAWN)


def _notify(guest: MeetingGuest, kind: str) -> int:
    return claim_and_queue(GuestNotice, [{"guest": guest, "kind": kind}], task=tasks.send_guest_notice_email)
