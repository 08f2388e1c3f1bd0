"""Who may do what in the evaluation: surveys, focus groups, the team self-assessment and the programme dashboard.
Survey answers and self-assessments are confidential: these rules let people see aggregates only."""

import rules
from django.db.models import Q

from core.rules import is_programme_admin
from sites.rules import (
    facilitated_site_ids,
    is_any_facilitator,
    is_site_facilitator,
    is_site_member,
    member_site_ids,
    sites_managed_q,
)


def survey_site_ids(survey) -> set[int]:
    """The sites a survey was opened to, cached on the survey object."""
    cached = getattr(survey, "_cop_site_ids", None)
    if cached is None:
        cached = set(survey.survey_sites.values_list("site_id", flat=True))
        survey._cop_site_ids = cached
    return cached


@rules.predicate
def is_member_of_survey_site(user, survey) -> bool:
    return bool(member_site_ids(user) & survey_site_ids(survey))


@rules.predicate
def facilitates_survey_site(user, survey) -> bool:
    return bool(facilitated_site_ids(user) & survey_site_ids(survey))


rules.add_perm("evaluation.view_dashboard", is_programme_admin | is_any_facilitator)
rules.add_perm("evaluation.manage_surveys", is_programme_admin)
rules.add_perm("evaluation.answer_survey", is_member_of_survey_site)
rules.add_perm("evaluation.view_survey_results", is_programme_admin | facilitates_survey_site)
# obj: a Site, or a focus group or self-assessment round (anything with a site_id)
rules.add_perm("evaluation.manage_site_evaluation", is_programme_admin | is_site_facilitator)
rules.add_perm("evaluation.answer_self_assessment", is_site_member)


def survey_results_site_ids(user, survey) -> set[int] | None:
    """Whose responses a user's view of survey results covers: None for all sites (programme admins),
    otherwise the survey's sites that the user facilitates."""
    if is_programme_admin(user):
        return None
    return facilitated_site_ids(user) & survey_site_ids(survey)


def evaluation_sites_q(user) -> Q:
    """Sites whose evaluation (dashboard, focus groups, self-assessment) the user may see."""
    return sites_managed_q(user)
