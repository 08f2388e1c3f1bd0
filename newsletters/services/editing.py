"""The editor's changes to a draft: introduction, items' text, free items, order, removals, approval."""

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from core.text_gate import refuse_personal_data, refuse_personal_data_in
from newsletters.models import FREE_ITEM_PREFIX, IssueStatus, NewsletterIssue, NewsletterItem, Section


def _require_draft(issue: NewsletterIssue) -> None:
    if issue.status != IssueStatus.DRAFT:
        raise ValidationError("This issue has been approved, so it can no longer be changed.")


@transaction.atomic
def update_introduction(*, issue: NewsletterIssue, introduction: str, by) -> NewsletterIssue:
    _require_draft(issue)
    refuse_personal_data({"introduction": introduction})
    issue.introduction = introduction.strip()
    issue.save(update_fields=["introduction"])
    return issue


@transaction.atomic
def update_item(*, item: NewsletterItem, title: str, body: str, by) -> NewsletterItem:
    """The editor's own words for an item; compiling again keeps them."""
    _require_draft(item.issue)
    title, body = title.strip(), body.strip()
    refuse_personal_data({"title": title, "body": body})
    item.title, item.body, item.edited_at = title, body, timezone.now()
    item.save(update_fields=["title", "body", "edited_at"])
    return item


FREE_SECTIONS = [Section.SITE_UPDATES, Section.NOTICES, Section.PROGRAMME]


@transaction.atomic
def add_free_item(*, issue: NewsletterIssue, section: str, title: str, body: str, audience: str, by) -> NewsletterItem:
    """An item the editor writes: site news a facilitator sent in, an event, a call for cases. It goes last in its
    section and stays when the issue is compiled again."""
    _require_draft(issue)
    if section not in FREE_SECTIONS:
        raise ValidationError({"section": "Choose one of the sections offered."})
    title, body = title.strip(), body.strip()
    refuse_personal_data({"title": title, "body": body})
    last = NewsletterItem.objects.filter(issue=issue, section=section).aggregate(last=Max("position"))["last"]
    return NewsletterItem.objects.create(
        issue=issue,
        section=section,
        position=0 if last is None else last + 1,
        title=title,
        body=body,
        audience=audience,
        source_key=f"{FREE_ITEM_PREFIX}{uuid.uuid4().hex}",
        edited_at=timezone.now(),
    )


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
