"""Reads shaped for the newsletter pages and emails, and the issues each person may open."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from newsletters.models import (
    SECTION_ORDER,
    Audience,
    Delivery,
    DeliveryStatus,
    Edition,
    IssueStatus,
    NewsletterIssue,
    NewsletterItem,
    Section,
)


@dataclass
class SectionView:
    key: str
    label: str
    items: list[NewsletterItem]


def issue_sections(issue: NewsletterIssue, edition: str, *, include_removed: bool = False) -> list[SectionView]:
    """The issue's items grouped by section in newsletter order. The public edition carries only
    items meant for the public."""
    items = NewsletterItem.objects.filter(issue=issue).order_by("position", "pk")
    if not include_removed:
        items = items.filter(removed=False)
    if edition == Edition.PUBLIC:
        items = items.filter(audience=Audience.PUBLIC)
    grouped: dict[str, list[NewsletterItem]] = {}
    for item in items:
        grouped.setdefault(item.section, []).append(item)
    labels = dict(Section.choices)
    return [
        SectionView(key=key, label=labels.get(key, key), items=grouped[key])
        for key in sorted(grouped, key=lambda k: SECTION_ORDER.get(k, len(SECTION_ORDER)))
    ]


def issues_visible_q(user, *, via: str = "") -> Q:
    """Editors see every issue; other signed-in people only the issues already sent. A filter on NewsletterIssue, or
    through `via` ("issue__") on what belongs to an issue."""
    if user.has_perm("newsletters.edit_issue"):
        return Q()
    return Q(**{f"{via}status": IssueStatus.SENT})


def issues_visible_to(user) -> QuerySet[NewsletterIssue]:
    return NewsletterIssue.objects.filter(issues_visible_q(user))


def sent_issue_for_month(slug: str) -> NewsletterIssue | None:
    """The issue sent for the month "YYYY-MM", or None (not a month, or nothing sent for it)."""
    try:
        year, month = (int(part) for part in slug.split("-"))
    except ValueError:
        return None
    return NewsletterIssue.objects.sent().filter(month__year=year, month__month=month).first()


def issues_for_editors():
    return NewsletterIssue.objects.annotate(item_count=Count("items")).order_by("-month")


@dataclass
class DeliveryLog:
    counts: dict[str, int]
    failures: list[Delivery]
    total: int


def delivery_log(issue: NewsletterIssue) -> DeliveryLog:
    counts = {status: 0 for status in DeliveryStatus.values}
    for row in Delivery.objects.filter(issue=issue).values("status").annotate(n=Count("pk")):
        counts[row["status"]] = row["n"]
    failures = list(Delivery.objects.filter(issue=issue, status=DeliveryStatus.FAILED).order_by("email")[:500])
    return DeliveryLog(counts=counts, failures=failures, total=sum(counts.values()))
