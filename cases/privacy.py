"""Personal data the cases app holds (collected by members.data_rights): the cases a person presented, the follow-up
they reported, the questions they asked, the case actions they own, and a commissioner's responses to the issues
raised in cases (each step they wrote in an issue's history).

On erasure a commissioner's responses stay in the issues' histories, as the site's record of the answer it got (the
text passed the anonymisation gate when it was written); they are shown under the pseudonym, as the author's name
is replaced."""

from cases.models import ActionItem, Case, FollowUp, IssueUpdate, Question
from members.data_rights import plain


def export_personal_data(person) -> dict:
    cases = Case.objects.filter(presenters=person).select_related("site").order_by("created_at", "pk")
    return {
        "presented_cases": [
            {
                "site": case.site.code,
                "title": case.title,
                "kind": case.kind,
                "status": case.status,
                "created": plain(case.created_at),
                "presentation": case.presentation,
                "learning": case.learning,
                "issues_for_commissioners": case.commissioner_issues,
            }
            for case in cases
        ],
        "follow_ups_reported": [
            {"case": f.case.title, "what_happened": f.what_happened, "outcome": f.outcome, "at": plain(f.recorded_at)}
            for f in FollowUp.objects.filter(recorded_by=person).select_related("case")
        ],
        "questions_asked": [
            {
                "case": q.case.title,
                "question": q.text,
                "asked": plain(q.asked_at),
                "status": q.status,
                "answer": q.reply,
            }
            for q in Question.objects.filter(asked_by=person).select_related("case").order_by("asked_at", "pk")
        ],
        "case_actions_owned": [
            {"case": a.case.title, "action": a.text, "status": a.status, "note": a.note}
            for a in ActionItem.objects.filter(owner=person).select_related("case")
        ],
        "issue_responses": [
            {
                "issue": u.issue_id,
                "site": u.issue.case.site.code,
                "written": plain(u.created_at),
                "response": u.text,
                "status_from": u.from_status,
                "status_to": u.to_status,
            }
            for u in IssueUpdate.objects.filter(author=person)
            .select_related("issue__case__site")
            .order_by("created_at", "pk")
        ],
    }
