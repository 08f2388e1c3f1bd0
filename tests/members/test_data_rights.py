import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditAction, AuditEvent
from members.data_rights import erase_person
from sites.models import Membership
from tests.factories import AttendanceFactory, MeetingFactory, at


@pytest.mark.django_db
def test_a_person_downloads_everything_held_about_them(client, member, site):
    meeting = MeetingFactory(site=site, starts_at=at(timezone.localdate().replace(day=1)))
    AttendanceFactory(meeting=meeting, person=member)
    client.force_login(member)
    response = client.get(reverse("members:my_data_download"))
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["profile"]["email"] == member.email and data["profile"]["name"] == member.name
    assert data["memberships"][0]["site"] == "CP1"
    assert data["attendance"][0]["status"] == "present"
    assert AuditEvent.objects.filter(actor_id=member.pk, action=AuditAction.EXPORTED).exists()


@pytest.mark.django_db
def test_erasure_replaces_name_and_email_but_keeps_attendance(client, programme_admin, member, site):
    meeting = MeetingFactory(site=site)
    AttendanceFactory(meeting=meeting, person=member)
    membership = Membership.objects.get(person=member)
    with pytest.raises(ValidationError):
        erase_person(person=member, erased_by=programme_admin)  # still a current member
    membership.left = timezone.localdate()
    membership.left_reason = "moved job"
    membership.save()

    client.force_login(programme_admin)
    response = client.post(reverse("members:erase", args=[member.pk]))
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.name == f"Former member {member.pk:05d}"
    assert member.email.endswith("@invalid.example") and not member.is_active and not member.has_usable_password()
    assert member.attendances.count() == 1 and member.job_title
    assert AuditEvent.objects.filter(action=AuditAction.ERASED, target_id=str(member.pk)).exists()


@pytest.mark.django_db
def test_only_programme_admins_can_erase(client, facilitator, member):
    client.force_login(facilitator)
    assert client.post(reverse("members:erase", args=[member.pk])).status_code == 404


@pytest.mark.django_db
def test_privacy_notice_is_public(client):
    response = client.get(reverse("privacy"))
    assert response.status_code == 200 and "UK GDPR" in response.content.decode()
