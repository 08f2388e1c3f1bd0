"""The pages people use most, as (label, path, who) for the query-count test and the load benchmark.

`who` is one of PEOPLE: the first facilitator and the first member of the first synthetic site, the first synthetic
knowledge broker and commissioner, or a programme admin (who is not generated: the caller brings one).
"""

from datetime import datetime

from django.db.models import Count
from django.urls import reverse

from bench.generate import synthetic_people, synthetic_sites
from cases.models import Case, CaseStatus
from forum.models import Thread
from members.models import User
from newsletters.models import IssueStatus, NewsletterIssue
from sites.models import Meeting, MeetingStatus, Membership, MembershipRole

SEARCH_QUERY = "dual diagnosis housing"


def bench_admin() -> User:
    """The programme admin the benchmarks sign in as (the generator makes none)."""
    user, _ = User.objects.get_or_create(
        email="bench-admin@bench.invalid", defaults={"name": "Bench Admin", "is_programme_admin": True}
    )
    return user


def first_site():
    return synthetic_sites().order_by("code").first()


def site_facilitator(site):
    membership = (
        Membership.objects.filter(site=site, role=MembershipRole.FACILITATOR, left__isnull=True).order_by("pk").first()
    )
    return membership.person


def site_member(site):
    """The first current member of the site who facilitates nowhere (a tenth of people join a second site)."""
    facilitators = Membership.objects.filter(role=MembershipRole.FACILITATOR).values("person_id")
    membership = (
        Membership.objects.filter(site=site, role=MembershipRole.MEMBER, left__isnull=True)
        .exclude(person_id__in=facilitators)
        .order_by("pk")
        .first()
    )
    return membership.person


def page_people(admin) -> dict:
    """Who opens the pages, by `who`."""
    site = first_site()
    programme = synthetic_people().order_by("pk")
    return {
        "facilitator": site_facilitator(site),
        "member": site_member(site),
        "knowledge broker": programme.filter(is_knowledge_broker=True).first(),
        "commissioner": programme.filter(is_commissioner=True).first(),
        "admin": admin,
    }


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
    longest_thread = (
        Thread.objects.filter(site=site).annotate(posts_count=Count("posts")).order_by("-posts_count", "pk").first()
    )
    draft = NewsletterIssue.objects.filter(status=IssueStatus.DRAFT).order_by("-month").first()
    return [
        ("home", reverse("home"), "facilitator"),
        ("home (member)", reverse("home"), "member"),
        ("home (knowledge broker)", reverse("home"), "knowledge broker"),
        ("home (commissioner)", reverse("home"), "commissioner"),
        ("site page", reverse("sites:detail", args=[site.pk]), "facilitator"),
        ("attendance register", reverse("sites:meeting_register", args=[register_meeting.pk]), "facilitator"),
        ("case page", reverse("cases:detail", args=[case.pk]), "facilitator"),
        ("repository search", f"{reverse('repository:list')}?q={search.replace(' ', '+')}", "facilitator"),
        ("membership matrix", reverse("sites:matrix"), "admin"),
        ("dashboard", reverse("evaluation:dashboard"), "admin"),
        ("forum thread", reverse("forum:thread", args=[longest_thread.pk]), "facilitator"),
        ("newsletter editor", reverse("newsletters:edit", args=[draft.pk]), "knowledge broker"),
    ]
