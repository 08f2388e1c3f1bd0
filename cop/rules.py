"""Who may do what: the one place where permission decisions are made.

Views call `user.has_perm("<app>.<action>", obj)` (or the `access_*` lookups built on it), templates
use `{% has_perm %}` from rules, and list pages use the queryset scopes at the bottom of this module,
which express the same rules as database filters.
"""

from __future__ import annotations

import rules
from django.db.models import Q
from django.utils import timezone


def site_roles(user) -> dict[int, str]:
    """The user's current site roles, {site_id: "member" | "facilitator"}, cached on the user object."""
    if not getattr(user, "is_authenticated", False):
        return {}
    cached = getattr(user, "_cop_site_roles", None)
    if cached is None:
        from members.models import Membership

        cached = dict(
            Membership.objects.current(timezone.localdate()).filter(person=user).values_list("site_id", "role")
        )
        user._cop_site_roles = cached
    return cached


def facilitated_site_ids(user) -> set[int]:
    return {site_id for site_id, role in site_roles(user).items() if role == "facilitator"}


def _site_id(obj) -> int | None:
    if obj is None:
        return None
    if hasattr(obj, "site_id"):
        return obj.site_id
    return getattr(obj, "pk", None)


# Programme-wide roles
@rules.predicate
def is_programme_admin(user) -> bool:
    return bool(getattr(user, "is_programme_admin", False) and user.is_active)


@rules.predicate
def is_knowledge_broker(user) -> bool:
    return bool(getattr(user, "is_knowledge_broker", False) and user.is_active)


@rules.predicate
def is_commissioner(user) -> bool:
    return bool(getattr(user, "is_commissioner", False) and user.is_active)


@rules.predicate
def is_any_facilitator(user) -> bool:
    return bool(facilitated_site_ids(user))


@rules.predicate
def has_any_site(user) -> bool:
    return bool(site_roles(user))


# Site roles: obj is a Site or anything with a site_id.
@rules.predicate
def is_site_member(user, obj) -> bool:
    return _site_id(obj) in site_roles(user)


@rules.predicate
def is_site_facilitator(user, obj) -> bool:
    return _site_id(obj) in facilitated_site_ids(user)


is_signed_in = rules.is_authenticated & rules.is_active

# Sites
rules.add_perm("sites.list_sites", is_programme_admin | is_knowledge_broker | has_any_site)
rules.add_perm("sites.view_site", is_programme_admin | is_knowledge_broker | is_site_member)
rules.add_perm("sites.add_site", is_programme_admin)
rules.add_perm("sites.change_site", is_programme_admin)
rules.add_perm("sites.manage_site", is_programme_admin | is_site_facilitator)

# People and invitations
rules.add_perm("members.invite_to_site", is_programme_admin | is_site_facilitator)
rules.add_perm("members.invite_any", is_programme_admin | is_any_facilitator)
rules.add_perm("members.invite_programme_role", is_programme_admin)
rules.add_perm("members.use_admin", is_programme_admin)

# Audit log
rules.add_perm("audit.view_log", is_programme_admin)


# Newsletters: knowledge brokers compile and send it with the programme team; every signed-in person
# reads the members' archive; the public archive needs no sign-in.
is_newsletter_editor = is_programme_admin | is_knowledge_broker
rules.add_perm("newsletters.edit_issue", is_newsletter_editor)
rules.add_perm("newsletters.approve_issue", is_newsletter_editor)
rules.add_perm("newsletters.send_issue", is_newsletter_editor)
rules.add_perm("newsletters.view_deliveries", is_newsletter_editor)
rules.add_perm("newsletters.read_members_archive", is_signed_in)
rules.add_perm("newsletters.read_public_archive", rules.always_allow)


# Queryset scopes: the same rules, as filters for list pages.
def sites_visible_q(user) -> Q:
    if is_programme_admin(user) or is_knowledge_broker(user):
        return Q()
    return Q(pk__in=list(site_roles(user)))


def sites_managed_q(user) -> Q:
    if is_programme_admin(user):
        return Q()
    return Q(pk__in=list(facilitated_site_ids(user)))


# Data protection
@rules.predicate
def is_self(user, person) -> bool:
    return person is not None and getattr(person, "pk", None) == user.pk


rules.add_perm("members.export_own_data", is_signed_in)
rules.add_perm("members.erase_person", is_programme_admin & ~is_self)


# ---------------------------------------------------------------------------------------------------
# Sites and members: budgets, membership management, recruitment gaps, the membership matrix, imports.
# With a site (or anything with a site_id) these ask about that site; without one, whether the person
# may use the feature at all (a facilitator of any site).
@rules.predicate
def facilitates_site_or_any(user, obj=None) -> bool:
    if obj is None:
        return bool(facilitated_site_ids(user))
    return _site_id(obj) in facilitated_site_ids(user)


rules.add_perm("sites.view_budget", is_programme_admin | is_site_facilitator)
rules.add_perm("sites.add_expense", is_programme_admin | is_site_facilitator)
rules.add_perm("sites.change_award", is_programme_admin)
rules.add_perm("sites.manage_members", is_programme_admin | is_site_facilitator)
rules.add_perm("sites.view_gaps", is_programme_admin | is_site_member)
rules.add_perm("sites.manage_targets", is_programme_admin | is_site_facilitator)
rules.add_perm("sites.view_matrix", is_programme_admin | facilitates_site_or_any)
rules.add_perm("sites.import_registers", is_programme_admin | facilitates_site_or_any)


def matrix_sites_q(user) -> Q:
    """The sites whose column a person may see in the membership matrix."""
    return sites_managed_q(user)


# Meetings and the attendance register (obj is a Meeting or a Site)
rules.add_perm("sites.view_meeting", is_programme_admin | is_knowledge_broker | is_site_member)
rules.add_perm("sites.manage_meetings", is_programme_admin | is_site_facilitator)


def calendar_meetings_q(user) -> Q:
    """Meetings in a person's calendar feed: their current sites' meetings (brokers: every site's)."""
    if is_knowledge_broker(user):
        return Q()
    return Q(site_id__in=list(site_roles(user)))


# ---------------------------------------------------------------------------------------------------------------
# Cases
# Drafts: the presenters and the site's facilitators. Shared to written up: the site's members, knowledge brokers
# and programme admins (never a draft). Learning objects (published, public): every signed-in person, without
# presenters' names; public ones also to anyone at /repository/.
# ---------------------------------------------------------------------------------------------------------------
CASE_SITE_STATUSES = ("shared", "discussed", "followed_up", "written_up")
CASE_LEARNING_OBJECT_STATUSES = ("published", "public")
CASE_PRESENTER_EDITABLE = ("draft", "shared", "discussed", "followed_up")


def _status(case) -> str:
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
    return _status(case) == "draft"


@rules.predicate
def is_site_stage_case(user, case) -> bool:
    return _status(case) in CASE_SITE_STATUSES


@rules.predicate
def is_learning_object(user, case) -> bool:
    return _status(case) in CASE_LEARNING_OBJECT_STATUSES


@rules.predicate
def is_presenter_editable_case(user, case) -> bool:
    return _status(case) in CASE_PRESENTER_EDITABLE


# The full case page (with presenters' names and the discussion) for the site; learning objects for everyone else
# are read in the repository.
can_see_case_in_site = (is_draft_case & (is_case_presenter | is_site_facilitator)) | (
    ~is_draft_case & (is_site_member | is_knowledge_broker | is_programme_admin)
)
rules.add_perm("cases.list_cases", has_any_site | is_knowledge_broker | is_programme_admin)
rules.add_perm("cases.add_case", has_any_site)
rules.add_perm("cases.add_case_at_site", is_site_member)  # obj: a Site
rules.add_perm("cases.view_case", can_see_case_in_site)
rules.add_perm("cases.view_learning_object", is_signed_in & is_learning_object)
rules.add_perm("cases.change_case", (is_case_presenter & is_presenter_editable_case) | is_site_facilitator)
rules.add_perm("cases.share_case", is_draft_case & (is_case_presenter | is_site_facilitator))
rules.add_perm("cases.record_discussion", is_site_facilitator)
rules.add_perm("cases.record_follow_up", is_case_presenter | is_site_facilitator)
rules.add_perm("cases.write_up_case", is_site_facilitator)
rules.add_perm("cases.publish_case", is_site_facilitator | is_programme_admin)
rules.add_perm("cases.make_case_public", is_site_facilitator | is_programme_admin)
rules.add_perm("cases.withdraw_case", is_site_facilitator | is_programme_admin)
rules.add_perm("cases.dismiss_finding", is_case_presenter | is_site_facilitator)
rules.add_perm("cases.review_findings", is_site_facilitator)
rules.add_perm("cases.view_case_history", is_site_facilitator | is_programme_admin)
rules.add_perm("cases.view_repository", is_signed_in)


def cases_visible_q(user) -> Q:
    """Cases the user may open on the site's case pages (not the repository)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Q(pk__in=[])
    from cases.models import Case

    presented = Case.presenters.through.objects.filter(user_id=user.pk).values("case_id")
    drafts = Q(status="draft") & (Q(pk__in=presented) | Q(site_id__in=list(facilitated_site_ids(user))))
    if is_programme_admin(user) or is_knowledge_broker(user):
        return drafts | ~Q(status="draft")
    return drafts | (~Q(status="draft") & Q(site_id__in=list(site_roles(user))))


def learning_objects_q(user) -> Q:
    """Learning objects in the repository: published ones for signed-in people, public ones for anyone."""
    if getattr(user, "is_authenticated", False) and user.is_active:
        return Q(status__in=CASE_LEARNING_OBJECT_STATUSES)
    return Q(status="public")


# Evaluation: surveys, focus groups, the team self-assessment and the programme dashboard.
# Survey answers and self-assessments are confidential: these rules let people see aggregates only.
def survey_site_ids(survey) -> set[int]:
    """The sites a survey was opened to, cached on the survey object."""
    cached = getattr(survey, "_cop_site_ids", None)
    if cached is None:
        cached = set(survey.survey_sites.values_list("site_id", flat=True))
        survey._cop_site_ids = cached
    return cached


def member_site_ids(user) -> set[int]:
    """Sites where the user is currently a member (not a facilitator)."""
    return {site_id for site_id, role in site_roles(user).items() if role == "member"}


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


# Toolkit: the set-up checklist, document templates and site health
# Everyone who can see a site sees its checklist; its facilitators and programme admins tick it.
rules.add_perm("toolkit.view_checklist", is_programme_admin | is_knowledge_broker | is_site_member)
rules.add_perm("toolkit.tick_checklist", is_programme_admin | is_site_facilitator)
rules.add_perm("toolkit.download_documents", is_programme_admin | is_site_facilitator)
rules.add_perm("toolkit.edit_default_checklist", is_programme_admin)
rules.add_perm("toolkit.view_site_health", is_programme_admin)
rules.add_perm("toolkit.change_thresholds", is_programme_admin)


# ---------------------------------------------------------------------------------------------------------------
# Meeting cycle: series, agendas, the meeting record, actions and experts by experience (obj: a Meeting, a Site
# or anything with a site_id). Facilitators run the cycle; the site's members read the published agenda and the
# approved record; members who were present read the draft record and suggest corrections; consents and payments
# of experts by experience are for the site's facilitators and programme admins only.
# ---------------------------------------------------------------------------------------------------------------
@rules.predicate
def was_present_at_meeting(user, meeting) -> bool:
    if meeting is None or not getattr(user, "is_authenticated", False) or not hasattr(meeting, "attendances"):
        return False
    return meeting.attendances.filter(person_id=user.pk, status="present").exists()


rules.add_perm("sites.manage_meeting_cycle", is_programme_admin | is_site_facilitator)
rules.add_perm("sites.view_agenda", is_programme_admin | is_knowledge_broker | is_site_member)
rules.add_perm("sites.view_record", is_programme_admin | is_knowledge_broker | is_site_member)
rules.add_perm("sites.view_draft_record", is_programme_admin | is_site_facilitator | was_present_at_meeting)
rules.add_perm("sites.comment_on_record", is_site_member & was_present_at_meeting)
rules.add_perm("sites.view_my_actions", is_signed_in)
# The menu entry: people with a site membership, and programme admins (whose menu is otherwise all allowed, so
# no permission check falls through to Django's model backend and its two extra queries on every page).
rules.add_perm("sites.view_my_actions_menu", has_any_site | is_programme_admin)
rules.add_perm("sites.view_site_actions", is_site_facilitator)
rules.add_perm("sites.manage_experts", is_programme_admin | is_site_facilitator)


# ---------------------------------------------------------------------------------------------------------------
# Digests: commissioner digests (PDF reports of the issues raised), the quarterly subscription, and commissioners'
# responses to the issues raised in a case. Commissioners never see drafts or who said what: they read the issues
# through the digests app, which shows only screened text, never names.
# ---------------------------------------------------------------------------------------------------------------
@rules.predicate
def is_digest_requester(user, digest) -> bool:
    return digest is not None and getattr(digest, "requested_by_id", None) == user.pk


@rules.predicate
def case_raises_issues(user, case) -> bool:
    return case is not None and _status(case) not in ("", "draft") and bool((case.commissioner_issues or "").strip())


rules.add_perm("newsletters.use_digests", is_commissioner | is_programme_admin)
rules.add_perm("newsletters.request_digest", is_commissioner | is_programme_admin)
# obj: a Digest
can_read_digest = is_signed_in & (is_digest_requester | is_commissioner | is_programme_admin)
rules.add_perm("newsletters.view_digest", can_read_digest)
rules.add_perm("newsletters.download_digest", can_read_digest)
rules.add_perm("newsletters.subscribe_to_digests", is_commissioner)
rules.add_perm("newsletters.view_open_issues", is_commissioner | is_programme_admin)
# obj: a Case (shared or later, with issues for commissioners)
rules.add_perm("newsletters.respond_to_issues", is_commissioner & case_raises_issues)


def digests_listed_q(user) -> Q:
    """Digests on a person's digests page: the ones they asked for or were sent."""
    return Q(requested_by_id=user.pk)


# ---------------------------------------------------------------------------------------------------------------
# Evidence
# The library is programme-wide: every person with a site role, knowledge brokers and programme admins read it.
# Commissioners have no library page: they read an item only when it is attached to a learning object (published
# or public), from the learning object in the repository. Brokers and programme admins add and edit items;
# brokers attach evidence to a shared case or any later stage (never a draft) and answer questions.
# Files: an item attached to no case is part of the library, so its file is for library readers. Once an item is
# attached to cases, its file is for people who may see at least one of those cases on the site's pages (its
# site's members, brokers, admins), or who may read one of them as a learning object while signed in. So the
# file of evidence attached only to a shared case is for that site, brokers and admins: never a commissioner or
# another site's member (they still see the item's title and summary in the library). Anonymous readers of public
# learning objects see summaries and links, never files.
# Questions: any member or facilitator of the case's site asks on a case past draft; brokers see one queue across
# every site and answer; the case's readers see questions and answers on the case page.
# ---------------------------------------------------------------------------------------------------------------
can_read_library = is_signed_in & (has_any_site | is_knowledge_broker | is_programme_admin)


def _evidence_links_visible(user, evidence) -> bool:
    """Whether the user may see a case the item is attached to (site pages or, signed in, a learning object)."""
    from cases.models import Case

    if evidence is None or evidence.pk is None:
        return False
    return Case.objects.filter(evidence_cases_q(user), evidence_links__evidence=evidence).exists()


@rules.predicate
def is_attached_to_a_learning_object(user, evidence) -> bool:
    if evidence is None or evidence.pk is None:
        return False
    return evidence.links.filter(case__status__in=CASE_LEARNING_OBJECT_STATUSES).exists()


@rules.predicate
def may_fetch_evidence_file(user, evidence) -> bool:
    if evidence is None or not getattr(evidence, "file", None):
        return False
    if not evidence.links.exists():
        return can_read_library(user)
    return _evidence_links_visible(user, evidence)


@rules.predicate
def is_case_past_draft(user, case) -> bool:
    return _status(case) not in ("", "draft")


@rules.predicate
def is_question_asker(user, question) -> bool:
    return question is not None and question.asked_by_id == user.pk


rules.add_perm("cases.view_evidence_library", can_read_library)
rules.add_perm("cases.view_evidence", can_read_library | (is_signed_in & is_attached_to_a_learning_object))
rules.add_perm("cases.manage_evidence", is_knowledge_broker | is_programme_admin)
rules.add_perm("cases.download_evidence_file", is_signed_in & may_fetch_evidence_file)
rules.add_perm("cases.attach_evidence", is_knowledge_broker & is_case_past_draft)  # obj: a Case
rules.add_perm("cases.ask_question", is_site_member & is_case_past_draft)  # obj: a Case
rules.add_perm("cases.view_question_queue", is_knowledge_broker | is_programme_admin)
rules.add_perm("cases.answer_question", is_knowledge_broker)


def evidence_cases_q(user) -> Q:
    """The cases whose evidence links the user may see listed on an evidence item's page."""
    scope = cases_visible_q(user)
    if getattr(user, "is_authenticated", False) and user.is_active:
        scope |= learning_objects_q(user)
    return scope


# ---------------------------------------------------------------------------------------------------------------
# The forum (obj: a Thread, or a Post where named). A thread's readers follow its target:
# - a case thread: the case's site's members and facilitators, knowledge brokers and programme admins, once the case
#   is shared (never a draft: nobody but the presenters and facilitators knows of it);
# - a learning-object thread: everyone in the programme (anyone with a site role, brokers, admins) while the case is
#   published or public;
# - a site board: that site's members and facilitators, and programme admins;
# - the programme board: everyone in the programme.
# Commissioners are not in the forum: it is the members' own candid discussion, and commissioners hear the issues
# through the digests (they read learning objects themselves in the repository). Another site's thread is a 404.
# Facilitators moderate their site's board and its case threads; programme admins moderate everything.
# A post held by the gate is seen only by its author and the thread's moderators.
# ---------------------------------------------------------------------------------------------------------------
FORUM_CASE_KINDS = ("case", "learning_object")
FORUM_SITE_KINDS = ("case", "site_board")

is_in_programme = is_signed_in & (has_any_site | is_knowledge_broker | is_programme_admin)


def _thread_case_status(thread) -> str:
    case = getattr(thread, "case", None)
    return _status(case) if case is not None else ""


@rules.predicate
def can_read_thread(user, thread) -> bool:
    if thread is None or not is_in_programme(user):
        return False
    kind = thread.kind
    if kind == "case":
        status = _thread_case_status(thread)
        return status not in ("", "draft") and bool(
            thread.site_id in site_roles(user) or is_knowledge_broker(user) or is_programme_admin(user)
        )
    if kind == "learning_object":
        return _thread_case_status(thread) in CASE_LEARNING_OBJECT_STATUSES
    if kind == "site_board":
        return thread.site_id in site_roles(user) or is_programme_admin(user)
    return kind == "programme_board"


@rules.predicate
def moderates_thread(user, thread) -> bool:
    if thread is None or not is_signed_in(user):
        return False
    if is_programme_admin(user):
        return True
    return thread.kind in FORUM_SITE_KINDS and thread.site_id in facilitated_site_ids(user)


@rules.predicate
def is_post_author(user, post) -> bool:
    return post is not None and getattr(user, "pk", None) is not None and post.author_id == user.pk


@rules.predicate
def can_read_post_thread(user, post) -> bool:
    return post is not None and can_read_thread(user, post.thread)


@rules.predicate
def moderates_post_thread(user, post) -> bool:
    return post is not None and moderates_thread(user, post.thread)


@rules.predicate
def is_visible_post(user, post) -> bool:
    return post is not None and post.status == "visible"


@rules.predicate
def is_live_post(user, post) -> bool:
    return post is not None and post.deleted_at is None


@rules.predicate
def may_use_site_board(user, site) -> bool:
    return _site_id(site) in site_roles(user) or is_programme_admin(user)


rules.add_perm("forum.use_forum", is_in_programme)
rules.add_perm("forum.view_thread", can_read_thread)
rules.add_perm("forum.reply_in_thread", can_read_thread)
rules.add_perm("forum.moderate_thread", can_read_thread & moderates_thread)
rules.add_perm("forum.start_programme_topic", is_in_programme)
rules.add_perm("forum.use_site_board", is_signed_in & may_use_site_board)  # obj: a Site
# Posts: held ones only for the author and moderators; everyone who reads the thread sees a visible one.
can_see_post = can_read_post_thread & (is_visible_post | is_post_author | moderates_post_thread)
rules.add_perm("forum.view_post", can_see_post)
rules.add_perm("forum.edit_post", can_read_post_thread & is_post_author & is_live_post)
rules.add_perm("forum.delete_post", can_read_post_thread & is_live_post & (is_post_author | moderates_post_thread))
rules.add_perm("forum.report_post", can_see_post & is_visible_post & is_live_post & ~is_post_author)
rules.add_perm("forum.dismiss_post_finding", can_read_post_thread & is_post_author)
rules.add_perm("forum.view_post_history", can_see_post)
# The moderation queue: facilitators of any site and programme admins.
rules.add_perm("forum.view_moderation_queue", is_signed_in & (is_any_facilitator | is_programme_admin))


def forum_threads_q(user) -> Q:
    """Threads the user may read, as a filter on Thread."""
    if not is_in_programme(user):
        return Q(pk__in=[])
    my_sites = list(site_roles(user))
    past_draft = ~Q(case__status="draft")
    programme_wide = is_programme_admin(user) or is_knowledge_broker(user)
    case_threads = Q(kind="case") & past_draft & (Q() if programme_wide else Q(site_id__in=my_sites))
    learning_objects = Q(kind="learning_object", case__status__in=CASE_LEARNING_OBJECT_STATUSES)
    boards = Q(kind="site_board") & (Q() if is_programme_admin(user) else Q(site_id__in=my_sites))
    return case_threads | learning_objects | boards | Q(kind="programme_board")


def forum_moderated_q(user) -> Q:
    """Threads the user moderates, as a filter on Thread."""
    if is_programme_admin(user):
        return Q()
    return Q(kind__in=FORUM_SITE_KINDS, site_id__in=list(facilitated_site_ids(user)))


def forum_posts_q(user) -> Q:
    """Posts the user may see among those in threads they read: visible ones, their own, and held ones they moderate."""
    held_moderated = Q(status="held") & _prefixed(forum_moderated_q(user), "thread__")
    return Q(status="visible") | Q(author_id=user.pk) | held_moderated


def _prefixed(q: Q, prefix: str) -> Q:
    """The same filter on a related model (`prefix` like "post__")."""
    if not prefix:
        return q
    children = [
        _prefixed(child, prefix) if isinstance(child, Q) else (prefix + child[0], child[1]) for child in q.children
    ]
    return Q(*children, _connector=q.connector, _negated=q.negated)
# Open data and the read API
# Every signed-in person may create, name and revoke their own API tokens; programme admins list and revoke anyone's.
# A token acts as its owner: the API applies the same rules and scopes as the pages.
# ---------------------------------------------------------------------------------------------------------------
@rules.predicate
def is_token_owner(user, token) -> bool:
    return token is not None and getattr(token, "user_id", None) == user.pk


rules.add_perm("api.manage_own_tokens", is_signed_in)
rules.add_perm("api.list_all_tokens", is_programme_admin)
rules.add_perm("api.revoke_token", is_signed_in & (is_token_owner | is_programme_admin))


def api_tokens_q(user) -> Q:
    """Tokens a person may see and revoke: their own; programme admins every one."""
    if is_programme_admin(user):
        return Q()
    return Q(user_id=user.pk)


def evidence_visible_q(user) -> Q:
    """Evidence items a person may read (cases.view_evidence as a filter): library readers every item; other
    signed-in people items attached to a learning object; anyone items attached to a public learning object."""
    if can_read_library(user):
        return Q()
    from cases.models import Case, EvidenceLink

    links = EvidenceLink.objects.filter(case__in=Case.objects.filter(learning_objects_q(user)))
    return Q(pk__in=links.values("evidence_id"))
