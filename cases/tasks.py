from celery import shared_task
from django.db.models import F, Q
from django.utils import timezone

from cases.models import Question, QuestionStatus
from cases.services import evidence
from cases.services.retention import delete_stale_drafts


@shared_task
def delete_stale_drafts_task() -> int:
    return delete_stale_drafts()


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def send_question_answered(question_id: int) -> None:
    """Email the asker once per answer: claim the answer first, so a repeated run sends nothing."""
    claimed = (
        Question.objects.filter(pk=question_id, status=QuestionStatus.ANSWERED, answered_at__isnull=False)
        .filter(Q(notified_at__isnull=True) | Q(notified_at__lt=F("answered_at")))
        .update(notified_at=timezone.now())
    )
    if claimed != 1:
        return
    question = Question.objects.select_related("case__site", "asked_by", "answered_by").get(pk=question_id)
    evidence.notify_question_answered(question=question)
