"""Every form fuzzed with hostile values: no server error, and no user text rendered as live HTML."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
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


# The meeting cycle: every form, then the pages that show what was typed.
@pytest.fixture
def cycle(programme):
    from sites.models import AgendaItem, Attendance
    from sites.services import record
    from tests.factories import MeetingFactory, at

    site, facilitator = programme["site"], programme["facilitator"]
    member = MembershipFactory(site=site, person__expert_by_experience=True).person
    upcoming = MeetingFactory(site=site)
    held = MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=1)))
    AgendaItem.objects.create(meeting=held, position=1, kind="other", title="Open discussion")
    Attendance.objects.create(meeting=held, person=member, status="present")
    draft = record.open_record(meeting=held, opened_by=facilitator)
    entry = draft.entries.get()
    action = record.add_record_action(entry=entry, added_by=facilitator, text="Call the GP", owner=member)
    return {**programme, "member": member, "upcoming": upcoming, "held": held, "entry": entry, "action": action}


def assert_page_safe(client, user, url):
    client.force_login(user)
    assert_safe(client.get(url))


def test_series_form(client, cycle):
    url = reverse("sites:series_list", args=[cycle["site"].pk])
    fields = ["rule", "week_of_month", "interval_weeks", "weekday", "starts_on", "start_time", "end_time", "venue",
              "horizon_months"]  # fmt: skip
    fuzz_post(client, cycle["facilitator"], url, fields)
    assert_page_safe(client, cycle["facilitator"], url)


def test_agenda_forms(client, cycle):
    meeting = cycle["upcoming"]
    fuzz_post(client, cycle["facilitator"], reverse("sites:agenda_item_add", args=[meeting.pk]), ["title"])
    item = meeting.agenda_items.first()
    fuzz_post(
        client, cycle["facilitator"], reverse("sites:agenda_item_move", args=[meeting.pk, item.pk]), ["direction"]
    )
    assert_page_safe(client, cycle["facilitator"], reverse("sites:agenda", args=[meeting.pk]))


def test_record_forms(client, cycle):
    held, entry = cycle["held"], cycle["entry"]
    fuzz_post(client, cycle["facilitator"], reverse("sites:record_entry", args=[held.pk, entry.pk]),
              ["discussion", "follow_ups"])  # fmt: skip
    fuzz_post(client, cycle["facilitator"], reverse("sites:record_action_add", args=[held.pk, entry.pk]),
              ["action-text", "action-owner", "action-owner_agency", "action-due_on"])  # fmt: skip
    fuzz_post(client, cycle["member"], reverse("sites:record_comment", args=[held.pk, entry.pk]), ["text"])
    assert_page_safe(client, cycle["member"], reverse("sites:record", args=[held.pk]))


def test_action_done_forms(client, cycle):
    fuzz_post(client, cycle["member"], reverse("meeting_action_done", args=[cycle["action"].pk]), ["note"])
    assert_page_safe(client, cycle["member"], reverse("my_actions"))


def test_expert_forms(client, cycle):
    site = cycle["site"]
    fuzz_post(client, cycle["facilitator"], reverse("sites:experts", args=[site.pk]),
              ["consent-expert", "consent-agreed_to_share", "consent-contact_by", "consent-given_on"])  # fmt: skip
    fuzz_post(client, cycle["facilitator"], reverse("sites:expert_payment_add", args=[site.pk]),
              ["payment-expert", "payment-category", "payment-amount", "payment-paid_on", "payment-note"])  # fmt: skip
    assert_page_safe(client, cycle["facilitator"], reverse("sites:experts", args=[site.pk]))


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


def test_membership_matrix_filters(client, programme):
    fuzz_get(client, programme["admin"], reverse("sites:matrix"), ["as_of", "sites", "page", "format"])
