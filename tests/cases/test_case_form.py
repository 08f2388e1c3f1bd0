"""The case form as one piece: the four parts in order with next steps as part 2, every button saving what was
typed first, the one-click fixes and "Fix all" (shown, then confirmed), and Share offered once nothing is left."""

import re

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from cases.models import ActionItem, CaseStatus, Finding
from cases.services import lifecycle

PRESENTATION = "Jade Hughes (NHS 943 476 5919) lives with her sister Kayla.\n\nJade rang on 07700 900123."


@pytest.fixture
def case(make_case):
    return make_case(presentation=PRESENTATION, learning="Ms Hughes needed a weekend plan.")


def form_data(case, **changes) -> dict:
    data = {
        "title": case.title,
        "kind": case.kind,
        "presenters": [p.pk for p in case.presenters.all()],
        "presentation": case.presentation,
        "learning": case.learning,
        "commissioner_issues": case.commissioner_issues,
        "edited_from": lifecycle.edit_stamp(case),
    }
    return {**data, **changes}


def edit(client, case, **changes):
    return client.post(reverse("cases:edit", args=[case.pk]), form_data(case, **changes))


def test_the_four_parts_come_in_order_with_next_steps_inside_the_form(client, case, member):
    client.force_login(member)
    page = client.get(reverse("cases:edit", args=[case.pk])).content.decode()
    form = page[page.index('id="case-form"') :]
    positions = [
        form.index(label)
        for label in (
            "1. Presentation of the case",
            "2. Next steps",
            "3. Learning for improved practice",
            "4. Issues for commissioners",
            "Save changes",
        )
    ]
    assert positions == sorted(positions)
    assert page.count("<form") == page.count("</form>") and "text-prewrap" in page


def test_a_next_step_typed_with_changed_text_saves_both(client, case, member):
    client.force_login(member)
    response = edit(
        client, case, learning="A weekend plan helped.", next_step="Agree a weekend contact.", then="add-step"
    )
    assert response.status_code == 302 and response["Location"].endswith("#next-steps")
    case.refresh_from_db()
    assert case.learning == "A weekend plan helped."
    assert list(case.actions.values_list("text", flat=True)) == ["Agree a weekend contact."]
    action = case.actions.get()
    edit(client, case, commissioner_issues="No weekend social work cover.", remove_step=str(action.pk))
    case.refresh_from_db()
    assert case.commissioner_issues == "No weekend social work cover." and not case.actions.exists()


def test_who_takes_a_step_forward_needs_the_step(client, case, member):
    client.force_login(member)
    response = edit(client, case, learning="Typed and kept.", next_step_agency="Crisis team")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Write the next step, or leave who takes it forward empty." in page and "Typed and kept." in page


def test_one_click_fix_saves_what_was_typed_then_replaces(client, case, member):
    client.force_login(member)
    nhs = Finding.objects.get(case=case, kind="nhs_number")
    response = edit(client, case, commissioner_issues="No weekend cover.", then=f"fix:{nhs.pk}")
    assert response.status_code == 302 and response["Location"].endswith("#gate-panel")
    case.refresh_from_db()
    assert case.commissioner_issues == "No weekend cover."
    assert "[NHS number removed]" in case.presentation and "Jade Hughes" in case.presentation
    page = client.get(reverse("cases:edit", args=[case.pk])).content.decode()
    assert "5 things to fix" in page and "Replace with “Person A”" in page


def test_fix_all_is_shown_then_confirmed_then_share_is_offered(client, case, member):
    client.force_login(member)
    page = client.get(reverse("cases:edit", args=[case.pk])).content.decode()
    assert "6 things to fix" in page and "Fix all 6 for me" in page and "Save and share" not in page
    response = edit(client, case, learning="Person A needed a weekend plan.", then="fix-all")
    assert response["Location"] == reverse("cases:fix_all", args=[case.pk])
    preview = client.get(response["Location"]).content.decode()
    assert '<mark class="fixed">Person A</mark>' in preview and "Jade" not in preview
    assert "Person&#x27;s name: 3" in preview and "nothing is saved until you confirm" in preview
    case.refresh_from_db()
    assert "Jade" in case.presentation  # only shown so far
    based_on = re.search(r'name="based_on" value="(\d+)"', preview).group(1)
    response = client.post(reverse("cases:fix_all", args=[case.pk]), {"based_on": based_on})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.presentation == (
        "Person A (NHS [NHS number removed]) lives with A's sister.\n\nPerson A rang on [phone number removed]."
    )
    page = client.get(reverse("cases:edit", args=[case.pk])).content.decode()
    assert "0 things to fix" in page and "Save and share with the site" in page
    response = edit(client, case, then="share")
    case.refresh_from_db()
    assert case.status == CaseStatus.SHARED and response["Location"] == reverse("cases:detail", args=[case.pk])
    assert AuditEvent.objects.filter(detail__startswith="Fix it for me replaced: Person's name 3").exists()


def test_a_stale_fix_all_is_not_applied(client, case, member):
    client.force_login(member)
    preview = client.get(reverse("cases:fix_all", args=[case.pk])).content.decode()
    based_on = re.search(r'name="based_on" value="(\d+)"', preview).group(1)
    edit(client, case, learning="Changed in another tab.")
    response = client.post(reverse("cases:fix_all", args=[case.pk]), {"based_on": based_on}, follow=True)
    assert "check the new result and confirm again" in response.content.decode()
    case.refresh_from_db()
    assert "Jade" in case.presentation


def test_marking_not_personal_data_from_the_panel_keeps_what_was_typed(client, case, member):
    client.force_login(member)
    name = Finding.objects.get(case=case, kind="name", excerpt__startswith="K")
    edit(
        client,
        case,
        learning="Kept while dismissing.",
        then=f"dismiss:{name.pk}",
        **{f"reason-{name.pk}": "Kayla is the name of her dog, not of a person."},
    )
    name.refresh_from_db()
    case.refresh_from_db()
    assert name.status == "dismissed" and case.learning == "Kept while dismissing."


def test_others_cannot_fix_a_case(client, case, colleague, outsider):
    nhs = Finding.objects.get(case=case, kind="nhs_number")
    for person, status in ((colleague, 404), (outsider, 404)):  # a draft is not even visible to them
        client.force_login(person)
        assert client.get(reverse("cases:fix_all", args=[case.pk])).status_code == status
        assert client.post(reverse("cases:fix_all", args=[case.pk]), {"based_on": "1"}).status_code == status
        assert edit(client, case, then=f"fix:{nhs.pk}").status_code == status
    case.refresh_from_db()
    assert case.presentation == PRESENTATION


def test_a_finding_of_another_case_cannot_be_fixed_through_this_one(client, case, make_case, member):
    other = make_case(presentation="Call Tom Baxter on 07700 900456.")
    client.force_login(member)
    foreign = Finding.objects.filter(case=other).first()
    assert edit(client, case, then=f"fix:{foreign.pk}").status_code == 404
    other.refresh_from_db()
    assert "Tom Baxter" in other.presentation
    assert ActionItem.objects.count() == 0


def test_a_site_id_too_long_for_a_number_is_refused_not_a_server_error(client, member):
    client.force_login(member)
    response = client.post(reverse("cases:create"), {"site": "9" * 6001, "title": "T", "presentation": "Text."})
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
