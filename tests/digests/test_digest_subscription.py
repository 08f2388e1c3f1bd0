"""The quarterly digest: one per subscriber and quarter, however often the job runs."""

from datetime import date

import pytest
from django.conf import settings
from django.core import mail
from django.db import IntegrityError

from digests.models import Digest
from digests.periodic import produce_quarterly_digests as produce_task
from digests.services import requests
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "today, expected",
    [
        (date(2026, 10, 1), (date(2026, 7, 1), date(2026, 9, 30))),
        (date(2026, 12, 31), (date(2026, 7, 1), date(2026, 9, 30))),
        (date(2026, 1, 15), (date(2025, 10, 1), date(2025, 12, 31))),
        (date(2026, 4, 1), (date(2026, 1, 1), date(2026, 3, 31))),
    ],
)
def test_previous_quarter(today, expected):
    assert requests.previous_quarter(today) == expected


def test_quarterly_digest_is_made_exactly_once_per_quarter(commissioner):
    requests.set_digest_subscription(person=commissioner, subscribed=True)
    made = requests.produce_quarterly_digests(today=date(2026, 10, 2))
    assert [(d.period_start, d.period_end, d.requested_by) for d in made] == [
        (date(2026, 7, 1), date(2026, 9, 30), commissioner)
    ]
    # Later runs in the same quarter (or a doubled run) make nothing more.
    assert requests.produce_quarterly_digests(today=date(2026, 10, 2)) == []
    assert requests.produce_quarterly_digests(today=date(2026, 12, 30)) == []
    # The next quarter is due once.
    assert len(requests.produce_quarterly_digests(today=date(2027, 1, 1))) == 1
    assert Digest.objects.filter(subscription__person=commissioner).count() == 2
    # The database refuses a second digest for a subscriber's quarter, whatever the code does.
    with pytest.raises(IntegrityError):
        Digest.objects.create(
            requested_by=commissioner,
            subscription=made[0].subscription,
            period_start=date(2026, 7, 1),
            period_end=date(2026, 9, 30),
        )


def test_only_active_subscribers_who_are_still_commissioners_get_it(commissioner):
    former = UserFactory(is_commissioner=True)
    requests.set_digest_subscription(person=former, subscribed=True)
    former.is_commissioner = False
    former.save(update_fields=["is_commissioner"])
    stopped = UserFactory(is_commissioner=True)
    requests.set_digest_subscription(person=stopped, subscribed=True)
    requests.set_digest_subscription(person=stopped, subscribed=False)
    requests.set_digest_subscription(person=commissioner, subscribed=True)
    made = requests.produce_quarterly_digests(today=date(2026, 10, 2))
    assert [d.requested_by for d in made] == [commissioner]


def test_the_beat_job_renders_and_emails_the_quarterly_digest(commissioner, django_capture_on_commit_callbacks):
    requests.set_digest_subscription(person=commissioner, subscribed=True)
    with django_capture_on_commit_callbacks(execute=True):
        assert produce_task.delay().get() == 1
        assert produce_task.delay().get() == 0
    digest = Digest.objects.get()
    assert digest.status == "ready" and digest.subscription is not None
    assert len(mail.outbox) == 1 and "quarterly" in mail.outbox[0].subject


def test_the_job_is_on_the_beat_schedule():
    entry = settings.CELERY_BEAT_SCHEDULE["produce-quarterly-digests"]
    assert entry["task"] == "digests.periodic.produce_quarterly_digests"
