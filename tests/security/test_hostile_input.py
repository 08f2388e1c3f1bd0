"""Every form, and every page that reads its query string, fuzzed with hostile values: no server error, and no
user text rendered as live HTML.

FUZZ names each submission: the form classes it exercises, who submits it (the role allowed to), the URL built
from the `world` (objects in the state the form is used in), and the fields. A form class defined in our apps
that no entry names fails test_every_form_class_is_fuzzed, as a URL with no matrix entry fails the matrix.
"""

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django import forms as django_forms
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api import forms as api_forms
from audit.forms import AuditFilterForm
from cases.forms import cases as case_forms
from cases.forms import evidence as evidence_forms
from core.forms import CrispyFieldsForm
from cpd import forms as cpd_forms
from cycle import forms as cycle_forms
from digests import forms as digest_forms
from evaluation import forms as evaluation_forms
from forum import forms as forum_forms
from home.preferences import EmailPreferencesForm
from members.admin import OrganisationSignInForm
from members.forms import SignInForm
from network import forms as network_forms
from newsletters import forms as newsletter_forms
from recruitment import forms as recruitment_forms
from search.forms import SearchForm
from sites.forms import experts as expert_forms
from sites.forms import ground_rules as ground_rules_forms
from sites.forms import guests as guest_forms
from sites.forms import invitations as invitation_forms
from sites.forms import meetings as meeting_forms
from sites.forms import memberships as membership_forms
from sites.forms import papers as paper_forms
from sites.forms import replies as reply_forms
from sites.forms import sites as site_forms
from sites.forms import training as training_forms
from tests.factories import PASSWORD, AttendanceFactory, MeetingFactory, MembershipFactory, at
from tests.security.hostile import (
    HUGE_NUMBER_KINDS,
    MARKER,
    SCRIPT_PAYLOADS,
    hostile_form,
    hostile_upload,
    live_markup,
)
from tests.security.matrix import MATRIX, OK, ROLES, digest_of_commissioner, issue_raised_in_shared_case
from tests.security.world import build_case
from toolkit import forms as toolkit_forms

TRIED = {"cases": 0}
FUZZ_SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
PAGE = "page"  # fields: read the names from the form on the page (forms whose fields depend on the object)
OUR_APPS = [
    "api", "audit", "cases", "cop", "core", "cpd", "cycle", "demo", "digests", "evaluation", "forum", "home",
    "members", "network", "newsletters", "recruitment", "search", "sites", "toolkit",
]  # fmt: skip

# Form classes that are not themselves submitted by anyone: bases whose subclasses are fuzzed.
NOT_SUBMITTED = {
    CrispyFieldsForm,  # the crispy-forms base of the case, evidence and forum forms
    meeting_forms.MeetingTimesMixin,  # date and times, fuzzed through MeetingForm and MeetingMoveForm
    forum_forms._MentionsForm,  # the mention list, fuzzed through PostForm, TopicForm and EditPostForm
    # The Django admin's form for a provider's email domains (programme admins only): submitted through the admin in
    # tests/members/test_organisation_sign_in.py.
    OrganisationSignInForm,
}


@dataclass(frozen=True)
class Fuzz:
    forms: tuple  # the form classes this submission exercises (empty for raw query strings and allauth)
    role: str | None  # who submits: a key of world.people, or None for anonymous
    url: Callable  # world -> URL; with fresh=True built anew for each example (the form moves the object on)
    fields: tuple | str | Callable = ()  # besides the forms' own fields: names, PAGE, or world -> names
    prefix: str = ""
    method: str = "post"
    fresh: bool = False
    valid: Callable | None = None  # world -> {field: a valid value}, drawn as often as a hostile one
    files: tuple = ()  # file fields given hostile uploads
    shows: Callable | None = None  # world -> the page that shows what was typed, checked afterwards
    reauthenticate: bool = False  # the page asks for the password again first (allauth's sensitive pages)


def url(name: str, *args: Callable) -> Callable:
    return lambda w: reverse(name, args=[arg(w) for arg in args])


site = lambda w: w.site.pk  # noqa: E731
today = lambda: timezone.localdate().isoformat()  # noqa: E731


def case_pk(state: str, *, fresh: bool = False) -> Callable:
    return lambda w: w.case(state, fresh=fresh).pk


def upcoming_meeting(w) -> int:
    return MeetingFactory(site=w.site).pk


def held_meeting(w) -> int:
    return MeetingFactory(site=w.site, starts_at=at(timezone.localdate() - timedelta(days=1))).pk


def draft_entry(w) -> list:
    draft = w.cached("draft-record", w.new_record)
    return [draft.meeting_id, draft.entries.get().pk]


def new_invitation(w) -> str:
    from sites.services.invitations import invite_person

    n = w.counter("invitation")
    sent = invite_person(invited_by=w.people["admin"], email=f"fuzz{n}@example.org", role="member", site=w.site)
    return sent.url.rstrip("/").rsplit("/", 1)[1]


def reply_link(w) -> str:
    from sites.services.replies import reply_token

    meeting = MeetingFactory(site=w.site, starts_at=at(timezone.localdate() + timedelta(days=5)))
    return reply_token(meeting=meeting, person=w.people["member"])


def past_meeting_choice(w) -> int:
    return MeetingFactory(site=w.site, starts_at=at(timezone.localdate() - timedelta(days=3))).pk


def forum_thread(w) -> int:
    return w.forum_thread("programme_board").pk


def visible_post(w) -> int:
    return w.forum_post("visible").pk


def experts(w) -> int:
    return w.cached("expert", lambda: MembershipFactory(site=w.site, person__expert_by_experience=True).person).pk


def network_meeting(w) -> int:
    from tests.network.helpers import network_meeting as make

    return w.cached("network-meeting", lambda: make(admin=w.people["admin"])).pk


def held_network_meeting(w) -> int:
    from tests.network.helpers import network_meeting as make

    return w.cached("held-network-meeting", lambda: make(days=-1, admin=w.people["admin"])).pk


def network_entry(w) -> list:
    from tests.network.helpers import held_with_record

    record = w.cached("network-record", lambda: held_with_record(w.people["admin"]))
    return [record.meeting_id, record.entries.get().pk]


FUZZ: dict[str, Fuzz] = {
    # People
    "sign in": Fuzz((SignInForm,), None, url("account_login"), ("login", "password", "remember")),
    "password reset": Fuzz((), None, url("account_reset_password"), ("email",)),
    "password change": Fuzz((), "member", url("account_change_password"), ("oldpassword", "password1", "password2")),
    "two-factor set-up": Fuzz((), "facilitator", url("mfa_activate_totp"), ("code",), reauthenticate=True),
    "invite": Fuzz(
        (invitation_forms.InviteForm,),
        "facilitator",
        url("memberships:invitations"),
        valid=lambda w: {"role": "member", "site": w.site.pk, "email": "new@example.org"},
    ),  # fmt: skip
    "accept invitation": Fuzz(
        (invitation_forms.AcceptInvitationForm,),
        None,
        lambda w: reverse("memberships:accept_invitation", args=[new_invitation(w)]),
        fresh=True,
        valid=lambda w: {"password": "a-Long-passw0rd-here", "password_again": "a-Long-passw0rd-here"},
    ),  # fmt: skip
    "add member": Fuzz(
        (membership_forms.AddMemberForm,),
        "facilitator",
        url("memberships:add_member", site),
        valid=lambda w: {"email": f"m{w.counter('m')}@example.org", "role": "member", "joined": today()},
        shows=url("memberships:site_members", site),
    ),  # fmt: skip
    "end membership": Fuzz(
        (membership_forms.EndMembershipForm,),
        "facilitator",
        lambda w: reverse("memberships:end_membership", args=[MembershipFactory(site=w.site).pk]),
        fresh=True,
        valid=lambda w: {"left": today()},
        shows=url("memberships:site_members", site),
    ),  # fmt: skip
    "change role": Fuzz(
        (membership_forms.MembershipRoleForm,),
        "facilitator",
        lambda w: reverse("memberships:change_role", args=[MembershipFactory(site=w.site).pk]),
        fresh=True,
    ),  # fmt: skip
    "host-site call": Fuzz(
        (recruitment_forms.HostSiteCallForm,),
        "admin",
        url("host_sites:calls"),
        valid=lambda w: {"closes_on": today(), "award": "6950"},
        shows=url("host_sites:calls"),
    ),  # fmt: skip
    "host-site application": Fuzz(
        (recruitment_forms.HostSiteApplicationForm,),
        None,
        url("host_sites:apply", lambda w: w.host_site_call().pk),
        valid=lambda w: {"sectors": "nhs", "contact_email": "a@example.org", "facilitator_email": "b@example.org"},
    ),  # fmt: skip
    "host-site scores": Fuzz(
        (recruitment_forms.ScoreForm,),
        "admin",
        url("host_sites:application", lambda w: w.cached("application", w.new_application).pk),
        PAGE,
    ),  # fmt: skip
    "job change": Fuzz(
        (membership_forms.JobChangeForm,),
        "facilitator",
        url("memberships:job_change", lambda w: w.membership.pk),
        valid=lambda w: {"job_title": "Team leader", "started_on": today()},
        shows=url("memberships:site_members", site),
    ),  # fmt: skip
    "erase": Fuzz((), "admin", lambda w: reverse("members:erase", args=[w.leaver.pk]), ("confirm",)),
    # Sites, budgets, targets, imports, the matrix
    "create site": Fuzz(
        (site_forms.SiteForm,),
        "admin",
        url("sites:create"),
        valid=lambda w: {"code": f"F{w.counter('site')}", "start_date": today(), "status": "setting_up"},
        shows=url("sites:list"),
    ),  # fmt: skip
    "edit site": Fuzz(
        (site_forms.SiteForm,),
        "admin",
        url("sites:edit", site),
        valid=lambda w: {"code": "CP1", "start_date": today(), "status": "active"},
        shows=url("sites:detail", site),
    ),  # fmt: skip
    "expense": Fuzz(
        (site_forms.ExpenseForm,),
        "facilitator",
        url("sites:expense_add", site),
        valid=lambda w: {"category": "room_hire", "spent_on": today(), "amount": "12.50"},
        shows=url("sites:detail", site),
    ),  # fmt: skip
    "award": Fuzz((site_forms.AwardForm,), "admin", url("sites:award_change", site)),
    "targets": Fuzz(
        (site_forms.TargetSizeForm, site_forms.TargetDisciplineForm),
        "facilitator",
        url("sites:targets", site),
        ("save_size", "add_discipline"),
        valid=lambda w: {"add_discipline": "1", "save_size": "1"},
        shows=url("sites:targets", site),
    ),  # fmt: skip
    # Recruitment: agencies, managers, approaches, the senior sponsor
    "agency add": Fuzz(
        (recruitment_forms.AgencyForm,),
        "facilitator",
        url("recruitment:agencies", site),
        valid=lambda w: {"name": f"Agency {w.counter('agency')}"},
        shows=url("recruitment:agencies", site),
    ),  # fmt: skip
    "agency page": Fuzz(
        (recruitment_forms.AgencyManagerForm, recruitment_forms.ApproachForm),
        "facilitator",
        url("recruitment:agency", site, lambda w: w.agency().pk),
        ("add_manager", "add_approach"),
        valid=lambda w: {
            "add_manager": "1",
            "add_approach": "1",
            "approached_on": today(),
            "made_by": "Me",
            "method": "in_person",
            "outcome": "awaiting",
        },
        shows=url("recruitment:agency", site, lambda w: w.agency().pk),
    ),  # fmt: skip
    "approach change": Fuzz(
        (recruitment_forms.ApproachForm,), "facilitator",
        url("recruitment:approach", site, lambda w: w.agency().pk, lambda w: w.approach().pk),
        valid=lambda w: {"approached_on": today(), "made_by": "Me", "method": "in_person", "outcome": "awaiting"},
        shows=url("recruitment:agency", site, lambda w: w.agency().pk),
    ),  # fmt: skip
    "sponsor": Fuzz(
        (recruitment_forms.SeniorSponsorForm,),
        "facilitator",
        url("recruitment:sponsor", site),
        valid=lambda w: {"agreed_on": today()},
        shows=url("sites:detail", site),
    ),  # fmt: skip
    "import": Fuzz(
        (site_forms.ImportForm,),
        "facilitator",
        url("sites:import"),
        files=("file",),
        valid=lambda w: {"kind": "members"},
    ),  # fmt: skip
    "matrix date": Fuzz((site_forms.MatrixDateForm,), "admin", url("sites:matrix"), ("page", "format"), method="get"),
    # Meetings
    "meeting create": Fuzz(
        (meeting_forms.MeetingForm,),
        "facilitator",
        url("sites:meeting_create", site),
        valid=lambda w: {"date": today(), "start_time": "14:00", "end_time": "16:00"},
        shows=url("calendar"),
    ),  # fmt: skip
    "meeting edit": Fuzz(
        (meeting_forms.MeetingDetailsForm,),
        "facilitator",
        url("sites:meeting_edit", upcoming_meeting),
        shows=url("calendar"),
    ),  # fmt: skip
    "meeting move": Fuzz(
        (meeting_forms.MeetingMoveForm,),
        "facilitator",
        url("sites:meeting_move", upcoming_meeting),
        fresh=True,
        valid=lambda w: {
            "date": (timezone.localdate() + timedelta(days=20)).isoformat(),
            "start_time": "10:00",
            "end_time": "12:00",
        },
    ),  # fmt: skip
    "meeting cancel": Fuzz(
        (meeting_forms.MeetingCancelForm,), "facilitator", url("sites:meeting_cancel", upcoming_meeting), fresh=True
    ),  # fmt: skip
    "meeting notes": Fuzz((meeting_forms.MeetingNotesForm,), "facilitator", url("sites:meeting_notes", held_meeting)),
    "meeting reminders": Fuzz((meeting_forms.ReminderDaysForm,), "facilitator", url("sites:meeting_reminders", site)),
    "meeting register": Fuzz(
        (meeting_forms.MeetingRegisterForm,), "facilitator", url("sites:meeting_register", held_meeting), PAGE
    ),  # fmt: skip
    "meeting paper": Fuzz(
        (paper_forms.MeetingPaperForm,), "facilitator", url("sites:meeting_papers", upcoming_meeting)
    ),
    "meeting reply": Fuzz((reply_forms.ReplyForm,), "member", url("sites:meeting_reply", upcoming_meeting)),
    "meeting reply link": Fuzz(
        (reply_forms.ReplyForm,), None, lambda w: reverse("sites:meeting_reply_link", args=[reply_link(w)])
    ),  # fmt: skip
    "ground rules confirm": Fuzz(
        (ground_rules_forms.ConfirmGroundRulesForm,), "member", url("sites:ground_rules", site), ("next",)
    ),
    "ground rules edit": Fuzz(
        (ground_rules_forms.GroundRulesForm,),
        "facilitator",
        url("sites:ground_rules_edit", site),
        shows=url("sites:ground_rules", site),
    ),  # fmt: skip
    # The meeting cycle
    "series": Fuzz(
        (meeting_forms.SeriesForm,),
        "facilitator",
        url("sites:series_list", site),
        valid=lambda w: {
            "rule": "nth_weekday",
            "week_of_month": "2",
            "weekday": "1",
            "starts_on": today(),
            "start_time": "14:00",
            "end_time": "16:00",
            "horizon_months": "1",
        },
        shows=url("sites:series_list", site),
    ),  # fmt: skip
    "series edit": Fuzz(
        (meeting_forms.SeriesForm,),
        "facilitator",
        lambda w: reverse("sites:series_edit", args=[w.cached("series", w.new_series).pk]),
    ),  # fmt: skip
    "invite a commissioner": Fuzz(
        (cycle_forms.InviteCommissionerForm,), "facilitator", url("cycle:guests", upcoming_meeting)
    ),  # fmt: skip
    "agenda item": Fuzz(
        (cycle_forms.AgendaItemForm,),
        "facilitator",
        url("cycle:agenda_item_add", upcoming_meeting),
        shows=lambda w: reverse("cycle:agenda", args=[w.new_agenda_item().meeting_id]),
    ),  # fmt: skip
    "agenda move": Fuzz(
        (cycle_forms.MoveForm,),
        "facilitator",
        lambda w: reverse("cycle:agenda_item_move", args=[(i := w.new_agenda_item()).meeting_id, i.pk]),
    ),  # fmt: skip
    "record entry": Fuzz(
        (cycle_forms.EntryForm,),
        "facilitator",
        lambda w: reverse("cycle:record_entry", args=draft_entry(w)),
        shows=lambda w: reverse("cycle:record", args=[draft_entry(w)[0]]),
    ),  # fmt: skip
    "record action": Fuzz(
        (cycle_forms.RecordActionForm,),
        "facilitator",
        lambda w: reverse("cycle:record_action_add", args=draft_entry(w)),
        prefix="action",
        valid=lambda w: {"action-owner": w.people["member"].pk, "action-due_on": today()},
        shows=lambda w: reverse("cycle:record", args=[draft_entry(w)[0]]),
    ),  # fmt: skip
    "record comment": Fuzz(
        (cycle_forms.CommentForm,),
        "member",
        lambda w: reverse("cycle:record_comment", args=draft_entry(w)),
        shows=lambda w: reverse("cycle:record", args=[draft_entry(w)[0]]),
    ),  # fmt: skip
    "meeting action done": Fuzz(
        (cycle_forms.DoneForm,),
        "member",
        lambda w: reverse("meeting_action_done", args=[w.new_record_action().pk]),
        fresh=True,
        shows=url("my_actions"),
    ),  # fmt: skip
    "case action done": Fuzz(
        (cycle_forms.CaseActionDoneForm,),
        "member",
        lambda w: reverse("case_action_done", args=[w.new_case_action_of_member().pk]),
        fresh=True,
        valid=lambda w: {"status": "tried_helpful"},
        shows=url("my_actions"),
    ),  # fmt: skip
    "expert consent": Fuzz(
        (expert_forms.ConsentForm,),
        "facilitator",
        url("sites:experts", site),
        prefix="consent",
        valid=lambda w: {"consent-expert": experts(w), "consent-given_on": today()},
        shows=url("sites:experts", site),
    ),  # fmt: skip
    "expert payment": Fuzz(
        (expert_forms.PaymentForm,),
        "facilitator",
        url("sites:expert_payment_add", site),
        prefix="payment",
        valid=lambda w: {
            "payment-expert": experts(w),
            "payment-category": "expert_payment",
            "payment-amount": "20.00",
            "payment-paid_on": today(),
        },
        shows=url("sites:experts", site),
    ),  # fmt: skip
    # Cases
    "case create": Fuzz(
        (case_forms.CaseForm,),
        "member",
        url("cases:create"),
        valid=lambda w: {"site": w.site.pk, "kind": "challenging", "presenters": w.people["member"].pk},
        shows=url("cases:list"),
    ),  # fmt: skip
    "case edit": Fuzz(
        (case_forms.CaseForm,),
        "member",
        url("cases:edit", case_pk("draft")),
        valid=lambda w: {"kind": "innovative", "presenters": w.people["member"].pk},
        shows=url("cases:detail", case_pk("draft")),
    ),  # fmt: skip
    "case edit buttons": Fuzz(
        (case_forms.CaseForm,),
        "member",
        url("cases:edit", case_pk("draft", fresh=True)),
        ("then", "remove_step"),
        fresh=True,
        valid=lambda w: {"kind": "innovative", "presenters": w.people["member"].pk},
    ),  # fmt: skip
    "fix all confirm": Fuzz((), "member", url("cases:fix_all", case_pk("draft")), ("based_on",)),
    "case next step": Fuzz(
        (case_forms.ActionItemForm,),
        "member",
        url("cases:action_add", case_pk("draft")),
        ("next",),
        shows=url("cases:detail", case_pk("draft")),
    ),  # fmt: skip
    "case next step status": Fuzz(
        (case_forms.ActionStatusForm,),
        "member",
        lambda w: reverse("cases:action_update", args=[w.case("draft").actions.first().pk]),
        ("next",),
    ),  # fmt: skip
    "not personal data": Fuzz(
        (case_forms.DismissFindingForm,),
        "member",
        lambda w: reverse("cases:finding_dismiss", args=[w.finding("draft").pk]),
        ("next",),
        fresh=True,
    ),  # fmt: skip
    "confirm not personal data": Fuzz(
        (),
        "facilitator",
        lambda w: reverse("cases:finding_confirm", args=[w.finding("draft", awaiting=True).pk]),
        ("next",),
        fresh=True,
    ),  # fmt: skip
    "refuse not personal data": Fuzz(
        (),
        "facilitator",
        lambda w: reverse("cases:finding_refuse", args=[w.finding("draft", awaiting=True).pk]),
        ("next",),
        fresh=True,
    ),  # fmt: skip
    "case moves on": Fuzz((), "facilitator", url("cases:share", case_pk("draft", fresh=True)), ("next",), fresh=True),
    "discussion": Fuzz(
        (case_forms.DiscussionForm,),
        "facilitator",
        url("cases:discussion", case_pk("shared", fresh=True)),
        fresh=True,
        valid=lambda w: {"meeting": past_meeting_choice(w)},
    ),  # fmt: skip
    "follow-up": Fuzz(
        (case_forms.FollowUpForm,),
        "member",
        url("cases:follow_up", case_pk("discussed", fresh=True)),
        fresh=True,
        valid=lambda w: {"meeting": past_meeting_choice(w), "outcome": "recovery"},
    ),  # fmt: skip
    "follow-up text": Fuzz(
        (case_forms.FollowUpTextForm,),
        "member",
        lambda w: reverse("cases:follow_up_edit", args=[w.case("followed_up").follow_ups.first().pk]),
        shows=url("cases:detail", case_pk("followed_up")),
    ),  # fmt: skip
    "write-up": Fuzz(
        (case_forms.WriteUpForm,), "facilitator", url("cases:write_up", case_pk("followed_up", fresh=True)), fresh=True
    ),  # fmt: skip
    "repository search": Fuzz(
        (), None, url("repository:list"), ("q", "theme", "site", "kind", "outcome", "year", "page"), method="get"
    ),
    "repository search (member)": Fuzz(
        (), "member", url("repository:list"), ("q", "theme", "site", "kind", "outcome", "year", "page"), method="get"
    ),
    "one search": Fuzz((SearchForm,), "member", url("search:results"), method="get"),
    "one search (broker)": Fuzz((SearchForm,), "broker", url("search:results"), method="get"),
    # Evidence
    "evidence create": Fuzz(
        (evidence_forms.EvidenceForm,),
        "broker",
        url("evidence:create"),
        files=("file",),
        valid=lambda w: {"kind": "research", "question": w.question().pk},
        shows=url("evidence:list"),
    ),  # fmt: skip
    "evidence create (query)": Fuzz((), "broker", url("evidence:create"), ("question",), method="get"),
    "evidence edit": Fuzz(
        (evidence_forms.EvidenceForm,),
        "broker",
        url("evidence:edit", lambda w: w.evidence("library").pk),
        files=("file",),
        valid=lambda w: {"kind": "research"},
        shows=url("evidence:detail", lambda w: w.evidence("library").pk),
    ),  # fmt: skip
    "evidence import": Fuzz((evidence_forms.ImportForm,), "broker", url("evidence:import")),
    "evidence import (query)": Fuzz((), "broker", url("evidence:import"), ("question",), method="get"),
    "evidence library": Fuzz(
        (), "member", url("evidence:list"), ("q", "kind", "theme", "year", "used", "sort", "page"), method="get"
    ),
    "evidence export": Fuzz(
        (),
        "member",
        url("evidence:export"),
        ("q", "kind", "theme", "year", "used", "sort", "format", "ids"),
        method="get",
    ),
    "evidence attach": Fuzz(
        (evidence_forms.AttachForm,),
        "broker",
        url("evidence:attach", case_pk("shared")),
        valid=lambda w: {"evidence": w.evidence("library").pk},
        shows=url("cases:detail", case_pk("shared")),
    ),  # fmt: skip
    "evidence attach (query)": Fuzz(
        (), "broker", url("evidence:attach", case_pk("shared")), ("evidence",), method="get"
    ),  # fmt: skip
    "question": Fuzz(
        (evidence_forms.QuestionForm,),
        "member",
        url("evidence:ask", case_pk("shared")),
        shows=url("evidence:questions"),
    ),  # fmt: skip
    "answer": Fuzz(
        (evidence_forms.AnswerForm,),
        "broker",
        url("evidence:question", lambda w: w.question().pk),
        valid=lambda w: {"evidence": w.evidence("library").pk},
        shows=url("evidence:question", lambda w: w.question().pk),
    ),  # fmt: skip
    "answer (query)": Fuzz(
        (), "broker", url("evidence:question", lambda w: w.question().pk), ("evidence",), method="get"
    ),  # fmt: skip
    "question status": Fuzz(
        (evidence_forms.QuestionStatusForm,), "broker", url("evidence:question_status", lambda w: w.question().pk)
    ),  # fmt: skip
    "question queue": Fuzz((), "broker", url("evidence:questions"), ("status", "page"), method="get"),
    # Newsletter and digests
    "subscribe": Fuzz((newsletter_forms.SubscribeForm,), None, url("newsletters:subscribe")),
    "newsletter preferences": Fuzz((), "member", url("newsletters:preferences"), ("receive",)),
    "newsletter compile": Fuzz((newsletter_forms.CompileForm,), "broker", url("newsletters:manage")),
    "newsletter introduction": Fuzz(
        (newsletter_forms.IntroductionForm,),
        "broker",
        url("newsletters:edit", lambda w: w.draft_newsletter().pk),
        shows=url("newsletters:preview", lambda w: w.draft_newsletter().pk, lambda w: "members"),
    ),  # fmt: skip
    "newsletter edit item": Fuzz(
        (newsletter_forms.ItemForm,),
        "broker",
        url("newsletters:edit_item", lambda w: w.newsletter_item().pk),
        valid=lambda w: {"title": "Across the programme"},
        shows=url("newsletters:preview", lambda w: w.draft_newsletter().pk, lambda w: "members"),
    ),  # fmt: skip
    "newsletter add item": Fuzz(
        (newsletter_forms.FreeItemForm,),
        "broker",
        url("newsletters:add_item", lambda w: w.draft_newsletter().pk),
        valid=lambda w: {"section": "notices", "title": "Call for cases", "audience": "public"},
        shows=url("newsletters:preview", lambda w: w.draft_newsletter().pk, lambda w: "public"),
    ),  # fmt: skip
    "newsletter move item": Fuzz(
        (), "broker", url("newsletters:move_item", lambda w: w.newsletter_item().pk), ("direction",)
    ),  # fmt: skip
    "newsletter remove item": Fuzz(
        (), "broker", url("newsletters:remove_item", lambda w: w.newsletter_item().pk), ("removed",)
    ),  # fmt: skip
    "digest request": Fuzz(
        (digest_forms.DigestRequestForm,),
        "commissioner",
        url("digests:index"),
        valid=lambda w: {
            "period_start": (timezone.localdate() - timedelta(days=30)).isoformat(),
            "period_end": today(),
            "sites": w.site.pk,
        },
    ),  # fmt: skip
    "digest subscription": Fuzz((digest_forms.SubscriptionForm,), "commissioner", url("digests:subscription")),
    "digest retry": Fuzz((), "commissioner", url("digests:retry", lambda w: digest_of_commissioner(w)[0])),
    "digest share": Fuzz(
        (), "commissioner", url("digests:share", lambda w: digest_of_commissioner(w)[0]), fields=("shared",)
    ),
    "commissioner response": Fuzz(
        (digest_forms.IssueUpdateForm,),
        "commissioner",
        url("digests:issue", lambda w: issue_raised_in_shared_case(w)[0]),
        shows=url("digests:issue", lambda w: issue_raised_in_shared_case(w)[0]),
    ),  # fmt: skip
    "commissioners' issue filters": Fuzz(
        (digest_forms.IssueFilterForm,),
        "commissioner",
        url("digests:issues"),
        method="get",
    ),  # fmt: skip
    "group issues": Fuzz(
        (digest_forms.GroupIssuesForm,),
        "admin",
        url("digests:issue_group", lambda w: issue_raised_in_shared_case(w)[0]),
    ),  # fmt: skip
    # Evaluation
    "survey": Fuzz(
        (evaluation_forms.SurveyForm,), "admin", url("evaluation:surveys"), shows=url("evaluation:surveys")
    ),  # fmt: skip
    "survey question": Fuzz(
        (evaluation_forms.QuestionForm,),
        "admin",
        url("evaluation:add_question", lambda w: w.survey("draft").pk),
        valid=lambda w: {"kind": "free_text"},
        shows=url("evaluation:survey_detail", lambda w: w.survey("draft").pk),
    ),  # fmt: skip
    "open survey": Fuzz(
        (evaluation_forms.OpenSurveyForm,),
        "admin",
        url("evaluation:open_survey", lambda w: w.survey("draft", fresh=True).pk),
        fresh=True,
        valid=lambda w: {
            "sites": w.site.pk,
            "opens_on": today(),
            "closes_on": (timezone.localdate() + timedelta(days=7)).isoformat(),
        },
    ),  # fmt: skip
    "answer survey": Fuzz(
        (evaluation_forms.AnswerSurveyForm,),
        "member",
        url("evaluation:answer_survey", lambda w: w.survey("open").pk),
        PAGE,
        shows=url("evaluation:survey_results", lambda w: w.survey("open").pk),
    ),  # fmt: skip
    "focus group": Fuzz(
        (evaluation_forms.FocusGroupForm,),
        "facilitator",
        url("evaluation:record_focus_group", site),
        valid=lambda w: {"held_on": today(), "attendees_count": "5"},
        shows=url("evaluation:site", site),
    ),  # fmt: skip
    "self-assessment": Fuzz(
        (evaluation_forms.SelfAssessmentForm,),
        "member",
        url("evaluation:answer_round", lambda w: w.assessment_round().pk),
        PAGE,
    ),  # fmt: skip
    "improvement plan": Fuzz(
        (evaluation_forms.ImprovementPlanForm,),
        "facilitator",
        url("evaluation:improvement_plan", lambda w: w.assessment_round().pk),
        PAGE,
    ),  # fmt: skip
    "evaluation period": Fuzz((evaluation_forms.PeriodForm,), "admin", url("evaluation:dashboard"), method="get"),
    "guest speaker": Fuzz(
        (guest_forms.GuestSpeakerForm,),
        "facilitator",
        lambda w: reverse(
            "sites:guest_speakers", args=[MeetingFactory(site=w.site, starts_at=at(timezone.localdate())).pk]
        ),
    ),  # fmt: skip
    "training record": Fuzz(
        (training_forms.TrainingForm,), "admin", lambda w: reverse("sites:training", args=[w.people["facilitator"].pk])
    ),  # fmt: skip
    # Toolkit
    "checklist item": Fuzz(
        (toolkit_forms.ChecklistItemForm,),
        "facilitator",
        url("toolkit:checklist_item", site, lambda w: w.checklist_item().pk),
        valid=lambda w: {"done": "on", "done_on": today()},
        shows=url("sites:detail", site),
    ),  # fmt: skip
    "default checklist": Fuzz(
        (toolkit_forms.DefaultChecklistItemForm,),
        "admin",
        url("toolkit:default_checklist"),
        shows=url("toolkit:default_checklist"),
    ),  # fmt: skip
    "default checklist item": Fuzz(
        (toolkit_forms.DefaultChecklistItemForm,),
        "admin",
        url("toolkit:default_checklist_item", lambda w: w.default_checklist_item().pk),
    ),  # fmt: skip
    "warning thresholds": Fuzz((toolkit_forms.WarningThresholdsForm,), "admin", url("toolkit:warning_thresholds")),
    "close site": Fuzz((toolkit_forms.CloseSiteForm,), "admin", url("toolkit:close_site", site)),
    "start a site from another": Fuzz((toolkit_forms.SproutSiteForm,), "admin", url("toolkit:sprout_site", site)),
    # Audit
    # The forum (posts pass the gate; Markdown is sanitised)
    "forum programme topic": Fuzz(
        (forum_forms.TopicForm,), "member", url("forum:programme_topic_new"), shows=url("forum:programme_board")
    ),  # fmt: skip
    "forum site topic": Fuzz(
        (forum_forms.TopicForm,), "member", url("forum:site_topic_new", site), shows=url("forum:site_board", site)
    ),  # fmt: skip
    "forum reply": Fuzz(
        (forum_forms.PostForm,),
        "other_member",
        url("forum:thread", forum_thread),
        shows=url("forum:thread", forum_thread),
    ),  # fmt: skip
    "forum quote": Fuzz((), "member", url("forum:thread", forum_thread), ("quote",), method="get"),
    "forum follow": Fuzz((forum_forms.FollowForm,), "member", url("forum:follow", forum_thread)),
    "forum finding": Fuzz(
        (forum_forms.DismissPostFindingForm,),
        "member",
        lambda w: reverse("forum:finding_dismiss", args=[w.new_forum_post(held=True).findings.first().pk]),
        fresh=True,
    ),  # fmt: skip
    "forum finding confirm": Fuzz(
        (),
        "admin",
        lambda w: reverse("forum:finding_confirm", args=[w.forum_finding_awaiting().pk]),
        ("next",),
        fresh=True,
    ),  # fmt: skip
    "forum finding refuse": Fuzz(
        (),
        "admin",
        lambda w: reverse("forum:finding_refuse", args=[w.forum_finding_awaiting().pk]),
        ("next",),
        fresh=True,
    ),  # fmt: skip
    "forum edit": Fuzz(
        (forum_forms.EditPostForm,),
        "member",
        url("forum:post_edit", visible_post),
        shows=url("forum:post_history", visible_post),
    ),  # fmt: skip
    "forum report": Fuzz((forum_forms.ReportPostForm,), "other_member", url("forum:post_report", visible_post)),
    "forum email": Fuzz((forum_forms.PreferenceForm,), "member", url("forum:preferences")),
    "email preferences": Fuzz((EmailPreferencesForm,), "member", url("email_preferences")),
    # My development
    "development period": Fuzz((cpd_forms.PeriodForm,), "member", url("cpd:development"), method="get"),
    "reflective note": Fuzz(
        (cpd_forms.ReflectiveNoteForm,), "member", url("cpd:note_create"), shows=url("cpd:development")
    ),  # fmt: skip
    # The facilitators' network
    "network meeting schedule": Fuzz(
        (network_forms.NetworkMeetingForm,),
        "admin",
        url("network:schedule"),
        valid=lambda w: {
            "kind": "quarterly",
            "date": (timezone.localdate() + timedelta(days=30)).isoformat(),
            "start_time": "10:00",
            "end_time": "12:30",
        },
        shows=url("network:index"),
    ),  # fmt: skip
    "network meeting edit": Fuzz(
        (network_forms.NetworkMeetingForm,),
        "admin",
        url("network:edit", network_meeting),
        valid=lambda w: {"kind": "advisory", "date": today(), "start_time": "23:00", "end_time": "23:30"},
        shows=url("network:meeting", network_meeting),
    ),  # fmt: skip
    "network invitee": Fuzz(
        (network_forms.InviteeForm,),
        "admin",
        url("network:invitees", network_meeting),
        shows=url("network:meeting", network_meeting),
    ),  # fmt: skip
    "network agenda item": Fuzz(
        (cycle_forms.AgendaItemForm,),
        "facilitator",
        url("network:agenda_add", network_meeting),
        shows=url("network:meeting", network_meeting),
    ),  # fmt: skip
    "network register": Fuzz(
        (network_forms.NetworkRegisterForm,),
        "admin",
        url("network:register", held_network_meeting),
        PAGE,
        shows=url("network:meeting", held_network_meeting),
    ),  # fmt: skip
    "network record entry": Fuzz(
        (network_forms.EntryForm,),
        "admin",
        lambda w: reverse("network:record_entry", args=network_entry(w)),
        shows=lambda w: reverse("network:record", args=[network_entry(w)[0]]),
    ),  # fmt: skip
    "network record action": Fuzz(
        (network_forms.ActionForm,),
        "admin",
        lambda w: reverse("network:record_entry", args=network_entry(w)),
        prefix="action",
        valid=lambda w: {"action-owner": w.people["facilitator"].pk, "action-due_on": today()},
        shows=lambda w: reverse("network:record_entry", args=network_entry(w)),
    ),  # fmt: skip
    # Open data: API tokens and the spreadsheet downloads' period filters
    "api token": Fuzz((api_forms.ApiTokenForm,), "facilitator", url("api_tokens:mine"), shows=url("api_tokens:mine")),
    "dashboard download": Fuzz((), "admin", url("evaluation:dashboard_xlsx"), ("start", "end"), method="get"),
    "attendance download": Fuzz((), "admin", url("evaluation:attendance_csv"), ("start", "end"), method="get"),
    "audit log": Fuzz((AuditFilterForm,), "admin", url("audit:log"), ("page",), method="get"),
    "audit export": Fuzz((AuditFilterForm,), "admin", url("audit:export"), method="get"),
}


def assert_safe(response):
    assert response.status_code < 500, response.status_code
    if response.get("Content-Type", "").startswith("text/html"):
        assert live_markup(response.content.decode("utf-8", "replace")) == []


class _FieldNames(HTMLParser):
    def __init__(self):
        super().__init__()
        self.names: list[str] = []

    def handle_starttag(self, tag, attrs):
        name = dict(attrs).get("name")
        if tag in ("input", "select", "textarea") and name and name != "csrfmiddlewaretoken":
            self.names.append(name)


def field_names(client, world, entry: Fuzz, target: str) -> list[str]:
    names = [entry.prefix + "-" + n if entry.prefix else n for form in entry.forms for n in form.base_fields]
    if entry.fields == PAGE:
        page = client.get(target)
        assert page.status_code == 200, f"{target} as {entry.role}: {page.status_code}"
        parser = _FieldNames()
        parser.feed(page.content.decode())
        names += parser.names
    else:
        names += entry.fields(world) if callable(entry.fields) else entry.fields
    return sorted(set(names) - set(entry.files))


def sign_in(client, world, role, *, reauthenticate=False):
    client.logout()
    if role is not None:
        client.force_login(world.people[role])
    if reauthenticate:
        client.post(reverse("account_reauthenticate"), {"password": PASSWORD})


@pytest.mark.parametrize("name", sorted(FUZZ))
def test_hostile_input(client, world, name):
    entry = FUZZ[name]
    sign_in(client, world, entry.role, reauthenticate=entry.reauthenticate)
    target = entry.url(world)
    fields = field_names(client, world, entry, target)
    valid = entry.valid(world) if entry.valid else {}
    uploads = st.fixed_dictionaries({}, optional={f: hostile_upload() for f in entry.files})

    answers = []

    @FUZZ_SETTINGS
    @given(data=hostile_form(fields, valid=valid), files=uploads)
    def run(data, files):
        TRIED["cases"] += 1
        sign_in(client, world, entry.role, reauthenticate=entry.reauthenticate)
        address = entry.url(world) if entry.fresh else target
        response = getattr(client, entry.method)(address, {**data, **files})
        assert_safe(response)
        sign_in_pages = (reverse("account_login"), reverse("account_reauthenticate"))
        turned_to_sign_in = response.status_code == 302 and response["Location"].startswith(sign_in_pages)
        answers.append("sign in" if turned_to_sign_in and entry.role else response.status_code)

    run()
    # The submissions reached the form: a wrong role or object state would only ever be turned away.
    refused = {403, 404, 405, 410, "sign in"}
    assert set(answers) - refused, f"{name}: every submission was refused ({set(answers)})"
    if entry.shows:
        sign_in(client, world, entry.role)
        assert_safe(client.get(entry.shows(world)))


def forms_defined_in_our_apps() -> set[type]:
    for app in OUR_APPS:
        package = importlib.import_module(app)
        for module in pkgutil.walk_packages(package.__path__, f"{app}."):
            if ".migrations" in module.name or module.name.split(".")[-1] in ("wsgi", "asgi"):
                continue
            importlib.import_module(module.name)
    found, todo = set(), [django_forms.BaseForm]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            todo.append(sub)
            if sub.__module__.split(".")[0] in OUR_APPS:
                found.add(sub)
    return found


def test_every_form_class_is_fuzzed():
    """A new form class fails this test until an entry in FUZZ submits it (or NOT_SUBMITTED says why not)."""
    fuzzed = {form for entry in FUZZ.values() for form in entry.forms}
    ours = forms_defined_in_our_apps()
    missing = sorted(f"{f.__module__}.{f.__qualname__}" for f in ours - fuzzed - NOT_SUBMITTED)
    assert missing == [], f"form classes with no entry in FUZZ (tests/security/test_hostile_input.py): {missing}"
    assert len(ours) > 50  # the walk found our forms (a broken walk must not pass as "nothing missing")


@pytest.mark.parametrize("name", sorted(FUZZ))
def test_every_field_refuses_huge_numbers_calmly(client, world, name):
    """A 6,001-digit number in the case form's site field gave a 500 (issue 20): every field of every form, and every
    query-string parameter, given a number of each kind in HUGE_NUMBER_KINDS with valid values in the others, answers
    a form error, a 400 or a 404, never a server error."""
    entry = FUZZ[name]
    sign_in(client, world, entry.role, reauthenticate=entry.reauthenticate)
    target = entry.url(world)
    fields = field_names(client, world, entry, target)
    valid = entry.valid(world) if entry.valid else {}
    failures = []
    for field in fields:
        for number in HUGE_NUMBER_KINDS:
            address = entry.url(world) if entry.fresh else target
            response = getattr(client, entry.method)(address, {**valid, field: number})
            TRIED["cases"] += 1
            if response.status_code >= 500:
                failures.append(f"{field}={number[:12]}{'…' if len(number) > 12 else ''}: {response.status_code}")
            if entry.reauthenticate:
                sign_in(client, world, entry.role, reauthenticate=True)
    assert failures == [], f"{name}: {failures}"


URL_NUMBERS = [str(2**63), "1" + "0" * 30, "9" * 6001]  # past 64 bits, far past, past Python's 4,300 digits
PLACEHOLDER = 918273645


def role_allowed(entry) -> str:
    """A role the URL serves (so the number reaches the view, not a refusal before it), else a programme admin."""
    return next((role for role in ROLES if role != "anonymous" and entry.get[role] == OK), "admin")


@pytest.mark.parametrize("url_name", sorted(name for name, entry in MATRIX.items() if entry.args))
def test_every_id_in_a_url_refuses_huge_numbers_calmly(client, world, url_name):
    """Every URL pattern with a number in it (<int:pk> and the like), given numbers no id can be in each number's
    place, answers 404 (or 400), never a server error."""
    entry = MATRIX[url_name]
    role = role_allowed(entry)
    sign_in(client, world, role)
    args = entry.args(world)
    numbered = [position for position, arg in enumerate(args) if isinstance(arg, int)]
    failures = []
    for position in numbered:
        placed = [PLACEHOLDER if i == position else arg for i, arg in enumerate(args)]
        template = reverse(url_name.split("@")[0], args=placed)
        for number in URL_NUMBERS:
            address = template.replace(str(PLACEHOLDER), number)
            for method in ("get", "post"):
                status = getattr(client, method)(address).status_code
                TRIED["cases"] += 1
                if status >= 500 or status == 200:
                    failures.append(f"{method.upper()} {address[:80]} as {role}: {status}")
    assert failures == []


# Pages that show again, as text, what people typed as plain text: the newsletter's previews (the plain-text email
# and the HTML email), its editor and the archive's two editions. Stored titles and summaries carry each hostile
# value; none may become markup, a title's Markdown or HTML may not become a link, and the plain-text email is
# shown exactly as typed.
TITLE_PAYLOADS = [
    *SCRIPT_PAYLOADS,
    f'Weekend crises <meta http-equiv="refresh" content="0;url=https://{MARKER}.example/">',
    f"[read the notes](https://{MARKER}.example/login)",
    f'<a href="https://{MARKER}.example/">the notes</a>',
    f"Housing & health <{MARKER}> \\[x]",
]


@dataclass(frozen=True)
class Shown:
    role: str
    url: Callable  # issue -> URL
    sent: bool = False  # the page shows sent issues only
    plain_text: bool = False  # the page shows the plain-text email


def _edit(name: str, edition: str | None = None) -> Callable:
    return lambda issue: reverse(name, args=[issue.pk, edition] if edition else [issue.pk])


SHOWN: dict[str, Shown] = {
    "newsletter preview (members)": Shown("broker", _edit("newsletters:preview", "members"), plain_text=True),
    "newsletter preview (public)": Shown("broker", _edit("newsletters:preview", "public"), plain_text=True),
    "newsletter HTML email (members)": Shown("broker", _edit("newsletters:preview_html", "members")),
    "newsletter HTML email (public)": Shown("broker", _edit("newsletters:preview_html", "public")),
    "newsletter editor": Shown("broker", _edit("newsletters:edit")),
    "newsletter item form": Shown(
        "broker", lambda issue: reverse("newsletters:edit_item", args=[issue.items.order_by("pk").last().pk])
    ),
    "newsletter members' edition": Shown(
        "member", lambda issue: reverse("newsletters:issue_members", args=[issue.slug]), sent=True
    ),
    "newsletter public edition": Shown(
        None, lambda issue: reverse("newsletters:issue_public", args=[issue.slug]), sent=True
    ),
}


def newsletter_with_titles(world, title: str):
    """A month's issue compiled from a public learning object, a follow-up and evidence whose titles and summaries
    are `title`, from a site whose town is `title`. Stored as they are (whatever let them in), and all in one month."""
    from cases.models import Case, Evidence, FollowUp
    from newsletters.services.compile import compile_newsletter

    month = (timezone.localdate().replace(day=1) - timedelta(days=40)).replace(day=1)
    day = at(month.replace(day=15))
    case = build_case(world, "public")
    Case.objects.filter(pk=case.pk).update(title=title, summary=title, published_at=day)
    meetings = [case.meeting_id, *case.follow_ups.values_list("meeting", flat=True)]
    case.meeting.__class__.objects.filter(pk__in=meetings).update(starts_at=day, ends_at=day + timedelta(hours=2))
    FollowUp.objects.filter(case=case).update(recorded_at=day)
    evidence = world.evidence("library")
    Evidence.objects.filter(pk=evidence.pk).update(title=title, summary=title, added_at=day)
    world.site.__class__.objects.filter(pk=world.site.pk).update(town=title)
    AttendanceFactory(meeting=case.meeting, person=world.people["member"])
    issue = compile_newsletter(month=month)
    if "href" not in title and "](" not in title:  # the introduction is the broker's Markdown: its links are meant
        issue.introduction = title
        issue.save(update_fields=["introduction"])
    return issue


class _Page(HTMLParser):
    """Live links and refreshes carrying the marker, and the text of the plain-text email's <pre>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []
        self.pre_text = ""
        self._in_pre = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("http-equiv"):
            self.live.append(f"<meta http-equiv={attrs['http-equiv']!r}>")
        if tag == "a" and MARKER in (attrs.get("href") or ""):
            self.live.append(f"<a href={attrs['href']!r}>")
        self._in_pre = self._in_pre or (tag == "pre" and "email-text" in (attrs.get("class") or ""))

    def handle_endtag(self, tag):
        if tag == "pre":
            self._in_pre = False

    def handle_data(self, data):
        if self._in_pre:
            self.pre_text += data


@pytest.mark.parametrize("payload", TITLE_PAYLOADS)
def test_pages_showing_typed_text_show_it_as_text(client, world, payload):
    from newsletters.models import NewsletterIssue

    issue = newsletter_with_titles(world, payload)
    problems = {}
    for name, shown in sorted(SHOWN.items(), key=lambda entry: entry[1].sent):  # drafts first, then sent
        if shown.sent and issue.status != "sent":
            NewsletterIssue.objects.filter(pk=issue.pk).update(status="sent", sent_at=timezone.now())
            issue.refresh_from_db()
        sign_in(client, world, shown.role)
        response = client.get(shown.url(issue))
        assert response.status_code == 200, name
        page = _Page()
        page.feed(response.content.decode())
        found = live_markup(response.content.decode()) + page.live
        if shown.plain_text and page.pre_text.count(payload) < 3:  # the town, titles, summaries: as typed
            found.append(f"the plain text shows the title {page.pre_text.count(payload)} times")
        if found:
            problems[name] = found
    assert problems == {}
