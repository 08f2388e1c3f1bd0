import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cases.models import ActionStatus, CaseStatus, CaseTransition, Outcome
from cases.services import lifecycle
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def run_move(move: str, case, actor, meetings):
    if move == "share":
        return lifecycle.share_case(case=case, by=actor)
    if move == "record_discussion":
        return lifecycle.record_discussion(case=case, by=actor, meeting=meetings["discussion"])
    if move == "record_follow_up":
        return lifecycle.record_follow_up(
            case=case, by=actor, meeting=meetings["follow_up"], what_happened="Stable.", outcome=Outcome.MAINTENANCE
        )
    if move == "write_up":
        return lifecycle.write_up_case(case=case, by=actor, summary="What others can learn.")
    if move == "publish":
        return lifecycle.publish_case(case=case, by=actor)
    if move == "make_public":
        return lifecycle.make_case_public(case=case, by=actor)
    if move == "withdraw":
        return lifecycle.withdraw_case(case=case, by=actor)
    raise AssertionError(move)


# move, the status it starts from, the status it reaches, who may make it
MOVES = {
    "share": (CaseStatus.DRAFT, CaseStatus.SHARED, {"member", "facilitator"}),
    "record_discussion": (CaseStatus.SHARED, CaseStatus.DISCUSSED, {"facilitator"}),
    "record_follow_up": (CaseStatus.DISCUSSED, CaseStatus.FOLLOWED_UP, {"member", "facilitator"}),
    "write_up": (CaseStatus.FOLLOWED_UP, CaseStatus.WRITTEN_UP, {"facilitator"}),
    "publish": (CaseStatus.WRITTEN_UP, CaseStatus.PUBLISHED, {"facilitator", "programme_admin"}),
    "make_public": (CaseStatus.PUBLISHED, CaseStatus.PUBLIC, {"facilitator", "programme_admin"}),
    "withdraw": (CaseStatus.PUBLIC, CaseStatus.PUBLISHED, {"facilitator", "programme_admin"}),
}
ACTORS = [
    "member",
    "colleague",
    "facilitator",
    "outsider",
    "other_facilitator",
    "broker",
    "commissioner",
    "programme_admin",
]


@pytest.mark.parametrize("move", list(MOVES))
@pytest.mark.parametrize("actor_name", ACTORS)
def test_each_move_is_made_only_by_those_allowed_and_recorded(request, make_case, meetings, move, actor_name):
    start, end, allowed = MOVES[move]
    case = make_case(start)
    actor = request.getfixturevalue(actor_name)
    before = CaseTransition.objects.filter(case=case).count()
    if actor_name in allowed:
        run_move(move, case, actor, meetings)
        case.refresh_from_db()
        assert case.status == end
        last = CaseTransition.objects.filter(case=case).last()
        assert (last.from_status, last.to_status, last.by) == (start, end, actor)
        assert last.at is not None
    else:
        with pytest.raises(PermissionDenied):
            run_move(move, case, actor, meetings)
        case.refresh_from_db()
        assert case.status == start
        assert CaseTransition.objects.filter(case=case).count() == before


@pytest.mark.parametrize("move", list(MOVES))
def test_each_move_is_refused_from_the_wrong_status(make_case, meetings, facilitator, member, move):
    start, _end, _allowed = MOVES[move]
    wrong = CaseStatus.WRITTEN_UP if start != CaseStatus.WRITTEN_UP else CaseStatus.SHARED
    case = make_case(wrong)
    actor = member if move == "share" else facilitator  # the presenter may only share drafts (a permission)
    with pytest.raises((ValidationError, PermissionDenied)):
        run_move(move, case, actor, meetings)
    case.refresh_from_db()
    assert case.status == wrong


def test_withdraw_takes_a_published_case_out_of_the_repository(make_case, facilitator):
    case = make_case(CaseStatus.PUBLISHED)
    lifecycle.withdraw_case(case=case, by=facilitator)
    assert case.status == CaseStatus.WRITTEN_UP


def test_discussion_must_be_at_a_meeting_of_the_same_site(make_case, facilitator, other_site):
    case = make_case(CaseStatus.SHARED)
    elsewhere = MeetingFactory(site=other_site, starts_at=case.created_at.replace(year=case.created_at.year - 1))
    with pytest.raises(ValidationError, match="own site"):
        lifecycle.record_discussion(case=case, by=facilitator, meeting=elsewhere)


def test_discussion_cannot_be_recorded_before_the_meeting(make_case, facilitator, meetings):
    case = make_case(CaseStatus.SHARED)
    with pytest.raises(ValidationError, match="not happened yet"):
        lifecycle.record_discussion(case=case, by=facilitator, meeting=meetings["next"])


def test_follow_up_must_be_at_a_later_meeting_than_the_discussion(make_case, member, meetings):
    case = make_case(CaseStatus.DISCUSSED)
    with pytest.raises(ValidationError, match="after the one where the case was discussed"):
        lifecycle.record_follow_up(case=case, by=member, meeting=meetings["discussion"], what_happened="Stable.")


def test_follow_up_records_outcome_and_helpful_actions(make_case, member, meetings):
    case = make_case(CaseStatus.DISCUSSED)
    helped = lifecycle.add_action_item(case=case, by=member, text="Agree a weekend plan.")
    other = lifecycle.add_action_item(case=case, by=member, text="Ask about a rent plan.")
    follow_up = lifecycle.record_follow_up(
        case=case,
        by=member,
        meeting=meetings["follow_up"],
        what_happened="No crisis last month.",
        outcome=Outcome.PREVENTION,
        helpful_actions=[helped],
    )
    case.refresh_from_db()
    helped.refresh_from_db()
    other.refresh_from_db()
    assert case.status == CaseStatus.FOLLOWED_UP and case.outcome == Outcome.PREVENTION
    assert list(follow_up.helpful_actions.all()) == [helped]
    assert helped.status == ActionStatus.TRIED_HELPFUL and other.status == ActionStatus.PROPOSED


def test_a_second_follow_up_is_allowed_and_moves_nothing(make_case, member, meetings):
    case = make_case(CaseStatus.FOLLOWED_UP)
    transitions = CaseTransition.objects.filter(case=case).count()
    lifecycle.record_follow_up(case=case, by=member, meeting=meetings["follow_up"], what_happened="Still stable.")
    assert CaseTransition.objects.filter(case=case).count() == transitions


def test_write_up_needs_a_summary(make_case, facilitator):
    case = make_case(CaseStatus.FOLLOWED_UP)
    with pytest.raises(ValidationError, match="summary"):
        lifecycle.write_up_case(case=case, by=facilitator, summary="  ")


def test_presenters_must_be_members_of_the_site(site, member, outsider):
    with pytest.raises(ValidationError, match="current members"):
        lifecycle.create_case(site=site, by=member, presenters=[member, outsider], title="T", presentation="Text.")


def test_only_members_of_a_site_can_add_a_case_to_it(site, outsider, broker):
    for person in (outsider, broker):
        with pytest.raises(PermissionDenied):
            lifecycle.create_case(site=site, by=person, title="T", presentation="Text.")


def test_joint_presentation(site, member, colleague):
    case = lifecycle.create_case(site=site, by=member, presenters=[member, colleague], title="T", presentation="Text.")
    assert set(case.presenters.all()) == {member, colleague}
    assert lifecycle.share_case(case=case, by=colleague).status == CaseStatus.SHARED


def test_every_edit_keeps_a_revision(make_case, member):
    case = make_case()
    lifecycle.update_case(case=case, by=member, learning="Plan for the weekend.")
    revision = case.revisions.first()
    assert revision.by == member and revision.snapshot["learning"] == "Plan for the weekend."
    assert case.revisions.count() == 2


def test_presenters_cannot_edit_a_written_up_case_but_facilitators_can(make_case, member, facilitator):
    case = make_case(CaseStatus.WRITTEN_UP)
    with pytest.raises(PermissionDenied):
        lifecycle.update_case(case=case, by=member, learning="Changed.")
    lifecycle.update_case(case=case, by=facilitator, learning="Changed.")
    case.refresh_from_db()
    assert case.learning == "Changed."


def test_only_facilitators_change_the_write_up_summary(make_case, member):
    case = make_case(CaseStatus.SHARED)
    with pytest.raises(PermissionDenied):
        lifecycle.update_case(case=case, by=member, summary="Mine.")
