"""The cases app's emails sent by background jobs: telling the asker their question has an answer, once per answer."""

from django.db.models import F, Q
from django.utils import timezone

from cases.models import Question, QuestionStatus
from core.emails import send_email


def email_question_answered(*, question_id: int) -> bool:
    """Email the asker that their question has an answer. The answer is claimed first (notified_at), so a repeated
    run sends nothing; True if an email went."""
    claimed = (
        Question.objects.filter(pk=question_id, status=QuestionStatus.ANSWERED, answered_at__isnull=False)
        .filter(Q(notified_at__isnull=True) | Q(notified_at__lt=F("answered_at")))
        .update(notified_at=timezone.now())
    )
    if claimed != 1:
        return False
    question = Question.objects.select_related("case__site", "asked_by", "answered_by").get(pk=question_id)
    asker = question.asked_by
    if asker is None or not asker.email or not asker.is_active:
        return False
    send_email(
        "cases/emails/question_answered",
        to=[asker.email],
        context={
            "question": question,
            "case": question.case,
            "person": asker,
            "evidence": list(question.evidence.all()),
        },
    )
    return True
