import pytest
from django.urls import reverse

from cases.models import Case, CaseStatus, Finding, FindingStatus, Theme

pytestmark = pytest.mark.django_db

NHS_TEXT = "Seen at A&E on Saturday. His NHS number is 943 476 5919 and he was sent home."


def test_member_writes_a_draft_and_sees_personal_data_highlighted(client, site, member):
    client.force_login(member)
    theme = Theme.objects.get_or_create(name="Weekend crises")[0]
    response = client.post(
        reverse("cases:create"),
        {
            "site": site.pk,
            "title": "Weekend crises",
            "kind": "challenging",
            "themes": [theme.pk],
            "presenters": [member.pk],
            "presentation": "<script>alert(1)</script> " + NHS_TEXT,
        },
    )
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("cases:edit", args=[case.pk])
    assert list(case.presenters.all()) == [member] and case.status == CaseStatus.DRAFT
    page = client.get(response["Location"]).content.decode()
    assert '<mark class="finding" title="Possible personal data: NHS number">943 476 5919' in page
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "1 thing to fix" in page and "NHS number</strong>: “943 476 5919”" in page
    assert "Replace with “[NHS number removed]”" in page and "Mark as not personal data" in page


def test_share_refused_then_allowed_after_marking_not_personal_data(client, make_case, member, facilitator):
    case = make_case(presentation=NHS_TEXT)
    client.force_login(member)
    response = client.post(reverse("cases:share", args=[case.pk]), follow=True)
    assert "cannot be shared while it may contain personal data" in response.content.decode()
    finding = Finding.objects.get(case=case, kind="nhs_number")
    client.post(reverse("cases:finding_dismiss", args=[finding.pk]), {"reason": "A made-up number from training."})
    client.post(reverse("cases:share", args=[case.pk]))
    case.refresh_from_db()
    assert case.status == CaseStatus.SHARED

    client.force_login(facilitator)
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "A made-up number from training." in page and "Reopen this finding" in page
    client.post(reverse("cases:finding_reopen", args=[finding.pk]))
    finding.refresh_from_db()
    assert finding.status == FindingStatus.REOPENED


def test_lifecycle_buttons_show_only_when_allowed(client, make_case, member, colleague, facilitator, programme_admin):
    draft = make_case()
    shared = make_case(CaseStatus.SHARED)
    written = make_case(CaseStatus.WRITTEN_UP)

    def buttons(user, case):
        client.force_login(user)
        page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
        labels = [
            "Edit",
            "Share with the site",
            "Record the discussion",
            "Record follow-up",
            "Publish to the repository",
        ]
        return {label for label in labels if f">{label}</" in page}

    assert buttons(member, draft) == {"Edit", "Share with the site"}
    assert buttons(member, shared) == {"Edit"}
    assert buttons(colleague, shared) == set()
    assert buttons(facilitator, shared) == {"Edit", "Record the discussion"}
    assert buttons(member, written) == set()
    assert buttons(programme_admin, written) == {"Publish to the repository"}


def test_facilitator_records_discussion_follow_up_write_up_and_publishes(client, make_case, facilitator, meetings):
    case = make_case(CaseStatus.SHARED)
    client.force_login(facilitator)
    assert client.get(reverse("cases:discussion", args=[case.pk])).status_code == 200
    client.post(reverse("cases:discussion", args=[case.pk]), {"meeting": meetings["discussion"].pk})
    response = client.post(
        reverse("cases:follow_up", args=[case.pk]),
        {"meeting": meetings["follow_up"].pk, "what_happened": "He rang from 07700 900123.", "outcome": "maintenance"},
    )
    page = response.content.decode()
    assert response.status_code == 200 and "The follow-up was not saved" in page
    assert '<mark class="finding" title="Possible personal data: Phone number">07700 900123' in page
    client.post(
        reverse("cases:follow_up", args=[case.pk]),
        {"meeting": meetings["follow_up"].pk, "what_happened": "Stable, no crisis.", "outcome": "maintenance"},
    )
    client.post(reverse("cases:write_up", args=[case.pk]), {"summary": "A weekend plan kept him stable."})
    client.post(reverse("cases:publish", args=[case.pk]))
    case.refresh_from_db()
    assert case.status == CaseStatus.PUBLISHED and case.outcome == "maintenance"
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "History" in page and "Written up as a learning object" in page


def test_history_is_for_facilitators(client, make_case, member):
    case = make_case(CaseStatus.SHARED)
    client.force_login(member)
    assert ">History<" not in client.get(reverse("cases:detail", args=[case.pk])).content.decode()


def test_edit_of_a_shared_case_with_personal_data_is_refused_and_the_text_kept(client, make_case, member):
    case = make_case(CaseStatus.SHARED)
    client.force_login(member)
    response = client.post(
        reverse("cases:edit", args=[case.pk]),
        {
            "title": case.title,
            "kind": case.kind,
            "presenters": [member.pk],
            "presentation": case.presentation,
            "learning": "Ring him on 07700 900123 at weekends.",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200 and "Your changes were not saved" in page
    assert "Ring him on" in page  # nothing typed is lost
    case.refresh_from_db()
    assert case.learning == ""


def test_next_steps_are_added_and_updated(client, make_case, member):
    case = make_case(CaseStatus.DISCUSSED)
    client.force_login(member)
    client.post(reverse("cases:action_add", args=[case.pk]), {"text": "Agree a weekend plan.", "owner_agency": "NHS"})
    action = case.actions.get()
    client.post(reverse("cases:action_update", args=[action.pk]), {"status": "tried_helpful", "note": "It worked."})
    action.refresh_from_db()
    assert (action.status, action.note) == ("tried_helpful", "It worked.")


def test_home_page_lists_cases_i_present(client, make_case, member):
    case = make_case(title="My weekend case")
    client.force_login(member)
    response = client.get(reverse("home"))
    assert [c.pk for c in response.context["my_work"]["cases"]] == [case.pk]
    assert "Cases I present" in response.content.decode()


def test_follow_up_is_corrected_through_its_form(client, make_case, member, colleague):
    case = make_case(CaseStatus.FOLLOWED_UP)
    follow_up = case.follow_ups.get()
    url = reverse("cases:follow_up_edit", args=[follow_up.pk])
    client.force_login(colleague)
    assert client.get(url).status_code == 403
    client.force_login(member)
    assert "Correct this follow-up" in client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    client.post(url, {"what_happened": "Stable for three months now."})
    follow_up.refresh_from_db()
    assert follow_up.what_happened == "Stable for three months now."
