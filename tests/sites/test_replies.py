"""Replies to meetings: coming, can't come (apologies with a note) or maybe, from the meeting page or the signed link
in the reminder; the register opens with them and the facilitator sees the expected numbers before the day."""

import re
import time
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from newsletters import tokens as newsletter_tokens
from sites.models import MeetingReply, MeetingStatus, ReplyAnswer
from sites.periodic import send_meeting_reminders
from sites.services.calendar import issue_calendar_token
from sites.services.replies import REPLY_LINK_MAX_AGE, REPLY_SALT, reply_to_meeting, reply_token
from tests.factories import PASSWORD, MeetingFactory, MembershipFactory, at
from tests.html_forms import checked_radios


def upcoming(site, days: int = 3):
    return MeetingFactory(site=site, starts_at=at(timezone.localdate() + timedelta(days=days)))


def link(meeting, person, answer: str = "") -> str:
    url = reverse("sites:meeting_reply_link", args=[reply_token(meeting=meeting, person=person)])
    return f"{url}?answer={answer}" if answer else url


# The service


@pytest.mark.django_db
def test_a_reply_can_be_changed_and_keeps_the_note_only_with_apologies(site, member):
    meeting = upcoming(site)
    reply_to_meeting(meeting=meeting, person=member, answer="cant_come", note="  Court   all day ")
    assert MeetingReply.objects.get().note == "Court all day"
    reply_to_meeting(meeting=meeting, person=member, answer="coming", note="ignored")
    reply = MeetingReply.objects.get()
    assert (reply.answer, reply.note) == ("coming", "")


@pytest.mark.django_db
@pytest.mark.parametrize("problem", ["started", "cancelled", "left", "outsider", "commissioner", "bad answer"])
def test_replies_are_refused_when_they_make_no_sense(site, member, outsider, commissioner, problem):
    meeting = upcoming(site)
    person = member
    answer = "coming"
    if problem == "started":
        meeting = MeetingFactory(site=site, starts_at=timezone.now() - timedelta(minutes=5))
    elif problem == "cancelled":
        meeting.status = MeetingStatus.CANCELLED
        meeting.save()
    elif problem == "left":
        member.memberships.update(left=timezone.localdate() - timedelta(days=1))
    elif problem == "outsider":
        person = outsider
    elif problem == "commissioner":
        MembershipFactory(site=site, person=commissioner)
        person = commissioner
    else:
        answer = "yes please"
    with pytest.raises(ValidationError):
        reply_to_meeting(meeting=meeting, person=person, answer=answer)
    assert not MeetingReply.objects.exists()


# The reminder's link


@pytest.mark.django_db
def test_reminder_carries_three_reply_links_for_that_person_and_meeting(
    site, facilitator, member, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(site=site, starts_at=timezone.now() + timedelta(days=2))
    with django_capture_on_commit_callbacks(execute=True):
        send_meeting_reminders.delay().get()
    to_member = next(m for m in mail.outbox if m.to == [member.email])
    links = re.findall(r"https?://\S+/sites/meetings/reply/(\S+)/\?answer=(\w+)", to_member.body)
    assert sorted(answer for _, answer in links) == sorted(ReplyAnswer.values)
    assert {signing.loads(token, salt=REPLY_SALT)["p"] for token, _ in links} == {member.pk}
    assert {signing.loads(token, salt=REPLY_SALT)["m"] for token, _ in links} == {meeting.pk}
    html = to_member.alternatives[0].content
    assert all(f"/sites/meetings/reply/{token}/?answer={answer}" in html for token, answer in links)


@pytest.mark.django_db
def test_opening_the_link_records_nothing_and_confirming_records_the_apology(client, site, member):
    meeting = upcoming(site)
    page = client.get(link(meeting, member, "cant_come"))
    assert page.status_code == 200
    assert "Replying as <strong>Morgan Member</strong>" in page.content.decode()
    assert checked_radios(page.content.decode()) == {"answer": "cant_come"}
    assert not MeetingReply.objects.exists()  # a mail scanner opening the link changes nothing

    response = client.post(link(meeting, member), {"answer": "cant_come", "note": "Training day"})
    assert response.status_code == 302
    reply = MeetingReply.objects.get()
    assert (reply.meeting, reply.person, reply.answer, reply.note) == (meeting, member, "cant_come", "Training day")
    again = client.get(response.url).content.decode()
    assert "your apologies are sent" in again
    assert 'data-current-reply="cant_come"' in again


@pytest.mark.django_db
def test_link_misuse_is_refused_and_records_nothing(client, site, other_site, member, facilitator, monkeypatch):
    meeting = upcoming(site)
    other_meeting = upcoming(site, days=10)
    token = reply_token(meeting=meeting, person=member)
    payload, rest = token.split(":", 1)

    # Another meeting or another person: both are inside the signature, so swapping either breaks it.
    for other in ({"m": other_meeting.pk, "p": member.pk}, {"m": meeting.pk, "p": facilitator.pk}):
        forged_payload = signing.dumps(other, salt=REPLY_SALT, compress=True).split(":", 1)[0]
        forged = f"{forged_payload}:{rest}"
        assert forged != token
        assert client.get(reverse("sites:meeting_reply_link", args=[forged])).status_code == 404
        assert client.post(reverse("sites:meeting_reply_link", args=[forged]), {"answer": "coming"}).status_code == 404

    # Tampered or truncated, and tokens made for other purposes (same secret key, other salts).
    for bad in (
        token[:-1] + ("A" if token[-1] != "A" else "B"),
        token[:20],
        "x" + token,
        newsletter_tokens.unsubscribe_token(kind=newsletter_tokens.PERSON, pk=member.pk),
        issue_calendar_token(user=member),
        signing.dumps({"m": meeting.pk, "p": member.pk}, salt="another.purpose"),
    ):
        assert client.post(reverse("sites:meeting_reply_link", args=[bad]), {"answer": "coming"}).status_code == 404

    # Expired: a genuine link older than its age says so and records nothing.
    made = time.time() - REPLY_LINK_MAX_AGE - 60
    monkeypatch.setattr("django.core.signing.time.time", lambda: made)
    old = reply_token(meeting=meeting, person=member)
    monkeypatch.undo()
    response = client.post(reverse("sites:meeting_reply_link", args=[old]), {"answer": "coming"})
    assert response.status_code == 410
    assert "This reply link has expired" in response.content.decode()

    # Another person signed in cannot answer for the addressee (a forwarded email, a shared computer).
    client.login(email=facilitator.email, password=PASSWORD)
    assert client.post(link(meeting, member), {"answer": "coming"}).status_code == 403
    assert client.get(link(meeting, member)).status_code == 403

    # Someone who has left the site since the reminder: told why, nothing recorded.
    client.logout()
    member.memberships.update(left=timezone.localdate())
    page = client.post(link(meeting, member), {"answer": "coming"})
    assert page.status_code == 200
    assert "Only the site&#x27;s current members can reply" in page.content.decode()
    assert not MeetingReply.objects.exists()


@pytest.mark.django_db
def test_the_addressee_signed_in_uses_their_link(client, site, member):
    meeting = upcoming(site)
    client.login(email=member.email, password=PASSWORD)
    assert client.post(link(meeting, member), {"answer": "maybe"}).status_code == 302
    assert MeetingReply.objects.get().answer == "maybe"


@pytest.mark.django_db
def test_reply_form_says_what_is_missing_and_keeps_the_note(client, site, member):
    meeting = upcoming(site)
    page = client.post(link(meeting, member), {"note": "Covering a colleague"}).content.decode()
    assert "Choose coming, can&#x27;t come or maybe." in page
    assert "Covering a colleague" in page
    page = client.post(link(meeting, member), {"answer": "cant_come", "note": "x" * 301}).content.decode()
    assert "Keep the note to 300 characters." in page
    assert not MeetingReply.objects.exists()


# The meeting page


@pytest.mark.django_db
def test_member_replies_from_the_meeting_page(client, site, member):
    meeting = upcoming(site)
    client.login(email=member.email, password=PASSWORD)
    page = client.get(reverse("sites:meeting", args=[meeting.pk])).content.decode()
    assert "Are you coming?" in page and "You have not replied yet." in page
    response = client.post(reverse("sites:meeting_reply", args=[meeting.pk]), {"answer": "coming"})
    assert response.url == reverse("sites:meeting", args=[meeting.pk])
    page = client.get(response.url).content.decode()
    assert 'data-current-reply="coming"' in page


@pytest.mark.django_db
def test_people_who_may_not_reply_see_no_reply_buttons(client, site, broker, programme_admin):
    meeting = upcoming(site)
    for person in (broker, programme_admin):
        client.force_login(person)
        assert "Are you coming?" not in client.get(reverse("sites:meeting", args=[meeting.pk])).content.decode()
        assert client.post(reverse("sites:meeting_reply", args=[meeting.pk]), {"answer": "coming"}).status_code == 403
    assert not MeetingReply.objects.exists()


# What the facilitator sees


def replies_from_a_full_site(site, member):
    meeting = upcoming(site)
    people = [member] + [MembershipFactory(site=site).person for _ in range(4)]
    reply_to_meeting(meeting=meeting, person=people[0], answer="cant_come", note="On leave")
    reply_to_meeting(meeting=meeting, person=people[1], answer="coming")
    reply_to_meeting(meeting=meeting, person=people[2], answer="coming")
    reply_to_meeting(meeting=meeting, person=people[3], answer="maybe")
    return meeting, people


@pytest.mark.django_db
def test_facilitator_sees_expected_numbers_on_the_meeting_page_and_home(client, site, facilitator, member):
    meeting, _ = replies_from_a_full_site(site, member)
    client.force_login(facilitator)
    expected = "2 coming, 1 maybe, 1 can't come, 2 not replied"  # 5 members + the facilitator
    assert expected in client.get(reverse("sites:meeting", args=[meeting.pk])).content.decode()
    assert expected in client.get(reverse("home")).content.decode()
    client.force_login(member)
    assert "not replied" not in client.get(reverse("sites:meeting", args=[meeting.pk])).content.decode()


@pytest.mark.django_db
def test_register_opens_with_apologies_marked_and_replies_shown(client, site, facilitator, member):
    meeting, people = replies_from_a_full_site(site, member)
    # The day comes: the meeting is today (moved in the database, as time passing would).
    today = timezone.localtime().replace(hour=0, minute=5, second=0, microsecond=0)
    type(meeting).objects.filter(pk=meeting.pk).update(starts_at=today, ends_at=today + timedelta(hours=2))
    client.force_login(facilitator)
    page = client.get(reverse("sites:meeting_register", args=[meeting.pk])).content.decode()
    checked = checked_radios(page)
    assert checked == {f"status_{member.pk}": "apologies"}  # coming and maybe are not ticked: that is for the day
    assert "“On leave”" in page
    assert page.count('data-reply="coming"') == 2 and page.count('data-reply="maybe"') == 1
    # Saving keeps the apology.
    client.post(
        reverse("sites:meeting_register", args=[meeting.pk]),
        {f"status_{member.pk}": "apologies", f"status_{people[1].pk}": "present"},
    )
    assert dict(meeting.attendances.values_list("person_id", "status")) == {
        member.pk: "apologies",
        people[1].pk: "present",
    }
