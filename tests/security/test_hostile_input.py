"""Every form fuzzed with hostile values: no server error, and no user text rendered as live HTML."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings

from members.models import MembershipRole
from members.services import invite_person
from tests.factories import MembershipFactory, SiteFactory, UserFactory
from tests.security.hostile import hostile_form, live_markup

TRIED = {"cases": 0}
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


def assert_safe(response):
    assert response.status_code < 500, response.status_code
    if response.get("Content-Type", "").startswith("text/html"):
        assert live_markup(response.content.decode("utf-8", "replace")) == []


@pytest.fixture
def programme(db):
    site = SiteFactory(code="CP1")
    admin = UserFactory(is_programme_admin=True)
    facilitator = MembershipFactory(site=site, role=MembershipRole.FACILITATOR).person
    return {"site": site, "admin": admin, "facilitator": facilitator}


def fuzz_post(client, user, url, fields):
    @FUZZ
    @given(data=hostile_form(fields))
    def run(data):
        TRIED["cases"] += 1
        if user is None:
            client.logout()
        else:
            client.force_login(user)
        assert_safe(client.post(url, data))

    run()


def fuzz_get(client, user, url, fields):
    @FUZZ
    @given(data=hostile_form(fields))
    def run(data):
        TRIED["cases"] += 1
        client.force_login(user)
        assert_safe(client.get(url, data))

    run()


def test_invitation_form(client, programme):
    fuzz_post(client, programme["facilitator"], reverse("members:invitations"), ["email", "role", "site"])


def test_accept_invitation_form(client, programme):
    sent = invite_person(invited_by=programme["admin"], email="fuzz@example.org", role="member", site=programme["site"])
    fields = ["name", "job_title", "agency", "sector", "password", "password_again"]
    fuzz_post(client, None, sent.url.split("8000", 1)[1], fields)


def test_sign_in_form(client, programme):
    fuzz_post(client, None, reverse("account_login"), ["login", "password", "remember"])


def test_audit_log_filters(client, programme):
    fields = ["person", "action", "target_type", "target_id", "date_from", "date_to", "page"]
    fuzz_get(client, programme["admin"], reverse("audit:log"), fields)


@pytest.fixture
def evidence_world(programme):
    from cases.models import CaseStatus
    from cases.services import evidence, lifecycle
    from tests.factories import EvidenceFactory

    site = programme["site"]
    member = MembershipFactory(site=site).person
    broker = UserFactory(is_knowledge_broker=True)
    case = lifecycle.create_case(site=site, by=member, title="Weekend crises", presentation="A man attends A&E.")
    lifecycle.share_case(case=case, by=member)
    assert case.status == CaseStatus.SHARED
    item = EvidenceFactory()
    question = evidence.ask_question(case=case, by=member, text="Is there evidence on weekend plans?")
    return {"member": member, "broker": broker, "case": case, "item": item, "question": question}


def test_evidence_form(client, evidence_world):
    fields = ["kind", "title", "authors", "year", "publisher", "doi", "url", "abstract", "summary", "themes"]
    fields.append("question")
    fuzz_post(client, evidence_world["broker"], reverse("evidence:create"), fields)


def test_evidence_edit_form(client, evidence_world):
    fields = ["kind", "title", "doi", "url", "summary", "themes", "remove_file"]
    fuzz_post(client, evidence_world["broker"], reverse("evidence:edit", args=[evidence_world["item"].pk]), fields)


def test_evidence_import_form(client, evidence_world):
    fuzz_post(client, evidence_world["broker"], reverse("evidence:import"), ["citation", "question"])


def test_evidence_library_filters_and_export(client, evidence_world):
    fields = ["q", "kind", "theme", "year", "used", "sort", "page"]
    fuzz_get(client, evidence_world["member"], reverse("evidence:list"), fields)
    fuzz_get(client, evidence_world["member"], reverse("evidence:export"), [*fields, "format", "ids"])


def test_evidence_attach_form(client, evidence_world):
    url = reverse("evidence:attach", args=[evidence_world["case"].pk])
    fuzz_post(client, evidence_world["broker"], url, ["evidence", "note"])


def test_question_forms(client, evidence_world):
    fuzz_post(client, evidence_world["member"], reverse("evidence:ask", args=[evidence_world["case"].pk]), ["text"])
    url = reverse("evidence:question", args=[evidence_world["question"].pk])
    fuzz_post(client, evidence_world["broker"], url, ["evidence", "note", "reply"])
    fuzz_get(client, evidence_world["broker"], reverse("evidence:questions"), ["status", "page"])
