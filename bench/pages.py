"""The pages people use most, as (label, path, who) for the query-count test and the load benchmark.

`who` is "facilitator" (the first facilitator of the first synthetic site) or "admin" (a programme admin).
"""

from datetime import datetime

from django.urls import reverse

from bench.generate import synthetic_sites
from cases.models import Case, CaseStatus
from sites.models import Meeting, MeetingStatus, Membership, MembershipRole

SEARCH_QUERY = "dual diagnosis housing"


def first_site():
    return synthetic_sites().order_by("code").first()


def site_facilitator(site):
    membership = (
        Membership.objects.filter(site=site, role=MembershipRole.FACILITATOR, left__isnull=True).order_by("pk").first()
    )
    return membership.person


def main_pages(now: datetime | None = None, *, search: str = SEARCH_QUERY) -> list[tuple[str, str, str]]:
    """The most used pages for the first synthetic site, each with who opens it."""
    site = first_site()
    register_meeting = (
        Meeting.objects.filter(site=site, status=MeetingStatus.SCHEDULED, attendances__isnull=False)
        .distinct()
        .order_by("-starts_at")
        .first()
    )
    # A case with everything the page shows (follow-ups with helpful actions), so its queries are all measured.
    case = (
        Case.objects.filter(site=site, status=CaseStatus.FOLLOWED_UP, follow_ups__helpful_actions__isnull=False)
        .order_by("pk")
        .first()
        or Case.objects.filter(site=site).exclude(status=CaseStatus.DRAFT).order_by("pk").first()
    )
    return [
        ("home", reverse("home"), "facilitator"),
        ("site page", reverse("sites:detail", args=[site.pk]), "facilitator"),
        ("attendance register", reverse("sites:meeting_register", args=[register_meeting.pk]), "facilitator"),
        ("case page", reverse("cases:detail", args=[case.pk]), "facilitator"),
        ("repository search", f"{reverse('repository:list')}?q={search.replace(' ', '+')}", "facilitator"),
        ("membership matrix", reverse("sites:matrix"), "admin"),
        ("dashboard", reverse("evaluation:dashboard"), "admin"),
    ]
