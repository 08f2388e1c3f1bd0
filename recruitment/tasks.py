"""The recruitment app's background jobs: thin, they take the outbox row's id, re-fetch it and send once."""

from celery import shared_task
from django.utils import timezone

from recruitment import emails
from recruitment.models import ApplicationNotice


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def send_application_notice(notice_id: int) -> None:
    notice = (
        ApplicationNotice.objects.select_related("application__call", "application__site")
        .filter(pk=notice_id, sent_at__isnull=True)
        .first()
    )
    if notice is None:
        return
    emails.email_applicant(notice=notice)
    ApplicationNotice.objects.filter(pk=notice.pk).update(sent_at=timezone.now())
