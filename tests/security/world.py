"""The objects every role is checked against: CP1 and CP3, a person in each role, and objects in
every state that matters. Shared by the authorisation matrix and the form fuzzing."""

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from cases.models import Outcome
from cases.services import evidence as evidence_services
from cases.services import gate, lifecycle
from cycle.models import AgendaItem
from cycle.services import record
from evaluation import services as evaluation_services
from evaluation.models import AssessmentRound
from forum import services as forum_services
from newsletters import tokens as newsletter_tokens
from newsletters.models import ExternalSubscriber, NewsletterIssue, hash_token
from newsletters.services.compile import compile_newsletter
from sites.models import Attendance, Expense, ExpertConsent, Membership, MembershipRole, TargetDiscipline
from sites.services import invitations as member_services
from sites.services.series import create_series
from tests.factories import EvidenceFactory, MeetingFactory, MembershipFactory, SiteFactory, UserFactory, at
from toolkit.models import DefaultChecklistItem
from toolkit.services.checklist import ensure_site_checklist


@dataclass
class World:
    site: object
    other_site: object
    people: dict
    invitation_token: str
    leaver: object
    membership: object
    _cases: dict = dataclass_field(default_factory=dict)
    _newsletter_months: list = dataclass_field(default_factory=list)
    _evidence: dict = dataclass_field(default_factory=dict)
    _question: object = None

    def cached(self, key: str, build):
        """One object per world, built on first use."""
        if key not in self._cases:
            self._cases[key] = build()
        return self._cases[key]

    def counter(self, key: str) -> int:
        """1, 2, 3... for unique values (emails, codes) across fuzzed submissions."""
        self._cases[f"counter-{key}"] = self._cases.get(f"counter-{key}", 0) + 1
        return self._cases[f"counter-{key}"]

    def new_expense(self):
        """A fresh object for each request that removes one."""
        return Expense.objects.create(
            site=self.site, category="room_hire", spent_on=timezone.localdate(), amount=Decimal("40.00")
        )

    def case(self, state: str, *, fresh: bool = False):
        """A CP1 case presented by "member", walked through the real services to `state`."""
        if fresh or state not in self._cases:
            self._cases[state] = build_case(self, state)
        return self._cases[state]

    def finding(self, state: str, *, dismissed: bool = False, awaiting: bool = False):
        """A phone number found in a fresh CP1 draft; marked not personal data by its presenter (awaiting a
        facilitator) and confirmed by the facilitator (dismissed) if asked."""
        case = lifecycle.create_case(
            site=self.site,
            by=self.people["member"],
            title="Weekend crises",
            presentation="Call him on 07700 900123 at weekends.",
        )
        finding = case.findings.get()
        if dismissed or awaiting:
            gate.dismiss_finding(finding=finding, by=self.people["member"], reason="A service's public number.")
        if dismissed:
            gate.confirm_finding_dismissal(finding=finding, by=self.people["facilitator"])
        return finding

    def forum_finding_awaiting(self):
        """A phone number in a fresh held post by CP1's member on the programme board, marked not personal data
        by its author and waiting for a moderator."""
        post = self.new_forum_post(held=True)
        finding = post.findings.get(kind="phone")
        return forum_services.dismiss_post_finding(
            finding=finding, by=self.people["member"], reason="It is the hub's public duty line."
        )

    def survey(self, state: str, *, fresh: bool = False):
        key = f"survey-{state}"
        if fresh or key not in self._cases:
            survey = evaluation_services.start_report_survey(created_by=self.people["admin"])
            if state == "open":
                today = timezone.localdate()
                evaluation_services.open_survey(
                    survey=survey, sites=[self.site], opens_on=today, closes_on=today + timedelta(days=14)
                )
            self._cases[key] = survey
        return self._cases[key]

    def new_question(self):
        return evaluation_services.add_question(survey=self.survey("draft"), kind="free_text", text="Anything else?")

    def new_question_of_another_survey(self):
        other = evaluation_services.create_survey(created_by=self.people["admin"], title="Another survey")
        return evaluation_services.add_question(survey=other, kind="free_text", text="Anything else?")

    def assessment_round(self, *, fresh: bool = False):
        if fresh or "round" not in self._cases:
            AssessmentRound.objects.filter(site=self.site, status="open").update(
                status="closed", closed_at=timezone.now()
            )
            self._cases["round"] = evaluation_services.open_assessment_round(
                site=self.site, opened_by=self.people["facilitator"]
            )
        return self._cases["round"]

    def checklist_item(self):
        ensure_site_checklist(self.site)
        return self.site.checklist_items.first()

    def default_checklist_item(self):
        return DefaultChecklistItem.objects.first()

    def draft_newsletter(self, *, fresh: bool = False):
        """A draft issue; with fresh=True a new one (another month) for requests that change it."""
        if fresh or "newsletter" not in self._cases:
            self._newsletter_months.append(date(2000 + len(self._newsletter_months), 1, 1))
            issue = compile_newsletter(month=self._newsletter_months[-1])
            if fresh:
                return issue
            self._cases["newsletter"] = issue
        return self._cases["newsletter"]

    def newsletter_item(self):
        return self.draft_newsletter().items.first()

    def sent_newsletter(self):
        if "sent-newsletter" not in self._cases:
            issue = compile_newsletter(month=date(2019, 6, 1))
            NewsletterIssue.objects.filter(pk=issue.pk).update(status="sent", sent_at=timezone.now())
            issue.refresh_from_db()
            self._cases["sent-newsletter"] = issue
        return self._cases["sent-newsletter"]

    def subscription_token(self) -> str:
        subscriber = ExternalSubscriber.objects.create(email=f"reader{ExternalSubscriber.objects.count()}@example.org")
        secret = newsletter_tokens.new_confirm_secret()
        subscriber.confirm_token_hash = hash_token(secret)
        subscriber.save(update_fields=["confirm_token_hash"])
        return newsletter_tokens.confirm_token(subscriber_id=subscriber.pk, secret=secret)

    def unsubscribe_token(self) -> str:
        return newsletter_tokens.unsubscribe_token(kind=newsletter_tokens.PERSON, pk=self.people["member"].pk)

    # The meeting cycle
    def new_series(self):
        return create_series(
            site=self.site, created_by=self.people["facilitator"], rule="nth_weekday", weekday=1, week_of_month=2,
            starts_on=timezone.localdate(), start_time=time(14), end_time=time(16), horizon_months=1,
        )  # fmt: skip

    def new_agenda_item(self):
        meeting = MeetingFactory(site=self.site)
        return AgendaItem.objects.create(meeting=meeting, position=1, kind="other", title="Welcome")

    def new_record(self, *, approved: bool = False):
        """A CP1 meeting held yesterday with a draft (or approved) record; member and facilitator were there."""
        meeting = MeetingFactory(site=self.site, starts_at=at(timezone.localdate() - timedelta(days=1)))
        AgendaItem.objects.create(meeting=meeting, position=1, kind="other", title="Open discussion")
        for role in ("member", "facilitator"):
            Attendance.objects.create(meeting=meeting, person=self.people[role], status="present")
        draft = record.open_record(meeting=meeting, opened_by=self.people["facilitator"])
        if approved:
            record.approve_record(record=draft, approved_by=self.people["facilitator"])
        return draft

    def new_record_action(self):
        draft = self.new_record()
        action = record.add_record_action(
            entry=draft.entries.get(), added_by=self.people["facilitator"], text="Call the GP",
            owner=self.people["member"],
        )  # fmt: skip
        record.approve_record(record=draft, approved_by=self.people["facilitator"])
        return action

    def new_case_action_of_member(self):
        case = self.case("shared")
        return lifecycle.add_action_item(
            case=case, by=self.people["facilitator"], text="Ring the team", owner=self.people["member"]
        )

    def new_consent(self):
        expert = MembershipFactory(site=self.site, person__expert_by_experience=True).person
        return ExpertConsent.objects.create(
            site=self.site, expert=expert, agreed_to_share="My story", contact_by="Email", given_on=timezone.localdate()
        )

    def evidence(self, state: str):
        """An evidence item with a file: in the library only ("library"), attached only to a CP1 case in `state`,
        or attached only to a shared CP3 case ("other_site")."""
        if state not in self._evidence:
            broker = self.people["broker"]
            item = evidence_services.add_evidence(
                by=broker, title=f"Evidence {state}", file=SimpleUploadedFile("report.pdf", b"%PDF-1.4 test")
            )
            if state == "other_site":
                evidence_services.attach_evidence(case=self.case_of_other_site(), evidence=item, by=broker)
            elif state != "library":
                evidence_services.attach_evidence(case=self.case(state), evidence=item, by=broker)
            self._evidence[state] = item
        return self._evidence[state]

    def case_of_other_site(self):
        """A shared CP3 case presented by "other_member"."""
        if "other-site" not in self._cases:
            case = lifecycle.create_case(
                site=self.other_site, by=self.people["other_member"], title="Night-time calls",
                presentation="A woman calls the crisis line most nights.",
            )  # fmt: skip
            lifecycle.share_case(case=case, by=self.people["other_member"])
            self._cases["other-site"] = case
        return self._cases["other-site"]

    def new_evidence_link_on_other_site(self):
        return evidence_services.attach_evidence(
            case=self.case_of_other_site(), evidence=EvidenceFactory(), by=self.people["broker"]
        )

    def checklist_item_of_other_site(self):
        ensure_site_checklist(self.other_site)
        return self.other_site.checklist_items.first()

    def new_evidence_link(self):
        """A fresh link on the shared case for each request that removes one."""
        item = EvidenceFactory()
        return evidence_services.attach_evidence(case=self.case("shared"), evidence=item, by=self.people["broker"])

    def question(self):
        if self._question is None:
            self._question = evidence_services.ask_question(
                case=self.case("shared"), by=self.people["member"], text="Is there evidence on weekend crisis plans?"
            )
        return self._question

    # The forum: a thread of each kind on CP1 (the programme board's too), each opened by CP1's member.
    def forum_thread(self, kind: str):
        key = f"forum-{kind}"
        if key not in self._cases:
            member = self.people["member"]
            if kind in ("case", "learning_object"):
                case = self.case("shared" if kind == "case" else "published")
                thread = forum_services.thread_for_case(case=case, kind=kind)
                forum_services.add_post(thread=thread, by=member, body="What helped at weekends?")
            elif kind == "facilitators_board":
                thread = forum_services.start_topic(
                    by=self.people["facilitator"], facilitators=True, title="Supervision", body="How often?"
                ).thread
            elif kind == "site_board":
                thread = forum_services.start_topic(
                    by=member, site=self.site, title="Room booking", body="Who has the key?"
                ).thread
            else:
                thread = forum_services.start_topic(
                    by=member, title="Dual diagnosis in Stoke?", body="Anyone found a way into services?"
                ).thread
            self._cases[key] = thread
        return self._cases[key]

    def new_forum_post(self, kind: str = "programme_board", *, held: bool = False):
        """A fresh post by CP1's member; held by the gate (possible personal data) if asked."""
        body = "Ring Mrs Jane Doe on 07700 900123." if held else "We tried the recovery hub."
        return forum_services.add_post(thread=self.forum_thread(kind), by=self.people["member"], body=body)

    def forum_post(self, state: str):
        """One post by CP1's member on the programme board, "visible" or "held"."""
        key = f"forum-post-{state}"
        if key not in self._cases:
            self._cases[key] = self.new_forum_post(held=state == "held")
        return self._cases[key]

    def new_forum_report(self):
        """An open report by CP1's facilitator on a fresh post on CP1's board."""
        post = self.new_forum_post("site_board")
        return forum_services.report_post(post=post, by=self.people["facilitator"], reason="Please check this.")

    def agency(self, *, other_site: bool = False):
        """An agency CP1 (or CP3) approaches, with a manager."""
        from recruitment.models import Agency

        site = self.other_site if other_site else self.site

        def build():
            agency = Agency.objects.create(site=site, name=f"Adult social care {site.code}")
            agency.managers.create(name="Sam Team-Manager", role="Team manager", email="manager@example.org")
            return agency

        return self.cached(f"agency-{site.code}", build)

    def approach(self, *, other_site: bool = False):
        """An approach recorded to that agency last week."""
        from recruitment.models import Approach

        agency = self.agency(other_site=other_site)
        return self.cached(
            f"approach-{agency.pk}",
            lambda: Approach.objects.create(
                agency=agency, approached_on=timezone.localdate() - timedelta(days=7), made_by="Fran"
            ),
        )

    def host_site_call(self, *, closed: bool = False):
        """A call for host sites, open for two more weeks or closed yesterday."""
        from recruitment.models import HostSiteCall

        closes_on = timezone.localdate() + timedelta(days=-1 if closed else 14)
        return self.cached(
            f"call-{closed}",
            lambda: HostSiteCall.objects.create(
                title="Host a community of practice", criteria="Group-work experience\nA senior sponsor",
                closes_on=closes_on, opened_by=self.people["admin"],
            ),
        )  # fmt: skip

    def new_application(self):
        """An application to the open call, made afresh for each request that decides one."""
        from recruitment.models import HostSiteApplication

        return HostSiteApplication.objects.create(
            call=self.host_site_call(), organisation=f"Applicant {self.counter('applicant')}", town="Halifax",
            contact_name="Ruth", contact_email="ruth@example.org", facilitator_name="Imran",
            facilitator_email=f"imran{self.counter('facilitator')}@example.org", facilitator_experience="Ran groups",
            sectors=["voluntary"], sponsor_name="Helen", sponsor_role="Chief executive", venue="Chapel room",
        )  # fmt: skip

    def new_target(self):
        return TargetDiscipline.objects.create(
            site=self.site, name=f"Discipline {TargetDiscipline.objects.count()}", keywords="probation"
        )


def build_case(world, state: str):
    member, facilitator = world.people["member"], world.people["facilitator"]
    today = timezone.localdate()
    case = lifecycle.create_case(
        site=world.site,
        by=member,
        title="Weekend crises",
        presentation="A man in his forties attends A&E most weekends.",
    )
    lifecycle.add_action_item(case=case, by=member, text="Ask the neighbourhood team to call on Saturdays.")
    order = ["draft", "shared", "discussed", "followed_up", "written_up", "published", "public"]
    steps = {
        "shared": lambda: lifecycle.share_case(case=case, by=member),
        "discussed": lambda: lifecycle.record_discussion(
            case=case, by=facilitator, meeting=MeetingFactory(site=world.site, starts_at=at(today - timedelta(days=40)))
        ),
        "followed_up": lambda: lifecycle.record_follow_up(
            case=case,
            by=member,
            meeting=MeetingFactory(site=world.site, starts_at=at(today - timedelta(days=10))),
            what_happened="Stable since the plan was agreed.",
            outcome=Outcome.MAINTENANCE,
        ),
        "written_up": lambda: lifecycle.write_up_case(case=case, by=facilitator, summary="A weekend plan helped."),
        "published": lambda: lifecycle.publish_case(case=case, by=facilitator),
        "public": lambda: lifecycle.make_case_public(case=case, by=facilitator),
    }
    for reached in order[1 : order.index(state) + 1]:
        steps[reached]()
    case.refresh_from_db()
    return case


@pytest.fixture
def world(db):
    site = SiteFactory(code="CP1")
    other_site = SiteFactory(code="CP3", town="Colchester")
    people = {
        "member": MembershipFactory(site=site).person,
        "other_member": MembershipFactory(site=other_site).person,
        "facilitator": MembershipFactory(site=site, role=MembershipRole.FACILITATOR).person,
        "other_facilitator": MembershipFactory(site=other_site, role=MembershipRole.FACILITATOR).person,
        "broker": UserFactory(is_knowledge_broker=True),
        "commissioner": UserFactory(is_commissioner=True),
        "admin": UserFactory(is_programme_admin=True),
    }
    # A commissioner holding a CP1 membership made behind the services' back (see SAME_ANSWERS_AS in matrix.py).
    people["commissioner_with_membership"] = Membership.objects.create(
        site=site, person=UserFactory(is_commissioner=True), joined=timezone.localdate() - timedelta(days=30)
    ).person
    sent = member_services.invite_person(
        invited_by=people["admin"], email="invitee@example.org", role="member", site=site
    )
    leaver = MembershipFactory(site=site, left=timezone.localdate() - timedelta(days=1), left_reason="moved").person
    return World(
        site=site,
        other_site=other_site,
        people=people,
        invitation_token=sent.url.rstrip("/").rsplit("/", 1)[1],
        leaver=leaver,
        membership=Membership.objects.get(site=site, person=people["member"]),
    )
