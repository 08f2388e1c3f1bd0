"""Who may do what with cases and the evidence library (django-rules), and the same rules as queryset scopes.

Cases: drafts are for their presenters and the site's facilitators. Shared to written up: the site's members,
knowledge brokers and programme admins (never a draft). Learning objects (published, public): every signed-in
person, without presenters' names; public ones also to anyone at /repository/.

Evidence: the library is programme-wide: every person with a site role, knowledge brokers and programme admins read
it. Commissioners have no library page: they read an item only when it is attached to a learning object (published
or public), from the learning object in the repository. Brokers and programme admins add and edit items; brokers
attach evidence to a shared case or any later stage (never a draft) and answer questions.
Brokers' names on items are for library readers; commissioners and the public read "a knowledge broker".
Files: an item attached to no case is part of the library, so its file is for library readers. Once an item is
attached to cases, its file is for people who may see at least one of those cases on the site's pages (its site's
members, brokers, admins), or who may read one of them as a learning object while signed in. So the file of evidence
attached only to a shared case is for that site, brokers and admins: never a commissioner or another site's member
(they still see the item's title and summary in the library). Anonymous readers of public learning objects see
summaries and links, never files.
Questions: any member or facilitator of the case's site asks on a case past draft; brokers see one queue across
every site and answer; the case's readers see questions and answers on the case page."""

import rules
from django.db.models import Q

from cases.models import LEARNING_OBJECT_STATUSES, Case, CaseStatus, EvidenceLink
from core.rules import is_commissioner, is_knowledge_broker, is_programme_admin, is_signed_in
from sites.rules import (
    facilitated_site_ids,
    has_any_site,
    is_open_site,
    is_site_facilitator,
    is_site_member,
    site_roles,
)

CASE_SITE_STATUSES = (CaseStatus.SHARED, CaseStatus.DISCUSSED, CaseStatus.FOLLOWED_UP, CaseStatus.WRITTEN_UP)
CASE_PRESENTER_EDITABLE = (CaseStatus.DRAFT, CaseStatus.SHARED, CaseStatus.DISCUSSED, CaseStatus.FOLLOWED_UP)


def status_of(case) -> str:
    return getattr(case, "status", "")


@rules.predicate
def is_case_presenter(user, case) -> bool:
    if case is None or not getattr(user, "is_authenticated", False):
        return False
    cache = getattr(case, "_cop_presenter_ids", None)
    if cache is None:
        cache = set(case.presenters.values_list("pk", flat=True))
        case._cop_presenter_ids = cache
    return user.pk in cache


@rules.predicate
def is_draft_case(user, case) -> bool:
    return status_of(case) == CaseStatus.DRAFT


@rules.predicate
def is_site_stage_case(user, case) -> bool:
    return status_of(case) in CASE_SITE_STATUSES


@rules.predicate
def is_learning_object(user, case) -> bool:
    return status_of(case) in LEARNING_OBJECT_STATUSES


@rules.predicate
def is_presenter_editable_case(user, case) -> bool:
    return status_of(case) in CASE_PRESENTER_EDITABLE


@rules.predicate
def is_case_past_draft(user, case) -> bool:
    return status_of(case) not in ("", CaseStatus.DRAFT)


# The full case page (with presenters' names and the discussion) for the site; learning objects for everyone else
# are read in the repository.
can_see_case_in_site = (is_draft_case & (is_case_presenter | is_site_facilitator)) | (
    ~is_draft_case & (is_site_member | is_knowledge_broker | is_programme_admin)
)
rules.add_perm("cases.list_cases", has_any_site | is_knowledge_broker | is_programme_admin)
rules.add_perm("cases.add_case", has_any_site)
rules.add_perm("cases.add_case_at_site", is_site_member & is_open_site)  # obj: a Site
rules.add_perm("cases.view_case", can_see_case_in_site)
rules.add_perm("cases.view_learning_object", is_signed_in & is_learning_object)
rules.add_perm(
    "cases.change_case", ((is_case_presenter & is_presenter_editable_case) | is_site_facilitator) & is_open_site
)
rules.add_perm("cases.share_case", is_draft_case & (is_case_presenter | is_site_facilitator) & is_open_site)
rules.add_perm("cases.record_discussion", is_site_facilitator & is_open_site)
rules.add_perm("cases.record_follow_up", (is_case_presenter | is_site_facilitator) & is_open_site)
rules.add_perm("cases.write_up_case", is_site_facilitator & is_open_site)
rules.add_perm("cases.publish_case", (is_site_facilitator & is_open_site) | is_programme_admin)
rules.add_perm("cases.make_case_public", (is_site_facilitator & is_open_site) | is_programme_admin)
rules.add_perm("cases.withdraw_case", (is_site_facilitator & is_open_site) | is_programme_admin)
rules.add_perm("cases.dismiss_finding", (is_case_presenter | is_site_facilitator) & is_open_site)
rules.add_perm("cases.review_findings", is_site_facilitator & is_open_site)
rules.add_perm("cases.view_case_history", is_site_facilitator | is_programme_admin)
rules.add_perm("cases.view_repository", is_signed_in)
rules.add_perm("cases.manage_known_terms", is_programme_admin)  # the gate's known organisations and numbers


# Issues for commissioners as tracked items (obj: a CommissionerIssue). Commissioners and programme admins read them
# (screened: titles, sites and the issues, never names or the discussion); commissioners respond and change their
# status; both group the same issue across sites. An item whose case went back to draft is nobody's to read here.
@rules.predicate
def is_issue_of_a_case_past_draft(user, issue) -> bool:
    case = getattr(issue, "case", None)
    return case is not None and is_case_past_draft(user, case) and bool((case.commissioner_issues or "").strip())


rules.add_perm("cases.view_commissioner_issue", (is_commissioner | is_programme_admin) & is_issue_of_a_case_past_draft)
rules.add_perm("cases.respond_to_issue", is_commissioner & is_issue_of_a_case_past_draft)
rules.add_perm("cases.group_issues", (is_commissioner | is_programme_admin) & is_issue_of_a_case_past_draft)


def cases_visible_q(user) -> Q:
    """Cases the user may open on the site's case pages (not the repository)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Q(pk__in=[])
    presented = Case.presenters.through.objects.filter(user_id=user.pk).values("case_id")
    draft = Q(status=CaseStatus.DRAFT)
    drafts = draft & (Q(pk__in=presented) | Q(site_id__in=list(facilitated_site_ids(user))))
    if is_programme_admin(user) or is_knowledge_broker(user):
        return drafts | ~draft
    return drafts | (~draft & Q(site_id__in=list(site_roles(user))))


def learning_objects_q(user) -> Q:
    """Learning objects in the repository: published ones for signed-in people, public ones for anyone."""
    if getattr(user, "is_authenticated", False) and user.is_active:
        return Q(status__in=LEARNING_OBJECT_STATUSES)
    return Q(status=CaseStatus.PUBLIC)


# Evidence
can_read_library = is_signed_in & (has_any_site | is_knowledge_broker | is_programme_admin)


def evidence_cases_q(user) -> Q:
    """The cases whose evidence links the user may see listed on an evidence item's page."""
    scope = cases_visible_q(user)
    if getattr(user, "is_authenticated", False) and user.is_active:
        scope |= learning_objects_q(user)
    return scope


def _evidence_links_visible(user, evidence) -> bool:
    """Whether the user may see a case the item is attached to (site pages or, signed in, a learning object)."""
    if evidence is None or evidence.pk is None:
        return False
    return Case.objects.filter(evidence_cases_q(user), evidence_links__evidence=evidence).exists()


@rules.predicate
def is_attached_to_a_learning_object(user, evidence) -> bool:
    if evidence is None or evidence.pk is None:
        return False
    return evidence.links.filter(case__status__in=LEARNING_OBJECT_STATUSES).exists()


@rules.predicate
def may_fetch_evidence_file(user, evidence) -> bool:
    if evidence is None or not getattr(evidence, "file", None):
        return False
    if not evidence.links.exists():
        return can_read_library(user)
    return _evidence_links_visible(user, evidence)


@rules.predicate
def may_see_question_case(user, question) -> bool:
    return question is not None and can_see_case_in_site(user, question.case)


@rules.predicate
def is_question_asker(user, question) -> bool:
    return question is not None and question.asked_by_id == user.pk


rules.add_perm("cases.view_evidence_library", can_read_library)
rules.add_perm("cases.view_evidence", can_read_library | (is_signed_in & is_attached_to_a_learning_object))
# Brokers' names (who added an item, who answered): for the people brokers work with in the programme (library
# readers: site roles, brokers, admins); commissioners and the public read "a knowledge broker".
rules.add_perm("cases.view_broker_names", can_read_library)
rules.add_perm("cases.manage_evidence", is_knowledge_broker | is_programme_admin)
rules.add_perm("cases.download_evidence_file", is_signed_in & may_fetch_evidence_file)
rules.add_perm("cases.attach_evidence", is_knowledge_broker & is_case_past_draft & is_open_site)  # obj: a Case
rules.add_perm("cases.ask_question", is_site_member & is_case_past_draft & is_open_site)  # obj: a Case
rules.add_perm("cases.view_question_queue", is_knowledge_broker | is_programme_admin)
rules.add_perm("cases.answer_question", is_knowledge_broker)
# A question's page: brokers, and people who may see its case on the site's pages.
rules.add_perm("cases.view_question", is_knowledge_broker | may_see_question_case)


def evidence_visible_q(user) -> Q:
    """Evidence items a person may read (cases.view_evidence as a filter): library readers every item; other
    signed-in people items attached to a learning object; anyone items attached to a public learning object."""
    if can_read_library(user):
        return Q()
    links = EvidenceLink.objects.filter(case__in=Case.objects.filter(learning_objects_q(user)))
    return Q(pk__in=links.values("evidence_id"))
