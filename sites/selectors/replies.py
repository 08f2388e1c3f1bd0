"""Reads of members' replies to meetings: the expected numbers a facilitator sees before the day (meeting page and
home page, batched over any number of meetings) and a person's own reply."""

from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone

from sites.models import Meeting, MeetingReply, ReplyAnswer
from sites.selectors.memberships import CurrentMembership, current_memberships_at


@dataclass(frozen=True)
class ExpectedNumbers:
    coming: int = 0
    cant_come: int = 0
    maybe: int = 0
    not_replied: int = 0

    @property
    def replied(self) -> int:
        return self.coming + self.cant_come + self.maybe


def expected_numbers(
    meetings: list[Meeting], *, current: list[CurrentMembership] | None = None
) -> dict[int, ExpectedNumbers]:
    """For each meeting, how many of the site's current members said coming, can't come, maybe, or have not replied.
    Two queries whatever the number of meetings, or one given `current` (current_memberships_at of at least the
    meetings' sites)."""
    if not meetings:
        return {}
    site_ids = {m.site_id for m in meetings}
    members = defaultdict(set)
    if current is None:
        current = current_memberships_at(site_ids)
    for membership in current:
        if membership.site_id in site_ids:
            members[membership.site_id].add(membership.person_id)
    replies = defaultdict(dict)
    for meeting_id, person_id, answer in MeetingReply.objects.filter(meeting__in=meetings).values_list(
        "meeting_id", "person_id", "answer"
    ):
        replies[meeting_id][person_id] = answer
    result = {}
    for meeting in meetings:
        current = members[meeting.site_id]
        answers = [a for pid, a in replies[meeting.pk].items() if pid in current]
        result[meeting.pk] = ExpectedNumbers(
            coming=answers.count(ReplyAnswer.COMING),
            cant_come=answers.count(ReplyAnswer.CANT_COME),
            maybe=answers.count(ReplyAnswer.MAYBE),
            not_replied=len(current) - len(answers),
        )
    return result


def replies_by_person(meeting: Meeting) -> dict[int, MeetingReply]:
    return {r.person_id: r for r in MeetingReply.objects.filter(meeting=meeting)}


def reply_of(meeting: Meeting, person) -> MeetingReply | None:
    if not getattr(person, "is_authenticated", False):
        return None
    return MeetingReply.objects.filter(meeting=meeting, person=person).first()


def reply_panel(meeting: Meeting, user, *, may_reply: bool, can_manage: bool) -> dict:
    """The meeting page's replies: the person's own reply (if they may reply) and, for its managers, the expected
    numbers, both until the meeting starts."""
    open_for_replies = not meeting.is_cancelled and meeting.starts_at > timezone.now()
    return {
        "replies_open": open_for_replies,
        "may_reply": may_reply and open_for_replies,
        "my_reply": reply_of(meeting, user) if may_reply else None,
        "expected": expected_numbers([meeting])[meeting.pk] if can_manage and open_for_replies else None,
    }
