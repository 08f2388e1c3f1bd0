"""The gate's known bypasses (issue 27), each a family: every disguise of an identifier × every gated field path,
submitted through the real forms and views, then read back from what others see (pages, the repository, its PDF
and the API). A disguise is caught only if the whole path refuses it or holds it back, not just the detector.

Disguises: NHS numbers with non-breaking, narrow or thin spaces, en dashes, dots, zero-width characters or full-width
digits; names with zero-width characters or soft hyphens inside; postcodes in lower case without a space or in
full-width letters; NI numbers in full-width letters; phone numbers in full-width digits.
"""

import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from cases.models import ActionItem, Case, CaseStatus, Finding, FollowUp
from cycle.models import AgendaItem, RecordAction, RecordEntry
from cycle.services import record
from evaluation.models import FocusGroup
from forum.models import Post, PostStatus, Thread
from tests.factories import MeetingFactory, at

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Disguise:
    id: str
    text: str  # as typed or pasted
    kind: str  # what the gate must find
    core: str  # the identifier folded (NFKC, letters and digits only, lower case): must never be read back

    def __str__(self) -> str:
        return self.id


NHS, PHONE = "9434765919", "07700900123"
DISGUISES = [
    Disguise("nhs-nbsp", "943\u00a0476\u00a05919", "nhs_number", "9434765919"),
    Disguise("nhs-narrow-nbsp", "943\u202f476\u202f5919", "nhs_number", "9434765919"),
    Disguise("nhs-thin-space", "943\u2009476\u20095919", "nhs_number", "9434765919"),
    Disguise("nhs-en-dash", "943\u2013476\u20135919", "nhs_number", "9434765919"),
    Disguise("nhs-dots", "943.476.5919", "nhs_number", "9434765919"),
    Disguise("nhs-zero-width", "943\u200b476\u200b5919", "nhs_number", "9434765919"),
    Disguise("nhs-word-joiner", "9434\u200d765\u2060919", "nhs_number", "9434765919"),
    Disguise(
        "nhs-full-width",
        "\uff19\uff14\uff13\u3000\uff14\uff17\uff16\u3000\uff15\uff19\uff11\uff19",
        "nhs_number",
        "9434765919",
    ),
    Disguise(
        "nhs-full-width-hyphens",
        "\uff19\uff14\uff13\uff0d\uff14\uff17\uff16\uff0d\uff15\uff19\uff11\uff19",
        "nhs_number",
        NHS,
    ),
    Disguise("name-zero-width", "Jo\u200bhn Sm\u200bith", "name", "johnsmith"),
    Disguise("name-soft-hyphen", "Jo\u00adhn Smi\u00adth", "name", "johnsmith"),
    Disguise("postcode-lower-no-space", "sw1a1aa", "postcode", "sw1a1aa"),
    Disguise("postcode-full-width", "\uff33\uff37\uff11\uff21 \uff11\uff21\uff21", "postcode", "sw1a1aa"),
    Disguise("ni-full-width", "\uff2a\uff2b 12 34 56 C", "ni_number", "jk123456c"),
    Disguise(
        "phone-full-width",
        "\uff10\uff17\uff17\uff10\uff10 \uff19\uff10\uff10\uff11\uff12\uff13",
        "phone",
        "07700900123",
    ),
]
NHS_DISGUISES = [d for d in DISGUISES if d.kind == "nhs_number"]


def sentence(disguise: Disguise) -> str:
    return f"Seen at A&E on Saturday; {disguise.text} came up and he went home."


def folded(text: str) -> str:
    """What a reader could recover: NFKC, invisible characters dropped, letters and digits only, lower case."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return re.sub(r"[\W_]+", "", text).lower()


def assert_not_shown(disguise: Disguise, *texts: str) -> None:
    for text in texts:
        assert disguise.core not in folded(text), disguise


def pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


# Cases --------------------------------------------------------------------------------------------------------------
def _share_refused(client, member, case: Case, field_prefix: str, disguise: Disguise) -> None:
    """The presenter tries to share the draft: refused, and the finding names the field it is in."""
    client.force_login(member)
    client.post(reverse("cases:share", args=[case.pk]))
    case.refresh_from_db()
    assert case.status == CaseStatus.DRAFT, disguise
    found = Finding.objects.blocking().filter(case=case, kind=disguise.kind, field__startswith=field_prefix)
    assert found.exists(), (disguise, field_prefix, list(case.findings.values_list("field", "kind")))


CASE_FIELDS = ["title", "presentation", "learning", "commissioner_issues"]


@pytest.mark.parametrize("field", CASE_FIELDS)
@pytest.mark.parametrize("disguise", DISGUISES, ids=str)
def test_a_disguised_identifier_in_a_new_case_stops_it_being_shared(client, site, member, field, disguise):
    client.force_login(member)
    data = {"site": site.pk, "title": "Weekend crises", "kind": "challenging", "presenters": [member.pk]}
    data["presentation"] = "A man in his forties attends A&E most weekends."
    data[field] = sentence(disguise)
    response = client.post(reverse("cases:create"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    case = Case.objects.get()
    _share_refused(client, member, case, field, disguise)


@pytest.mark.parametrize("field", ["text", "owner_agency"])
@pytest.mark.parametrize("disguise", DISGUISES, ids=str)
def test_a_disguised_identifier_in_a_next_step_stops_the_case_being_shared(client, make_case, member, field, disguise):
    case = make_case()
    client.force_login(member)
    data = {"text": "Ask the GP for a review.", "owner_agency": ""}
    data[field] = sentence(disguise)[:200] if field == "owner_agency" else sentence(disguise)
    client.post(reverse("cases:action_add", args=[case.pk]), data)
    action = ActionItem.objects.get(case=case)
    prefix = f"action:{action.pk}" + (":owner_agency" if field == "owner_agency" else "")
    _share_refused(client, member, case, prefix, disguise)


@pytest.mark.parametrize("disguise", DISGUISES, ids=str)
def test_a_disguised_identifier_in_a_next_steps_note_stops_the_case_being_shared(client, make_case, member, disguise):
    case = make_case()
    client.force_login(member)
    client.post(reverse("cases:action_add", args=[case.pk]), {"text": "Ask the GP for a review."})
    action = ActionItem.objects.get(case=case)
    client.post(reverse("cases:action_update", args=[action.pk]), {"status": "proposed", "note": sentence(disguise)})
    _share_refused(client, member, case, f"action:{action.pk}:note", disguise)


@pytest.mark.parametrize("disguise", DISGUISES, ids=str)
def test_a_disguised_identifier_in_a_follow_up_is_refused(client, make_case, member, meetings, disguise):
    case = make_case(CaseStatus.DISCUSSED)
    client.force_login(member)
    response = client.post(
        reverse("cases:follow_up", args=[case.pk]),
        {"meeting": meetings["follow_up"].pk, "what_happened": sentence(disguise), "outcome": "maintenance"},
    )
    assert response.status_code == 200 and "may contain personal data" in response.content.decode()
    assert not FollowUp.objects.filter(case=case).exclude(what_happened__startswith="Stable").exists()


@pytest.mark.parametrize("disguise", DISGUISES, ids=str)
def test_a_disguised_identifier_in_the_facilitators_write_up_never_reaches_the_repository(
    client, make_case, member, facilitator, disguise
):
    """The facilitator's write-up is refused; published later with clean text, nothing of it reaches /repository/,
    its PDF or the API."""
    case = make_case(CaseStatus.FOLLOWED_UP)
    client.force_login(facilitator)
    response = client.post(reverse("cases:write_up", args=[case.pk]), {"summary": sentence(disguise)})
    case.refresh_from_db()
    assert response.status_code == 200 and case.status == CaseStatus.FOLLOWED_UP and case.summary == ""
    client.post(reverse("cases:write_up", args=[case.pk]), {"summary": "A weekend plan kept things stable."})
    client.post(reverse("cases:publish", args=[case.pk]))
    client.post(reverse("cases:make_public", args=[case.pk]))
    case.refresh_from_db()
    assert case.status == CaseStatus.PUBLIC
    _assert_learning_object_clean(client, member, case, disguise)


def _assert_learning_object_clean(client, reader, case: Case, disguise: Disguise, *, with_pdf: bool = True) -> None:
    client.logout()
    repository = client.get(reverse("repository:detail", args=[case.pk]))
    assert repository.status_code == 200
    client.force_login(reader)
    api = client.get(reverse("api:learning_object", args=[case.pk]))
    assert api.status_code == 200
    texts = [repository.content.decode(), api.content.decode()]
    if with_pdf:
        texts.append(pdf_text(client.get(reverse("repository:pdf", args=[case.pk])).content))
    assert_not_shown(disguise, *texts)


@pytest.mark.parametrize("disguise", DISGUISES, ids=str)
def test_a_disguised_agency_on_a_published_learning_object_never_reaches_the_repository(
    client, make_case, member, facilitator, disguise
):
    """The issue's case: a next step's "agency responsible" typed on a learning object already in the repository."""
    case = make_case(CaseStatus.PUBLIC)
    client.force_login(facilitator)
    client.post(
        reverse("cases:action_add", args=[case.pk]),
        {"text": "Ask the GP for a review.", "owner_agency": f"{disguise.text} at the surgery"},
    )
    assert not ActionItem.objects.filter(case=case, text="Ask the GP for a review.").exists()
    _assert_learning_object_clean(client, member, case, disguise, with_pdf=disguise in NHS_DISGUISES[:2])


# Meetings, the record, the forum, focus groups ----------------------------------------------------------------------
@pytest.fixture
def held_entry(site, facilitator):
    held = MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=1)))
    AgendaItem.objects.create(meeting=held, position=1, kind="other", title="Open discussion")
    return record.open_record(meeting=held, opened_by=facilitator).entries.get()


@pytest.mark.parametrize("field", ["discussion", "follow_ups"])
@pytest.mark.parametrize("disguise", DISGUISES, ids=str)
def test_a_disguised_identifier_in_the_meeting_record_is_refused(client, facilitator, held_entry, field, disguise):
    client.force_login(facilitator)
    meeting_pk = held_entry.record.meeting_id
    response = client.post(reverse("cycle:record_entry", args=[meeting_pk, held_entry.pk]), {field: sentence(disguise)})
    assert response.status_code == 200 and "could identify someone" in response.content.decode()
    held_entry.refresh_from_db()
    assert_not_shown(disguise, held_entry.discussion, held_entry.follow_ups)
    assert RecordEntry.objects.filter(pk=held_entry.pk, **{field: ""}).exists()


@pytest.mark.parametrize("field", ["text", "owner_agency"])
@pytest.mark.parametrize("disguise", DISGUISES, ids=str)
def test_a_disguised_identifier_in_a_meeting_action_is_refused(client, facilitator, held_entry, field, disguise):
    client.force_login(facilitator)
    data = {"action-text": "Call the GP", "action-owner_agency": "Brighton GP practice"}
    data[f"action-{field}"] = sentence(disguise)[:200]
    meeting_pk = held_entry.record.meeting_id
    response = client.post(reverse("cycle:record_action_add", args=[meeting_pk, held_entry.pk]), data)
    assert response.status_code == 200 and "could identify someone" in response.content.decode()
    assert not RecordAction.objects.exists()


@pytest.mark.parametrize("field", ["notes", "agenda"])
@pytest.mark.parametrize("disguise", DISGUISES, ids=str)
def test_a_disguised_identifier_in_a_meetings_notes_or_agenda_is_refused(client, site, facilitator, field, disguise):
    meeting = MeetingFactory(site=site, venue="Community hall")
    client.force_login(facilitator)
    if field == "notes":
        response = client.post(reverse("sites:meeting_notes", args=[meeting.pk]), {"notes": sentence(disguise)})
        assert response.status_code == 200 and "could identify someone" in response.content.decode()
        meeting.refresh_from_db()
        assert meeting.notes == ""
    else:
        typed = sentence(disguise)[:200]
        response = client.post(reverse("cycle:agenda_item_add", args=[meeting.pk]), {"title": typed}, follow=True)
        assert "could identify someone" in response.content.decode()
        assert_not_shown(disguise, *AgendaItem.objects.filter(meeting=meeting).values_list("title", flat=True))
        agenda_page = client.get(reverse("cycle:agenda", args=[meeting.pk])).content.decode()
        assert_not_shown(disguise, agenda_page)


@pytest.mark.parametrize("disguise", DISGUISES, ids=str)
def test_a_disguised_identifier_in_a_forum_post_holds_it_from_everyone_else(
    client, site, member, facilitator, disguise
):
    from forum.services import start_topic

    topic = start_topic(by=facilitator, title="Weekend cover", body="How do you cover weekends?", site=site).thread
    client.force_login(member)
    client.post(reverse("forum:thread", args=[topic.pk]), {"body": sentence(disguise)})
    post = Post.objects.filter(thread=topic, author=member).get()
    assert post.status == PostStatus.HELD and post.findings.filter(kind=disguise.kind).exists()
    other = type(member).objects.create_user(email="other@example.org", password="x", name="Ola Other")
    from tests.factories import MembershipFactory

    MembershipFactory(site=site, person=other)
    client.force_login(other)
    page = client.get(reverse("forum:thread", args=[topic.pk])).content.decode()
    assert "How do you cover weekends?" in page
    assert_not_shown(disguise, page)


@pytest.mark.parametrize("disguise", DISGUISES, ids=str)
def test_a_disguised_identifier_in_a_forum_topic_title_is_refused(client, member, disguise):
    client.force_login(member)
    client.post(reverse("forum:programme_topic_new"), {"title": "Weekend cover ideas", "body": "Ideas?"})
    assert Thread.objects.count() == 1  # the same form with a clean title starts a topic
    response = client.post(reverse("forum:programme_topic_new"), {"title": sentence(disguise), "body": "Ideas?"})
    assert response.status_code == 200 and "may contain personal data" in response.content.decode()
    assert Thread.objects.count() == 1


@pytest.mark.parametrize("field", ["themes", "quotes"])
@pytest.mark.parametrize("disguise", DISGUISES, ids=str)
def test_a_disguised_identifier_in_a_focus_group_is_refused(client, site, facilitator, field, disguise):
    client.force_login(facilitator)
    data = {"held_on": (timezone.localdate() - timedelta(days=3)).isoformat(), "attendees_count": 6}
    data.update({"themes": "Weekend cover.", "quotes": "It helped."})
    data[field] = sentence(disguise)
    response = client.post(reverse("evaluation:record_focus_group", args=[site.pk]), data)
    assert response.status_code == 200, response.status_code
    assert not FocusGroup.objects.exists()
