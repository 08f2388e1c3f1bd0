"""Two people saving the same attendance register or the same case at once: the second save is refused with a
message saying what happened, their input is kept on the page, and neither person's change is silently lost.
Through the real views, in the order a real race takes: both open the form, one saves, then the other."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cases.models import Case, CaseStatus
from cases.services import lifecycle
from sites.models import Attendance, MembershipRole
from tests.factories import MeetingFactory, MembershipFactory, at

pytestmark = pytest.mark.django_db


def hidden_value(page: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', page) or re.search(rf'value="([^"]*)" name="{name}"', page)
    assert match, f"no hidden {name} field on the page"
    return match.group(1)


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


@pytest.fixture
def co_facilitator(site):
    return MembershipFactory(site=site, role=MembershipRole.FACILITATOR, person__name="Chris Cofacilitator").person


def test_two_facilitators_saving_one_register_neither_change_is_lost(site, facilitator, co_facilitator, member):
    meeting = MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=3)))
    url = reverse("sites:meeting_register", args=[meeting.pk])
    fran, chris = signed_in(facilitator), signed_in(co_facilitator)
    fran_stamp = hidden_value(fran.get(url).content.decode(), "register_stamp")
    chris_stamp = hidden_value(chris.get(url).content.decode(), "register_stamp")

    saved = fran.post(url, {f"status_{member.pk}": "present", "register_stamp": fran_stamp})
    assert saved.status_code == 302
    refused = chris.post(url, {f"status_{member.pk}": "apologies", "register_stamp": chris_stamp})

    page = refused.content.decode()
    assert refused.status_code == 200
    assert "Someone else saved this register while you had it open, so yours was not saved." in page
    assert f'id="id_status_{member.pk}_1" value="apologies" checked' in page  # Chris's mark is kept
    assert "Saved: Present" in page  # and Fran's is shown
    assert Attendance.objects.get(meeting=meeting, person=member).status == "present"  # Fran's change stands

    # Having seen Fran's mark, Chris saves again on purpose: that save goes through.
    again = chris.post(
        url, {f"status_{member.pk}": "apologies", "register_stamp": hidden_value(page, "register_stamp")}
    )
    assert again.status_code == 302
    assert Attendance.objects.get(meeting=meeting, person=member).status == "apologies"


def test_a_register_saved_twice_by_the_same_form_is_refused_the_second_time(site, facilitator, member):
    meeting = MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=3)))
    url = reverse("sites:meeting_register", args=[meeting.pk])
    fran = signed_in(facilitator)
    stamp = hidden_value(fran.get(url).content.decode(), "register_stamp")
    assert fran.post(url, {f"status_{member.pk}": "present", "register_stamp": stamp}).status_code == 302
    # The same stale form posted again (a second tab, a resubmitted page) no longer matches what is saved.
    stale = fran.post(url, {f"status_{member.pk}": "absent", "register_stamp": stamp})
    assert stale.status_code == 200 and "yours was not saved" in stale.content.decode()
    assert Attendance.objects.get(meeting=meeting, person=member).status == "present"


def test_two_people_editing_one_case_neither_change_is_lost(site, facilitator, member):
    case = lifecycle.create_case(
        site=site, by=member, title="Weekend crises", presentation="A man in his forties attends A&E most weekends."
    )
    url = reverse("cases:edit", args=[case.pk])
    morgan, fran = signed_in(member), signed_in(facilitator)
    morgan_from = hidden_value(morgan.get(url).content.decode(), "edited_from")
    fran_from = hidden_value(fran.get(url).content.decode(), "edited_from")
    form = {"title": case.title, "kind": case.kind, "presenters": [member.pk]}

    saved = morgan.post(
        url, {**form, "presentation": "Morgan's rewrite of the presentation.", "edited_from": morgan_from}
    )
    assert saved.status_code == 302
    refused = fran.post(
        url, {**form, "presentation": "Fran's rewrite, typed at the same time.", "edited_from": fran_from}
    )

    page = refused.content.decode()
    assert refused.status_code == 200
    assert "Someone else saved this case while you were editing it, so your changes were not saved." in page
    assert "Fran&#x27;s rewrite, typed at the same time." in page  # Fran's text is kept in the form
    assert "Morgan&#x27;s rewrite of the presentation." in page  # and Morgan's saved text is shown
    case.refresh_from_db()
    assert case.presentation == "Morgan's rewrite of the presentation."
    assert case.status == CaseStatus.DRAFT

    combined = "Morgan's rewrite, with Fran's addition."
    again = fran.post(url, {**form, "presentation": combined, "edited_from": hidden_value(page, "edited_from")})
    assert again.status_code == 302
    assert Case.objects.get(pk=case.pk).presentation == combined
