"""Personal data the digests app holds about a person (collected by members.data_rights): the responses a
commissioner wrote in the retired single-response table (copied into the issues' histories by migration digests
0004, and so also in the copy's issue_responses). On erasure they stay, like the histories, shown under the
pseudonym."""

from digests.models import CommissionerResponse
from members.data_rights import plain


def export_personal_data(person) -> dict:
    responses = CommissionerResponse.objects.filter(responder=person).select_related("case__site")
    return {
        "earlier_issue_responses": [
            {"site": r.case.site.code, "written": plain(r.created_at), "response": r.text}
            for r in responses.order_by("created_at", "pk")
        ]
    }
