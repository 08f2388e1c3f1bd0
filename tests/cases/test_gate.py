import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cases.highlight import Span, highlight
from cases.models import CaseStatus, Finding, FindingStatus
from cases.services import gate, lifecycle

pytestmark = pytest.mark.django_db

NHS_TEXT = "Seen at A&E on Saturday. His NHS number is 943 476 5919 and he was sent home."


def test_share_case_refused_while_an_nhs_number_is_in_the_text(make_case, member):
    case = make_case(presentation=NHS_TEXT)
    finding = Finding.objects.get(case=case, kind="nhs_number")
    assert finding.field == "presentation" and finding.status == FindingStatus.OPEN
    with pytest.raises(ValidationError) as refused:
        lifecycle.share_case(case=case, by=member)
    message = " ".join(refused.value.messages)
    assert "NHS number at 'Presentation of the case'" in message and "mark each one as not personal data" in message
    case.refresh_from_db()
    assert case.status == CaseStatus.DRAFT


def test_findings_store_no_personal_data(make_case):
    case = make_case(presentation="Call him on 07700 900123 or write to j.smith@example.com.")
    stored = list(Finding.objects.filter(case=case).values_list("kind", "excerpt", "digest"))
    assert {kind for kind, _, _ in stored} >= {"phone", "email"}
    for _kind, excerpt, digest in stored:
        assert "900123" not in excerpt and "j.smith" not in excerpt and "•" in excerpt
        assert "07700" not in digest


def test_fixing_the_text_clears_the_finding_and_lets_the_case_be_shared(make_case, member):
    case = make_case(presentation=NHS_TEXT)
    lifecycle.update_case(case=case, by=member, presentation="Seen at A&E on Saturday and sent home.")
    assert not Finding.objects.filter(case=case).exists()
    assert lifecycle.share_case(case=case, by=member).status == CaseStatus.SHARED


def test_a_dismissed_finding_with_a_reason_lets_the_case_through_and_is_recorded(make_case, member, facilitator):
    case = make_case(presentation=NHS_TEXT)
    finding = Finding.objects.get(case=case, kind="nhs_number")
    with pytest.raises(ValidationError, match="Say in a sentence"):
        gate.dismiss_finding(finding=finding, by=member, reason=" ")
    gate.dismiss_finding(finding=finding, by=member, reason="It is the number of a test record, not a person's.")
    finding.refresh_from_db()
    assert finding.status == FindingStatus.AWAITING and finding.dismissed_by == member and finding.dismissed_at
    with pytest.raises(ValidationError, match="waiting for a facilitator to confirm"):
        lifecycle.share_case(case=case, by=member)
    gate.confirm_finding_dismissal(finding=finding, by=facilitator)
    finding.refresh_from_db()
    assert finding.status == FindingStatus.DISMISSED and finding.confirmed_by == facilitator
    assert lifecycle.share_case(case=case, by=member).status == CaseStatus.SHARED
    assert facilitator.has_perm("cases.review_findings", case)


def test_facilitator_reopens_a_dismissed_finding_and_it_blocks_again(make_case, member, facilitator):
    case = make_case(presentation=NHS_TEXT)
    finding = Finding.objects.get(case=case, kind="nhs_number")
    gate.dismiss_finding(finding=finding, by=member, reason="Not a real number, a made-up example.")
    gate.confirm_finding_dismissal(finding=finding, by=facilitator)
    with pytest.raises(PermissionDenied):
        gate.reopen_finding(finding=finding, by=member)
    gate.reopen_finding(finding=finding, by=facilitator)
    finding.refresh_from_db()
    assert finding.status == FindingStatus.REOPENED and finding.reopened_by == facilitator
    with pytest.raises(ValidationError, match="NHS number"):
        lifecycle.share_case(case=case, by=member)


def test_a_dismissed_finding_stays_dismissed_when_the_text_is_saved_again(make_case, member, facilitator):
    case = make_case(presentation=NHS_TEXT)
    finding = Finding.objects.get(case=case, kind="nhs_number")
    gate.dismiss_finding(finding=finding, by=member, reason="Not a real number, a made-up example.")
    gate.confirm_finding_dismissal(finding=finding, by=facilitator)
    lifecycle.update_case(case=case, by=member, presentation="Earlier that week: " + NHS_TEXT)
    finding.refresh_from_db()
    assert finding.status == FindingStatus.DISMISSED and finding.start > 0
    assert not Finding.objects.blocking().filter(case=case).exists()


def test_others_cannot_dismiss_a_finding(make_case, colleague, outsider):
    case = make_case(presentation=NHS_TEXT)
    finding = Finding.objects.get(case=case, kind="nhs_number")
    for person in (colleague, outsider):
        with pytest.raises(PermissionDenied):
            gate.dismiss_finding(finding=finding, by=person, reason="Not personal.")


def test_every_text_of_the_case_is_checked(make_case, member):
    case = make_case(title="Mr John Smith's weekend", learning="Ring 07700 900123.")
    action = lifecycle.add_action_item(case=case, by=member, text="Email j.smith@example.com about it.")
    fields = set(Finding.objects.filter(case=case).values_list("field", flat=True))
    assert {"title", "learning", f"action:{action.pk}"} <= fields
    with pytest.raises(ValidationError):
        lifecycle.share_case(case=case, by=member)


def test_an_edit_adding_personal_data_to_a_shared_case_is_refused_and_nothing_is_saved(make_case, member):
    case = make_case(CaseStatus.SHARED)
    with pytest.raises(lifecycle.PersonalDataError) as refused:
        lifecycle.update_case(case=case, by=member, learning="Ring him on 07700 900123.")
    assert "phone" in {d.kind for d in refused.value.found["learning"]}
    case.refresh_from_db()
    assert case.learning == ""


def test_follow_up_with_personal_data_is_refused_unless_a_reason_is_given(make_case, member, facilitator, meetings):
    case = make_case(CaseStatus.DISCUSSED)
    text = "He rang from 07700 900123 to say things are stable."
    with pytest.raises(lifecycle.PersonalDataError):
        lifecycle.record_follow_up(case=case, by=member, meeting=meetings["follow_up"], what_happened=text)
    assert not case.follow_ups.exists()
    follow_up = lifecycle.record_follow_up(
        case=case,
        by=member,
        meeting=meetings["follow_up"],
        what_happened=text,
        not_personal_data_reason="That is the team's duty phone, not his.",
    )
    finding = Finding.objects.get(case=case, field=f"followup:{follow_up.pk}")
    assert finding.status == FindingStatus.AWAITING and finding.reason == "That is the team's duty phone, not his."
    gate.confirm_finding_dismissal(finding=finding, by=facilitator)
    finding.refresh_from_db()
    assert finding.status == FindingStatus.DISMISSED


def test_highlight_escapes_the_text_and_marks_each_finding():
    text = "<script>x</script> Mr John Smith & 07700 900123"
    start = text.index("John")
    html = str(highlight(text, [Span(start, start + 10, "name")]))
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp;" in html
    assert '<mark class="finding" title="Possible personal data: Person&#x27;s name">John Smith' in html


def test_mask_keeps_only_the_ends():
    assert gate.mask("07700 900123") == "077••••••123"
    assert "900" not in gate.mask("07700 900123")


def test_a_reopened_follow_up_finding_is_fixed_by_correcting_the_follow_up(make_case, member, facilitator, meetings):
    case = make_case(CaseStatus.DISCUSSED)
    follow_up = lifecycle.record_follow_up(
        case=case,
        by=member,
        meeting=meetings["follow_up"],
        what_happened="He rang from 07700 900123 to say things are stable.",
        not_personal_data_reason="It is the team's duty phone.",
    )
    finding = Finding.objects.get(case=case, field=f"followup:{follow_up.pk}")
    gate.refuse_finding_dismissal(finding=finding, by=facilitator)
    with pytest.raises(ValidationError, match="Phone number"):
        lifecycle.write_up_case(case=case, by=facilitator, summary="A plan.")
    with pytest.raises(lifecycle.PersonalDataError):
        lifecycle.update_follow_up(follow_up=follow_up, by=member, what_happened="He rang 07700 900124.")
    lifecycle.update_follow_up(follow_up=follow_up, by=member, what_happened="He rang to say things are stable.")
    assert not Finding.objects.blocking().filter(case=case).exists()
    assert lifecycle.write_up_case(case=case, by=facilitator, summary="A plan.").status == CaseStatus.WRITTEN_UP
