"""Personal data the evaluation holds (collected by members.data_rights): a person's own survey answers and
self-assessments, never anyone else's (the aggregates are on the results pages)."""

from evaluation.models import Agreement, Answer, Assessment, ImprovementAction
from members.data_rights import plain


def export_personal_data(person) -> dict:
    answers = (
        Answer.objects.filter(response__respondent=person)
        .select_related("response__survey", "question")
        .order_by("response__submitted_at", "question__position", "pk")
    )
    assessments = (
        Assessment.objects.filter(respondent=person)
        .select_related("round__site")
        .prefetch_related("ratings__question")
        .order_by("submitted_at")
    )
    return {
        "survey_answers": [
            {
                "survey": answer.response.survey.title,
                "submitted": plain(answer.response.submitted_at),
                "question": answer.question.text,
                "agreement": Agreement(answer.agreement).label if answer.agreement else None,
                "text": answer.text,
            }
            for answer in answers
        ],
        "self_assessments": [
            {
                "site": assessment.round.site.code,
                "submitted": plain(assessment.submitted_at),
                "stage": assessment.stage,
                "ratings": [
                    {"question": r.question.text, "rating": r.rating, "comment": r.comment}
                    for r in assessment.ratings.all()
                ],
            }
            for assessment in assessments
        ],
        "improvement_actions_owned": [
            {
                "site": action.plan.round.site.code,
                "question": action.question.text,
                "action": action.action,
                "review_on": plain(action.review_on),
            }
            for action in ImprovementAction.objects.filter(owner=person)
            .select_related("plan__round__site", "question")
            .order_by("review_on", "pk")
        ],
    }
