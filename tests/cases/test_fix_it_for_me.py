"""'Fix it for me': the gate's findings replaced by readable stand-ins, one at a time or all together, consistent
across every text of the case, recorded in the audit log as kinds and counts only."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from audit.models import AuditEvent
from cases.models import ActionItem, CaseStatus, Finding
from cases.services import fixes, gate, lifecycle

PRESENTATION = "Jade Hughes (NHS 943 476 5919) lives with her sister Kayla. Jade rang on 07700 900123."
LEARNING = "Ms Hughes needed a weekend plan."
ORIGINALS = ["Jade", "Hughes", "Kayla", "943 476 5919", "9434765919", "07700 900123"]


@pytest.fixture
def case(make_case):
    return make_case(presentation=PRESENTATION, learning=LEARNING)


def all_text(case) -> str:
    case.refresh_from_db()
    return " ".join(gate.case_texts(case).values())


def test_fix_all_replaces_every_finding_consistently_and_the_case_can_be_shared(case, member):
    preview = fixes.preview_fix_all(case)
    assert preview.summary == {"name": 4, "nhs_number": 1, "phone": 1}
    assert "Person A" in str(preview.fields[0]["html"]) and "<mark" in str(preview.fields[0]["html"])
    fixes.fix_all_findings(case=case, by=member, based_on=preview.based_on)
    case.refresh_from_db()
    assert case.presentation == (
        "Person A (NHS [NHS number removed]) lives with A's sister. Person A rang on [phone number removed]."
    )
    assert case.learning == "Person A needed a weekend plan."
    assert not Finding.objects.filter(case=case).exists()
    lifecycle.share_case(case=case, by=member)
    assert case.status == CaseStatus.SHARED


def test_the_audit_log_records_kinds_and_counts_never_the_text(case, member):
    fixes.fix_all_findings(case=case, by=member, based_on=fixes.preview_fix_all(case).based_on)
    event = AuditEvent.objects.filter(target_type="cases.case", detail__startswith="Fix it for me").get()
    assert event.actor_id == member.pk
    assert event.detail == "Fix it for me replaced: Person's name 4, NHS number 1, Phone number 1"
    logged = " ".join(AuditEvent.objects.values_list("detail", flat=True))
    assert not [original for original in ORIGINALS if original in logged]


def test_one_click_replaces_only_that_finding(case, member):
    nhs = Finding.objects.get(case=case, kind="nhs_number")
    assert fixes.fix_finding(case=case, by=member, finding=nhs) == {"nhs_number": 1}
    case.refresh_from_db()
    assert "[NHS number removed]" in case.presentation and "Jade Hughes" in case.presentation
    assert sorted(Finding.objects.filter(case=case).values_list("kind", flat=True)) == [
        "name", "name", "name", "name", "phone"
    ]  # fmt: skip
    name = Finding.objects.filter(case=case, kind="name").order_by("field", "start").last()  # "Jade" later on
    fixes.fix_finding(case=case, by=member, finding=name)
    case.refresh_from_db()
    assert "Person A rang" in case.presentation


def test_findings_marked_not_personal_data_are_left_alone(case, member):
    name = Finding.objects.get(case=case, kind="name", excerpt__startswith="K")
    gate.dismiss_finding(finding=name, by=member, reason="Kayla is the name of her dog, not of a person.")
    fixes.fix_all_findings(case=case, by=member, based_on=fixes.preview_fix_all(case).based_on)
    case.refresh_from_db()
    assert "her sister Kayla" in case.presentation and "Jade" not in case.presentation


def test_next_steps_are_fixed_with_the_same_pseudonyms(case, member):
    action = lifecycle.add_action_item(case=case, by=member, text="Ask Jade Hughes about the weekend plan.")
    case.refresh_from_db()
    fixes.fix_all_findings(case=case, by=member, based_on=fixes.preview_fix_all(case).based_on)
    action.refresh_from_db()
    assert action.text == "Ask Person A about the weekend plan."
    assert not Finding.objects.filter(case=case).exists()
    assert ActionItem.objects.filter(case=case).count() == 1


def test_a_preview_of_an_older_version_is_not_applied(case, member):
    preview = fixes.preview_fix_all(case)
    lifecycle.update_case(case=case, by=member, learning="Nothing more to add about Jade.")
    with pytest.raises(lifecycle.CaseChanged):
        fixes.fix_all_findings(case=case, by=member, based_on=preview.based_on)
    case.refresh_from_db()
    assert case.presentation == PRESENTATION


def test_only_those_who_may_edit_the_case_fix_it(case, colleague, outsider, broker):
    finding = Finding.objects.filter(case=case).first()
    stamp = fixes.preview_fix_all(case).based_on
    for person in (colleague, outsider, broker):
        with pytest.raises(PermissionDenied):
            fixes.fix_finding(case=case, by=person, finding=finding)
        with pytest.raises(PermissionDenied):
            fixes.fix_all_findings(case=case, by=person, based_on=stamp)
    assert all_text(case).count("Jade") == 2


def test_nothing_to_fix_says_so(make_case, member):
    case = make_case()
    with pytest.raises(ValidationError, match="nothing left to fix"):
        fixes.fix_all_findings(case=case, by=member, based_on=fixes.preview_fix_all(case).based_on)
