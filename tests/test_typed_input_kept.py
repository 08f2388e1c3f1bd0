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
from tests.html import parse, select, text

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


DISCUSSION = "The group weighed two ways of keeping the weekend contact going."


@pytest.fixture
def record_entry(site, facilitator):
    held = MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=1)))
    AgendaItem.objects.create(meeting=held, position=1, kind="other", title="Open discussion")
    return held, record.open_record(meeting=held, opened_by=facilitator).entries.get()


@pytest.mark.django_db
def test_the_record_pages_discussion_and_new_action_are_one_form(client, facilitator, record_entry):
    """Whichever button is pressed, the browser sends the discussion and the new action together: every field of the
    action belongs to the page's one form, and its button posts that form to the action's address."""
    held, entry = record_entry
    client.force_login(facilitator)
    page = parse(client.get(reverse("cycle:record_entry", args=[held.pk, entry.pk])).content)
    forms_ = select(page, "main form[method=post]") or select(page, "form[method=post]")
    entry_form = next(
        f for f in forms_ if f.etree_element.get("action") == reverse("cycle:record_entry", args=[held.pk, entry.pk])
    )
    form_id = entry_form.etree_element.get("id")
    fields = [
        el
        for el in select(page, "input, textarea, select")
        if (el.etree_element.get("name") or "").startswith("action-")
    ]
    assert {el.etree_element.get("name") for el in fields} == {
        "action-text",
        "action-owner",
        "action-owner_agency",
        "action-due_on",
    }
    assert all(el.etree_element.get("form") == form_id for el in fields)
    button = next(b for b in select(page, "button") if "Record the action" in text(b))
    assert button.etree_element.get("form") == form_id
    assert button.etree_element.get("formaction") == reverse("cycle:record_action_add", args=[held.pk, entry.pk])


@pytest.mark.django_db
def test_an_action_refused_keeps_the_discussion_typed_and_saves_neither(client, facilitator, record_entry):
    held, entry = record_entry
    client.force_login(facilitator)
    data = {"discussion": DISCUSSION, "follow_ups": "", "action-text": TYPED}  # no owner: refused
    response = client.post(reverse("cycle:record_action_add", args=[held.pk, entry.pk]), data)
    page = response.content.decode()
    assert response.status_code == 200 and DISCUSSION in page and TYPED in page
    assert "Choose a member of the site or write the agency" in page
    entry.refresh_from_db()
    assert entry.discussion == "" and not RecordAction.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("button", ["cycle:record_entry", "cycle:record_action_add"])
def test_either_button_saves_the_discussion_and_the_action_typed(client, facilitator, member, record_entry, button):
    held, entry = record_entry
    client.force_login(facilitator)
    data = {"discussion": DISCUSSION, "follow_ups": "", "action-text": "Share the rota", "action-owner": member.pk}
    response = client.post(reverse(button, args=[held.pk, entry.pk]), data, follow=True)
    assert "Discussion saved. Action recorded." in response.content.decode()
    entry.refresh_from_db()
    assert entry.discussion == DISCUSSION
    assert list(RecordAction.objects.values_list("text", "owner")) == [("Share the rota", member.pk)]
