"""A commissioner invited to one meeting: while invited they read that meeting's published agenda and, of the cases
on it, the screened titles and issues for commissioners; nothing else of the site (other meetings, other sites, the
case pages, the record), and nothing once the invitation is withdrawn or the meeting's day is over."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from cases.services import lifecycle
from cycle.models import MeetingGuest
from cycle.services import agenda, guests
from tests.factories import MeetingFactory, UserFactory, at

pytestmark = pytest.mark.django_db

PRESENTATION = "A man in his forties attends A&E most weekends after drinking; nobody hears until Monday."
DISCUSSION_ONLY = "nobody hears until Monday"
ISSUES = "No community mental health cover from Friday evening to Monday morning."


@pytest.fixture
def invited(site, member, facilitator, commissioner):
    """A CP1 meeting next week with a shared case on its published agenda, the commissioner invited."""
    meeting = MeetingFactory(site=site, starts_at=at(timezone.localdate() + timedelta(days=7)))
    case = lifecycle.create_case(
        site=site, by=member, title="Weekend crises", presentation=PRESENTATION, commissioner_issues=ISSUES
    )
    lifecycle.share_case(case=case, by=member)
    agenda.refresh_agenda(meeting=meeting)
    agenda.publish_agenda(meeting=meeting, published_by=facilitator)
    guest = guests.invite_commissioner(meeting=meeting, person=commissioner, invited_by=facilitator)
    return {"meeting": meeting, "case": case, "guest": guest}


def as_guest(meeting) -> str:
    return reverse("cycle:as_guest", args=[meeting.pk])


def test_an_invited_commissioner_reads_the_agenda_and_the_issues_never_the_discussion(
    client, invited, commissioner, member, django_assert_max_num_queries
):
    client.force_login(commissioner)
    with django_assert_max_num_queries(15):
        response = client.get(as_guest(invited["meeting"]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Case to present" in page and "Weekend crises" in page and ISSUES in page
    assert DISCUSSION_ONLY not in page and member.name not in page


def test_the_invitation_opens_that_meeting_and_nothing_else(client, invited, commissioner, site, other_site):
    client.force_login(commissioner)
    meeting, case = invited["meeting"], invited["case"]
    other_meeting = MeetingFactory(site=site, starts_at=meeting.starts_at + timedelta(days=28))
    elsewhere = MeetingFactory(site=other_site, starts_at=meeting.starts_at)
    for url in (
        as_guest(other_meeting),
        as_guest(elsewhere),
        reverse("cycle:agenda", args=[meeting.pk]),
        reverse("cycle:record", args=[meeting.pk]),
        reverse("sites:meeting", args=[meeting.pk]),
        reverse("sites:detail", args=[site.pk]),
        reverse("cases:detail", args=[case.pk]),
        reverse("cycle:guests", args=[meeting.pk]),
    ):
        assert client.get(url).status_code in (403, 404), url
    another = UserFactory(is_commissioner=True)  # a commissioner not invited
    client.force_login(another)
    assert client.get(as_guest(meeting)).status_code == 404


def test_a_withdrawn_invitation_closes_the_meeting(client, invited, commissioner, facilitator):
    client.force_login(facilitator)
    url = reverse("cycle:guest_withdraw", args=[invited["meeting"].pk, invited["guest"].pk])
    assert client.post(url).status_code == 302
    client.force_login(commissioner)
    assert client.get(as_guest(invited["meeting"])).status_code == 404


def test_the_invitation_lapses_after_the_meetings_day(client, invited, commissioner):
    meeting = invited["meeting"]
    client.force_login(commissioner)
    assert client.get(as_guest(meeting)).status_code == 200
    yesterday = at(timezone.localdate() - timedelta(days=1))
    type(meeting).objects.filter(pk=meeting.pk).update(starts_at=yesterday, ends_at=yesterday + timedelta(hours=2))
    assert client.get(as_guest(meeting)).status_code == 404
    assert not MeetingGuest.objects.standing().exists()


def test_before_the_agenda_is_published_the_guest_sees_no_items(client, site, facilitator, commissioner, member):
    meeting = MeetingFactory(site=site, starts_at=at(timezone.localdate() + timedelta(days=3)))
    case = lifecycle.create_case(site=site, by=member, title="Unpublished agenda case", presentation=PRESENTATION)
    lifecycle.share_case(case=case, by=member)
    agenda.refresh_agenda(meeting=meeting)
    guests.invite_commissioner(meeting=meeting, person=commissioner, invited_by=facilitator)
    client.force_login(commissioner)
    page = client.get(as_guest(meeting)).content.decode()
    assert "has not published the agenda yet" in page and "Unpublished agenda case" not in page


def test_only_the_sites_facilitators_invite_and_only_commissioners(site, facilitator, member, commissioner, outsider):
    meeting = MeetingFactory(site=site, starts_at=at(timezone.localdate() + timedelta(days=3)))
    with pytest.raises(PermissionDenied):
        guests.invite_commissioner(meeting=meeting, person=commissioner, invited_by=member)
    with pytest.raises(ValidationError, match="Choose a commissioner"):
        guests.invite_commissioner(meeting=meeting, person=outsider, invited_by=facilitator)
    past = MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=3)))
    with pytest.raises(ValidationError, match="already taken place"):
        guests.invite_commissioner(meeting=past, person=commissioner, invited_by=facilitator)
    first = guests.invite_commissioner(meeting=meeting, person=commissioner, invited_by=facilitator)
    assert guests.invite_commissioner(meeting=meeting, person=commissioner, invited_by=facilitator) == first


def test_the_facilitator_invites_through_the_page_and_the_commissioner_finds_it_at_home(
    client, site, facilitator, commissioner
):
    meeting = MeetingFactory(site=site, starts_at=at(timezone.localdate() + timedelta(days=3)))
    client.force_login(facilitator)
    url = reverse("cycle:guests", args=[meeting.pk])
    assert "Choose the commissioner to invite." in client.post(url, {"person": ""}).content.decode()
    assert client.post(url, {"person": commissioner.pk}).status_code == 302
    assert commissioner.name in client.get(url).content.decode()
    client.force_login(commissioner)
    assert as_guest(meeting) in client.get(reverse("home")).content.decode()


def test_the_commissioner_is_emailed_once_when_invited_and_once_when_withdrawn(
    client, site, facilitator, commissioner, django_capture_on_commit_callbacks
):
    from django.core import mail

    from cycle.models import GuestNotice

    meeting = MeetingFactory(site=site, starts_at=at(timezone.localdate() + timedelta(days=5)), venue="Jubilee Library")
    client.force_login(facilitator)
    url = reverse("cycle:guests", args=[meeting.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"person": commissioner.pk})
        response = client.post(url, {"person": commissioner.pk}, follow=True)  # again: the same invitation, no email
    assert "Invited and told by email" in response.content.decode()
    [invitation] = mail.outbox
    assert invitation.to == [commissioner.email]
    assert invitation.subject.startswith(f"Invitation: {site.code} community of practice meeting on ")
    assert facilitator.name in invitation.body and "Jubilee Library" in invitation.body
    assert reverse("cycle:as_guest", args=[meeting.pk]) in invitation.body
    assert "You will not see the presentations, the discussion or the record" in invitation.body

    guest = MeetingGuest.objects.get()
    withdraw = reverse("cycle:guest_withdraw", args=[meeting.pk, guest.pk])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(withdraw)
        client.post(withdraw)  # already withdrawn: nothing more
    [withdrawal] = mail.outbox
    assert withdrawal.to == [commissioner.email] and withdrawal.subject.startswith("Invitation withdrawn:")
    assert "no longer open to you" in withdrawal.body
    assert sorted(GuestNotice.objects.values_list("kind", flat=True)) == ["invited", "withdrawn"]

    # Invited again later: a new invitation, told again.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"person": commissioner.pk})
    assert [m.subject.split(":")[0] for m in mail.outbox] == ["Invitation"]


def test_an_invitation_withdrawn_before_its_email_goes_is_not_sent(site, facilitator, commissioner):
    """The email queued for an invitation that was withdrawn before the worker reached it stays unsent; the
    withdrawal's email still goes."""
    from django.core import mail

    from cycle import tasks
    from cycle.models import GuestNotice

    meeting = MeetingFactory(site=site, starts_at=at(timezone.localdate() + timedelta(days=5)))
    guest = guests.invite_commissioner(meeting=meeting, person=commissioner, invited_by=facilitator)  # not committed
    guests.withdraw_invitation(guest=guest, withdrawn_by=facilitator)
    invited, withdrawn = (GuestNotice.objects.get(kind=kind) for kind in ("invited", "withdrawn"))
    tasks.send_guest_notice_email(invited.pk)
    assert mail.outbox == []
    tasks.send_guest_notice_email(withdrawn.pk)
    assert [m.subject.split(":")[0] for m in mail.outbox] == ["Invitation withdrawn"]
