"""What a person sees on their home page: their sites, next meetings and the work that waits for them, shaped for
each role. A facilitator: the next meeting and its agenda, registers not yet taken, cases shared for the next
meeting, open actions, site health and set-up steps still to do. A member: the cases they present and what to fix in
them, the actions they own, their questions the brokers answered. The menu shows the same counts as badges.

Every read is batched over the person's sites: the number of queries does not grow with sites, cases or meetings."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone

from cases.models import ActionItem, ActionStatus, Case, CaseStatus, Finding, Question, QuestionStatus
from cases.models.findings import BLOCKING_FINDING_STATUSES
from cases.selectors.cases import awaiting_confirmation_by
from cases.selectors.evidence import broker_queue
from cycle.models import RecordAction, RecordActionStatus
from digests.selectors import commissioner_home
from evaluation.selectors import open_rounds_for, open_surveys_for
from forum.selectors import post_findings_awaiting_confirmation, whats_new
from members.models import User
from network.selectors import next_network_meeting
from sites.models import Attendance, Invitation, Meeting, Membership
from sites.rules import facilitated_site_ids, remember_site_roles, site_roles
from sites.selectors.memberships import current_memberships_at
from sites.selectors.replies import expected_numbers
from toolkit.selectors import checklist_lines, sites_needing_attention

LIST_LIMIT = 5
NEXT_MEETINGS = 5
# Counted with the menu's badges, for the home page only (no menu entry has these names).
PENDING_INVITATIONS = "pending invitations"
FINDINGS_TO_CONFIRM = "findings to confirm"
POST_FINDINGS_TO_CONFIRM = "post findings to confirm"
AGENDA_NOTICE_DAYS = 10  # the agenda should reach members a week or so before the meeting


class SubqueryCount(Subquery):
    """COUNT(*) of a queryset, as a column of another query."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) _count)"
    output_field = IntegerField()


# What waits for a person, as querysets: the home page lists them, the menu counts them.
def open_meeting_actions(user) -> QuerySet[RecordAction]:
    return RecordAction.objects.filter(owner=user, status=RecordActionStatus.OPEN, entry__record__status="approved")


def open_case_actions(user) -> QuerySet[ActionItem]:
    return ActionItem.objects.filter(owner=user, status=ActionStatus.PROPOSED).exclude(case__status=CaseStatus.DRAFT)


def findings_to_fix(user) -> QuerySet[Finding]:
    return Finding.objects.blocking().filter(case__presenters=user)


def registers_not_taken(site_ids) -> QuerySet[Meeting]:
    """Meetings that have started, not cancelled, whose register has no line yet."""
    return (
        Meeting.objects.scheduled()
        .filter(site_id__in=site_ids, starts_at__lte=timezone.now())
        .exclude(Exists(Attendance.objects.filter(meeting=OuterRef("pk"))))
    )


def open_questions() -> QuerySet[Question]:
    return Question.objects.filter(status=QuestionStatus.OPEN)


def menu_counts(user) -> dict[str, int]:
    """The badges on the menu, {url name: count}, in one query: open actions the person owns, findings to fix in
    the cases they present, registers not yet taken at the sites they facilitate, open questions for brokers; and,
    for the home page's list of what waits, invitations not yet accepted at those sites and the "not personal data"
    waiting for the person to confirm."""
    counts = {
        "count_actions": SubqueryCount(open_meeting_actions(user).values("pk")),
        "count_case_actions": SubqueryCount(open_case_actions(user).values("pk")),
        "count_findings": SubqueryCount(findings_to_fix(user).values("pk")),
    }
    facilitated = facilitated_site_ids(user)
    if facilitated:
        counts["count_registers"] = SubqueryCount(registers_not_taken(facilitated).values("pk"))
        counts["count_invitations"] = SubqueryCount(
            Invitation.objects.pending().filter(site_id__in=facilitated).values("pk")
        )
        counts["count_to_confirm"] = SubqueryCount(awaiting_confirmation_by(user).values("pk"))
    if facilitated or user.is_programme_admin:
        counts["count_posts_to_confirm"] = SubqueryCount(post_findings_awaiting_confirmation(user).values("pk"))
    if user.has_perm("cases.view_question_queue"):
        counts["count_questions"] = SubqueryCount(open_questions().values("pk"))
    row = User.objects.filter(pk=user.pk).annotate(**counts).values(*counts).first() or {}
    badges = {
        "my_actions": row.get("count_actions", 0) + row.get("count_case_actions", 0),
        "cases:list": row.get("count_findings", 0),
        "sites:list": row.get("count_registers", 0),
        "evidence:questions": row.get("count_questions", 0),
        PENDING_INVITATIONS: row.get("count_invitations", 0),
        FINDINGS_TO_CONFIRM: row.get("count_to_confirm", 0),
        POST_FINDINGS_TO_CONFIRM: row.get("count_posts_to_confirm", 0),
    }
    return {name: count for name, count in badges.items() if count}


def _agenda_state(meeting: Meeting) -> str:
    publication = getattr(meeting, "agenda_publication", None)
    if publication is not None:
        return f"Agenda sent to members on {_long_date(publication.published_at)}."
    if meeting.agenda_count:
        items = "item" if meeting.agenda_count == 1 else "items"
        return f"Agenda in preparation: {meeting.agenda_count} {items}, not sent to members yet."
    return "No agenda yet."


def upcoming_meetings(site_ids: set[int]) -> list[Meeting]:
    """The meetings to come at these sites, soonest first, with their site, their agenda's publication and their
    number of agenda items: the home page's next meetings and each facilitated site's next meeting, in one query."""
    if not site_ids:
        return []
    return list(
        Meeting.objects.upcoming()
        .filter(site_id__in=site_ids)
        .select_related("site", "agenda_publication")
        .annotate(agenda_count=Count("agenda_items", filter=Q(agenda_items__removed=False)))
        .order_by("starts_at")
    )


def facilitator_work(site_ids: set[int], sites: dict, upcoming: list[Meeting]) -> list[dict]:
    """For each site the person facilitates: what the home page shows, from `sites` ({pk: site}, each read with its
    health check) and `upcoming` (upcoming_meetings of at least these sites). A fixed number of queries for any
    number of sites."""
    if not site_ids:
        return []
    next_meeting = {}
    for meeting in upcoming:
        if meeting.site_id in site_ids:
            next_meeting.setdefault(meeting.site_id, meeting)
    current = current_memberships_at(site_ids)  # for the replies expected and the set-up steps
    expected = expected_numbers(list(next_meeting.values()), current=current)
    registers = defaultdict(list)
    for meeting in registers_not_taken(site_ids).order_by("-starts_at"):
        registers[meeting.site_id].append(meeting)
    shared = defaultdict(list)
    shared_cases = Case.objects.filter(site_id__in=site_ids, status=CaseStatus.SHARED).only("site_id", "title")
    for case in shared_cases.order_by("updated_at", "pk"):
        shared[case.site_id].append(case)
    open_actions = dict(
        RecordAction.objects.filter(
            entry__record__meeting__site_id__in=site_ids,
            status=RecordActionStatus.OPEN,
            entry__record__status="approved",
        )
        .values("entry__record__meeting__site_id")
        .annotate(n=Count("pk"))
        .values_list("entry__record__meeting__site_id", "n")
    )
    checklists = checklist_lines(site_ids, current=current)
    work = []
    for site_id in sorted(site_ids, key=lambda pk: sites[pk].code):
        meeting = next_meeting.get(site_id)
        work.append(
            {
                "site": sites[site_id],
                "next_meeting": meeting,
                "agenda_state": _agenda_state(meeting) if meeting else "",
                "expected": expected.get(meeting.pk) if meeting else None,
                "registers": registers[site_id],
                "shared_cases": shared[site_id],
                "open_actions": open_actions.get(site_id, 0),
                "health": getattr(sites[site_id], "health", None),  # read with the site (home_page)
                "setup_started": bool(checklists[site_id]),
                "setup_to_do": [line.item for line in checklists[site_id] if not line.is_done],
            }
        )
    return work


def member_work(user) -> dict:
    """The cases the person presents with what to fix in each, the actions they own, their answered questions."""
    blocking = Q(findings__status__in=BLOCKING_FINDING_STATUSES, findings__in_text=True)
    cases = list(
        Case.objects.filter(presenters=user)
        .select_related("site")
        .annotate(to_fix=Count("findings", filter=blocking))
        .order_by("-updated_at")[:LIST_LIMIT]
    )
    meeting_actions = list(
        open_meeting_actions(user)
        .order_by("created_at")
        .values_list("text", "entry__record__meeting__site__code")[:LIST_LIMIT]
    )
    case_actions = list(open_case_actions(user).order_by("pk").values_list("text", "case__site__code")[:LIST_LIMIT])
    answered = list(
        Question.objects.filter(asked_by=user, status=QuestionStatus.ANSWERED)
        .only("case_id", "text", "answered_at")
        .order_by("-answered_at", "-pk")[:LIST_LIMIT]
    )
    return {
        "cases": cases,
        "findings_to_fix": sum(case.to_fix for case in cases),
        "actions": meeting_actions + case_actions,
        "answered_questions": answered,
    }


def _long_date(moment) -> str:
    day = timezone.localtime(moment)
    return f"{day.day} {day:%B %Y}"


def waiting_for(*, counts: dict[str, int], facilitating: list[dict]) -> list[dict]:
    """The short list at the top of the page: each thing that needs the person, with where to do it."""
    waiting = []
    soon = timezone.now() + timedelta(days=AGENDA_NOTICE_DAYS)
    for work in facilitating:
        meeting = work["next_meeting"]
        if meeting and meeting.starts_at <= soon and getattr(meeting, "agenda_publication", None) is None:
            waiting.append(
                {
                    "label": f"Send the agenda for {work['site'].code}'s meeting on {_long_date(meeting.starts_at)}",
                    "url": reverse("cycle:agenda", args=[meeting.pk]),
                }
            )
        for meeting in work["registers"]:
            waiting.append(
                {
                    "label": f"Take the register of {work['site'].code}'s meeting on {_long_date(meeting.starts_at)}",
                    "url": reverse("sites:meeting_register", args=[meeting.pk]),
                }
            )
    fix = "in your cases before sharing"
    counted = [
        (counts.get("cases:list", 0), "cases:list", f"thing to fix {fix}", f"things to fix {fix}"),
        (counts.get("my_actions", 0), "my_actions", "action you own is open", "actions you own are open"),
        (
            counts.get("evidence:questions", 0),
            "evidence:questions",
            "question waits for a knowledge broker",
            "questions wait for a knowledge broker",
        ),
        (
            counts.get(PENDING_INVITATIONS, 0),
            "memberships:invitations",
            "invitation not yet accepted",
            "invitations not yet accepted",
        ),
    ]
    for count, url_name, one, many in counted:
        if count:
            waiting.append({"label": f"{count} {one if count == 1 else many}", "url": reverse(url_name)})
    return waiting


def confirmations_waiting(counts: dict[str, int]) -> list[dict]:
    """ "Not personal data" on structured identifiers that wait for this facilitator (cases) or moderator (forum)."""
    waiting = []
    if count := counts.get(FINDINGS_TO_CONFIRM, 0):
        waiting.append(
            {"label": f"{count} “not personal data” in cases to confirm", "url": reverse("cases:findings_to_confirm")}
        )
    if count := counts.get(POST_FINDINGS_TO_CONFIRM, 0):
        waiting.append(
            {"label": f"{count} “not personal data” in forum posts to confirm", "url": reverse("forum:moderation")}
        )
    return waiting


def _menu_counts_key(user) -> str:
    return f"menu-counts:{user.pk}"


def menu_counts_for(request) -> dict[str, int]:
    """The menu's counts, read once per request (the menu and the home page both use them) and kept for
    MENU_COUNTS_SECONDS: every page shows them, and they cost more than many a page's own reads. What the person
    changes themselves shows at once (forget_menu_counts, after each of their changes); what others change, within
    that time."""
    if not hasattr(request, "_menu_counts"):
        seconds = settings.MENU_COUNTS_SECONDS
        counts = cache.get(_menu_counts_key(request.user)) if seconds else None
        if counts is None:
            counts = menu_counts(request.user)
            if seconds:
                cache.set(_menu_counts_key(request.user), counts, seconds)
        request._menu_counts = counts
    return request._menu_counts


def forget_menu_counts(user) -> None:
    cache.delete(_menu_counts_key(user))


def home_page(user, *, counts: dict[str, int]) -> dict:
    memberships = list(
        Membership.objects.current(timezone.localdate())
        .filter(person=user)
        .select_related("site", "site__health")  # the health check, for the sites the person facilitates
        .order_by("site__code")
    )
    remember_site_roles(user, memberships)  # the rules asked below need them too
    sites = {m.site_id: m.site for m in memberships}
    facilitated = {m.site_id for m in memberships if m.is_facilitator}
    with_role = set(site_roles(user))  # a commissioner's memberships give no site role, so no meetings here
    upcoming = upcoming_meetings(with_role | facilitated)
    facilitating = facilitator_work(facilitated, sites, upcoming)
    waiting = waiting_for(counts=counts, facilitating=facilitating) + confirmations_waiting(counts)
    return {
        "memberships": memberships,
        "next_meetings": [meeting for meeting in upcoming if meeting.site_id in with_role][:NEXT_MEETINGS],
        "waiting": waiting,
        "facilitating": facilitating,
        "my_work": member_work(user),
        "evaluation": {"surveys": open_surveys_for(user), "rounds": open_rounds_for(user)},
        "commissioner": commissioner_home(user),
        "forum": whats_new(user),
        "question_queue": broker_queue(user),
        "network": {"next": next_network_meeting(user)} if user.has_perm("network.view_network") else None,
        "attention": sites_needing_attention() if user.has_perm("toolkit.view_site_health") else None,
    }
