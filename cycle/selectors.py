"""Reads for the meeting cycle pages: record entries, when actions are due, and people's actions across sites."""

from dataclasses import dataclass
from datetime import date

from django.db.models import OuterRef, Subquery

from cases.models import ActionItem, ActionStatus, CaseStatus
from core.anonymisation import find_personal_data
from cycle.models import AgendaItem, AgendaPublication, MeetingGuest, MeetingRecord, RecordAction, RecordActionStatus
from sites.models import Meeting
from sites.rules import facilitated_site_ids


def next_meeting_after(meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.scheduled()
        .filter(site_id=meeting.site_id, starts_at__gt=meeting.starts_at)
        .order_by("starts_at")
        .first()
    )


@dataclass
class Due:
    on: date | None
    meeting: Meeting | None


def due_of(action: RecordAction) -> Due:
    """When a meeting action is due: its date, or the next meeting of the site after the one it came from."""
    if action.due_on:
        return Due(action.due_on, None)
    # with_following_meetings reads the next meeting for a whole list at once
    following = action.following if hasattr(action, "following") else next_meeting_after(action.entry.record.meeting)
    return Due(following.local_date if following else None, following)


def with_following_meetings(actions) -> list[RecordAction]:
    """The actions, each with `following`, the next meeting of its site after the one it came from: two queries for
    any number of actions, where due_of alone asks once per action."""
    following = Subquery(
        Meeting.objects.scheduled()
        .filter(
            site_id=OuterRef("entry__record__meeting__site_id"),
            starts_at__gt=OuterRef("entry__record__meeting__starts_at"),
        )
        .order_by("starts_at")
        .values("pk")[:1]
    )
    actions = list(actions.annotate(following_id=following))
    meetings = Meeting.objects.in_bulk({a.following_id for a in actions if a.following_id})
    for action in actions:
        action.following = meetings.get(action.following_id)
    return actions


@dataclass
class MeetingAgenda:
    items: list
    published: bool


def meeting_agenda(meeting: Meeting, user=None) -> MeetingAgenda:
    """The meeting's one agenda as the meeting page and the reminder email show it: its items once published, and
    to the site's facilitators while they prepare it (user None: as a member sees it)."""
    published = AgendaPublication.objects.filter(meeting=meeting).exists()
    can_manage = user is not None and user.has_perm("cycle.manage_meeting_cycle", meeting)
    if not (published or can_manage):
        return MeetingAgenda(items=[], published=False)
    items = AgendaItem.objects.filter(meeting=meeting, removed=False).select_related("case").order_by("position", "pk")
    return MeetingAgenda(items=list(items), published=published)


def record_entries(record: MeetingRecord):
    return record.entries.select_related("agenda_item__case").prefetch_related("actions__owner", "comments__author")


@dataclass
class ActionLine:
    kind: str  # "meeting" or "case"
    action: object
    is_open: bool
    due_on: date | None
    site_code: str
    meeting: object = None
    case: object = None


def _case_of(action):
    """The case an action's agenda item was about, never a draft (its title is for its presenters only)."""
    item = action.entry.agenda_item
    return item.case if item is not None and item.case is not None and not item.case.is_draft else None


def _meeting_lines(actions) -> list[ActionLine]:
    return [
        ActionLine(
            kind="meeting",
            action=a,
            is_open=a.is_open,
            due_on=due_of(a).on,
            site_code=a.entry.record.meeting.site.code,
            meeting=a.entry.record.meeting,
            case=_case_of(a),
        )  # fmt: skip
        for a in actions
    ]


def _sorted(lines: list[ActionLine]) -> list[ActionLine]:
    return sorted(lines, key=lambda line: (not line.is_open, line.due_on or date.max, line.site_code))


def my_actions(user) -> list[ActionLine]:
    """The person's actions across sites, open first then by due date: meeting actions from approved
    records and next steps of cases they own (never a draft case's)."""
    meeting_actions = RecordAction.objects.filter(owner=user, entry__record__status="approved").select_related(
        "entry__record__meeting__site", "entry__agenda_item__case"
    )
    lines = _meeting_lines(with_following_meetings(meeting_actions))
    case_actions = (
        ActionItem.objects.filter(owner=user)
        .exclude(case__status="draft")
        .select_related("case__site", "case__meeting")
    )
    lines += [
        ActionLine(
            kind="case",
            action=a,
            is_open=a.status == ActionStatus.PROPOSED,
            due_on=None,
            site_code=a.case.site.code,
            meeting=a.case.meeting,
            case=a.case,
        )  # fmt: skip
        for a in case_actions
    ]
    return _sorted(lines)


def site_open_actions(user) -> list[ActionLine]:
    """For facilitators: every open action of the sites they facilitate."""
    site_ids = list(facilitated_site_ids(user))
    if not site_ids:
        return []
    actions = RecordAction.objects.filter(
        entry__record__meeting__site_id__in=site_ids, status=RecordActionStatus.OPEN, entry__record__status="approved"
    ).select_related("entry__record__meeting__site", "entry__agenda_item__case", "owner")
    return _sorted(_meeting_lines(with_following_meetings(actions)))


def visible_agenda(meeting: Meeting) -> list[AgendaItem]:
    return list(meeting.agenda_items.filter(removed=False).select_related("case").order_by("position", "pk"))


def _screened(text: str) -> str | None:
    text = (text or "").strip()
    return text if text and not find_personal_data(text) else None


def guest_view(meeting: Meeting) -> dict:
    """What an invited commissioner reads of a meeting: the published agenda's items and, for each case on it that
    has passed the gate, its title and the issues for commissioners, screened once more. Never presenters' names,
    the presentation, the discussion, or the record."""
    published = AgendaPublication.objects.filter(meeting=meeting).exists()
    lines = []
    if published:
        items = AgendaItem.objects.filter(meeting=meeting, removed=False).select_related("case")
        for item in items.order_by("position", "pk"):
            case = item.case if item.case is not None and item.case.status != CaseStatus.DRAFT else None
            lines.append(
                {
                    "title": _screened(item.title) or "An agenda item (not shown: it may contain personal data)",
                    "case_title": (_screened(case.title) or "A case (title withheld)") if case else None,
                    "kind": case.get_kind_display() if case else "",
                    "issues": _screened(case.commissioner_issues) if case else None,
                }
            )
    return {"published": published, "lines": lines}


def guests_of(meeting: Meeting) -> list[MeetingGuest]:
    return list(MeetingGuest.objects.filter(meeting=meeting, withdrawn_at__isnull=True).select_related("person"))
