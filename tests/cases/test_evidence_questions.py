"""Questions for the knowledge brokers: asking (through the anonymisation gate), one queue, answers, email."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from cases.models import CaseStatus, EvidenceLink, Question, QuestionStatus, Theme
from cases.services import evidence as services
from cases.tasks import send_question_answered_email
from tests.factories import EvidenceFactory, MembershipFactory

pytestmark = pytest.mark.django_db
ASK = "Is there evidence on supporting someone with a personality disorder diagnosis into housing?"


def test_a_member_asks_on_a_shared_case(client, make_case, colleague):
    case = make_case(CaseStatus.SHARED)
    client.force_login(colleague)
    response = client.post(reverse("evidence:ask", args=[case.pk]), {"text": ASK})
    assert response.status_code == 302
    question = Question.objects.get()
    assert question.asked_by == colleague and question.status == QuestionStatus.OPEN
    body = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert ASK in body and "Open" in body


def test_personal_data_in_a_question_is_refused_with_the_findings_shown(client, make_case, member):
    case = make_case(CaseStatus.SHARED)
    client.force_login(member)
    response = client.post(
        reverse("evidence:ask", args=[case.pk]), {"text": "Can we help him? Call 07700 900123 for details."}
    )
    body = response.content.decode()
    assert response.status_code == 200 and "personal data" in body
    assert '<mark class="finding"' in body
    assert not Question.objects.exists()


def test_who_may_not_ask(make_case, outsider, broker, commissioner, member):
    shared = make_case(CaseStatus.SHARED)
    for person in (outsider, broker, commissioner):
        with pytest.raises(PermissionDenied):
            services.ask_question(case=shared, by=person, text=ASK)
    with pytest.raises(PermissionDenied):
        services.ask_question(case=make_case(CaseStatus.DRAFT), by=member, text=ASK)


def test_one_queue_across_sites_oldest_first_with_statuses(
    client, make_case, member, broker, other_site, django_assert_max_num_queries
):
    here = make_case(CaseStatus.SHARED)
    from cases.services import lifecycle

    other_member = MembershipFactory(site=other_site).person
    there = lifecycle.create_case(site=other_site, by=other_member, title="Hospital discharge", presentation="Text.")
    lifecycle.share_case(case=there, by=other_member)
    now = timezone.now()
    newer = Question.objects.create(case=here, asked_by=member, text="Newer", asked_at=now - timedelta(days=1))
    older = Question.objects.create(case=there, asked_by=other_member, text="Older", asked_at=now - timedelta(days=5))
    Question.objects.create(case=here, asked_by=member, text="Done", status=QuestionStatus.CLOSED, asked_at=now)
    for n in range(20):
        Question.objects.create(case=there, asked_by=other_member, text=f"Later {n}", asked_at=now)
    client.force_login(broker)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("evidence:questions"))
    listed = list(response.context["page"].object_list)
    assert listed[:2] == [older, newer] and all(q.status == "open" for q in listed)
    assert ("closed", "Closed", 1) in response.context["statuses"]
    closed = client.get(reverse("evidence:questions"), {"status": "closed"}).context["page"].object_list
    assert [q.text for q in closed] == ["Done"]


def test_the_queue_is_for_brokers(client, member, facilitator, commissioner):
    for person in (member, facilitator, commissioner):
        client.force_login(person)
        assert client.get(reverse("evidence:questions")).status_code == 403


def test_answering_attaches_evidence_and_emails_the_asker_after_commit(
    client, make_case, colleague, broker, django_capture_on_commit_callbacks
):
    case = make_case(CaseStatus.DISCUSSED)
    question = services.ask_question(case=case, by=colleague, text=ASK)
    item = EvidenceFactory(title="Housing first for people with a personality disorder diagnosis")
    client.force_login(broker)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(
            reverse("evidence:question", args=[question.pk]),
            {"evidence": [item.pk], "note": "The same pattern of tenancy loss.", "reply": "Yes: see the study."},
        )
    assert response.status_code == 302
    assert mail.outbox == []  # nothing sent before the commit
    for callback in callbacks:
        callback()
    question.refresh_from_db()
    assert question.status == QuestionStatus.ANSWERED and question.answered_by == broker
    link = EvidenceLink.objects.get(case=case, evidence=item)
    assert link.note == "The same pattern of tenancy loss." and link.added_by == broker
    [email] = mail.outbox
    assert email.to == [colleague.email]
    assert case.title in email.subject
    assert "Yes: see the study." in email.body and item.title in email.body
    assert reverse("cases:detail", args=[case.pk]) in email.body
    html = email.alternatives[0][0]
    assert "Yes: see the study." in html
    # Running the task again sends nothing more.
    send_question_answered_email(question.pk)
    assert len(mail.outbox) == 1
    body = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Yes: see the study." in body and item.title in body


def test_an_answer_needs_a_reply_or_evidence(make_case, member, broker):
    question = services.ask_question(case=make_case(CaseStatus.SHARED), by=member, text=ASK)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.answer_question(question=question, by=broker, reply="  ")


def test_personal_data_in_a_reply_is_refused(client, make_case, member, broker):
    question = services.ask_question(case=make_case(CaseStatus.SHARED), by=member, text=ASK)
    client.force_login(broker)
    response = client.post(
        reverse("evidence:question", args=[question.pk]), {"reply": "Ask Dr Susan Jones on 07700 900123."}
    )
    assert "personal data" in response.content.decode()
    question.refresh_from_db()
    assert question.status == QuestionStatus.OPEN and question.reply == ""


def test_only_brokers_answer_and_close(client, make_case, member, facilitator, broker):
    question = services.ask_question(case=make_case(CaseStatus.SHARED), by=member, text=ASK)
    client.force_login(facilitator)
    assert client.get(reverse("evidence:question", args=[question.pk])).status_code == 200
    assert client.post(reverse("evidence:question", args=[question.pk]), {"reply": "x"}).status_code == 403
    assert client.post(reverse("evidence:question_status", args=[question.pk]), {"status": "closed"}).status_code == 403
    client.force_login(broker)
    client.post(reverse("evidence:question_status", args=[question.pk]), {"status": "closed"})
    question.refresh_from_db()
    assert question.status == QuestionStatus.CLOSED


def test_brokers_attach_evidence_to_shared_cases_not_drafts(client, make_case, broker, member):
    item = EvidenceFactory()
    draft = make_case(CaseStatus.DRAFT)
    with pytest.raises(PermissionDenied):
        services.attach_evidence(case=draft, evidence=item, by=broker)
    with pytest.raises(PermissionDenied):
        services.attach_evidence(case=make_case(CaseStatus.SHARED), evidence=item, by=member)
    shared = make_case(CaseStatus.SHARED)
    client.force_login(broker)
    response = client.post(reverse("evidence:attach", args=[shared.pk]), {"evidence": item.pk, "note": "Relevant."})
    assert response.status_code == 302
    assert shared.evidence_links.get().note == "Relevant."
    # Attaching again does not duplicate; removing keeps the item in the library.
    client.post(reverse("evidence:attach", args=[shared.pk]), {"evidence": item.pk, "note": ""})
    link = shared.evidence_links.get()
    client.post(reverse("evidence:detach", args=[link.pk]))
    assert not shared.evidence_links.exists() and item.__class__.objects.filter(pk=item.pk).exists()


@pytest.mark.parametrize("path", ["typed", "pasted DOI"])
def test_evidence_added_to_answer_a_question_starts_with_the_case_themes(client, make_case, colleague, broker, path):
    case = make_case(CaseStatus.SHARED)
    themes = [Theme.objects.get_or_create(name=name)[0] for name in ("Weekend crises", "Mental health")]
    case.themes.set(themes)
    other = Theme.objects.get_or_create(name="Hoarding")[0]
    question = services.ask_question(case=case, by=colleague, text=ASK)
    client.force_login(broker)
    if path == "typed":
        response = client.get(reverse("evidence:create") + f"?question={question.pk}")
    else:
        response = client.post(reverse("evidence:import"), {"citation": "10.5555/x.1", "question": question.pk})
    form = response.context["form"]
    assert set(form.initial["themes"]) == set(themes) and other not in form.initial["themes"]
    page = response.content.decode()
    boxes = {
        int(value): "checked" in tag
        for tag, value in re.findall(r'(<input[^>]*name="themes"[^>]*value="(\d+)"[^>]*>)', page)
    }
    assert boxes == {theme.pk: theme in themes for theme in Theme.objects.all()}


def test_a_question_number_that_is_not_a_number_is_ignored(client, broker):
    client.force_login(broker)
    for junk in ("abc", "9" * 30, "-1"):
        assert client.get(reverse("evidence:create") + f"?question={junk}").status_code == 200
