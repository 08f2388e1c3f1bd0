"""Asking for a digest, rendering it in the (eager) Celery job, idempotence, failure and retry."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from audit.models import AuditEvent
from digests.models import Digest
from digests.services import rendering, requests
from tests.digests.pdftext import read_pdf

pytestmark = pytest.mark.django_db


def ask(person, programme, sites=None):
    return requests.request_digest(
        requested_by=person, period_start=programme["start"], period_end=programme["end"], sites=sites
    )


def test_asking_twice_while_queued_returns_the_first_digest(commissioner, programme, site):
    first = ask(commissioner, programme)
    assert ask(commissioner, programme).pk == first.pk
    assert Digest.objects.count() == 1
    # Other sites, or another period, are another digest.
    assert ask(commissioner, programme, sites=[site]).pk != first.pk
    assert Digest.objects.count() == 2


def test_asking_again_once_ready_starts_a_new_digest(commissioner, programme, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = ask(commissioner, programme)
    first.refresh_from_db()
    assert first.status == "ready"
    second = ask(commissioner, programme)
    assert second.pk != first.pk and second.status == "queued"


def test_only_commissioners_and_admins_ask_for_digests(member, broker, programme):
    for person in (member, broker):
        with pytest.raises(PermissionDenied):
            ask(person, programme)


def test_period_must_be_in_order_and_started(commissioner):
    today = timezone.localdate()
    with pytest.raises(ValidationError, match="on or after its start"):
        requests.request_digest(requested_by=commissioner, period_start=today, period_end=today - timedelta(days=1))
    with pytest.raises(ValidationError, match="has not started yet"):
        requests.request_digest(
            requested_by=commissioner, period_start=today + timedelta(days=3), period_end=today + timedelta(days=9)
        )


def test_render_job_stores_the_pdf_privately_and_emails_the_requester(
    commissioner, programme, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        digest = ask(commissioner, programme)
    digest.refresh_from_db()
    assert digest.status == "ready" and digest.pages >= 5 and digest.withheld == 1
    assert digest.file.name.startswith("digests/") and "digest" not in digest.file.name.split("/")[1]
    assert digest.file.path.startswith(str(settings.MEDIA_ROOT))
    _, text = read_pdf(digest.file.read())
    assert "Issues for commissioners by theme" in text
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [commissioner.email] and "ready" in message.subject
    assert f"/digests/{digest.pk}/" in message.body
    # Running the job again changes nothing and sends nothing.
    assert rendering.render_digest(digest_id=digest.pk) is None
    assert len(mail.outbox) == 1


def test_re_rendering_replaces_the_file(commissioner, make_digest, programme, django_capture_on_commit_callbacks):
    digest = make_digest(commissioner, status="ready")
    old = digest.file.name
    storage = digest.file.storage
    with django_capture_on_commit_callbacks(execute=True):
        requests.retry_digest(digest=digest, by=commissioner)
    digest.refresh_from_db()
    assert digest.status == "ready" and digest.file.name != old
    assert not storage.exists(old) and storage.exists(digest.file.name)


def test_a_failed_render_records_the_reason_and_can_be_retried(
    commissioner, programme, settings, tmp_path, django_capture_on_commit_callbacks
):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = str(blocked)
    with django_capture_on_commit_callbacks(execute=True):
        digest = ask(commissioner, programme)
    digest.refresh_from_db()
    assert digest.status == "failed"
    assert "could not be produced" in digest.failure_reason and "Try again" in digest.failure_reason
    assert mail.outbox == []
    settings.MEDIA_ROOT = str(tmp_path / "media")
    with django_capture_on_commit_callbacks(execute=True):
        requests.retry_digest(digest=digest, by=commissioner)
    digest.refresh_from_db()
    assert digest.status == "ready" and digest.failure_reason == ""


def test_only_a_queued_or_abandoned_digest_is_claimed(commissioner, make_digest):
    busy = make_digest(commissioner, status="rendering", started_at=timezone.now() - timedelta(minutes=2))
    assert rendering.claim_digest(busy.pk) is None
    abandoned = make_digest(commissioner, status="rendering", days=30, started_at=timezone.now() - timedelta(hours=1))
    assert rendering.claim_digest(abandoned.pk) is not None
    queued = make_digest(commissioner, days=20)
    assert rendering.claim_digest(queued.pk).status == "rendering"
    assert rendering.claim_digest(queued.pk) is None


def test_the_request_is_in_the_audit_log(commissioner, programme):
    digest = ask(commissioner, programme)
    assert AuditEvent.objects.filter(actor=commissioner, target_id=str(digest.pk), action="created").exists()


def test_stalled_digests_are_queued_again_and_rendered_once(commissioner, make_digest, settings):
    lost = make_digest(commissioner, days=40)
    Digest.objects.filter(pk=lost.pk).update(created_at=timezone.now() - timedelta(minutes=30))
    fresh = make_digest(commissioner, days=20)
    abandoned = make_digest(commissioner, status="rendering", days=10, started_at=timezone.now() - timedelta(hours=1))
    assert sorted(requests.requeue_stalled_digests()) == sorted([lost.pk, abandoned.pk])  # eager: rendered now
    lost.refresh_from_db()
    abandoned.refresh_from_db()
    fresh.refresh_from_db()
    assert lost.status == "ready" and abandoned.status == "ready" and fresh.status == "queued"
    assert requests.requeue_stalled_digests() == []
    assert "requeue-stalled-digests" in settings.CELERY_BEAT_SCHEDULE


def test_the_database_refuses_a_second_pending_digest_for_the_same_request(commissioner, make_digest):
    from django.db import IntegrityError, transaction

    first = make_digest(commissioner)
    with pytest.raises(IntegrityError), transaction.atomic():
        Digest.objects.create(
            requested_by=commissioner, period_start=first.period_start, period_end=first.period_end, status="rendering"
        )
    Digest.objects.filter(pk=first.pk).update(status="ready")
    Digest.objects.create(requested_by=commissioner, period_start=first.period_start, period_end=first.period_end)
