"""The one way a case view fetches the case it was asked for: visible to the person (404 otherwise) and, past draft,
behind the site's ground rules (sites.services.ground_rules): a member who has not confirmed the current version is
taken to confirm it first."""

from cases.models import Case, CaseStatus
from core.access import get_visible_or_404
from sites.services.ground_rules import require_ground_rules

CASES = Case.objects.select_related("site", "meeting")


def access_case(user, pk: int) -> Case:
    case = get_visible_or_404(CASES, user, "cases.view_case", pk=pk)
    if case.status != CaseStatus.DRAFT:
        require_ground_rules(user, case.site_id)
    return case
