"""Replies to a meeting, from the meeting page or from the links in the reminder email.

The reminder's links carry a signed token naming one meeting and one person, for this purpose only (its own salt),
valid for REPLY_LINK_MAX_AGE. Following one does not need a password: the link answers for the person it was sent
to, like the newsletter's unsubscribe link, and a reply is low-stakes and changeable. What it cannot do: answer for
another person or another meeting (both are inside the signature, so changing either breaks it), outlive its age,
answer for someone who has since left the site, or answer once the meeting has started. Someone signed in as another
person who opens it is refused rather than answering for the addressee. Opening the link (GET) never records
anything: mail scanners fetch links, so the page asks the person to confirm with a button (POST)."""

from dataclasses import dataclass

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from sites.models import Meeting, MeetingReply, Membership, ReplyAnswer

REPLY_SALT = "sites.meeting_reply"
REPLY_LINK_MAX_AGE = 60 * 24 * 3600  # reminders go out up to 28 days ahead; a meeting moved later still answers
NOTE_MAX_LENGTH = 300


def reply_token(*, meeting: Meeting, person) -> str:
    return signing.dumps({"m": meeting.pk, "p": person.pk}, salt=REPLY_SALT, compress=True)


class ReplyLinkExpired(Exception):
    """The link was genuine but is older than REPLY_LINK_MAX_AGE."""


@dataclass(frozen=True)
class ReplyLink:
    meeting_id: int
    person_id: int


def read_reply_token(token: str) -> ReplyLink | None:
    """The meeting and person a reply link names; None if it was not made by us for this purpose (tampered,
    truncated, or another kind of token); ReplyLinkExpired if it is too old."""
    try:
        data = signing.loads(token, salt=REPLY_SALT, max_age=REPLY_LINK_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ReplyLinkExpired from error
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("m"), int) or not isinstance(data.get("p"), int):
        return None
    return ReplyLink(meeting_id=data["m"], person_id=data["p"])


def may_reply(*, meeting: Meeting, person) -> bool:
    """Whether the person is a current member or facilitator of the meeting's site (commissioners never are)."""
    if getattr(person, "is_commissioner", False) or not person.is_active:
        return False
    return Membership.objects.current(timezone.localdate()).filter(site_id=meeting.site_id, person=person).exists()


@transaction.atomic
def reply_to_meeting(*, meeting: Meeting, person, answer: str, note: str = "", now=None) -> MeetingReply:
    """Record (or change) the person's reply. The note goes with apologies only; other answers drop it."""
    now = now or timezone.now()
    if answer not in ReplyAnswer.values:
        raise ValidationError("Choose coming, can't come or maybe.")
    if meeting.is_cancelled:
        raise ValidationError("This meeting was cancelled, so there is nothing to reply to.")
    if meeting.starts_at <= now:
        raise ValidationError("This meeting has already started: tell your facilitator directly.")
    if not may_reply(meeting=meeting, person=person):
        raise ValidationError("Only the site's current members can reply to its meetings.")
    note = " ".join((note or "").split()) if answer == ReplyAnswer.CANT_COME else ""
    if len(note) > NOTE_MAX_LENGTH:
        raise ValidationError(f"Keep the note to {NOTE_MAX_LENGTH} characters.")
    reply, _ = MeetingReply.objects.update_or_create(
        meeting=meeting, person=person, defaults={"answer": answer, "note": note, "replied_at": now}
    )
    return reply
