"""Nothing typed is dropped without a message. Each form here has a field whose text the service would not use in
some combination of answers (a note about evidence when no evidence is ticked, an agency as well as a member owning
an action, the details of someone who already has an account); posting exactly that combination through the real view
either keeps the text and explains, or saves it and says what happened to it. Never a silent success."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import QuestionStatus
from cases.services import evidence as evidence_services
from cases.services import lifecycle
from cycle.models import AgendaItem, RecordAction
from cycle.services import record
from sites.models import Membership
from tests.factories import EvidenceFactory, MeetingFactory, UserFactory, at

TYPED = "Typed by a busy person and not to be lost"


def evidence_note_without_evidence(client, site, facilitator, member, broker):
    case = lifecycle.create_case(site=site, by=member, title="Weekend crises", presentation="A man in his forties.")
    lifecycle.share_case(case=case, by=member)
    EvidenceFactory()
    question = evidence_services.ask_question(case=case, by=member, text="What helps?")
    client.force_login(broker)
    response = client.post(
        reverse("evidence:question", args=[question.pk]), {"reply": "Yes, see below.", "note": TYPED}
    )
    question.refresh_from_db()
    return response, question.status == QuestionStatus.OPEN


def action_owned_by_a_member_and_an_agency(client, site, facilitator, member, broker):
    held = MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=1)))
    AgendaItem.objects.create(meeting=held, position=1, kind="other", title="Open discussion")
    entry = record.open_record(meeting=held, opened_by=facilitator).entries.get()
    client.force_login(facilitator)
    data = {"action-text": "Share the rota", "action-owner": member.pk, "action-owner_agency": TYPED}
    response = client.post(reverse("cycle:record_action_add", args=[held.pk, entry.pk]), data)
    return response, not RecordAction.objects.exists()


def details_of_someone_with_an_account(client, site, facilitator, member, broker):
    existing = UserFactory(name="Priya Patel", job_title="Housing Support Worker")
    client.force_login(facilitator)
    data = {"email": existing.email, "name": "Priya P", "job_title": TYPED, "role": "member"}
    response = client.post(reverse("memberships:add_member", args=[site.pk]), data, follow=True)
    return response, Membership.objects.filter(person=existing, site=site).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "post", [evidence_note_without_evidence, action_owned_by_a_member_and_an_agency, details_of_someone_with_an_account]
)
def test_text_that_would_not_be_used_is_never_dropped_silently(post, client, site, facilitator, member, broker):
    response, _ = post(client, site, facilitator, member, broker)
    page = response.content.decode()
    assert response.status_code == 200
    kept_in_the_form = TYPED in page and ("is-invalid" in page or 'aria-invalid="true"' in page)
    explained = "were not used" in page and "job title" in page
    assert kept_in_the_form or explained, f"{post.__name__}: the typed text vanished without a word"


@pytest.mark.django_db
def test_explained_cases_still_do_the_rest(client, site, facilitator, member, broker):
    _, unanswered = evidence_note_without_evidence(client, site, facilitator, member, broker)
    assert unanswered  # nothing half-done: the answer waits for the broker's choice
    _, nothing_recorded = action_owned_by_a_member_and_an_agency(client, site, facilitator, member, broker)
    assert nothing_recorded
    _, added = details_of_someone_with_an_account(client, site, facilitator, member, broker)
    assert added
