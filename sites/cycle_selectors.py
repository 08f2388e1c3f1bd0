"""Reads and access lookups for the meeting cycle pages."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from cop.rules import facilitated_site_ids
from sites.models import (
    AgendaItem,
    ExpertConsent,
    ExpertPayment,
    MeetingRecord,
    MeetingSeries,
    RecordAction,
    RecordActionStatus,
    RecordEntry,
    Site,
)
from sites.services.actions import due_of


def access_series(user, pk: int) -> MeetingSeries:
    series = get_object_or_404(MeetingSeries.objects.select_related("site"), pk=pk)
    if not user.has_perm("sites.view_meeting", series):
        raise Http404
    if not user.has_perm("sites.manage_meeting_cycle", series):
        raise PermissionDenied("Only this site's facilitators can do that.")
    return series


def access_agenda_item(user, meeting, pk: int) -> AgendaItem:
    return get_object_or_404(AgendaItem, pk=pk, meeting=meeting)


def access_record_entry(user, record: MeetingRecord, pk: int) -> RecordEntry:
    return get_object_or_404(RecordEntry.objects.select_related("agenda_item__case"), pk=pk, record=record)


def access_site_experts(user, pk: int) -> Site:
    """Consents and payments: hidden entirely (404) from everyone but the site's facilitators and admins."""
    site = get_object_or_404(Site, pk=pk)
    if not user.has_perm("sites.manage_experts", site):
        raise Http404
    return site


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
    from cases.models import ActionItem, ActionStatus

    meeting_actions = RecordAction.objects.filter(owner=user, entry__record__status="approved").select_related(
        "entry__record__meeting__site", "entry__agenda_item__case"
    )
    lines = _meeting_lines(meeting_actions)
    case_actions = ActionItem.objects.filter(owner=user).exclude(case__status="draft").select_related("case__site")
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
    return _sorted(_meeting_lines(actions))


def experts_page(site: Site) -> dict:
    return {
        "consents": ExpertConsent.objects.filter(site=site).select_related("expert"),
        "payments": ExpertPayment.objects.filter(expense__site=site)
        .select_related("expert", "expense")
        .order_by("-expense__spent_on", "-pk"),
    }


def series_of_site(site: Site):
    return MeetingSeries.objects.filter(site=site).order_by("pk")


def upcoming_meetings_with_agenda(site: Site):
    return site.meetings.filter(ends_at__gte=timezone.now()).filter(~Q(status="cancelled")).order_by("starts_at")
