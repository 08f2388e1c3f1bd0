"""A small programme for digests: cases at CP1 and CP3 walked through the real services, a draft, a shared case
not yet discussed, and a case whose issues text holds a name a presenter dismissed at the gate."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cases.models import Outcome, Theme
from cases.services import gate, lifecycle
from core.anonymisation import find_personal_data
from sites.models import AttendanceStatus, MembershipRole
from tests.factories import AttendanceFactory, MeetingFactory, MembershipFactory, at

CLEAN = "A man in his forties attends A&E most weekends after drinking; nobody hears until Monday."
ISSUE_WEEKEND = "No community mental health cover from Friday evening to Monday morning."
ISSUE_HOUSING = "The housing panel meets monthly, so people wait weeks for supported accommodation."
ISSUE_DRAFT = "Draft-only concern about the detox waiting list."
ISSUE_SHARED = "Shared but not yet discussed: the day centre closes at three."
ISSUE_NAMED = "Ask Dr Aisha Patel why the referral backlog at the hospital is so long."
SUMMARY = "A weekend plan agreed with the crisis team kept things stable for three months."


@pytest.fixture
def other_facilitator(other_site):
    return MembershipFactory(site=other_site, role=MembershipRole.FACILITATOR, person__name="Ollie Otherfac").person


def _walk(case, *, member, facilitator, site, discussed_days_ago, outcome=None, publish=False, summary=SUMMARY):
    today = timezone.localdate()
    lifecycle.share_case(case=case, by=member)
    meeting = MeetingFactory(site=site, starts_at=at(today - timedelta(days=discussed_days_ago)))
    AttendanceFactory(meeting=meeting, person=member, status=AttendanceStatus.PRESENT)
    AttendanceFactory(meeting=meeting, person=facilitator, status=AttendanceStatus.PRESENT)
    lifecycle.record_discussion(case=case, by=facilitator, meeting=meeting)
    if outcome:
        later = MeetingFactory(site=site, starts_at=at(today - timedelta(days=discussed_days_ago - 20)))
        AttendanceFactory(meeting=later, person=member, status=AttendanceStatus.APOLOGIES)
        lifecycle.record_follow_up(
            case=case, by=member, meeting=later, what_happened="Stable since the plan was agreed.", outcome=outcome
        )
    if publish:
        lifecycle.write_up_case(case=case, by=facilitator, summary=summary)
        lifecycle.publish_case(case=case, by=facilitator)
    case.refresh_from_db()
    return case


@pytest.fixture
def programme(site, other_site, member, facilitator, outsider, other_facilitator):
    weekend = Theme.objects.get_or_create(name="Weekend crises")[0]
    housing = Theme.objects.get_or_create(name="Lack of suitable accommodation")[0]
    weekend_cp1 = lifecycle.create_case(
        site=site,
        by=member,
        title="Weekend crises and repeated A&E attendance",
        presentation=CLEAN,
        commissioner_issues=ISSUE_WEEKEND,
        themes=[weekend, housing],
    )
    _walk(
        weekend_cp1,
        member=member,
        facilitator=facilitator,
        site=site,
        discussed_days_ago=50,
        outcome=Outcome.MAINTENANCE,
        publish=True,
    )
    housing_cp3 = lifecycle.create_case(
        site=other_site,
        by=outsider,
        title="Waiting for supported housing",
        presentation=CLEAN,
        commissioner_issues=ISSUE_HOUSING,
        themes=[housing],
    )
    _walk(
        housing_cp3,
        member=outsider,
        facilitator=other_facilitator,
        site=other_site,
        discussed_days_ago=45,
        outcome=Outcome.PREVENTION,
    )
    draft = lifecycle.create_case(
        site=site, by=member, title="Draft about detox", presentation=CLEAN, commissioner_issues=ISSUE_DRAFT
    )
    shared = lifecycle.create_case(
        site=site, by=member, title="Day centre hours", presentation=CLEAN, commissioner_issues=ISSUE_SHARED
    )
    lifecycle.share_case(case=shared, by=member)
    named = lifecycle.create_case(
        site=site, by=member, title="Referral backlog", presentation=CLEAN, commissioner_issues=ISSUE_NAMED
    )
    assert find_personal_data(ISSUE_NAMED), "the fixture needs a text the detector flags"
    for finding in named.findings.all():
        gate.dismiss_finding(finding=finding, by=member, reason="A public figure.")
    _walk(named, member=member, facilitator=facilitator, site=site, discussed_days_ago=30)
    today = timezone.localdate()
    return {
        "start": today - timedelta(days=70),
        "end": today,
        "weekend": weekend_cp1,
        "housing": housing_cp3,
        "draft": draft,
        "shared": shared,
        "named": named,
        "people": [member, facilitator, outsider, other_facilitator],
    }


@pytest.fixture
def make_digest(db):
    """A digest row in a given state (a ready one with a small stored file), without rendering."""
    from django.core.files.base import ContentFile

    from digests.models import Digest

    def make(requested_by, *, status="queued", days=90, **extra):
        today = timezone.localdate()
        digest = Digest.objects.create(
            requested_by=requested_by,
            period_start=today - timedelta(days=days),
            period_end=today,
            status=status,
            **extra,
        )
        if status == "ready":
            digest.file.save("x.pdf", ContentFile(b"%PDF-1.7 test digest"), save=True)
            digest.pages = 1
            digest.save(update_fields=["pages"])
        return digest

    return make
