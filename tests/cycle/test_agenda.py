from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from cases.models import ActionStatus
from cases.services import evidence as evidence_services
from cases.services import lifecycle
from cycle.models import AgendaDelivery, AgendaItem
from cycle.periodic import send_meeting_cycle_emails
from cycle.selectors import visible_agenda
from cycle.services import agenda
from sites.models import MembershipRole
from sites.services import meetings
from tests.factories import MeetingFactory, MembershipFactory, at

TEXT = "A man in his forties attends A&E most weekends after drinking; nobody hears until Monday."


def make_case(site, presenter, title, *, share=True, discuss_at=None, facilitator=None):
    case = lifecycle.create_case(site=site, by=presenter, title=title, presentation=TEXT)
    lifecycle.add_action_item(case=case, by=presenter, text="Ask the neighbourhood team to call on Saturdays.")
    if share:
        lifecycle.share_case(case=case, by=presenter)
    if discuss_at is not None:
        lifecycle.record_discussion(case=case, by=facilitator, meeting=discuss_at)
    case.refresh_from_db()
    return case


@pytest.fixture
def next_meeting(site):
    return MeetingFactory(site=site, starts_at=at(timezone.localdate() + timedelta(days=14)))


@pytest.fixture
def open_work(site, other_site, member, facilitator, outsider, next_meeting):
    past = MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=20)))
    other_facilitator = MembershipFactory(site=other_site, role=MembershipRole.FACILITATOR).person
    closed = make_case(site, member, "All steps tried", discuss_at=past, facilitator=facilitator)
    closed.actions.update(status=ActionStatus.TRIED_HELPFUL)
    return {
        "shared": make_case(site, member, "Weekend crises"),
        "draft": make_case(site, member, "Secret draft", share=False),
        "follow_up": make_case(site, member, "Night shelter", discuss_at=past, facilitator=facilitator),
        "closed": closed,
        "elsewhere": make_case(other_site, outsider, "Colchester case"),
        "elsewhere_follow_up": make_case(
            other_site,
            outsider,
            "Colchester follow-up",
            discuss_at=MeetingFactory(site=other_site, starts_at=past.starts_at),
            facilitator=other_facilitator,
        ),  # fmt: skip
    }


@pytest.mark.django_db
def test_proposed_agenda_is_exactly_what_is_open_at_the_site(next_meeting, open_work):
    agenda.refresh_agenda(meeting=next_meeting)
    items = {(i.source_key, i.case_id) for i in AgendaItem.objects.filter(meeting=next_meeting)}
    assert items == {
        (f"case:{open_work['shared'].pk}", open_work["shared"].pk),
        (f"follow_up:{open_work['follow_up'].pk}", open_work["follow_up"].pk),
        ("standing:guest_speaker", None),
    }


@pytest.mark.django_db
def test_taster_session_gets_welcome_and_ground_rules(site):
    taster = MeetingFactory(site=site, is_taster=True)
    agenda.refresh_agenda(meeting=taster)
    titles = list(AgendaItem.objects.filter(meeting=taster).values_list("title", flat=True))
    assert titles == ["Welcome and introductions", "Ground rules: confidentiality and respect", "Guest speaker slot"]


@pytest.mark.django_db
def test_evidence_found_and_questions_waiting_are_proposed_never_from_drafts(next_meeting, site, member, broker):
    case = lifecycle.create_case(site=site, by=member, title="Weekend crises", presentation="A man in his forties.")
    lifecycle.share_case(case=case, by=member)
    draft = lifecycle.create_case(site=site, by=member, title="A draft", presentation="Not shared.")
    item = evidence_services.add_evidence(by=broker, title="Crisis plans that work")
    evidence_services.attach_evidence(case=case, evidence=item, by=broker)
    evidence_services.ask_question(case=case, by=member, text="Is there evidence on weekend crisis plans?")
    assert [p.title for p in agenda.evidence_found(next_meeting)] == ["Evidence found: Crisis plans that work"]
    assert [p.case for p in agenda.questions_waiting(next_meeting)] == [case]
    assert draft not in [p.case for p in agenda.questions_waiting(next_meeting) + agenda.evidence_found(next_meeting)]
    assert {"standing", "cases", "follow_ups", "evidence", "questions"} <= set(agenda.AGENDA_SOURCES)


@pytest.mark.django_db
def test_a_registered_source_adds_its_items(next_meeting):
    @agenda.agenda_source("test_source")
    def extra(meeting):
        return [agenda.ProposedItem("test:1", "other", f"Extra for {meeting.site.code}")]

    try:
        agenda.refresh_agenda(meeting=next_meeting)
    finally:
        del agenda.AGENDA_SOURCES["test_source"]
    assert AgendaItem.objects.filter(meeting=next_meeting, title="Extra for CP1").exists()


@pytest.mark.django_db
def test_refresh_keeps_order_and_removals_and_never_duplicates(next_meeting, open_work, facilitator):
    agenda.refresh_agenda(meeting=next_meeting)
    items = visible_agenda(next_meeting)
    agenda.move_agenda_item(item=items[-1], moved_by=facilitator, direction="up")
    agenda.remove_agenda_item(item=items[0], removed_by=facilitator)
    assert agenda.refresh_agenda(meeting=next_meeting) == []
    after = visible_agenda(next_meeting)
    assert [i.pk for i in after] == [items[2].pk, items[1].pk]
    assert AgendaItem.objects.filter(meeting=next_meeting).count() == 3


@pytest.mark.django_db
def test_a_case_discussed_elsewhere_leaves_the_unpublished_agenda(site, next_meeting, open_work, facilitator):
    agenda.refresh_agenda(meeting=next_meeting)
    other = MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=1)))
    lifecycle.record_discussion(case=open_work["shared"], by=facilitator, meeting=other)
    agenda.refresh_agenda(meeting=next_meeting)
    assert not AgendaItem.objects.filter(meeting=next_meeting, source_key=f"case:{open_work['shared'].pk}").exists()


@pytest.mark.django_db
def test_publishing_an_empty_agenda_is_refused(next_meeting, facilitator):
    with pytest.raises(ValidationError):
        agenda.publish_agenda(meeting=next_meeting, published_by=facilitator)


@pytest.fixture
def run_job(django_capture_on_commit_callbacks):
    def run() -> int:
        with django_capture_on_commit_callbacks(execute=True):
            return send_meeting_cycle_emails.delay().get()

    return run


@pytest.mark.django_db
def test_published_agenda_is_emailed_once_per_member_when_due(run_job, site, member, facilitator, outsider):
    soon = MeetingFactory(site=site, starts_at=timezone.now() + timedelta(days=2))
    later = MeetingFactory(site=site, starts_at=timezone.now() + timedelta(days=20))
    for meeting in (soon, later):
        agenda.refresh_agenda(meeting=meeting)
        agenda.publish_agenda(meeting=meeting, published_by=facilitator)
    unpublished = MeetingFactory(site=site, starts_at=timezone.now() + timedelta(days=1))
    agenda.refresh_agenda(meeting=unpublished)
    assert run_job() == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([member.email, facilitator.email])
    assert "Guest speaker slot" in mail.outbox[0].body
    assert run_job() == 0
    assert len(mail.outbox) == 2
    assert AgendaDelivery.objects.filter(meeting=later).count() == 0


@pytest.mark.django_db
def test_cancelled_meeting_agenda_is_not_sent(run_job, site, member, facilitator):
    soon = MeetingFactory(site=site, starts_at=timezone.now() + timedelta(days=2))
    agenda.refresh_agenda(meeting=soon)
    agenda.publish_agenda(meeting=soon, published_by=facilitator)
    meetings.cancel_meeting(meeting=soon, cancelled_by=facilitator, reason="Snow")
    assert run_job() == 0
    assert mail.outbox == []
