from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from sites.models import Attendance, AttendanceStatus, MeetingReply, MeetingStatus, MembershipRole
from sites.services.attendance import record_attendance
from tests.factories import MeetingFactory, MembershipFactory, UserFactory, at


def past_meeting(site, days_ago: int = 7):
    return MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=days_ago)))


def statuses_of(meeting) -> dict:
    return dict(Attendance.objects.filter(meeting=meeting).values_list("person__name", "status"))


# Service


@pytest.mark.django_db
def test_record_attendance_saves_everyone_in_one_go(site, facilitator, member):
    meeting = past_meeting(site)
    other = MembershipFactory(site=site, person__name="Sam Second").person
    record_attendance(
        meeting=meeting,
        recorded_by=facilitator,
        statuses={member.pk: "present", other.pk: "apologies", facilitator.pk: "present"},
    )
    assert statuses_of(meeting) == {
        "Morgan Member": "present",
        "Sam Second": "apologies",
        "Fran Facilitator": "present",
    }


@pytest.mark.django_db
def test_first_attendance_records_the_ground_rules_date(site, facilitator, member):
    absent_one = MembershipFactory(site=site).person
    later = past_meeting(site, days_ago=7)
    record_attendance(meeting=later, recorded_by=facilitator, statuses={member.pk: "present", absent_one.pk: "absent"})
    membership = member.memberships.get(site=site)
    assert membership.ground_rules_agreed_on == later.local_date
    assert absent_one.memberships.get(site=site).ground_rules_agreed_on is None
    # The register of an earlier meeting, entered afterwards, moves the date back to the first attendance.
    earlier = past_meeting(site, days_ago=35)
    record_attendance(meeting=earlier, recorded_by=facilitator, statuses={member.pk: "present"})
    membership.refresh_from_db()
    assert membership.ground_rules_agreed_on == earlier.local_date
    # A later meeting does not move it forward again.
    record_attendance(meeting=later, recorded_by=facilitator, statuses={member.pk: "present"})
    membership.refresh_from_db()
    assert membership.ground_rules_agreed_on == earlier.local_date


@pytest.mark.django_db
def test_register_can_be_corrected(site, facilitator, member):
    meeting = past_meeting(site)
    record_attendance(meeting=meeting, recorded_by=facilitator, statuses={member.pk: "absent"})
    record_attendance(meeting=meeting, recorded_by=facilitator, statuses={member.pk: "apologies"})
    assert Attendance.objects.get(meeting=meeting, person=member).status == "apologies"
    assert Attendance.objects.filter(meeting=meeting).count() == 1


@pytest.mark.django_db
def test_guests_must_be_brokers_or_commissioners(site, facilitator, broker, commissioner, outsider):
    meeting = past_meeting(site)
    record_attendance(meeting=meeting, recorded_by=facilitator, statuses={}, guests=[broker.pk, commissioner.pk])
    guests = Attendance.objects.filter(meeting=meeting, is_guest=True)
    assert {g.person_id for g in guests} == {broker.pk, commissioner.pk}
    assert {g.status for g in guests} == {AttendanceStatus.PRESENT}
    with pytest.raises(ValidationError):
        record_attendance(meeting=meeting, recorded_by=facilitator, statuses={}, guests=[outsider.pk])
    # An existing guest's mark can be corrected.
    record_attendance(meeting=meeting, recorded_by=facilitator, statuses={broker.pk: "apologies"})
    assert Attendance.objects.get(meeting=meeting, person=broker).status == "apologies"


@pytest.mark.django_db
def test_only_members_on_the_meeting_date_can_be_marked(site, facilitator, outsider):
    meeting = past_meeting(site, days_ago=30)
    joined_later = MembershipFactory(site=site, joined=timezone.localdate() - timedelta(days=5)).person
    for person in (outsider, joined_later):
        with pytest.raises(ValidationError):
            record_attendance(meeting=meeting, recorded_by=facilitator, statuses={person.pk: "present"})
    assert not Attendance.objects.exists()


@pytest.mark.django_db
def test_no_register_for_cancelled_or_future_meetings(site, facilitator, member):
    cancelled = MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=2)))
    cancelled.status = MeetingStatus.CANCELLED
    cancelled.save()
    future = MeetingFactory(site=site)
    for meeting in (cancelled, future):
        with pytest.raises(ValidationError):
            record_attendance(meeting=meeting, recorded_by=facilitator, statuses={member.pk: "present"})


# The page


@pytest.mark.django_db
def test_register_page_lists_members_and_saves_in_one_submit(client, site, facilitator, member, broker):
    left = MembershipFactory(site=site, person__name="Lee Left", left=timezone.localdate() - timedelta(days=30))
    meeting = past_meeting(site)
    url = reverse("sites:meeting_register", args=[meeting.pk])
    client.force_login(facilitator)
    page = client.get(url).content.decode()
    assert "Morgan Member" in page and "Fran Facilitator" in page
    assert "Lee Left" not in page
    assert "ground rules on confidentiality and information sharing" in page
    assert "Kit Broker" in page  # offered as a guest
    response = client.post(
        url,
        {f"status_{member.pk}": "present", f"status_{facilitator.pk}": "present", "guests": [broker.pk]},
        follow=True,
    )
    assert "Register saved. Everyone is marked." in response.content.decode()
    assert statuses_of(meeting) == {"Morgan Member": "present", "Fran Facilitator": "present", "Kit Broker": "present"}
    assert Attendance.objects.get(person=broker).is_guest
    # The page shows what was saved.
    page = response.content.decode()
    assert f'id="id_status_{member.pk}_0" value="present" checked' in page
    assert page.count("Saved: Present") == 3
    assert left.person.attendances.count() == 0


@pytest.mark.django_db
def test_register_page_says_who_is_not_marked(client, site, facilitator, member):
    meeting = past_meeting(site)
    client.force_login(facilitator)
    response = client.post(
        reverse("sites:meeting_register", args=[meeting.pk]), {f"status_{member.pk}": "apologies"}, follow=True
    )
    page = response.content.decode()
    assert f"1 member is not marked yet: {facilitator.name}." in page
    assert f'Not marked yet (1): <a href="#line-{facilitator.pk}">{facilitator.name}</a>' in page


@pytest.mark.django_db
def test_register_page_refuses_unknown_status_and_keeps_the_page(client, site, facilitator, member):
    meeting = past_meeting(site)
    client.force_login(facilitator)
    response = client.post(reverse("sites:meeting_register", args=[meeting.pk]), {f"status_{member.pk}": "asleep"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Attendance.objects.exists()


@pytest.mark.django_db
def test_who_may_open_the_register(client, site, member, outsider, broker, commissioner, programme_admin):
    meeting = past_meeting(site)
    url = reverse("sites:meeting_register", args=[meeting.pk])
    client.force_login(member)
    assert client.get(url).status_code == 403
    assert client.post(url, {f"status_{member.pk}": "present"}).status_code == 403
    client.force_login(broker)
    assert client.get(url).status_code == 403
    for user in (outsider, commissioner):
        client.force_login(user)
        assert client.get(url).status_code == 404
    client.force_login(programme_admin)
    assert client.get(url).status_code == 200
    assert not Attendance.objects.exists()


@pytest.mark.django_db
def test_register_uses_a_fixed_number_of_queries(client, site, facilitator, broker, django_assert_max_num_queries):
    meeting = past_meeting(site)
    people = [MembershipFactory(site=site).person for _ in range(25)]
    MembershipFactory(site=site, role=MembershipRole.FACILITATOR)
    UserFactory(is_commissioner=True)
    # Replies made before the day (written directly: the meeting is past now) cost one query whatever their number.
    MeetingReply.objects.bulk_create(MeetingReply(meeting=meeting, person=p, answer="cant_come") for p in people)
    url = reverse("sites:meeting_register", args=[meeting.pk])
    client.force_login(facilitator)
    # +1 menu counts; 12, one for the stamp that detects a concurrent save, one for the guest speakers, one for the
    # replies
    with django_assert_max_num_queries(16):
        assert client.get(url).status_code == 200
    data = {f"status_{p.pk}": "present" for p in people}
    data["guests"] = [broker.pk]
    with django_assert_max_num_queries(21):  # with the menu's counts
        assert client.post(url, data).status_code == 302
    with django_assert_max_num_queries(16):  # with the menu's counts, the guest speakers and the replies
        page = client.get(url).content.decode()
    assert page.count("Saved: Present") == 26
    assert Attendance.objects.filter(meeting=meeting).count() == 26


@pytest.mark.django_db
def test_register_opens_on_the_day_of_the_meeting(client, site, facilitator, member):
    future = MeetingFactory(site=site)
    client.force_login(facilitator)
    assert (
        reverse("sites:meeting_register", args=[future.pk])
        not in client.get(reverse("sites:meeting", args=[future.pk])).content.decode()
    )
    url = reverse("sites:meeting_register", args=[future.pk])
    assert "The register opens on the day of the meeting" in client.get(url).content.decode()
    response = client.post(url, {f"status_{member.pk}": "present"})
    assert response.status_code == 200
    assert "The register opens on the day of the meeting" in response.content.decode()
    assert not Attendance.objects.exists()
