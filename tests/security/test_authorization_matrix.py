"""Every URL pattern x every role x GET and POST: the expected answer, and zero unexpected successes."""

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from cases.models import Outcome
from cases.services import evidence as evidence_services
from cases.services import gate, lifecycle
from members import services as member_services
from members.models import Membership, MembershipRole
from sites.models import Expense, TargetDiscipline
from tests.factories import EvidenceFactory, MeetingFactory, MembershipFactory, SiteFactory, UserFactory, at
from tests.security.matrix import (
    ADMIN_NAMESPACE,
    CHECKED,
    FORBIDDEN,
    GONE,
    LOGIN,
    MATRIX,
    METHOD,
    NOT_FOUND,
    OK,
    ROLES,
    THIRD_PARTY_PREFIXES,
)


def all_url_names(patterns=None, namespace=""):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from all_url_names(pattern.url_patterns, inner)
        elif pattern.name:
            yield namespace + pattern.name


@dataclass
class World:
    site: object
    other_site: object
    people: dict
    invitation_token: str
    leaver: object
    membership: object
    _cases: dict = dataclass_field(default_factory=dict)
    _evidence: dict = dataclass_field(default_factory=dict)
    _question: object = None

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

    def finding(self, state: str, *, dismissed: bool = False):
        case = lifecycle.create_case(
            site=self.site,
            by=self.people["member"],
            title="Weekend crises",
            presentation="Call him on 07700 900123 at weekends.",
        )
        finding = case.findings.get()
        if dismissed:
            gate.dismiss_finding(finding=finding, by=self.people["member"], reason="A service's public number.")
        return finding

    def evidence(self, state: str):
        """An evidence item with a file: in the library only, or attached only to a CP1 case in `state`."""
        if state not in self._evidence:
            broker = self.people["broker"]
            item = evidence_services.add_evidence(
                by=broker, title=f"Evidence {state}", file=SimpleUploadedFile("report.pdf", b"%PDF-1.4 test")
            )
            if state != "library":
                evidence_services.attach_evidence(case=self.case(state), evidence=item, by=broker)
            self._evidence[state] = item
        return self._evidence[state]

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


def outcome_of(response) -> str:
    if response.status_code in (301, 302, 303):
        return LOGIN if reverse("account_login") in response["Location"] else OK
    return {403: FORBIDDEN, 404: NOT_FOUND, 410: GONE, 405: METHOD}.get(
        response.status_code, OK if response.status_code < 400 else str(response.status_code)
    )


def test_every_url_pattern_has_an_entry_in_the_matrix():
    names = set(all_url_names())
    ours = {n for n in names if not n.startswith(THIRD_PARTY_PREFIXES) and not n.startswith(ADMIN_NAMESPACE)}
    covered = {key.split("@")[0] for key in MATRIX}
    missing = sorted(ours - covered)
    stale = sorted(covered - names)
    assert missing == [], f"URL patterns with no entry in tests/security/matrix.py: {missing}"
    assert stale == [], f"matrix entries for URL patterns that no longer exist: {stale}"


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", sorted(MATRIX))
def test_each_role_gets_the_expected_answer(client, world, url_name):
    entry = MATRIX[url_name]
    unexpected = []
    for method in ("get", "post"):
        expectations = entry.get if method == "get" or entry.post is None else entry.post
        for role in ROLES:
            client.logout()
            if role != "anonymous":
                client.force_login(world.people[role])
            url = reverse(url_name.split("@")[0], args=entry.args(world) if entry.args else None)
            response = getattr(client, method)(url)
            got = outcome_of(response)
            CHECKED["combinations"] += 1
            if got != expectations[role]:
                unexpected.append(f"{method.upper()} {url} as {role}: expected {expectations[role]}, got {got}")
    assert not unexpected, "\n".join(unexpected)
