"""The editor's changes to a draft: introduction, order, removals, approval."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from core.text_gate import refuse_personal_data_in
from newsletters.models import IssueStatus, NewsletterIssue, NewsletterItem


def _require_draft(issue: NewsletterIssue) -> None:
    if issue.status != IssueStatus.DRAFT:
        raise ValidationError("This issue has been approved, so it can no longer be changed.")


@transaction.atomic
def update_introduction(*, issue: NewsletterIssue, introduction: str, by) -> NewsletterIssue:
    _require_draft(issue)
    issue.introduction = introduction.strip()
    _refuse_personal_data_in(issue, "The introduction was not saved.")
    issue.save(update_fields=["introduction"])
    return issue


@transaction.atomic
def move_item(*, item: NewsletterItem, up: bool) -> None:
    """Swap the item with its neighbour in the same section."""
    _require_draft(item.issue)
    siblings = list(
        NewsletterItem.objects.select_for_update()
        .filter(issue=item.issue_id, section=item.section)
        .order_by("position", "pk")
    )
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == item.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(siblings):
        return
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings):
        sibling.position = position
    NewsletterItem.objects.bulk_update(siblings, ["position"])


@transaction.atomic
def set_item_removed(*, item: NewsletterItem, removed: bool) -> None:
    _require_draft(item.issue)
    item.removed = removed
    item.save(update_fields=["removed"])


def _refuse_personal_data_in_issue(issue: NewsletterIssue) -> None:
    """The last gate before sending: the introduction and every item still in the issue (items are compiled from
    gated text, but evidence titles and anything edited since are checked here)."""
    _refuse_personal_data_in(issue, "The introduction may contain personal data: change it before approving.")
    for item in issue.items.filter(removed=False):
        _refuse_personal_data_in(item, "An item may contain personal data: remove it before approving the issue.")


def _refuse_personal_data_in(obj, what: str) -> None:
    """The gate with one plain message (the editor's pages show messages, not fields)."""
    try:
        refuse_personal_data_in(obj)
    except ValidationError as error:
        raise ValidationError(f"{what} {' '.join(error.messages)}") from None


@transaction.atomic
def approve_issue(*, issue: NewsletterIssue, by, request=None) -> NewsletterIssue:
    issue = NewsletterIssue.objects.select_for_update().get(pk=issue.pk)
    _require_draft(issue)
    _refuse_personal_data_in_issue(issue)
    issue.status = IssueStatus.APPROVED
    issue.approved_by = by
    issue.approved_at = timezone.now()
    issue.save(update_fields=["status", "approved_by", "approved_at"])
    record_event(actor=by, action=AuditAction.CHANGED, target=issue, detail="approved for sending", request=request)
    return issue
