"""Dismissals that carry weight (issue 27): a structured identifier marked "not personal data" by a presenter waits for
one of the site's facilitators, and blocks the case until confirmed; a reason is a real sentence. Through the real
views, with who may not, the audit of both steps, and the lists where facilitators find what waits for them."""

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from cases.models import CaseStatus, Finding, FindingStatus
from core.text_gate import REASON_MIN_CHARS, REASON_MIN_WORDS
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

REASON = "It is the hub's public duty line, printed on its leaflets."
STRUCTURED = {
    "nhs_number": "His NHS number 943 476 5919 is on the letter.",
    "ni_number": "NI number JK 12 34 56 C was on the form.",
    "date_of_birth": "His date of birth is 12/03/1984.",
    "phone": "Ring 07700 900123 at weekends.",
    "email": "Email j.smith@example.com about it.",
}
PRESENTER_ALONE = {
    "name": "Mr John Smith came in on Saturday.",
    "postcode": "He moved to BN1 1AA last year.",
}
SHORT_REASONS = [".", "ok", "Not PD", "not personal", "n/a n/a", ". . . . . . . . .", "fine!!!!!!!!!!!!!!!"]


def _dismiss(client, person, finding, reason=REASON):
    client.force_login(person)
    return client.post(reverse("cases:finding_dismiss", args=[finding.pk]), {"reason": reason}, follow=True)


def _share(client, member, case) -> str:
    client.force_login(member)
    case.refresh_from_db()
    page = client.post(reverse("cases:share", args=[case.pk]), follow=True).content.decode()
    case.refresh_from_db()
    return page


@pytest.mark.parametrize("kind", STRUCTURED)
def test_a_structured_identifier_waits_for_a_facilitator_and_blocks_until_confirmed(
    client, make_case, member, facilitator, kind
):
    case = make_case(presentation=STRUCTURED[kind])
    finding = Finding.objects.get(case=case, kind=kind)
    page = _dismiss(client, member, finding).content.decode()
    assert "Sent to the site&#x27;s facilitators to confirm" in page
    finding.refresh_from_db()
    assert finding.status == FindingStatus.AWAITING and finding.is_blocking
    assert "waiting for a facilitator to confirm" in _share(client, member, case)
    assert case.status == CaseStatus.DRAFT

    client.force_login(facilitator)
    client.post(reverse("cases:finding_confirm", args=[finding.pk]))
    finding.refresh_from_db()
    assert finding.status == FindingStatus.DISMISSED and finding.confirmed_by == facilitator
    _share(client, member, case)
    assert case.status == CaseStatus.SHARED
    details = list(AuditEvent.objects.filter(target_id=str(case.pk)).values_list("actor_id", "detail"))
    assert (member.pk, f"Finding {finding.pk} ({finding.kind_label} at 'Presentation of the case'): marked not "
            "personal data, waiting for a facilitator to confirm") in details  # fmt: skip
    assert any(actor == facilitator.pk and "confirmed" in detail for actor, detail in details)


@pytest.mark.parametrize("kind", STRUCTURED)
def test_a_facilitator_refuses_and_the_finding_must_be_fixed(client, make_case, member, facilitator, kind):
    case = make_case(presentation=STRUCTURED[kind])
    finding = Finding.objects.get(case=case, kind=kind)
    _dismiss(client, member, finding)
    client.force_login(facilitator)
    client.post(reverse("cases:finding_refuse", args=[finding.pk]))
    finding.refresh_from_db()
    assert finding.status == FindingStatus.REOPENED and finding.reopened_by == facilitator
    _share(client, member, case)
    assert case.status == CaseStatus.DRAFT
    assert AuditEvent.objects.filter(actor=facilitator, detail__contains="refused").exists()


@pytest.mark.parametrize("kind", PRESENTER_ALONE)
def test_a_name_or_postcode_is_dismissed_by_the_presenter_alone(client, make_case, member, kind):
    case = make_case(presentation=PRESENTER_ALONE[kind])
    finding = Finding.objects.get(case=case, kind=kind)
    _dismiss(client, member, finding, "John Smith is the name of the hostel, not a person.")
    finding.refresh_from_db()
    assert finding.status == FindingStatus.DISMISSED
    _share(client, member, case)
    assert case.status == CaseStatus.SHARED
    assert AuditEvent.objects.filter(actor=member, detail__endswith="marked not personal data").exists()


def test_who_may_not_confirm(client, make_case, member, colleague, facilitator, other_facilitator, programme_admin):
    """The presenter, a colleague, another site's facilitator and an admin cannot confirm; a facilitator who marked
    it themselves needs another facilitator."""
    case = make_case(presentation=STRUCTURED["nhs_number"])
    finding = Finding.objects.get(case=case, kind="nhs_number")
    _dismiss(client, member, finding)
    for person, status in [(member, 403), (colleague, 404), (other_facilitator, 404), (programme_admin, 404)]:
        client.force_login(person)
        for name in ("cases:finding_confirm", "cases:finding_refuse"):
            assert client.post(reverse(name, args=[finding.pk])).status_code == status, (person, name)
    finding.refresh_from_db()
    assert finding.status == FindingStatus.AWAITING

    own = make_case(presentation=STRUCTURED["phone"])
    own.presenters.add(facilitator)
    own_finding = Finding.objects.get(case=own, kind="phone")
    _dismiss(client, facilitator, own_finding)
    client.force_login(facilitator)
    assert client.post(reverse("cases:finding_confirm", args=[own_finding.pk])).status_code == 403
    second = MembershipFactory(site=own.site, role="facilitator", person__name="Sam Second").person
    client.force_login(second)
    client.post(reverse("cases:finding_confirm", args=[own_finding.pk]))
    own_finding.refresh_from_db()
    assert own_finding.status == FindingStatus.DISMISSED and own_finding.confirmed_by == second


@pytest.mark.parametrize("reason", SHORT_REASONS)
def test_a_reason_must_be_a_real_sentence(client, make_case, member, reason):
    case = make_case(presentation=PRESENTER_ALONE["name"])
    finding = Finding.objects.get(case=case, kind="name")
    page = _dismiss(client, member, finding, reason).content.decode()
    assert f"at least {REASON_MIN_WORDS} words and {REASON_MIN_CHARS} characters" in page
    finding.refresh_from_db()
    assert finding.status == FindingStatus.OPEN and finding.reason == ""


def test_the_reason_rule_is_said_on_the_form(client, make_case, member):
    case = make_case(presentation=PRESENTER_ALONE["name"])
    client.force_login(member)
    for name in ("cases:edit", "cases:detail"):
        page = client.get(reverse(name, args=[case.pk])).content.decode()
        assert "at least 3 words and 15 characters" in page, name


def test_a_follow_ups_reason_is_a_real_sentence_and_a_phone_waits_for_a_facilitator(
    client, make_case, member, facilitator, meetings
):
    case = make_case(CaseStatus.DISCUSSED)
    client.force_login(member)
    data = {"meeting": meetings["follow_up"].pk, "what_happened": STRUCTURED["phone"], "outcome": "maintenance"}
    page = client.post(reverse("cases:follow_up", args=[case.pk]), {**data, "not_personal_data_reason": "."})
    assert "at least 3 words and 15 characters" in page.content.decode() and not case.follow_ups.exists()
    client.post(reverse("cases:follow_up", args=[case.pk]), {**data, "not_personal_data_reason": REASON})
    finding = Finding.objects.get(case=case, kind="phone")
    assert finding.status == FindingStatus.AWAITING
    client.force_login(facilitator)
    page = client.post(reverse("cases:write_up", args=[case.pk]), {"summary": "A plan kept things stable."})
    case.refresh_from_db()
    assert case.status == CaseStatus.FOLLOWED_UP and "waiting for a facilitator to confirm" in page.content.decode()


def test_facilitators_see_what_waits_for_them(
    client, make_case, member, facilitator, other_facilitator, django_assert_max_num_queries
):
    case = make_case(presentation=STRUCTURED["nhs_number"], title="Weekend crises at the hub")
    finding = Finding.objects.get(case=case, kind="nhs_number")
    _dismiss(client, member, finding)
    client.force_login(facilitator)
    home = client.get(reverse("home")).content.decode()
    assert "1 “not personal data” in cases to confirm" in home and reverse("cases:findings_to_confirm") in home
    with django_assert_max_num_queries(12):
        page = client.get(reverse("cases:findings_to_confirm")).content.decode()
    assert "Weekend crises at the hub" in page and finding.excerpt in page and REASON.replace("'", "&#x27;") in page
    assert "943 476 5919" not in page
    assert reverse("cases:finding_confirm", args=[finding.pk]) in page
    case_page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Waiting for a facilitator to confirm" in case_page and "Confirm: not personal data" in case_page
    response = client.post(
        reverse("cases:finding_confirm", args=[finding.pk]), {"next": reverse("cases:findings_to_confirm")}
    )
    assert response["Location"] == reverse("cases:findings_to_confirm")
    assert "Nothing waits for you to confirm." in client.get(response["Location"]).content.decode()

    for person in (other_facilitator, member):
        client.force_login(person)
        assert "Weekend crises at the hub" not in client.get(reverse("cases:findings_to_confirm")).content.decode()
        assert "to confirm" not in client.get(reverse("home")).content.decode()
