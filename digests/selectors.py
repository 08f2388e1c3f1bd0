"""Reads for the digests pages and the commissioners' part of the home page."""

from __future__ import annotations

from cases.models import Case, CommissionerIssue, IssueUpdate
from cycle.models import MeetingGuest
from digests.content import open_issue_counts, related_issues, screened_case
from digests.forms import GroupIssuesForm
from digests.models import Digest, DigestSubscription
from digests.rules import digests_listed_q


def digests_page(user) -> dict:
    digests = list(Digest.objects.filter(digests_listed_q(user)).prefetch_related("sites")[:50])
    subscription = DigestSubscription.objects.filter(person=user).first()
    return {
        "digests": digests,
        "subscribed": bool(subscription and subscription.is_active),
        "can_subscribe": user.has_perm("digests.subscribe_to_digests"),
    }


def commissioner_home(user) -> dict | None:
    """The commissioners' section of the home page: recent digests and where to go next."""
    if not user.has_perm("digests.use_digests"):
        return None
    home = {"digests": list(Digest.objects.filter(digests_listed_q(user))[:3])}
    if user.is_commissioner:  # what waits for a commissioner's response leads their home page
        counts = open_issue_counts()
        home["open_cases"], home["top_themes"] = counts["waiting"], counts["top_themes"]
        invited = MeetingGuest.objects.standing().filter(person=user).select_related("meeting__site")
        home["invitations"] = list(invited.order_by("meeting__starts_at")[:5])
    return home


def issue_of(case: Case) -> CommissionerIssue | None:
    """The tracked item of a case's issues for commissioners, for the case page (the site reads its history)."""
    return CommissionerIssue.objects.filter(case=case).first()


def history_of(issue: CommissionerIssue | None) -> list[IssueUpdate]:
    if issue is None:
        return []
    return list(issue.updates.select_related("author"))


def groupable_with(issue: CommissionerIssue):
    """The items an issue may be grouped with: every other item past draft not already in its group."""
    others = (
        CommissionerIssue.objects.exclude(pk=issue.pk)
        .exclude(case__status="draft")
        .exclude(case__commissioner_issues="")
    )
    if issue.group_id:
        others = others.exclude(group_id=issue.group_id)
    return others.select_related("case__site").order_by("case__site__code", "-raised_at")


def issue_page(issue: CommissionerIssue, user, *, form) -> dict:
    """An item's page for commissioners and programme admins: the issue screened, its history, the same issue
    elsewhere, and the forms the user may use."""
    can_group = user.has_perm("cases.group_issues", issue)
    return {
        "issue": issue,
        "screened": screened_case(issue.case),
        "updates": history_of(issue),
        "related": related_issues(issue),
        "form": form if user.has_perm("cases.respond_to_issue", issue) else None,
        "group_form": GroupIssuesForm(choices=groupable_with(issue)) if can_group else None,
    }
