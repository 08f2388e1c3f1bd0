"""The authorisation matrix: for every URL pattern, what each role gets.

Each entry names how to build the URL's arguments from the `world` (objects in every state that
matters) and the expected outcome per role for GET and POST. A URL pattern with no entry here fails
tests/security/test_authorization_matrix.py, so every new view must be added.

Outcomes: OK (allowed: 2xx, or a redirect that is not to sign-in), LOGIN (redirected to sign in),
FORBIDDEN (403), NOT_FOUND (404: the object's existence is not revealed), GONE (410), METHOD (405).
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from sites.models import GuestSpeaker
from sites.services.calendar import issue_calendar_token
from tests.factories import MeetingFactory, at

CHECKED = {"combinations": 0}  # printed at the end of the test run

OK, LOGIN, FORBIDDEN, NOT_FOUND, GONE, METHOD = "ok", "login", "403", "404", "410", "405"

ROLES = [
    "anonymous",
    "member",  # member of the object's site (CP1)
    "other_member",  # member of another site (CP3)
    "facilitator",  # facilitator of CP1
    "other_facilitator",  # facilitator of CP3
    "broker",
    "commissioner",
    "admin",
]
SIGNED_IN = ROLES[1:]
# Membership of programme roles: a commissioner who holds a CP1 membership anyway (older data, or the Django admin
# before the rule) must get exactly a commissioner's answers everywhere: the membership gives them nothing.
SAME_ANSWERS_AS = {"commissioner_with_membership": "commissioner"}


def outcomes(default: str | None = None, **by_role: str) -> dict[str, str]:
    result = {role: by_role.get(role, default) for role in ROLES}
    missing = [role for role, outcome in result.items() if outcome is None]
    assert not missing, f"no expectation for {missing}"
    return result


def signed_in(ok_roles: list[str], denied: str = FORBIDDEN, **overrides: str) -> dict[str, str]:
    """Anonymous people are sent to sign in; ok_roles are allowed; everyone else gets `denied`."""
    base = {role: (OK if role in ok_roles else denied) for role in SIGNED_IN}
    base.update(overrides)
    return outcomes(anonymous=LOGIN, **base)


@dataclass(frozen=True)
class Entry:
    args: object = None  # callable(world) -> list of URL args, or None
    get: dict = field(default_factory=dict)
    post: dict | None = None  # None: same expectations as GET
    states: tuple = ()  # object states this entry is checked in (see the world fixture)


# A CP1 page for the site's facilitators and programme admins: people who can see the site but not
# manage it get 403; everyone else 404 (the site's existence is not revealed).
SITE_MANAGERS = signed_in(["facilitator", "admin"], denied=NOT_FOUND, member=FORBIDDEN, broker=FORBIDDEN)
SITE_VIEWERS = signed_in(["member", "facilitator", "broker", "admin"], denied=NOT_FOUND)
# The budget is hidden entirely from people who cannot manage the site.
SITE_BUDGET = signed_in(["facilitator", "admin"], denied=NOT_FOUND)
POST_ONLY = outcomes(METHOD, anonymous=LOGIN)
NEWSLETTER_EDITORS = signed_in(["broker", "admin"], denied=NOT_FOUND)
GET_ONLY = outcomes(METHOD, anonymous=LOGIN)  # the answer to a POST on a page that only reads
EVALUATION_MANAGERS = signed_in(["facilitator", "admin"], denied=NOT_FOUND)
EVALUATION_VIEWERS = signed_in(["facilitator", "other_facilitator", "admin"], denied=NOT_FOUND)  # the dashboard
SITE_ADMIN_ONLY = signed_in(["admin"], denied=NOT_FOUND, member=FORBIDDEN, broker=FORBIDDEN, facilitator=FORBIDDEN)

EVERYONE = outcomes(OK)
ALL_SIGNED_IN = signed_in(SIGNED_IN)


def speaker_at(*, cp1: bool):
    """A CP1 meeting and a guest speaker at it (cp1) or at a CP3 meeting (not cp1)."""

    def args(world) -> list:
        meeting = MeetingFactory(site=world.site, starts_at=at(timezone.localdate() + timedelta(days=7)))
        site = world.site if cp1 else world.other_site
        at_meeting = meeting if cp1 else MeetingFactory(site=site, starts_at=meeting.starts_at)
        speaker = GuestSpeaker.objects.create(meeting=at_meeting, name="Sam Speaker", topic="Housing First")
        return [meeting.pk, speaker.pk]

    return args


def meeting_of_cp1(world) -> list:
    """A CP1 meeting held yesterday (a new one each time, so changes do not carry between roles)."""
    return [MeetingFactory(site=world.site, starts_at=at(timezone.localdate() - timedelta(days=1))).pk]


def agenda_item_of_cp1(world) -> list:
    item = world.new_agenda_item()
    return [item.meeting_id, item.pk]


def record_of_cp1(*, approved: bool = False, entry: bool = False, number: bool = False):
    """A CP1 meeting held yesterday with its record (a new one each time); optionally an entry or version number."""

    def args(world) -> list:
        record = world.new_record(approved=approved)
        extra = [record.entries.first().pk] if entry else [1] if number else []
        return [record.meeting_id, *extra]

    return args


def record_action_of_cp1(world) -> list:
    """An action on a draft CP1 record (a new one each time)."""
    from cycle.services import record

    draft = world.new_record()
    entry = draft.entries.first()
    action = record.add_record_action(
        entry=entry, added_by=world.people["facilitator"], text="Call the GP", owner_agency="Brighton GP practice"
    )
    return [draft.meeting_id, entry.pk, action.pk]


def upcoming_meeting_with_commissioner_invited(*, guest: bool = False):
    """A CP1 meeting next week to which the world's commissioner is invited (a new one each time); optionally with
    the invitation's id."""

    def args(world) -> list:
        from cycle.services import guests

        meeting = MeetingFactory(site=world.site, starts_at=at(timezone.localdate() + timedelta(days=7)))
        invitation = guests.invite_commissioner(
            meeting=meeting, person=world.people["commissioner"], invited_by=world.people["facilitator"]
        )
        return [meeting.pk, invitation.pk] if guest else [meeting.pk]

    return args


def reply_link_of_member(world) -> list:
    """The reminder's reply link of "member" for an upcoming CP1 meeting."""
    from sites.services.replies import reply_token

    meeting = MeetingFactory(site=world.site, starts_at=at(timezone.localdate() + timedelta(days=3)))
    return [reply_token(meeting=meeting, person=world.people["member"])]


def paper_of_cp1(*, file: bool):
    """A paper (text or a small PDF) for a new CP1 meeting, added by the facilitator (a new one each time)."""

    def args(world) -> list:
        from django.core.files.uploadedfile import SimpleUploadedFile

        from sites.services.papers import add_meeting_paper

        meeting = MeetingFactory(site=world.site)
        upload = SimpleUploadedFile("agenda.pdf", b"%PDF-1.4\n%%EOF\n") if file else None
        paper = add_meeting_paper(
            meeting=meeting, added_by=world.people["facilitator"], title="Referral routes",
            text="" if file else "The routes into the recovery hub.", upload=upload,
        )  # fmt: skip
        return [meeting.pk, paper.pk]

    return args


def reflective_note_of_member(world) -> list:
    """A private reflective note of "member" (a new one each time, as removing one takes it away)."""
    from cpd.services import write_reflective_note

    note = write_reflective_note(
        person=world.people["member"], title="Weekend crises", text="What I learnt.", written_on=timezone.localdate()
    )
    return [note.pk]


def calendar_token_of_member(world) -> list:
    return [issue_calendar_token(user=world.people["member"])]


CASE_STATES = ["draft", "shared", "published", "public"]


def case_in(state: str, *, fresh: bool = False):
    return lambda world: [world.case(state, fresh=fresh).pk]


def action_in(state: str, *, fresh: bool = False):
    return lambda world: [world.case(state, fresh=fresh).actions.first().pk]


def finding_in(state: str, *, dismissed: bool = False, awaiting: bool = False):
    return lambda world: [world.finding(state, dismissed=dismissed, awaiting=awaiting).pk]


def follow_up_in(state: str):
    return lambda world: [world.case(state).follow_ups.first().pk]


SIGNED_IN_NOT_FOUND = signed_in([], denied=NOT_FOUND)
# Reading a case: drafts only by the presenter and the site's facilitators; shared and discussed cases by
# the site's members, brokers and admins; learning objects by everyone signed in (commissioners are
# taken to the repository page). Other sites' people get 404.
CASE_READERS = {
    "draft": signed_in(["member", "facilitator"], denied=NOT_FOUND),
    "shared": signed_in(["member", "facilitator", "broker", "admin"], denied=NOT_FOUND),
    "published": ALL_SIGNED_IN,
    "public": ALL_SIGNED_IN,
}
CASE_EDITORS = {
    "draft": signed_in(["member", "facilitator"], denied=NOT_FOUND),
    "shared": signed_in(["member", "facilitator"], denied=NOT_FOUND, broker=FORBIDDEN, admin=FORBIDDEN),
    "published": signed_in(["facilitator"], denied=NOT_FOUND, member=FORBIDDEN, broker=FORBIDDEN, admin=FORBIDDEN),
    "public": signed_in(["facilitator"], denied=NOT_FOUND, member=FORBIDDEN, broker=FORBIDDEN, admin=FORBIDDEN),
}
CASE_FACILITATOR = {
    "draft": signed_in(["facilitator"], denied=NOT_FOUND, member=FORBIDDEN),
    "shared": signed_in(["facilitator"], denied=NOT_FOUND, member=FORBIDDEN, broker=FORBIDDEN, admin=FORBIDDEN),
}
CASE_PRESENTER_OR_FACILITATOR = signed_in(
    ["member", "facilitator"], denied=NOT_FOUND, broker=FORBIDDEN, admin=FORBIDDEN
)
CASE_PUBLISHERS = signed_in(["facilitator", "admin"], denied=NOT_FOUND, member=FORBIDDEN, broker=FORBIDDEN)
CASE_PUBLISHERS_PUBLISHED = signed_in(["facilitator", "admin"], denied=NOT_FOUND, member=FORBIDDEN, broker=FORBIDDEN)
REPOSITORY_READERS = {
    "draft": outcomes(NOT_FOUND),
    "shared": outcomes(NOT_FOUND),
    "published": outcomes(OK, anonymous=NOT_FOUND),
    "public": EVERYONE,
}


# Digests: a ready digest asked for by the commissioner; a shared CP1 case raising issues for commissioners.
DIGEST_READERS = signed_in(["commissioner", "admin"], denied=NOT_FOUND)


def digest_of_commissioner(world) -> list:
    if "digest" not in world._cases:
        from django.core.files.base import ContentFile

        from digests.models import Digest

        today = timezone.localdate()
        digest = Digest.objects.create(
            requested_by=world.people["commissioner"],
            period_start=today - timedelta(days=90),
            period_end=today,
            status="ready",
        )
        digest.file.save("x.pdf", ContentFile(b"%PDF-1.7 matrix"), save=True)
        world._cases["digest"] = digest
    return [world._cases["digest"].pk]


def digest_of_admin(world) -> list:
    if "admin-digest" not in world._cases:
        from django.core.files.base import ContentFile

        from digests.models import Digest

        today = timezone.localdate()
        digest = Digest.objects.create(
            requested_by=world.people["admin"], period_start=today - timedelta(days=30), period_end=today,
            status="ready",
        )  # fmt: skip
        digest.file.save("y.pdf", ContentFile(b"%PDF-1.7 matrix"), save=True)
        world._cases["admin-digest"] = digest
    return [world._cases["admin-digest"].pk]


DIGEST_OWNER_ADMINS = signed_in(["admin"], denied=NOT_FOUND)  # a digest someone else asked for
# The world's commissioner's own digest: another commissioner (the one with a membership) cannot open it.
DIGEST_OF_COMMISSIONER = {**DIGEST_READERS, "commissioner_with_membership": NOT_FOUND}
# Sharing the world's commissioner's digest: only its owner; programme admins read it but may not share it.
DIGEST_OF_COMMISSIONER_OWNER = {**signed_in(["commissioner"], denied=NOT_FOUND, admin=FORBIDDEN),
                                "commissioner_with_membership": NOT_FOUND}  # fmt: skip


def digest_of_other_commissioner(world) -> list:
    """A ready digest asked for by a second commissioner (not the world's "commissioner")."""
    if "other-commissioner-digest" not in world._cases:
        from django.core.files.base import ContentFile

        from digests.models import Digest
        from tests.factories import UserFactory

        today = timezone.localdate()
        digest = Digest.objects.create(
            requested_by=UserFactory(is_commissioner=True), period_start=today - timedelta(days=60), period_end=today,
            status="ready",
        )  # fmt: skip
        digest.file.save("z.pdf", ContentFile(b"%PDF-1.7 matrix"), save=True)
        world._cases["other-commissioner-digest"] = digest
    return [world._cases["other-commissioner-digest"].pk]


def shared_digest_of_other_commissioner(world) -> list:
    """A ready digest a second commissioner asked for and shared with every commissioner."""
    if "shared-digest" not in world._cases:
        from django.core.files.base import ContentFile

        from digests.models import Digest
        from tests.factories import UserFactory

        today = timezone.localdate()
        digest = Digest.objects.create(
            requested_by=UserFactory(is_commissioner=True), period_start=today - timedelta(days=50), period_end=today,
            status="ready", shared_at=timezone.now(),
        )  # fmt: skip
        digest.file.save("s.pdf", ContentFile(b"%PDF-1.7 matrix"), save=True)
        world._cases["shared-digest"] = digest
    return [world._cases["shared-digest"].pk]


def case_raising_issues(state: str):
    def build(world) -> list:
        key = f"issues-{state}"
        if key not in world._cases:
            from cases.services import lifecycle

            case = lifecycle.create_case(
                site=world.site,
                by=world.people["member"],
                title="Weekend crises",
                presentation="A man in his forties attends A&E most weekends.",
                commissioner_issues="No mental health cover at weekends.",
            )
            if state == "shared":
                lifecycle.share_case(case=case, by=world.people["member"])
            world._cases[key] = case
        return [world._cases[key].pk]

    return build


def issue_raised_in_shared_case(world) -> list:
    """The tracked issue of a shared CP1 case raising issues for commissioners."""
    from cases.models import CommissionerIssue

    return [CommissionerIssue.objects.get(case_id=case_raising_issues("shared")(world)[0]).pk]


LIBRARY_READERS = signed_in(["member", "other_member", "facilitator", "other_facilitator", "broker", "admin"])
LIBRARY_READERS_ITEM = signed_in(
    ["member", "other_member", "facilitator", "other_facilitator", "broker", "admin"], denied=NOT_FOUND
)
EVIDENCE_MANAGERS = signed_in(["broker", "admin"])
# On a shared CP1 case: the broker may; others who see the case get 403; everyone else 404.
CASE_BROKER_ONLY = signed_in(["broker"], denied=NOT_FOUND, member=FORBIDDEN, facilitator=FORBIDDEN, admin=FORBIDDEN)


def evidence_in(state: str):
    return lambda world: [world.evidence(state).pk]


# The forum: everyone in the programme (anyone with a site role, brokers, admins), never commissioners.
FORUM_PEOPLE = ["member", "other_member", "facilitator", "other_facilitator", "broker", "admin"]
FORUM_USERS = signed_in(FORUM_PEOPLE)
FORUM_USERS_PAGE = signed_in(FORUM_PEOPLE, denied=NOT_FOUND)  # a thread's page: others get 404
FORUM_READERS = {
    "case": signed_in(["member", "facilitator", "broker", "admin"], denied=NOT_FOUND),
    "learning_object": FORUM_USERS_PAGE,
    "site_board": signed_in(["member", "facilitator", "admin"], denied=NOT_FOUND),
    "programme_board": FORUM_USERS_PAGE,
    "facilitators_board": signed_in(["facilitator", "other_facilitator", "admin"], denied=NOT_FOUND),
}
# The facilitators' board: facilitators of every site and the programme team; members and commissioners never.
FACILITATORS_BOARD = signed_in(["facilitator", "other_facilitator", "admin"])


def forum_thread_of(kind: str):
    return lambda world: [world.forum_thread(kind).pk]


def forum_post_in(state: str):
    return lambda world: [world.forum_post(state).pk]
# The facilitators' network: the facilitators of every running site and the programme admins. Everyone else gets 403
# on the list and 404 on a meeting; only programme admins run a meeting (facilitators get 403 there).
NETWORK = signed_in(["facilitator", "other_facilitator", "admin"])
NETWORK_MEETING = signed_in(["facilitator", "other_facilitator", "admin"], denied=NOT_FOUND)
NETWORK_ADMINS = signed_in(["admin"], denied=NOT_FOUND, facilitator=FORBIDDEN, other_facilitator=FORBIDDEN)


def network_meeting_of(*, days: int = 14, record: str = "", entry: bool = False, action: bool = False, item=False,
                       invitee: bool = False):  # fmt: skip
    """A new network meeting for each request (`days` from today), with a draft or approved record if asked, and the
    ids of its first agenda item, record entry, an action or a named invitee."""

    def args(world) -> list:
        from network import services
        from tests.network.helpers import held_with_record, network_meeting

        admin = world.people["admin"]
        if record:
            made = held_with_record(admin, approved=record == "approved")
            meeting, entry_ = made.meeting, made.entries.first()
        else:
            meeting = network_meeting(days=days, admin=admin)
        extra = []
        if item:
            extra.append(meeting.agenda_items.first().pk)
        if invitee:
            extra.append(services.invite_to_network_meeting(meeting=meeting, person=world.people["broker"],
                                                            invited_by=admin).pk)  # fmt: skip
        if entry or action:
            extra.append(entry_.pk)
        if action:
            added = services.add_action(entry=entry_, added_by=admin, text="Share the recruitment leaflet",
                                        owner=world.people["facilitator"], due_on=timezone.localdate())  # fmt: skip
            extra.append(added.pk)
        return [meeting.pk, *extra]

    return args


# The read API answers in JSON: 401 without valid credentials where they are needed, 403 for a role that may
# not read it, 404 for an object not visible, 405 for anything but reading. Session sign-in works as a token.
NOT_SIGNED_IN = "401"
READ_ONLY = outcomes(METHOD)
API_FIGURES = outcomes(
    FORBIDDEN, anonymous=NOT_SIGNED_IN, facilitator=OK, other_facilitator=OK, admin=OK
)  # the dashboard's people
API_FIGURES_POST = outcomes(
    FORBIDDEN, anonymous=NOT_SIGNED_IN, facilitator=METHOD, other_facilitator=METHOD, admin=METHOD
)
# Evidence: the library's readers see every item; commissioners those on learning objects; anyone those on
# public learning objects.
API_EVIDENCE_READERS = {
    "library": outcomes(OK, anonymous=NOT_FOUND, commissioner=NOT_FOUND),
    "shared": outcomes(OK, anonymous=NOT_FOUND, commissioner=NOT_FOUND),
    "published": outcomes(OK, anonymous=NOT_FOUND),
    "public": EVERYONE,
}


def token_of_member(world) -> list:
    """A new API token of "member" for each request that revokes one."""
    from api.services import create_api_token

    return [create_api_token(user=world.people["member"], name="Matrix").token.pk]


MATRIX: dict[str, Entry] = {
    "home": Entry(get=ALL_SIGNED_IN),
    "search:results": Entry(get=ALL_SIGNED_IN, post=GET_ONLY),  # each person's results: tests/search
    "healthz": Entry(get=EVERYONE),
    "privacy": Entry(get=EVERYONE, post=outcomes(METHOD)),
    "accessibility": Entry(get=EVERYONE, post=outcomes(METHOD)),
    # People
    "memberships:invitations": Entry(get=signed_in(["facilitator", "other_facilitator", "admin"])),
    "memberships:accept_invitation": Entry(
        args=lambda w: [w.invitation_token], get=outcomes(OK, other_member=OK), post=outcomes(OK)
    ),
    "members:my_data": Entry(get=ALL_SIGNED_IN),
    "members:organisation_sign_in": Entry(get=ALL_SIGNED_IN, post=GET_ONLY),
    # No organisation sign-in is set up in the matrix's world (tests/members/test_organisation_sign_in.py has them).
    "memberships:accept_invitation_with_organisation": Entry(
        args=lambda w: [w.invitation_token, "nhs-mail"], get=outcomes(METHOD), post=outcomes(NOT_FOUND)
    ),
    "members:my_data_download": Entry(get=ALL_SIGNED_IN),
    "members:erase": Entry(args=lambda w: [w.leaver.pk], get=signed_in(["admin"], denied=NOT_FOUND)),
    # Sites
    "sites:list": Entry(
        get=signed_in(["member", "other_member", "facilitator", "other_facilitator", "broker", "admin"])
    ),
    "sites:detail": Entry(
        args=lambda w: [w.site.pk], get=signed_in(["member", "facilitator", "broker", "admin"], denied=NOT_FOUND)
    ),
    "sites:create": Entry(get=signed_in(["admin"])),
    "sites:edit": Entry(args=lambda w: [w.site.pk], get=SITE_ADMIN_ONLY),
    "sites:expense_add": Entry(args=lambda w: [w.site.pk], get=SITE_BUDGET),
    "sites:expense_remove": Entry(args=lambda w: [w.site.pk, w.new_expense().pk], get=POST_ONLY, post=SITE_BUDGET),
    "sites:award_change": Entry(args=lambda w: [w.site.pk], get=SITE_ADMIN_ONLY),
    "sites:targets": Entry(args=lambda w: [w.site.pk], get=SITE_MANAGERS),
    "sites:target_remove": Entry(args=lambda w: [w.site.pk, w.new_target().pk], get=POST_ONLY, post=SITE_MANAGERS),
    "recruitment:agencies": Entry(args=lambda w: [w.site.pk], get=SITE_MANAGERS),
    "recruitment:agency": Entry(args=lambda w: [w.site.pk, w.agency().pk], get=SITE_MANAGERS),
    "recruitment:agency@other_site_agency": Entry(
        args=lambda w: [w.site.pk, w.agency(other_site=True).pk],
        get=signed_in([], denied=NOT_FOUND, member=FORBIDDEN, broker=FORBIDDEN),
    ),
    "recruitment:approach": Entry(args=lambda w: [w.site.pk, w.agency().pk, w.approach().pk], get=SITE_MANAGERS),
    "recruitment:approach@other_site_approach": Entry(
        args=lambda w: [w.site.pk, w.agency(other_site=True).pk, w.approach(other_site=True).pk],
        get=signed_in([], denied=NOT_FOUND, member=FORBIDDEN, broker=FORBIDDEN),
    ),
    "recruitment:sponsor": Entry(args=lambda w: [w.site.pk], get=SITE_MANAGERS),
    # The call for host sites: programme admins; the application form is public (410 once the call has closed)
    "host_sites:calls": Entry(get=signed_in(["admin"])),
    "host_sites:call": Entry(args=lambda w: [w.host_site_call().pk], get=signed_in(["admin"])),
    "host_sites:application": Entry(args=lambda w: [w.cached("application", w.new_application).pk],
                                    get=signed_in(["admin"])),
    "host_sites:decide": Entry(args=lambda w: [w.new_application().pk, "refuse"], get=POST_ONLY,
                               post=signed_in(["admin"])),
    "host_sites:apply": Entry(args=lambda w: [w.host_site_call().pk], get=EVERYONE),
    "host_sites:apply@closed": Entry(args=lambda w: [w.host_site_call(closed=True).pk], get=EVERYONE,
                                     post=outcomes(GONE)),
    "sites:matrix": Entry(get=signed_in(["facilitator", "other_facilitator", "admin"])),
    "sites:import": Entry(get=signed_in(["facilitator", "other_facilitator", "admin"])),
    "memberships:site_members": Entry(args=lambda w: [w.site.pk], get=SITE_VIEWERS),
    "memberships:add_member": Entry(args=lambda w: [w.site.pk], get=SITE_MANAGERS),
    "memberships:end_membership": Entry(args=lambda w: [w.membership.pk], get=SITE_MANAGERS),
    "memberships:change_role": Entry(args=lambda w: [w.membership.pk], get=POST_ONLY, post=SITE_MANAGERS),
    "memberships:job_change": Entry(args=lambda w: [w.membership.pk], get=SITE_MANAGERS),
    # Meetings and the attendance register
    "sites:meeting": Entry(args=meeting_of_cp1, get=SITE_VIEWERS),
    "sites:meeting_ics": Entry(args=meeting_of_cp1, get=SITE_VIEWERS, post=outcomes(METHOD)),
    "sites:meeting_create": Entry(args=lambda w: [w.site.pk], get=SITE_MANAGERS),
    "sites:meeting_reminders": Entry(args=lambda w: [w.site.pk], get=POST_ONLY, post=SITE_MANAGERS),
    "sites:meeting_edit": Entry(args=meeting_of_cp1, get=SITE_MANAGERS),
    "sites:meeting_move": Entry(args=meeting_of_cp1, get=SITE_MANAGERS),
    "sites:meeting_cancel": Entry(args=meeting_of_cp1, get=SITE_MANAGERS),
    "sites:meeting_notes": Entry(args=meeting_of_cp1, get=SITE_MANAGERS),
    "sites:meeting_register": Entry(args=meeting_of_cp1, get=SITE_MANAGERS),
    "sites:guest_speakers": Entry(args=meeting_of_cp1, get=SITE_MANAGERS),
    "sites:guest_speakers_present": Entry(args=meeting_of_cp1, get=POST_ONLY, post=SITE_MANAGERS),
    "sites:guest_speaker_remove": Entry(args=speaker_at(cp1=True), get=POST_ONLY, post=SITE_MANAGERS),
    # CP1's meeting with a CP3 meeting's speaker: nobody removes a speaker through another site's meeting.
    "sites:guest_speaker_remove@other_site_speaker": Entry(
        args=speaker_at(cp1=False),
        get=POST_ONLY,
        post=signed_in([], denied=NOT_FOUND, member=FORBIDDEN, broker=FORBIDDEN),
    ),
    # The facilitators' network: training records. CP1's facilitator's record: them and the programme team only.
    "sites:training_list": Entry(get=signed_in(["facilitator", "other_facilitator", "admin"], denied=NOT_FOUND)),
    "sites:training": Entry(
        args=lambda w: [w.people["facilitator"].pk], get=signed_in(["facilitator", "admin"], denied=NOT_FOUND)
    ),
    # Replies: the site's members and facilitators; those who may see the meeting but not reply get 403.
    "sites:meeting_reply": Entry(
        args=meeting_of_cp1,
        get=signed_in(["member", "facilitator"], denied=NOT_FOUND, broker=FORBIDDEN, admin=FORBIDDEN),
    ),
    # The reminder's signed link answers for "member" only: without signing in, or signed in as them; anyone
    # else signed in is refused.
    "sites:meeting_reply_link": Entry(args=reply_link_of_member, get=outcomes(FORBIDDEN, anonymous=OK, member=OK)),
    # Ground rules: read (and confirmed) by the site's people; new versions by its facilitators and admins.
    "sites:ground_rules": Entry(args=lambda w: [w.site.pk], get=SITE_VIEWERS),
    "sites:ground_rules_edit": Entry(args=lambda w: [w.site.pk], get=SITE_MANAGERS),
    # My development: each person's own record, certificate and private notes (nobody else's, whatever their role).
    "cpd:development": Entry(get=ALL_SIGNED_IN, post=GET_ONLY),
    "cpd:certificate": Entry(get=ALL_SIGNED_IN, post=GET_ONLY),
    "cpd:note_create": Entry(get=ALL_SIGNED_IN),
    "cpd:note_edit": Entry(args=reflective_note_of_member, get=signed_in(["member"], denied=NOT_FOUND)),
    "cpd:note_remove": Entry(
        args=reflective_note_of_member, get=POST_ONLY, post=signed_in(["member"], denied=NOT_FOUND)
    ),
    "email_preferences": Entry(get=ALL_SIGNED_IN),
    # A meeting's papers: added and removed by its managers; read and downloaded by the people who may attend (the
    # site's members and facilitators, brokers) and by programme admins; 404 for everyone else.
    "sites:meeting_papers": Entry(args=meeting_of_cp1, get=SITE_MANAGERS),
    "sites:meeting_paper": Entry(args=paper_of_cp1(file=False), get=SITE_VIEWERS),
    "sites:meeting_paper_file": Entry(args=paper_of_cp1(file=True), get=SITE_VIEWERS),
    "sites:meeting_paper_remove": Entry(args=paper_of_cp1(file=False), get=POST_ONLY, post=SITE_MANAGERS),
    "calendar": Entry(get=ALL_SIGNED_IN),
    "calendar_feed": Entry(args=calendar_token_of_member, get=EVERYONE, post=outcomes(METHOD)),
    # Cases: each page in each state that matters (draft, shared, published, public); CP1's case is
    # presented by "member". A name "url@state" checks the URL with a case in that state.
    "cases:list": Entry(
        get=signed_in(["member", "other_member", "facilitator", "other_facilitator", "broker", "admin"])
    ),
    "cases:create": Entry(get=signed_in(["member", "other_member", "facilitator", "other_facilitator"])),
    **{f"cases:detail@{state}": Entry(args=case_in(state), get=CASE_READERS[state]) for state in CASE_STATES},
    **{f"cases:edit@{state}": Entry(args=case_in(state), get=CASE_EDITORS[state]) for state in CASE_STATES},
    **{f"cases:fix_all@{state}": Entry(args=case_in(state), get=CASE_EDITORS[state]) for state in CASE_STATES},
    "cases:action_add@draft": Entry(args=case_in("draft"), get=POST_ONLY, post=CASE_EDITORS["draft"]),
    "cases:action_update@draft": Entry(args=action_in("draft"), get=POST_ONLY, post=CASE_EDITORS["draft"]),
    "cases:action_remove@draft": Entry(args=action_in("draft", fresh=True), get=POST_ONLY, post=CASE_EDITORS["draft"]),
    "cases:finding_dismiss@draft": Entry(args=finding_in("draft"), get=POST_ONLY, post=CASE_EDITORS["draft"]),
    "cases:finding_reopen@draft": Entry(
        args=finding_in("draft", dismissed=True), get=POST_ONLY, post=CASE_FACILITATOR["draft"]
    ),
    "cases:finding_confirm@draft": Entry(
        args=finding_in("draft", awaiting=True), get=POST_ONLY, post=CASE_FACILITATOR["draft"]
    ),
    "cases:finding_refuse@draft": Entry(
        args=finding_in("draft", awaiting=True), get=POST_ONLY, post=CASE_FACILITATOR["draft"]
    ),
    "cases:findings_to_confirm": Entry(get=ALL_SIGNED_IN),
    "cases:share@draft": Entry(args=case_in("draft", fresh=True), get=POST_ONLY, post=CASE_EDITORS["draft"]),
    "cases:discussion@shared": Entry(args=case_in("shared", fresh=True), get=CASE_FACILITATOR["shared"]),
    "cases:follow_up@discussed": Entry(args=case_in("discussed", fresh=True), get=CASE_PRESENTER_OR_FACILITATOR),
    "cases:follow_up_edit@followed_up": Entry(args=follow_up_in("followed_up"), get=CASE_PRESENTER_OR_FACILITATOR),
    "cases:write_up@followed_up": Entry(args=case_in("followed_up", fresh=True), get=CASE_FACILITATOR["shared"]),
    "cases:publish@written_up": Entry(args=case_in("written_up", fresh=True), get=POST_ONLY, post=CASE_PUBLISHERS),
    "cases:make_public@published": Entry(
        args=case_in("published", fresh=True), get=POST_ONLY, post=CASE_PUBLISHERS_PUBLISHED
    ),
    "cases:withdraw@public": Entry(args=case_in("public", fresh=True), get=POST_ONLY, post=CASE_PUBLISHERS_PUBLISHED),
    "repository:list": Entry(get=EVERYONE),
    **{
        f"repository:detail@{state}": Entry(args=case_in(state), get=REPOSITORY_READERS[state]) for state in CASE_STATES
    },
    **{f"repository:pdf@{state}": Entry(args=case_in(state), get=REPOSITORY_READERS[state]) for state in CASE_STATES},
    # Evaluation is confidential: anyone who may not use a page gets 404.
    # Evaluation: surveys (CP1 is asked), focus groups and self-assessment rounds at CP1
    "evaluation:dashboard": Entry(get=EVALUATION_VIEWERS),
    **{
        f"evaluation:{name}_{fmt}": Entry(get=EVALUATION_VIEWERS)
        for name in ("dashboard", "attendance")
        for fmt in ("xlsx", "csv")
    },
    "evaluation:surveys": Entry(get=signed_in(["admin"], denied=NOT_FOUND)),
    "evaluation:survey_from_report": Entry(get=POST_ONLY, post=signed_in(["admin"], denied=NOT_FOUND)),
    "evaluation:survey_detail": Entry(
        args=lambda w: [w.survey("draft").pk], get=signed_in(["admin"], denied=NOT_FOUND)
    ),
    "evaluation:add_question": Entry(
        args=lambda w: [w.survey("draft").pk], get=POST_ONLY, post=signed_in(["admin"], denied=NOT_FOUND)
    ),
    "evaluation:remove_question": Entry(
        args=lambda w: [w.survey("draft").pk, w.new_question().pk],
        get=POST_ONLY,
        post=signed_in(["admin"], denied=NOT_FOUND),
    ),
    # A question of another survey, addressed through this survey: 404 even for admins.
    "evaluation:remove_question@other_survey": Entry(
        args=lambda w: [w.survey("draft").pk, w.new_question_of_another_survey().pk],
        get=POST_ONLY,
        post=signed_in([], denied=NOT_FOUND),
    ),
    "evaluation:open_survey": Entry(
        args=lambda w: [w.survey("draft").pk],
        get=signed_in(["admin"], denied=NOT_FOUND),
        post=signed_in([], denied=NOT_FOUND, admin="400"),  # an empty form: 400 with the errors shown
    ),
    "evaluation:close_survey": Entry(
        args=lambda w: [w.survey("open", fresh=True).pk], get=POST_ONLY, post=signed_in(["admin"], denied=NOT_FOUND)
    ),
    "evaluation:answer_survey": Entry(
        args=lambda w: [w.survey("open").pk], get=signed_in(["member"], denied=NOT_FOUND)
    ),
    "evaluation:survey_results": Entry(
        args=lambda w: [w.survey("open").pk], get=signed_in(["facilitator", "admin"], denied=NOT_FOUND)
    ),
    "evaluation:survey_results_csv": Entry(
        args=lambda w: [w.survey("open").pk], get=signed_in(["facilitator", "admin"], denied=NOT_FOUND)
    ),
    "evaluation:survey_results_xlsx": Entry(
        args=lambda w: [w.survey("open").pk], get=signed_in(["facilitator", "admin"], denied=NOT_FOUND)
    ),
    "evaluation:site": Entry(args=lambda w: [w.site.pk], get=EVALUATION_MANAGERS),
    "evaluation:record_focus_group": Entry(args=lambda w: [w.site.pk], get=EVALUATION_MANAGERS),
    "evaluation:open_round": Entry(args=lambda w: [w.site.pk], get=POST_ONLY, post=EVALUATION_MANAGERS),
    "evaluation:round": Entry(args=lambda w: [w.assessment_round().pk], get=EVALUATION_MANAGERS),
    "evaluation:answer_round": Entry(
        args=lambda w: [w.assessment_round().pk], get=signed_in(["member", "facilitator"], denied=NOT_FOUND)
    ),
    "evaluation:close_round": Entry(
        args=lambda w: [w.assessment_round(fresh=True).pk], get=POST_ONLY, post=EVALUATION_MANAGERS
    ),
    "evaluation:improvement_plan": Entry(args=lambda w: [w.assessment_round().pk], get=EVALUATION_MANAGERS),
    # Toolkit: the set-up checklist, documents and site health
    "toolkit:checklist_item": Entry(args=lambda w: [w.site.pk, w.checklist_item().pk], get=SITE_MANAGERS),
    # CP1's address with a CP3 checklist item: nobody reaches the item through another site.
    "toolkit:checklist_item@other_site_item": Entry(
        args=lambda w: [w.site.pk, w.checklist_item_of_other_site().pk],
        get=signed_in([], denied=NOT_FOUND, member=FORBIDDEN, broker=FORBIDDEN),
    ),
    **{
        f"toolkit:document@{extension}": Entry(
            args=lambda w, extension=extension: [w.site.pk, "ground_rules", extension], get=SITE_MANAGERS
        )
        for extension in ("pdf", "txt")
    },
    "toolkit:default_checklist": Entry(get=signed_in(["admin"])),
    "toolkit:default_checklist_item": Entry(args=lambda w: [w.default_checklist_item().pk], get=signed_in(["admin"])),
    "toolkit:default_checklist_item_action": Entry(
        args=lambda w: [w.default_checklist_item().pk, "down"], get=POST_ONLY, post=signed_in(["admin"])
    ),
    "toolkit:site_health": Entry(get=signed_in(["admin", "facilitator", "other_facilitator"])),  # theirs only
    "toolkit:check_site_health_now": Entry(get=POST_ONLY, post=signed_in(["admin"])),
    "toolkit:warning_thresholds": Entry(get=signed_in(["admin"])),
    # Endings and new starts: the site's facilitators see the closing steps and do the first ones; programme admins
    # close the site and start a new site from it.
    "toolkit:close_site": Entry(args=lambda w: [w.site.pk], get=SITE_MANAGERS,
                                post={**SITE_MANAGERS, "facilitator": FORBIDDEN}),  # fmt: skip
    "toolkit:closing_step": Entry(args=lambda w: [w.site.pk, "thanks"], get=POST_ONLY, post=SITE_MANAGERS),
    "toolkit:sprout_site": Entry(args=lambda w: [w.site.pk], get=SITE_ADMIN_ONLY),
    # Newsletter: the archive and sign-up are public; editing is for brokers and admins
    "newsletters:archive": Entry(get=EVERYONE),
    "newsletters:issue_public": Entry(args=lambda w: [w.sent_newsletter().slug], get=EVERYONE),
    "newsletters:issue_members": Entry(args=lambda w: [w.sent_newsletter().slug], get=ALL_SIGNED_IN),
    "newsletters:subscribe": Entry(get=EVERYONE),
    "newsletters:confirm": Entry(args=lambda w: [w.subscription_token()], get=EVERYONE),
    "newsletters:unsubscribe": Entry(args=lambda w: [w.unsubscribe_token()], get=EVERYONE),
    "newsletters:preferences": Entry(get=ALL_SIGNED_IN),
    "newsletters:manage": Entry(get=NEWSLETTER_EDITORS),
    "newsletters:edit": Entry(args=lambda w: [w.draft_newsletter().pk], get=NEWSLETTER_EDITORS),
    "newsletters:approve": Entry(
        args=lambda w: [w.draft_newsletter(fresh=True).pk], get=POST_ONLY, post=NEWSLETTER_EDITORS
    ),
    "newsletters:send": Entry(args=lambda w: [w.draft_newsletter().pk], get=POST_ONLY, post=NEWSLETTER_EDITORS),
    **{
        f"newsletters:{view}@{edition}": Entry(
            args=lambda w, edition=edition: [w.draft_newsletter().pk, edition], get=NEWSLETTER_EDITORS
        )
        for view in ("preview", "preview_html")
        for edition in ("members", "public")
    },
    "newsletters:deliveries": Entry(args=lambda w: [w.draft_newsletter().pk], get=NEWSLETTER_EDITORS),
    "newsletters:retry_failed": Entry(args=lambda w: [w.draft_newsletter().pk], get=POST_ONLY, post=NEWSLETTER_EDITORS),
    "newsletters:add_item": Entry(args=lambda w: [w.draft_newsletter().pk], get=NEWSLETTER_EDITORS),
    "newsletters:edit_item": Entry(args=lambda w: [w.newsletter_item().pk], get=NEWSLETTER_EDITORS),
    "newsletters:move_item": Entry(args=lambda w: [w.newsletter_item().pk], get=POST_ONLY, post=NEWSLETTER_EDITORS),
    "newsletters:remove_item": Entry(args=lambda w: [w.newsletter_item().pk], get=POST_ONLY, post=NEWSLETTER_EDITORS),
    # The meeting cycle: series, agendas, the meeting record, actions, experts by experience
    "sites:series_list": Entry(args=lambda w: [w.site.pk], get=SITE_MANAGERS),
    "sites:series_edit": Entry(args=lambda w: [w.new_series().pk], get=SITE_MANAGERS),
    "cycle:agenda": Entry(args=meeting_of_cp1, get=SITE_VIEWERS),
    "cycle:agenda_item_add": Entry(args=meeting_of_cp1, get=POST_ONLY, post=SITE_MANAGERS),
    "cycle:agenda_publish": Entry(args=meeting_of_cp1, get=POST_ONLY, post=SITE_MANAGERS),
    "cycle:agenda_item_move": Entry(args=agenda_item_of_cp1, get=POST_ONLY, post=SITE_MANAGERS),
    "cycle:agenda_item_remove": Entry(args=agenda_item_of_cp1, get=POST_ONLY, post=SITE_MANAGERS),
    # Commissioners invited to one meeting: facilitators invite and withdraw; the invited commissioner (not another
    # one: the commissioner with a membership is not invited) reads the meeting as a guest, as do the site's
    # facilitators and programme admins, to check what the guest sees.
    "cycle:guests": Entry(args=meeting_of_cp1, get=SITE_MANAGERS),
    "cycle:guest_withdraw": Entry(
        args=upcoming_meeting_with_commissioner_invited(guest=True), get=POST_ONLY, post=SITE_MANAGERS
    ),
    "cycle:as_guest": Entry(
        args=upcoming_meeting_with_commissioner_invited(),
        get={**signed_in(["commissioner", "facilitator", "admin"], denied=NOT_FOUND),
             "commissioner_with_membership": NOT_FOUND},
        post=GET_ONLY,
    ),  # fmt: skip
    "cycle:record": Entry(args=meeting_of_cp1, get=SITE_VIEWERS, post=SITE_MANAGERS),
    "cycle:record_approve": Entry(args=record_of_cp1(), get=POST_ONLY, post=SITE_MANAGERS),
    "cycle:record_revise": Entry(args=record_of_cp1(approved=True), get=POST_ONLY, post=SITE_MANAGERS),
    "cycle:record_pdf": Entry(args=record_of_cp1(approved=True), get=SITE_VIEWERS),
    "cycle:record_version": Entry(args=record_of_cp1(approved=True, number=True), get=SITE_VIEWERS),
    "cycle:record_entry": Entry(args=record_of_cp1(entry=True), get=SITE_MANAGERS),
    "cycle:record_action_add": Entry(args=record_of_cp1(entry=True), get=SITE_MANAGERS),
    "cycle:record_action_remove": Entry(args=record_action_of_cp1, get=POST_ONLY, post=SITE_MANAGERS),
    # Corrections: members who were at the meeting (here the member and the facilitator); admins may read the draft.
    "cycle:record_comment": Entry(
        args=record_of_cp1(entry=True),
        get=POST_ONLY,
        post=signed_in(["member", "facilitator"], denied=NOT_FOUND, admin=FORBIDDEN),
    ),
    "my_actions": Entry(get=ALL_SIGNED_IN),
    # Closing an action: its owner ("member") and the site's facilitators; others cannot tell it exists.
    "meeting_action_done": Entry(
        args=lambda w: [w.new_record_action().pk],
        get=POST_ONLY,
        post=signed_in(["member", "facilitator", "admin"], denied=NOT_FOUND),
    ),
    "case_action_done": Entry(
        args=lambda w: [w.new_case_action_of_member().pk], get=POST_ONLY, post=signed_in(["member"], denied=NOT_FOUND)
    ),
    "sites:experts": Entry(args=lambda w: [w.site.pk], get=SITE_BUDGET),
    "sites:expert_payment_add": Entry(args=lambda w: [w.site.pk], get=SITE_BUDGET),
    "sites:expert_consent_withdraw": Entry(
        args=lambda w: [w.site.pk, w.new_consent().pk], get=POST_ONLY, post=SITE_BUDGET
    ),
    # Digests: commissioners and programme admins; everyone else 404.
    "digests:index": Entry(get=DIGEST_READERS),
    "digests:detail": Entry(args=digest_of_commissioner, get=DIGEST_OF_COMMISSIONER, post=GET_ONLY),
    "digests:download": Entry(args=digest_of_commissioner, get=DIGEST_OF_COMMISSIONER, post=GET_ONLY),
    # Digest ownership: a digest is its requester's and the programme admins'. One a programme admin asked for, and
    # one another commissioner asked for, are a 404 for the commissioner (and everyone else but the admins).
    **{
        f"digests:{view}@{owner}": Entry(args=build, get=DIGEST_OWNER_ADMINS, post=GET_ONLY)
        for view in ("detail", "download")
        for owner, build in (("other_requester", digest_of_admin), ("other_commissioner", digest_of_other_commissioner))
    },
    "digests:retry@other_commissioner": Entry(
        args=digest_of_other_commissioner, get=POST_ONLY, post=DIGEST_OWNER_ADMINS
    ),
    # Shared by its owner: every commissioner reads it (admins always did); only the owner retries or shares it.
    **{
        f"digests:{view}@shared": Entry(args=shared_digest_of_other_commissioner, get=DIGEST_READERS, post=GET_ONLY)
        for view in ("detail", "download")
    },
    "digests:retry@shared": Entry(
        args=shared_digest_of_other_commissioner, get=POST_ONLY,
        post=signed_in(["admin"], denied=NOT_FOUND, commissioner=FORBIDDEN, commissioner_with_membership=FORBIDDEN),
    ),  # fmt: skip
    "digests:share": Entry(args=digest_of_commissioner, get=POST_ONLY, post=DIGEST_OF_COMMISSIONER_OWNER),
    "digests:share@shared": Entry(
        args=shared_digest_of_other_commissioner, get=POST_ONLY,
        post=signed_in([], denied=NOT_FOUND, commissioner=FORBIDDEN, commissioner_with_membership=FORBIDDEN,
                       admin=FORBIDDEN),
    ),  # fmt: skip
    "digests:retry": Entry(args=digest_of_commissioner, get=POST_ONLY, post=DIGEST_OF_COMMISSIONER),
    "digests:subscription": Entry(get=POST_ONLY, post=signed_in(["commissioner"], denied=NOT_FOUND)),
    "digests:issues": Entry(get=DIGEST_READERS, post=GET_ONLY),
    # A tracked issue (raised in a shared CP1 case): commissioners and programme admins read it and group it; only
    # commissioners respond or change its status. Everyone else cannot tell it exists.
    "digests:issue": Entry(
        args=issue_raised_in_shared_case,
        get=DIGEST_READERS,
        post=signed_in(["commissioner"], denied=NOT_FOUND, admin=FORBIDDEN),
    ),
    "digests:issue_group": Entry(args=issue_raised_in_shared_case, get=POST_ONLY, post=DIGEST_READERS),
    "digests:issue_ungroup": Entry(args=issue_raised_in_shared_case, get=POST_ONLY, post=DIGEST_READERS),
    # Evidence: the library is for everyone with a site role, brokers and admins (commissioners read items on
    # learning objects only). Files: see the evidence part of cases/rules.py. "url@state" names the item's
    # attachment: "library" (no case), "shared" (only a shared CP1 case) or "published" (a learning object).
    "evidence:list": Entry(get=LIBRARY_READERS),
    "evidence:export": Entry(get=LIBRARY_READERS),
    "evidence:import": Entry(get=EVIDENCE_MANAGERS),
    "evidence:create": Entry(get=EVIDENCE_MANAGERS),
    "evidence:detail@library": Entry(args=evidence_in("library"), get=LIBRARY_READERS_ITEM),
    "evidence:detail@published": Entry(args=evidence_in("published"), get=ALL_SIGNED_IN),
    "evidence:edit@library": Entry(
        args=evidence_in("library"), get=signed_in(["broker", "admin"], denied=FORBIDDEN, commissioner=NOT_FOUND)
    ),
    "evidence:detail@shared": Entry(args=evidence_in("shared"), get=LIBRARY_READERS_ITEM),
    "evidence:detail@other_site": Entry(args=evidence_in("other_site"), get=LIBRARY_READERS_ITEM),
    "evidence:file@library": Entry(args=evidence_in("library"), get=LIBRARY_READERS_ITEM),
    # A file attached only to a shared CP3 case: for CP3, brokers and admins; CP1's people cannot tell it exists.
    "evidence:file@other_site": Entry(
        args=evidence_in("other_site"),
        get=signed_in(["other_member", "other_facilitator", "broker", "admin"], denied=NOT_FOUND),
    ),
    "evidence:detach@other_site": Entry(
        args=lambda w: [w.new_evidence_link_on_other_site().pk],
        get=POST_ONLY,
        post=signed_in(["broker"], denied=NOT_FOUND, other_member=FORBIDDEN, other_facilitator=FORBIDDEN,
                       admin=FORBIDDEN),
    ),  # fmt: skip
    "evidence:file@shared": Entry(
        args=evidence_in("shared"), get=signed_in(["member", "facilitator", "broker", "admin"], denied=NOT_FOUND)
    ),
    "evidence:file@published": Entry(args=evidence_in("published"), get=ALL_SIGNED_IN),
    "evidence:attach@shared": Entry(args=case_in("shared"), get=CASE_BROKER_ONLY),
    "evidence:attach@draft": Entry(
        args=case_in("draft"), get=signed_in([], denied=NOT_FOUND, member=FORBIDDEN, facilitator=FORBIDDEN)
    ),
    "evidence:detach@shared": Entry(args=lambda w: [w.new_evidence_link().pk], get=POST_ONLY, post=CASE_BROKER_ONLY),
    "evidence:ask@shared": Entry(
        args=case_in("shared"),
        get=signed_in(["member", "facilitator"], denied=NOT_FOUND, broker=FORBIDDEN, admin=FORBIDDEN),
    ),
    "evidence:ask@draft": Entry(
        args=case_in("draft"), get=signed_in([], denied=NOT_FOUND, member=FORBIDDEN, facilitator=FORBIDDEN)
    ),
    "evidence:questions": Entry(get=signed_in(["broker", "admin"])),
    "evidence:question@shared": Entry(
        args=lambda w: [w.question().pk],
        get=signed_in(["member", "facilitator", "broker", "admin"], denied=NOT_FOUND),
        post=CASE_BROKER_ONLY,
    ),
    "evidence:question_status@shared": Entry(args=lambda w: [w.question().pk], get=POST_ONLY, post=CASE_BROKER_ONLY),
    # The forum (see forum/rules.py). Commissioners are not in it; another site's thread is a
    # 404. "url@kind" checks a CP1 thread of that kind; posts are CP1's member's, on the programme board unless named.
    "forum:index": Entry(get=FORUM_USERS),
    "forum:programme_board": Entry(get=FORUM_USERS),
    "forum:programme_topic_new": Entry(get=FORUM_USERS),
    # The facilitators' network
    "network:index": Entry(get=NETWORK, post=GET_ONLY),
    "network:schedule": Entry(get=signed_in(["admin"])),
    "network:meeting": Entry(args=network_meeting_of(), get=NETWORK_MEETING, post=GET_ONLY),
    "network:ics": Entry(args=network_meeting_of(), get=NETWORK_MEETING, post=GET_ONLY),
    "network:edit": Entry(args=network_meeting_of(), get=NETWORK_ADMINS),
    "network:cancel": Entry(args=network_meeting_of(), get=POST_ONLY, post=NETWORK_ADMINS),
    "network:invitees": Entry(args=network_meeting_of(), get=NETWORK_ADMINS),
    # The broker is the invitee named here: they see the meeting, so they are refused (403), not kept from it (404).
    "network:invitee_remove": Entry(
        args=network_meeting_of(invitee=True), get=POST_ONLY, post={**NETWORK_ADMINS, "broker": FORBIDDEN}
    ),
    "network:agenda_add": Entry(args=network_meeting_of(), get=POST_ONLY, post=NETWORK_MEETING),
    "network:agenda_move": Entry(args=network_meeting_of(item=True), get=POST_ONLY, post=NETWORK_ADMINS),
    "network:agenda_remove": Entry(args=network_meeting_of(item=True), get=POST_ONLY, post=NETWORK_ADMINS),
    "network:register": Entry(args=network_meeting_of(days=-1), get=NETWORK_ADMINS),
    "network:record": Entry(args=network_meeting_of(record="approved"), get=NETWORK_MEETING, post=NETWORK_ADMINS),
    "network:record_approve": Entry(args=network_meeting_of(record="draft"), get=POST_ONLY, post=NETWORK_ADMINS),
    "network:record_reopen": Entry(args=network_meeting_of(record="approved"), get=POST_ONLY, post=NETWORK_ADMINS),
    "network:record_entry": Entry(args=network_meeting_of(record="draft", entry=True), get=NETWORK_ADMINS),
    "network:record_action_remove": Entry(
        args=network_meeting_of(record="draft", action=True), get=POST_ONLY, post=NETWORK_ADMINS
    ),
    "forum:facilitators_board": Entry(get=FACILITATORS_BOARD),
    "forum:facilitators_topic_new": Entry(get=FACILITATORS_BOARD),
    "forum:preferences": Entry(get=FORUM_USERS),
    "forum:site_board": Entry(args=lambda w: [w.site.pk], get=FORUM_READERS["site_board"]),
    "forum:site_topic_new": Entry(args=lambda w: [w.site.pk], get=FORUM_READERS["site_board"]),
    "forum:case_thread@draft": Entry(
        args=case_in("draft"), get=signed_in([], denied=NOT_FOUND, member=FORBIDDEN, facilitator=FORBIDDEN)
    ),
    "forum:case_thread@shared": Entry(args=case_in("shared"), get=FORUM_READERS["case"]),
    "forum:case_thread@published": Entry(args=case_in("published"), get=FORUM_READERS["case"]),
    "forum:learning_object_thread@shared": Entry(args=case_in("shared"), get=SIGNED_IN_NOT_FOUND),
    "forum:learning_object_thread@published": Entry(args=case_in("published"), get=FORUM_USERS),
    **{
        f"forum:thread@{kind}": Entry(args=forum_thread_of(kind), get=FORUM_READERS[kind])
        for kind in FORUM_READERS
    },
    **{
        f"forum:follow@{kind}": Entry(args=forum_thread_of(kind), get=POST_ONLY, post=FORUM_READERS[kind])
        for kind in ("site_board", "programme_board", "facilitators_board")
    },
    "forum:post_edit@visible": Entry(
        args=forum_post_in("visible"),
        get=signed_in(["member"], denied=FORBIDDEN, commissioner=NOT_FOUND),
    ),
    "forum:post_edit@held": Entry(
        args=forum_post_in("held"), get=signed_in(["member"], denied=NOT_FOUND, admin=FORBIDDEN)
    ),
    "forum:post_history@visible": Entry(args=forum_post_in("visible"), get=FORUM_USERS_PAGE),
    "forum:post_history@held": Entry(args=forum_post_in("held"), get=signed_in(["member", "admin"], denied=NOT_FOUND)),
    "forum:post_delete@visible": Entry(
        args=lambda w: [w.new_forum_post().pk],
        get=POST_ONLY,
        post=signed_in(["member", "admin"], denied=FORBIDDEN, commissioner=NOT_FOUND),
    ),
    "forum:post_delete@site_board": Entry(
        args=lambda w: [w.new_forum_post("site_board").pk],
        get=POST_ONLY,
        post=signed_in(["member", "facilitator", "admin"], denied=NOT_FOUND),
    ),
    "forum:post_delete@held": Entry(
        args=lambda w: [w.new_forum_post(held=True).pk],
        get=POST_ONLY,
        post=signed_in(["member", "admin"], denied=NOT_FOUND),
    ),
    "forum:post_report@visible": Entry(
        args=forum_post_in("visible"),
        get=signed_in(FORUM_PEOPLE, denied=FORBIDDEN, member=FORBIDDEN, commissioner=NOT_FOUND),
    ),
    "forum:post_report@held": Entry(
        args=forum_post_in("held"), get=signed_in([], denied=NOT_FOUND, member=FORBIDDEN, admin=FORBIDDEN)
    ),
    "forum:finding_dismiss@held": Entry(
        args=lambda w: [w.forum_post("held").findings.first().pk],
        get=POST_ONLY,
        post=signed_in(["member"], denied=NOT_FOUND, admin=FORBIDDEN),
    ),
    "forum:finding_confirm@awaiting": Entry(
        args=lambda w: [w.forum_finding_awaiting().pk],
        get=POST_ONLY,
        post=signed_in(["admin"], denied=NOT_FOUND, member=FORBIDDEN),
    ),
    "forum:finding_refuse@awaiting": Entry(
        args=lambda w: [w.forum_finding_awaiting().pk],
        get=POST_ONLY,
        post=signed_in(["admin"], denied=NOT_FOUND, member=FORBIDDEN),
    ),
    "forum:moderation": Entry(get=signed_in(["facilitator", "other_facilitator", "admin"])),
    "forum:report_resolve@open": Entry(
        args=lambda w: [w.new_forum_report().pk],
        get=POST_ONLY,
        post=signed_in(["facilitator", "admin"], denied=NOT_FOUND, member=FORBIDDEN),
    ),
    # Audit
    "audit:log": Entry(get=signed_in(["admin"])),
    "audit:export": Entry(get=signed_in(["admin"])),
    # Open data: Atom feeds (public), personal API tokens, the read API (tokens or the session; read-only)
    "repository_feed": Entry(get=EVERYONE),
    "newsletter_feed": Entry(get=EVERYONE),
    "api_tokens:mine": Entry(get=ALL_SIGNED_IN, post=signed_in([], denied="400")),  # POST: an empty form
    "api_tokens:all": Entry(get=signed_in(["admin"], denied=NOT_FOUND)),
    "api_tokens:revoke": Entry(
        args=token_of_member, get=POST_ONLY, post=signed_in(["member", "admin"], denied=NOT_FOUND)
    ),
    "api:learning_objects": Entry(get=EVERYONE, post=READ_ONLY),
    **{
        f"api:learning_object@{state}": Entry(args=case_in(state), get=REPOSITORY_READERS[state], post=READ_ONLY)
        for state in CASE_STATES
    },
    "api:evidence_list": Entry(get=EVERYONE, post=READ_ONLY),
    **{
        f"api:evidence@{state}": Entry(args=evidence_in(state), get=API_EVIDENCE_READERS[state], post=READ_ONLY)
        for state in API_EVIDENCE_READERS
    },
    "api:figures": Entry(get=API_FIGURES, post=API_FIGURES_POST),
    "api:surveys": Entry(get=API_FIGURES, post=API_FIGURES_POST),
    "api:survey_results": Entry(
        args=lambda w: [w.survey("open").pk],
        get={**API_FIGURES, "other_facilitator": NOT_FOUND},
        post=API_FIGURES_POST,
    ),
    "api:schema": Entry(get=EVERYONE, post=READ_ONLY),
    "api:docs": Entry(get=EVERYONE, post=READ_ONLY),
}

# The Django admin's list pages: programme admins only (everyone else is sent to sign in); the ones a programme admin
# may open follow the app's scopes (tests/security/test_django_admin.py walks their rows for drafts). The rest are
# for superusers. A newly registered model needs a line here (test_django_admin checks).
ADMIN_LISTS_FOR_PROGRAMME_ADMINS = [
    "cases_case", "cases_casetransition", "cases_evidence", "cases_question", "cases_knownterm", "digests_digest",
    "evaluation_survey",
    "evaluation_focusgroup", "evaluation_assessmentquestion", "evaluation_assessmentround", "members_user",
    "sites_site", "sites_meeting", "sites_attendance", "sites_membership", "sites_invitation",
    "socialaccount_socialapp", "socialaccount_socialaccount",
]  # fmt: skip
ADMIN_LISTS_FOR_SUPERUSERS = [
    "auth_group", "account_emailaddress", "mfa_authenticator", "cases_theme", "digests_digestsubscription",
    "digests_commissionerresponse", "newsletters_newsletterissue", "newsletters_externalsubscriber",
    "newsletters_delivery", "newsletters_newsletterpreference", "toolkit_defaultchecklistitem", "toolkit_sitehealth",
    "toolkit_sitehealthchange", "toolkit_warningthresholds",
]  # fmt: skip
MATRIX.update(
    {
        f"admin:{name}_changelist": Entry(get=outcomes(LOGIN, admin=OK if name in ADMIN_LISTS_FOR_PROGRAMME_ADMINS
                                                           else FORBIDDEN))
        for name in ADMIN_LISTS_FOR_PROGRAMME_ADMINS + ADMIN_LISTS_FOR_SUPERUSERS
    }
)  # fmt: skip

# Third-party account pages (django-allauth): sign-in, password reset, two-factor set-up and organisation sign-in
# (OpenID Connect). They are listed so that a new pattern still fails the test; allauth's own tests cover their
# behaviour, and tests/members/test_organisation_sign_in.py our rules over organisation sign-in.
THIRD_PARTY_PREFIXES = ("account_", "mfa_", "socialaccount_", "openid_connect_")
# The Django admin checks members.use_admin itself (tests/test_navigation.py covers it); its list pages are above.
ADMIN_NAMESPACE = "admin:"

# API tokens against the sign-in requirement (issue 20, finding 2). Every API URL above is asked with a token of each
# role, with two-factor sign-in required, in each situation: a token answers as its owner's matrix row says only while
# the owner could sign in with the roles it was made with; otherwise 401, whatever the URL.
PRIVILEGED = {"facilitator", "other_facilitator", "broker", "admin"}  # roles that must set up two-factor sign-in
TOKEN_SITUATIONS = {
    # situation: (does the owner have two-factor sign-in set up when the token is made, what happens next,
    #             role -> whether the token still answers as the matrix says)
    "two-factor set up": (True, None, lambda role: True),
    "two-factor not set up": (False, None, lambda role: role not in PRIVILEGED),
    "role changed since it was made": (True, "promote", lambda role: False),
    "two-factor removed and set up again": (True, "reset two-factor", lambda role: False),
    "expired": (True, "expire", lambda role: False),
}
