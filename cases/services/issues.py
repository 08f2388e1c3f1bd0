"""Issues for commissioners as tracked items: tracking the issues a case raises once it has passed the gate,
commissioners' responses and changes of status, grouping the same issue across sites, and telling the site.

Every change is an IssueUpdate in the item's history, written in the same transaction as the audit row; the
presenters and the site's facilitators are emailed once per update through the outbox (one delivery row per
update and person)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from cases import tasks
from cases.models import Case, CaseStatus, CommissionerIssue, IssueGroup, IssueStatus, IssueUpdate, IssueUpdateDelivery
from core.outbox import claim_and_queue
from core.text_gate import refuse_personal_data_in
from sites.models import Membership


def track_issue(*, case: Case) -> CommissionerIssue | None:
    """Make the case's issues for commissioners a tracked item, once the case is past draft and raises any (called
    by the lifecycle when a case is shared or edited). The item's theme starts as the case's first theme."""
    if case.status == CaseStatus.DRAFT or not (case.commissioner_issues or "").strip():
        return None
    issue, _ = CommissionerIssue.objects.get_or_create(
        case=case, defaults={"theme": case.themes.order_by("name").first(), "raised_at": timezone.now()}
    )
    return issue


def _check_update(*, issue: CommissionerIssue, text: str, status: str) -> None:
    if status not in IssueStatus.values:
        raise ValidationError({"status": "Choose one of the statuses listed."})
    if status == IssueStatus.RAISED and issue.status != IssueStatus.RAISED:
        raise ValidationError({"status": "An issue cannot go back to “raised”: choose another status."})
    if status == IssueStatus.NO_ACTION and issue.status != IssueStatus.NO_ACTION and not text:
        raise ValidationError({"text": "Give the reason no action will be taken: the site will read it."})
    if not text and status == issue.status:
        raise ValidationError({"text": "Write a response or choose a new status before sending."})


@transaction.atomic
def respond_to_issue(*, issue: CommissionerIssue, by, text: str = "", status: str | None = None, theme=None):
    """A commissioner responds to an item, changes its status, or both; optionally they set its theme. The text goes
    through the anonymisation gate (nothing is saved if it may hold personal data). The site is told once."""
    if not by.has_perm("cases.respond_to_issue", issue):
        raise PermissionDenied("Only commissioners can respond to the issues raised in a shared case.")
    issue = CommissionerIssue.objects.select_for_update().get(pk=issue.pk)
    text = (text or "").strip()
    status = status or issue.status
    _check_update(issue=issue, text=text, status=status)
    update = IssueUpdate(issue=issue, author=by, text=text, from_status=issue.status, to_status=status)
    refuse_personal_data_in(update)
    update.save()
    changed = ["status", "status_changed_at"] if update.changed_status else []
    issue.status = status
    if changed:
        issue.status_changed_at = update.created_at
    if text and issue.first_response_at is None:
        issue.first_response_at = update.created_at
        changed.append("first_response_at")
    if theme is not None and theme.pk != issue.theme_id:
        issue.theme = theme
        changed.append("theme")
    if changed:
        issue.save(update_fields=changed)
    record_event(actor=by, action=AuditAction.CHANGED, target=issue, detail=f"{update.from_status} to {status}")
    notify_site_of_update(update=update)
    return update


def people_to_tell(issue: CommissionerIssue) -> list:
    """The case's presenters and the site's current facilitators, with an email address and still active."""
    case = issue.case
    people = {p.pk: p for p in case.presenters.filter(is_active=True)}
    facilitators = Membership.objects.current(timezone.localdate()).facilitators().filter(site_id=case.site_id)
    for membership in facilitators.select_related("person"):
        if membership.person.is_active:
            people.setdefault(membership.person_id, membership.person)
    return [person for person in people.values() if person.email]


def notify_site_of_update(*, update: IssueUpdate) -> int:
    """Claim one delivery per person to tell and queue its email after commit; a second call claims nothing."""
    claims = [{"update": update, "person": person} for person in people_to_tell(update.issue)]
    return claim_and_queue(IssueUpdateDelivery, claims, task=tasks.send_issue_update_email)


@transaction.atomic
def group_issues(*, issue: CommissionerIssue, with_issue: CommissionerIssue, by) -> IssueGroup:
    """Put two items in one group (the other's group if it has one, else this one's, else a new group named after
    the other's theme). Items already in a group bring their whole group along."""
    if not by.has_perm("cases.group_issues", issue) or not by.has_perm("cases.group_issues", with_issue):
        raise PermissionDenied("Only commissioners and programme admins group issues.")
    if issue.pk == with_issue.pk:
        raise ValidationError("Choose another issue to group this one with.")
    locked = CommissionerIssue.objects.select_for_update(of=("self",)).select_related("theme", "group")
    issue, with_issue = locked.get(pk=issue.pk), locked.get(pk=with_issue.pk)  # as saved, not as the caller read
    group = with_issue.group or issue.group
    if group is None:
        theme = with_issue.theme or issue.theme
        group = IssueGroup.objects.create(name=theme.name if theme else "Issues grouped by hand", created_by=by)
    moving = {issue.pk, with_issue.pk}
    for old in {issue.group_id, with_issue.group_id} - {None, group.pk}:
        moving |= set(CommissionerIssue.objects.filter(group_id=old).values_list("pk", flat=True))
    CommissionerIssue.objects.filter(pk__in=moving).update(group=group)
    record_event(actor=by, action=AuditAction.CHANGED, target=group, detail=f"grouped issues {sorted(moving)}")
    return group


@transaction.atomic
def ungroup_issue(*, issue: CommissionerIssue, by) -> None:
    if not by.has_perm("cases.group_issues", issue):
        raise PermissionDenied("Only commissioners and programme admins group issues.")
    issue = CommissionerIssue.objects.select_for_update().get(pk=issue.pk)
    if issue.group_id is None:
        return
    group_id = issue.group_id
    issue.group = None
    issue.save(update_fields=["group"])
    record_event(actor=by, action=AuditAction.CHANGED, target=issue, detail=f"taken out of group {group_id}")
