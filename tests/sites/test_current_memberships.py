"""The current memberships of several sites, read once for a facilitator's home page, give the replies expected and
the set-up steps the records answer exactly as each reading them for itself."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sites.models import MembershipRole, ReplyAnswer
from sites.selectors.memberships import current_memberships_at
from sites.selectors.replies import expected_numbers
from sites.services.replies import reply_to_meeting
from tests.factories import MeetingFactory, MembershipFactory, SiteFactory, at
from toolkit.checklist_answers import answers_for_sites

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def sites(site, other_site, facilitator, member, outsider):
    for n in range(7):
        MembershipFactory(site=site, joined=TODAY - timedelta(days=60 - n), person__expert_by_experience=n % 3 == 0)
    MembershipFactory(site=site, joined=TODAY - timedelta(days=400), left=TODAY - timedelta(days=5))  # former
    MembershipFactory(site=site, joined=TODAY + timedelta(days=5))  # not yet
    MembershipFactory(site=other_site, role=MembershipRole.FACILITATOR)
    elsewhere = SiteFactory(code="CP8")  # not asked about
    MembershipFactory(site=elsewhere)
    return [site, other_site]


def test_the_memberships_read_once_give_the_same_expected_replies_and_set_up_answers(sites, member, outsider):
    site, other_site = sites
    meetings = [MeetingFactory(site=s, starts_at=at(TODAY + timedelta(days=7))) for s in sites]
    reply_to_meeting(meeting=meetings[0], person=member, answer=ReplyAnswer.COMING)
    reply_to_meeting(meeting=meetings[1], person=outsider, answer=ReplyAnswer.CANT_COME)
    site_ids = [s.pk for s in sites]
    with CaptureQueriesContext(connection) as queries:
        current = current_memberships_at(site_ids)
    assert len(queries.captured_queries) == 1
    assert {m.site_id for m in current} == set(site_ids)
    assert expected_numbers(meetings, current=current) == expected_numbers(meetings)
    assert expected_numbers(meetings)[meetings[0].pk].not_replied == 8  # the facilitator and 7 members, less one
    assert answers_for_sites(site_ids, current=current) == answers_for_sites(site_ids)
    assert answers_for_sites(site_ids)[site.pk]["members_recruited"].is_done
    assert not answers_for_sites(site_ids)[other_site.pk]["members_recruited"].is_done


def test_the_memberships_given_may_cover_more_sites_than_asked_about(sites):
    site, other_site = sites
    current = current_memberships_at([site.pk, other_site.pk])
    assert answers_for_sites([other_site.pk], current=current) == answers_for_sites([other_site.pk])
    meeting = MeetingFactory(site=other_site, starts_at=at(TODAY + timedelta(days=3)))
    assert expected_numbers([meeting], current=current) == expected_numbers([meeting])
