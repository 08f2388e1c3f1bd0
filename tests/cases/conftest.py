from datetime import timedelta

import pytest
from django.utils import timezone

from cases.models import CaseStatus, Outcome, Theme
from cases.services import lifecycle
from tests.factories import MeetingFactory, at

CLEAN_TEXT = "A man in his forties attends A&E most weekends after drinking; nobody hears until Monday."


@pytest.fixture
def meetings(site):
    """Two meetings already held at CP1 (discussion, then follow-up) and one to come."""
    today = timezone.localdate()
    return {
        "discussion": MeetingFactory(site=site, starts_at=at(today - timedelta(days=40))),
        "follow_up": MeetingFactory(site=site, starts_at=at(today - timedelta(days=10))),
        "next": MeetingFactory(site=site, starts_at=at(today + timedelta(days=18))),
    }


@pytest.fixture
def make_case(site, member, facilitator, meetings):
    """Make a case at CP1 presented by `member`, walked through the real services to the status asked for."""

    def make(status: str = CaseStatus.DRAFT, *, title: str = "Weekend crises", presentation: str = CLEAN_TEXT, **extra):
        case = lifecycle.create_case(site=site, by=member, title=title, presentation=presentation, **extra)
        steps = [
            (CaseStatus.SHARED, lambda c: lifecycle.share_case(case=c, by=member)),
            (
                CaseStatus.DISCUSSED,
                lambda c: lifecycle.record_discussion(case=c, by=facilitator, meeting=meetings["discussion"]),
            ),
            (
                CaseStatus.FOLLOWED_UP,
                lambda c: lifecycle.record_follow_up(
                    case=c,
                    by=member,
                    meeting=meetings["follow_up"],
                    what_happened="Stable since the plan was agreed; no crisis last month.",
                    outcome=Outcome.MAINTENANCE,
                ),
            ),
            (
                CaseStatus.WRITTEN_UP,
                lambda c: lifecycle.write_up_case(case=c, by=facilitator, summary="A weekend plan kept things stable."),
            ),
            (CaseStatus.PUBLISHED, lambda c: lifecycle.publish_case(case=c, by=facilitator)),
            (CaseStatus.PUBLIC, lambda c: lifecycle.make_case_public(case=c, by=facilitator)),
        ]
        for reached, step in steps:
            if case.status == status:
                break
            step(case)
            assert case.status == reached
        case.refresh_from_db()
        return case

    return make


@pytest.fixture
def weekend_theme(db):
    return Theme.objects.get_or_create(name="Weekend crises")[0]


@pytest.fixture
def colleague(site):
    """A member of CP1 who does not present the case."""
    from tests.factories import MembershipFactory

    return MembershipFactory(site=site, person__name="Casey Colleague").person


@pytest.fixture
def other_facilitator(other_site):
    from sites.models import MembershipRole
    from tests.factories import MembershipFactory

    return MembershipFactory(site=other_site, role=MembershipRole.FACILITATOR, person__name="Ollie Otherfac").person
