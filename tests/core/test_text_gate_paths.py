"""The fields gated for the first time by the registry (core/text_gate.py), each refused on its real write path:
the newsletter's introduction and its items before approval, a broker's evidence summary, survey answers and
self-assessment comments, a meeting action's done note, a correction to the record and a typed agenda item."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from cases.models import Evidence
from cycle.models import AgendaItem, RecordAction, RecordComment
from cycle.services import record
from evaluation import services as evaluation
from evaluation.models import Answer, AssessmentQuestion, AssessmentRating
from newsletters.models import IssueStatus, NewsletterIssue, NewsletterItem
from sites.models import AttendanceStatus
from tests.evaluation.conftest import answer
from tests.factories import AttendanceFactory, MeetingFactory, at

pytestmark = pytest.mark.django_db

PERSONAL = "Thanks to Mr John Smith (NHS 943\u00a0476\u00a05919) for his help."


@pytest.fixture
def issue(db):
    return NewsletterIssue.objects.create(month=date(2026, 3, 1))


def test_the_newsletter_introduction_is_refused_and_the_saved_one_kept(client, broker, issue):
    client.force_login(broker)
    client.post(reverse("newsletters:edit", args=[issue.pk]), {"introduction": "Welcome to March."})
    page = client.post(reverse("newsletters:edit", args=[issue.pk]), {"introduction": PERSONAL}, follow=True)
    assert "could identify someone" in page.content.decode()
    issue.refresh_from_db()
    assert issue.introduction == "Welcome to March."


def test_an_issue_is_not_approved_while_an_item_may_hold_personal_data(client, broker, issue):
    item = NewsletterItem.objects.create(
        issue=issue, section="evidence", title="New evidence", body=PERSONAL, source_key="evidence:1"
    )
    client.force_login(broker)
    page = client.post(reverse("newsletters:approve", args=[issue.pk]), follow=True).content.decode()
    assert "remove it before approving" in page
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT
    client.post(reverse("newsletters:remove_item", args=[item.pk]), {"removed": "1"})
    client.post(reverse("newsletters:approve", args=[issue.pk]))
    issue.refresh_from_db()
    assert issue.status == IssueStatus.APPROVED


def test_an_evidence_summary_is_refused(client, broker):
    client.force_login(broker)
    data = {"kind": "research", "title": "Weekend crisis services", "summary": PERSONAL}
    response = client.post(reverse("evidence:create"), data)
    assert response.status_code == 200 and "could identify someone" in response.content.decode()
    assert not Evidence.objects.exists()


@pytest.fixture
def survey(programme_admin, site, facilitator, member):
    today = timezone.localdate()
    started = evaluation.start_report_survey(created_by=programme_admin)
    return evaluation.open_survey(survey=started, sites=[site], opens_on=today, closes_on=today + timedelta(days=14))


def test_a_survey_answer_is_refused_and_nothing_saved(survey, member):
    with pytest.raises(ValidationError, match="an answer could identify someone"):
        answer(survey, member, text=PERSONAL)
    assert not Answer.objects.exists()


def test_a_self_assessment_comment_is_refused(site, facilitator, member):
    assessment_round = evaluation.open_assessment_round(site=site, opened_by=facilitator)
    questions = list(AssessmentQuestion.objects.filter(is_active=True))
    ratings = {q.pk: (3, "") for q in questions}
    ratings[questions[0].pk] = (3, PERSONAL)
    with pytest.raises(ValidationError, match="a comment could identify someone"):
        evaluation.submit_self_assessment(
            assessment_round=assessment_round,
            respondent=member,
            stage="norming",
            cultures={"professional": 3, "managed": 2, "humanistic": 4, "democratic": 3},
            ratings=ratings,
        )
    assert not AssessmentRating.objects.exists()


@pytest.fixture
def held_entry(site, facilitator, member):
    held = MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=1)))
    AttendanceFactory(meeting=held, person=member, status=AttendanceStatus.PRESENT)
    AgendaItem.objects.create(meeting=held, position=1, kind="other", title="Open discussion")
    return record.open_record(meeting=held, opened_by=facilitator).entries.get()


def test_a_meeting_actions_done_note_is_refused(client, held_entry, facilitator, member):
    action = record.add_record_action(entry=held_entry, added_by=facilitator, text="Call the GP", owner=member)
    client.force_login(member)
    page = client.post(reverse("meeting_action_done", args=[action.pk]), {"note": PERSONAL}, follow=True)
    assert "could identify someone" in page.content.decode()
    action.refresh_from_db()
    assert action.is_open and action.done_note == ""
    assert RecordAction.objects.filter(done_note="").count() == 1


def test_a_correction_to_the_record_is_refused(client, held_entry, member):
    client.force_login(member)
    meeting_pk = held_entry.record.meeting_id
    client.post(reverse("cycle:record_comment", args=[meeting_pk, held_entry.pk]), {"text": PERSONAL})
    assert not RecordComment.objects.exists()


def test_a_typed_agenda_item_is_refused(client, site, facilitator):
    meeting = MeetingFactory(site=site)
    client.force_login(facilitator)
    page = client.post(reverse("cycle:agenda_item_add", args=[meeting.pk]), {"title": PERSONAL}, follow=True)
    assert "could identify someone" in page.content.decode()
    assert not AgendaItem.objects.filter(meeting=meeting).exclude(title__in=agenda_titles(meeting)).exists()


def agenda_titles(meeting) -> list[str]:
    return [t for t in AgendaItem.objects.filter(meeting=meeting).values_list("title", flat=True) if "Smith" not in t]


def test_why_evidence_matters_for_a_case_is_refused(client, site, member, broker):
    from cases.models import EvidenceLink
    from cases.services import lifecycle
    from tests.factories import EvidenceFactory

    case = lifecycle.create_case(site=site, by=member, title="Weekend crises", presentation="A man attends A&E.")
    lifecycle.share_case(case=case, by=member)
    item = EvidenceFactory()
    client.force_login(broker)
    response = client.post(reverse("evidence:attach", args=[case.pk]), {"evidence": item.pk, "note": PERSONAL})
    assert response.status_code == 200 and "may contain personal data" in response.content.decode()
    assert not EvidenceLink.objects.exists()
