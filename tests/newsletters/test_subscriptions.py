"""Subscribers further afield: double opt-in, no address revealed, one-click unsubscribe (RFC 8058)."""

import re
import time

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from newsletters import tokens
from newsletters.models import ExternalSubscriber, NewsletterPreference
from tests.html_forms import checked_radios


def link_in(message) -> str:
    return re.search(r"http://\S+/newsletter/subscribe/confirm/\S+/", message.body).group(0)


def path_of(url: str) -> str:
    return url.split("://", 1)[1].split("/", 1)[1].join(["/", ""])


@pytest.mark.django_db
def test_double_opt_in(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("newsletters:subscribe"), {"email": "Reader@Example.net"})
    assert response.status_code == 200 and "Check your email" in response.content.decode()
    subscriber = ExternalSubscriber.objects.get()
    assert subscriber.email == "reader@example.net" and subscriber.confirmed_at is None
    assert not ExternalSubscriber.objects.receiving().exists()
    (message,) = mail.outbox
    assert message.to == ["reader@example.net"] and "Confirm" in message.subject

    url = path_of(link_in(message))
    page = client.get(url)
    assert "Confirm my subscription" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None  # a mail scanner opening the link confirms nothing

    done = client.post(url)
    assert "You are subscribed" in done.content.decode()
    assert ExternalSubscriber.objects.receiving().get() == subscriber
    assert "This link does not work" in client.post(url).content.decode()  # used once


@pytest.mark.django_db
def test_signing_up_again_reveals_nothing(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(reverse("newsletters:subscribe"), {"email": "reader@example.net"})
    client.post(path_of(link_in(mail.outbox[0])))
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(reverse("newsletters:subscribe"), {"email": "READER@example.net"})
    with django_capture_on_commit_callbacks(execute=True):
        stranger = client.post(reverse("newsletters:subscribe"), {"email": "new@example.net"})
    normalise = lambda r: r.content.decode().replace("READER@example.net", "X").replace("new@example.net", "X")  # noqa: E731
    assert normalise(again) == normalise(stranger)
    assert first.status_code == again.status_code == 200
    assert ExternalSubscriber.objects.count() == 2
    assert "already" in mail.outbox[1].subject and mail.outbox[1].to == ["reader@example.net"]


@pytest.mark.django_db
def test_old_or_altered_confirmation_links_do_not_work(client, monkeypatch):
    subscriber = ExternalSubscriber.objects.create(email="late@example.net")
    secret = tokens.new_confirm_secret()
    from newsletters.models import hash_token

    subscriber.confirm_token_hash = hash_token(secret)
    subscriber.save()
    eight_days_ago = time.time() - 8 * 24 * 3600
    monkeypatch.setattr("django.core.signing.time.time", lambda: eight_days_ago)
    old = tokens.confirm_token(subscriber_id=subscriber.pk, secret=secret)
    monkeypatch.undo()
    assert "This link does not work" in client.post(reverse("newsletters:confirm", args=[old])).content.decode()
    fresh = tokens.confirm_token(subscriber_id=subscriber.pk, secret=secret)
    assert "This link does not work" in client.post(reverse("newsletters:confirm", args=[fresh + "x"])).content.decode()
    assert "You are subscribed" in client.post(reverse("newsletters:confirm", args=[fresh])).content.decode()


@pytest.mark.django_db
def test_subscribe_form_says_what_is_wrong(client):
    response = client.post(reverse("newsletters:subscribe"), {"email": "not an address"})
    assert "Enter a valid email address." in response.content.decode()
    assert not ExternalSubscriber.objects.exists()


@pytest.mark.django_db
def test_one_click_unsubscribe_needs_no_csrf_token_or_sign_in(member):
    subscriber = ExternalSubscriber.objects.create(email="r@example.net", confirmed_at="2026-01-01T00:00Z")
    client = Client(enforce_csrf_checks=True)
    for token in (
        tokens.unsubscribe_token(kind=tokens.PERSON, pk=member.pk),
        tokens.unsubscribe_token(kind=tokens.SUBSCRIBER, pk=subscriber.pk),
    ):
        url = reverse("newsletters:unsubscribe", args=[token])
        page = client.get(url)
        assert page.status_code == 200 and "Stop the newsletter" in page.content.decode()
        response = client.post(url, {"List-Unsubscribe": "One-Click"})
        assert response.status_code == 200 and "will not receive" in response.content.decode()
    assert NewsletterPreference.objects.get(person=member).opted_out
    assert not ExternalSubscriber.objects.receiving().exists()


@pytest.mark.django_db
def test_a_forged_unsubscribe_token_changes_nothing(client, member):
    token = tokens.unsubscribe_token(kind=tokens.PERSON, pk=member.pk)
    forged = token.replace(token.split(":")[0], "x" + token.split(":")[0][1:])
    response = client.post(reverse("newsletters:unsubscribe", args=[forged]))
    assert response.status_code == 400 and "This link does not work" in response.content.decode()
    assert not NewsletterPreference.objects.exists()


@pytest.mark.django_db
def test_a_member_who_unsubscribed_can_opt_back_in(client, member):
    NewsletterPreference.objects.create(person=member, opted_out=True)
    url = reverse("newsletters:preferences")
    assert client.get(url).status_code == 302  # sign in first
    client.force_login(member)
    assert client.get(url)["Location"].startswith(reverse("email_preferences"))  # the one page of email choices
    page = client.get(reverse("email_preferences")).content.decode()
    assert checked_radios(page)["newsletter"] == "off"
    client.post(url, {"receive": "1"})
    assert not NewsletterPreference.objects.get(person=member).opted_out
    client.post(url, {"receive": "0"})
    assert NewsletterPreference.objects.get(person=member).opted_out


@pytest.mark.django_db
def test_sign_up_cannot_flood_an_inbox_or_run_from_one_network(client, django_capture_on_commit_callbacks):
    for _ in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("newsletters:subscribe"), {"email": "victim@example.net"})
    assert len(mail.outbox) == 3  # at most three confirmation emails a day to one address
    for n in range(5):
        client.post(reverse("newsletters:subscribe"), {"email": f"other{n}@example.net"})
    response = client.post(reverse("newsletters:subscribe"), {"email": "late@example.net"})
    assert response.status_code == 429 and "too many sign-ups" in response.content.decode()
