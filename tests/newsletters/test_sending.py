"""Sending: one delivery per recipient, each email sent once, and nobody skipped when addresses are
refused or the worker stops part-way."""

import smtplib
from collections import Counter
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone

from cop.celery import app as celery_app
from newsletters.models import Delivery, DeliveryStatus, Edition, ExternalSubscriber, IssueStatus, NewsletterPreference
from newsletters.periodic import resume_newsletter_sending
from newsletters.services import delivery, sending
from newsletters.services.compile import compile_newsletter
from newsletters.services.editing import approve_issue
from newsletters.tasks import send_newsletter_deliveries
from sites.models import MembershipRole
from tests.factories import MembershipFactory, UserFactory
from tests.newsletters.conftest import MARCH

REFUSED: set[str] = set()
STOP_AFTER: list[int] = []  # when set, the "worker" dies after this many emails


class WorkerStopped(BaseException):
    """Stands for the worker process dying: not an Exception, so nothing in our code catches it."""


class FlakyBackend(EmailBackend):
    """The in-memory backend, but refusing some recipients as an SMTP server would, and able to
    stop dead after a number of emails as a killed worker would."""

    def send_messages(self, messages):
        for message in messages:
            refused = {address: (550, b"5.1.1 Mailbox unavailable") for address in message.to if address in REFUSED}
            if refused:
                raise smtplib.SMTPRecipientsRefused(refused)
            if STOP_AFTER and len(mail.outbox) >= STOP_AFTER[0]:
                raise WorkerStopped
        return super().send_messages(messages)


@pytest.fixture
def flaky_mail(settings):
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.FlakyBackend"}}
    REFUSED.clear()
    STOP_AFTER.clear()
    yield
    REFUSED.clear()
    STOP_AFTER.clear()


@pytest.fixture
def approved_issue(march, broker):
    issue = compile_newsletter(month=MARCH)
    return approve_issue(issue=issue, by=broker)


@pytest.fixture
def subscriber(db):
    return ExternalSubscriber.objects.create(email="reader@example.net", confirmed_at=timezone.now())


def sent_counts() -> Counter:
    return Counter(address for message in mail.outbox for address in message.to)


def expected_recipients(march, broker, subscriber) -> set[str]:
    """Everyone with a current membership (Lee left in February), the broker and the subscriber."""
    current = {person.email for name, person in march["people"].items() if name != "Lee Leaver"}
    return current | {broker.email, subscriber.email}


def test_recipients_are_current_people_and_confirmed_subscribers(approved_issue, march, broker, subscriber):
    commissioner = UserFactory(is_commissioner=True)
    opted_out = MembershipFactory(site=march["sites"][0], joined=date(2025, 1, 1)).person
    NewsletterPreference.objects.create(person=opted_out, opted_out=True)
    UserFactory(is_programme_admin=True)  # the programme team is not on the list by role alone
    inactive = MembershipFactory(site=march["sites"][0], person__is_active=False).person
    ExternalSubscriber.objects.create(email="pending@example.net")
    ExternalSubscriber.objects.create(
        email="gone@example.net", confirmed_at=timezone.now(), unsubscribed_at=timezone.now()
    )
    ExternalSubscriber.objects.create(email=broker.email.upper(), confirmed_at=timezone.now())
    facilitator = MembershipFactory(site=march["sites"][1], role=MembershipRole.FACILITATOR).person

    sending.start_sending(issue=approved_issue, by=broker)

    editions = dict(Delivery.objects.values_list("email", "edition"))
    assert set(editions) == expected_recipients(march, broker, subscriber) | {commissioner.email, facilitator.email}
    assert editions[subscriber.email] == Edition.PUBLIC
    assert editions[broker.email] == Edition.MEMBERS
    assert opted_out.email not in editions and inactive.email not in editions


def test_starting_twice_and_running_twice_sends_each_person_once(
    approved_issue, march, broker, subscriber, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = sending.start_sending(issue=approved_issue, by=broker)
    with django_capture_on_commit_callbacks(execute=True):
        second = sending.start_sending(issue=approved_issue, by=broker)
    send_newsletter_deliveries.apply(args=[approved_issue.pk])

    assert first == second == Delivery.objects.count() == len(expected_recipients(march, broker, subscriber))
    counts = sent_counts()
    assert set(counts) == expected_recipients(march, broker, subscriber) and set(counts.values()) == {1}
    approved_issue.refresh_from_db()
    assert approved_issue.status == IssueStatus.SENT and approved_issue.sent_at
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}


def test_a_draft_cannot_be_sent(march, broker):
    issue = compile_newsletter(month=MARCH)
    with pytest.raises(sending.IssueNotApproved):
        sending.start_sending(issue=issue, by=broker)
    assert not Delivery.objects.exists()


def test_refused_addresses_fail_others_are_sent_then_retried(
    flaky_mail, approved_issue, march, broker, subscriber, django_capture_on_commit_callbacks
):
    refused = march["people"]["Dana Nurse"].email
    REFUSED.add(refused)
    with django_capture_on_commit_callbacks(execute=False):
        sending.start_sending(issue=approved_issue, by=broker)

    result = delivery.send_deliveries(issue_id=approved_issue.pk)

    failed = Delivery.objects.get(email=refused)
    assert failed.status == DeliveryStatus.FAILED and failed.attempts == 1
    assert "SMTPRecipientsRefused" in failed.last_error and "Mailbox unavailable" in failed.last_error
    assert result.failed == result.retryable == 1
    assert refused not in sent_counts()
    approved_issue.refresh_from_db()
    assert approved_issue.status == IssueStatus.SENDING

    REFUSED.clear()  # the mailbox is back
    delivery.send_deliveries(issue_id=approved_issue.pk)
    delivery.send_deliveries(issue_id=approved_issue.pk)

    counts = sent_counts()
    assert set(counts) == expected_recipients(march, broker, subscriber) and set(counts.values()) == {1}
    approved_issue.refresh_from_db()
    assert approved_issue.status == IssueStatus.SENT


def test_the_task_backs_off_and_gives_up_after_max_attempts_leaving_the_issue_unsent(
    flaky_mail, approved_issue, march, broker, subscriber, django_capture_on_commit_callbacks
):
    refused = march["people"]["Dana Nurse"].email
    REFUSED.add(refused)
    with django_capture_on_commit_callbacks(execute=False):
        sending.start_sending(issue=approved_issue, by=broker)
    # Eagerly, Celery runs each retry at once (the countdowns apply on a real worker).
    propagates = celery_app.conf.task_eager_propagates
    celery_app.conf.task_eager_propagates = False
    try:
        send_newsletter_deliveries.apply(args=[approved_issue.pk])
    finally:
        celery_app.conf.task_eager_propagates = propagates

    failed = Delivery.objects.get(email=refused)
    assert failed.status == DeliveryStatus.FAILED and failed.attempts == delivery.MAX_ATTEMPTS
    approved_issue.refresh_from_db()
    assert approved_issue.status == IssueStatus.SENDING  # nobody is silently skipped

    REFUSED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert sending.retry_failed_deliveries(issue=approved_issue, by=broker) == 1
    approved_issue.refresh_from_db()
    assert approved_issue.status == IssueStatus.SENT
    assert set(sent_counts().values()) == {1} and refused in sent_counts()


def test_worker_stopping_part_way_resumes_without_sending_twice(
    flaky_mail, approved_issue, march, broker, subscriber, django_capture_on_commit_callbacks
):
    everyone = expected_recipients(march, broker, subscriber)
    with django_capture_on_commit_callbacks(execute=False):
        sending.start_sending(issue=approved_issue, by=broker)
    STOP_AFTER.append(3)

    with pytest.raises(WorkerStopped):
        delivery.send_deliveries(issue_id=approved_issue.pk)

    assert Delivery.objects.filter(status=DeliveryStatus.SENT).count() == 3
    stuck = Delivery.objects.get(status=DeliveryStatus.SENDING)
    STOP_AFTER.clear()  # a new worker starts

    # The next run sends everything still queued but leaves the claimed one alone while it may be in flight.
    delivery.send_deliveries(issue_id=approved_issue.pk)
    assert stuck.email not in sent_counts()
    assert Delivery.objects.filter(status=DeliveryStatus.SENT).count() == len(everyone) - 1

    # Once the claim is older than the stale limit, the periodic sweep releases and sends it.
    Delivery.objects.filter(pk=stuck.pk).update(
        claimed_at=timezone.now() - delivery.STALE_SENDING_AFTER - timedelta(minutes=1)
    )
    resume_newsletter_sending.apply()

    counts = sent_counts()
    assert set(counts) == everyone and set(counts.values()) == {1}
    approved_issue.refresh_from_db()
    assert approved_issue.status == IssueStatus.SENT


def test_sweep_queues_an_issue_whose_task_was_lost(
    approved_issue, march, broker, subscriber, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):  # the broker was away: the task never queued
        sending.start_sending(issue=approved_issue, by=broker)
    assert mail.outbox == []
    resume_newsletter_sending.apply()
    assert set(sent_counts()) == expected_recipients(march, broker, subscriber)
    resume_newsletter_sending.apply()
    assert set(sent_counts().values()) == {1}


def test_emails_carry_one_click_unsubscribe_and_no_names(approved_issue, march, broker, subscriber):
    sending.start_sending(issue=approved_issue, by=broker)
    delivery.send_deliveries(issue_id=approved_issue.pk)
    by_address = {message.to[0]: message for message in mail.outbox}
    member_email = by_address[march["people"]["Sam Social-Worker"].email]
    public_email = by_address[subscriber.email]
    for message in (member_email, public_email):
        url = message.extra_headers["List-Unsubscribe"].strip("<>")
        assert url.startswith("http") and "/newsletter/unsubscribe/" in url
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert url in message.body and url in message.alternatives[0].content
        assert message.subject.startswith("Communities of practice newsletter: March 2026")
        for name in march["people"]:
            for part in name.split():
                assert part not in message.body and part not in message.alternatives[0].content
    assert "CP1 Brighton" in member_email.body and "3 of 4 members present" in member_email.body
    assert "CP1 Brighton" not in public_email.body and "members present" not in public_email.body
    assert "2 of our 3 communities of practice met" in public_email.body
    assert "<script" not in member_email.alternatives[0].content
    assert member_email.extra_headers["Message-ID"] != public_email.extra_headers["Message-ID"]


def test_sweep_leaves_recent_failures_to_the_tasks_back_off_and_picks_up_lost_retries(
    flaky_mail, approved_issue, march, broker, subscriber, django_capture_on_commit_callbacks
):
    refused = march["people"]["Dana Nurse"].email
    REFUSED.add(refused)
    with django_capture_on_commit_callbacks(execute=False):
        sending.start_sending(issue=approved_issue, by=broker)
    delivery.send_deliveries(issue_id=approved_issue.pk)
    REFUSED.clear()

    assert delivery.issues_with_work() == []  # the task's own retry, with back-off, is due first
    later = timezone.now() + delivery.RETRY_LOST_AFTER + timedelta(minutes=1)
    assert delivery.issues_with_work(now=later) == [approved_issue.pk]


def test_a_stale_delivery_with_no_attempts_left_shows_as_failed(
    approved_issue, broker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        sending.start_sending(issue=approved_issue, by=broker)
    old = timezone.now() - delivery.STALE_SENDING_AFTER - timedelta(minutes=1)
    first, second = Delivery.objects.order_by("pk")[:2]
    Delivery.objects.filter(pk=first.pk).update(status=DeliveryStatus.SENDING, claimed_at=old, attempts=1)
    Delivery.objects.filter(pk=second.pk).update(
        status=DeliveryStatus.SENDING, claimed_at=old, attempts=delivery.MAX_ATTEMPTS
    )
    assert delivery.release_stale_deliveries() == 2
    assert Delivery.objects.get(pk=first.pk).status == DeliveryStatus.QUEUED
    assert Delivery.objects.get(pk=second.pk).status == DeliveryStatus.FAILED
