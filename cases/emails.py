"""The cases app's emails sent by background jobs: telling the asker their question has an answer, once per answer;
telling the site of a commissioners' update to the issues it raised, once per update and person."""

from django.db.models import F, Q
from django.utils import timezone

from cases.models import IssueStatus, IssueUpdateDelivery, Question, QuestionStatus
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


def email_issue_update(*, delivery: IssueUpdateDelivery) -> None:
    """Tell a presenter or facilitator of a commissioners' update to the issues their case raised (the delivery row
    was claimed before this was queued, so it goes once)."""
    update, person = delivery.update, delivery.person
    send_email(
        "cases/emails/issue_update",
        to=[person.email],
        context={
            "person": person,
            "update": update,
            "case": update.issue.case,
            "status": IssueStatus(update.to_status).label,
            "from_status": IssueStatus(update.from_status).label,
        },
    )
