import pytest

from cases.services import lifecycle
from forum import services
from forum.models import ThreadKind
from sites.models import MembershipRole
from tests.factories import MembershipFactory, UserFactory


@pytest.fixture
def people(site, other_site, member, facilitator, outsider):
    """One person in each role: CP1's member and facilitator, CP3's member and facilitator, and the programme roles."""
    return {
        "member": member,
        "facilitator": facilitator,
        "other_member": outsider,
        "other_facilitator": MembershipFactory(
            site=other_site, role=MembershipRole.FACILITATOR, person__name="Oona Otherfac"
        ).person,
        "broker": UserFactory(is_knowledge_broker=True, name="Bea Broker"),
        "commissioner": UserFactory(is_commissioner=True, name="Cal Commissioner"),
        "admin": UserFactory(is_programme_admin=True, name="Ada Admin"),
    }


@pytest.fixture
def shared_case(site, member):
    case = lifecycle.create_case(site=site, by=member, title="Weekend crises", presentation="A man attends A&E.")
    lifecycle.share_case(case=case, by=member)
    return case


@pytest.fixture
def draft_case(site, member):
    return lifecycle.create_case(site=site, by=member, title="Not yet shared", presentation="A woman in her sixties.")


@pytest.fixture
def threads(site, people, shared_case):
    """A thread of each kind, each with one visible post by CP1's member (the programme topic by CP3's member)."""
    from tests.security.world import build_case

    class _World:
        pass

    world = _World()
    world.site, world.people = site, people
    published = build_case(world, "published")
    case_thread = services.thread_for_case(case=shared_case, kind=ThreadKind.CASE)
    lo_thread = services.thread_for_case(case=published, kind=ThreadKind.LEARNING_OBJECT)
    services.add_post(thread=case_thread, by=people["member"], body="What helped at weekends?")
    services.add_post(thread=lo_thread, by=people["member"], body="This worked for us too.")
    site_topic = services.start_topic(by=people["member"], site=site, title="Room booking", body="Who has the key?")
    programme_topic = services.start_topic(
        by=people["other_member"], title="Dual diagnosis in Stoke?", body="Anyone found a way into services?"
    )
    facilitators_topic = services.start_topic(
        by=people["other_facilitator"], facilitators=True, title="Supervision", body="Supervision: how often?"
    )
    return {
        "facilitators_board": facilitators_topic.thread,
        "case": case_thread,
        "learning_object": lo_thread,
        "site_board": site_topic.thread,
        "programme_board": programme_topic.thread,
    }
