"""Membership of programme roles: commissioners read the issues raised, never the members' discussion, so no way into
a site role works for them. Each door that creates a membership is tried with a commissioner: the members page, an
invitation (sent, or sent before they became a commissioner and accepted after), the member import (upload and
command), appointing facilitators on the site form, and the Django admin. The other way round, a current member
cannot become a commissioner. The authorisation matrix checks that a membership held anyway gives nothing
(SAME_ANSWERS_AS in tests/security/matrix.py)."""

import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from sites.models import Membership
from sites.services.invitations import invite_person
from tests.factories import UserFactory

REFUSED = re.compile(r"is a commissioner")
SITE_FORM = {
    "code": "CP7", "name": "Leeds Community of Practice", "town": "Leeds", "host_organisation": "Leeds Mind",
    "status": "setting_up", "start_date": "2026-01-01", "award": "6950.00", "ended_on": "", "ended_reason": "",
}  # fmt: skip


def _no_membership(person) -> bool:
    return not Membership.objects.filter(person=person).exists()


@pytest.mark.django_db
def test_members_page_refuses_a_commissioner(client, site, facilitator, commissioner):
    client.force_login(facilitator)
    response = client.post(
        reverse("memberships:add_member", args=[site.pk]),
        {"email": commissioner.email, "role": "member", "joined": "2026-01-10"},
    )
    assert response.status_code == 200 and REFUSED.search(response.content.decode())
    assert _no_membership(commissioner)


@pytest.mark.django_db
def test_invitation_to_a_site_role_refused_for_a_commissioner(client, site, facilitator, commissioner):
    client.force_login(facilitator)
    response = client.post(
        reverse("memberships:invitations"), {"email": commissioner.email.upper(), "role": "member", "site": site.pk}
    )
    assert response.status_code == 200 and REFUSED.search(response.content.decode())


@pytest.mark.django_db
def test_invitation_sent_before_they_became_a_commissioner_cannot_be_accepted(client, site, facilitator):
    person = UserFactory(name="Pat Later-Commissioner")
    sent = invite_person(invited_by=facilitator, email=person.email, role="member", site=site)
    person.is_commissioner = True
    person.save(update_fields=["is_commissioner"])
    client.force_login(person)
    response = client.post(urlparse(sent.url).path)
    assert response.status_code in (403, 410) and REFUSED.search(response.content.decode())
    assert _no_membership(person)


@pytest.mark.django_db
def test_a_current_member_cannot_accept_a_commissioner_invitation(client, member, programme_admin):
    sent = invite_person(invited_by=programme_admin, email=member.email, role="commissioner")
    client.force_login(member)
    response = client.post(urlparse(sent.url).path)
    assert response.status_code in (403, 410) and "End their memberships" in response.content.decode()
    member.refresh_from_db()
    assert not member.is_commissioner


def _member_rows(email: str) -> str:
    return (
        "site,name,email,job_title,agency,sector,expert_by_experience,role,joined,left\n"
        "CP1,Asha Patel,asha@example.org,Community Psychiatric Nurse,Sussex Partnership NHS,NHS,no,member,2026-01-10,\n"
        f"CP1,Cam Commissioner,{email},Head of Commissioning,Brighton Council,Local Authority,no,member,2026-01-10,\n"
    )


@pytest.mark.django_db
def test_member_import_upload_refuses_a_commissioner_with_the_line(client, site, facilitator, commissioner):
    client.force_login(facilitator)
    upload = SimpleUploadedFile("members.csv", _member_rows(commissioner.email.upper()).encode(), "text/csv")
    page = client.post(reverse("sites:import"), {"kind": "members", "file": upload}).content.decode()
    assert "Line 3" in page and REFUSED.search(page)
    assert _no_membership(commissioner) and not Membership.objects.filter(person__email="asha@example.org").exists()


@pytest.mark.django_db
def test_import_members_command_refuses_a_commissioner_with_the_line(tmp_path: Path, site, commissioner, capsys):
    path = tmp_path / "members.csv"
    path.write_text(_member_rows(commissioner.email))
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_members", str(path))
    assert REFUSED.search(capsys.readouterr().err) and _no_membership(commissioner)


@pytest.mark.django_db
def test_site_form_does_not_offer_a_commissioner_as_facilitator(client, programme_admin, commissioner):
    client.force_login(programme_admin)
    response = client.post(reverse("sites:create"), {**SITE_FORM, "facilitators": [commissioner.pk]})
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert _no_membership(commissioner)


@pytest.mark.django_db
def test_django_admin_refuses_a_commissioners_membership(client, site, programme_admin, commissioner):
    client.force_login(programme_admin)
    response = client.post(
        reverse("admin:sites_membership_add"),
        {"person": commissioner.pk, "site": site.pk, "role": "member", "joined": "2026-01-10", "left_reason": ""},
    )
    assert response.status_code == 200 and REFUSED.search(response.content.decode())
    assert _no_membership(commissioner)


@pytest.mark.django_db
def test_a_membership_held_anyway_gives_no_site_role(client, site, commissioner):
    """Older data: the membership stays in the table, but nothing counts it (the matrix walks every page)."""
    Membership.objects.create(site=site, person=commissioner, joined=timezone.localdate() - timedelta(days=10))
    assert not Membership.objects.current().filter(person=commissioner).exists()
    client.force_login(commissioner)
    assert client.get(reverse("forum:site_board", args=[site.pk])).status_code == 404
