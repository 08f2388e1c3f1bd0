"""The recruitment health rules on the report's stories: CP2 (no senior sponsor; closed after its third meeting),
CP3 (agencies sent "someone", not the same worker each time), CP6 (two experts by experience, from the outset)."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from recruitment.continuity import agency_continuity
from recruitment.services.agencies import set_senior_sponsor
from sites.models import MembershipRole
from tests.factories import MembershipFactory
from tests.toolkit.helpers import ABSENT, PRESENT, add_members, cp2_course, hold_meeting
from toolkit.health_rules import SiteFacts, run_health_rules
from toolkit.models import HealthStatus, WarningThresholds
from toolkit.services.health import assess_site_health

pytestmark = pytest.mark.django_db


def warnings(site, now=None) -> dict[str, object]:
    facts = SiteFacts(site=site, thresholds=WarningThresholds.current(), now=now or timezone.now())
    return {warning.rule: warning for warning in run_health_rules(facts)}


def add_experts(site, count: int, *, joined):
    return [
        MembershipFactory(site=site, joined=joined, person__expert_by_experience=True, person__sector="").person
        for _ in range(count)
    ]


# CP2: a junior facilitator, no senior sponsor, too few members released by their managers
def test_cp2_without_a_senior_sponsor_is_at_risk_from_the_second_meeting(site, facilitator):
    first = timezone.localdate() - timedelta(days=100)
    _, meetings = cp2_course(site, facilitator, first)
    after_first = meetings[0].ends_at + timedelta(days=1)
    assert "no_senior_sponsor" not in warnings(site, after_first)

    after_second = meetings[1].ends_at + timedelta(days=1)
    warning = warnings(site, after_second)["no_senior_sponsor"]
    assert warning.level == HealthStatus.AT_RISK
    assert warning.text.startswith("No senior sponsor named after 2 meetings.")
    assert "record them in the recruitment panel" in warning.text

    health = assess_site_health(site=site, now=meetings[2].ends_at + timedelta(days=1))
    assert health.status == HealthStatus.AT_RISK
    assert {"no_senior_sponsor", "too_few_confirmed_members"} <= {r["rule"] for r in health.reasons}


def test_a_sponsor_named_clears_the_warning_and_the_site_page_shows_them(client, site, facilitator):
    first = timezone.localdate() - timedelta(days=100)
    cp2_course(site, facilitator, first)
    set_senior_sponsor(site=site, by=facilitator, name="Jo Okafor", role="Director of services",
                       agency="Brighton Housing Trust", agreed_on=first + timedelta(days=10))  # fmt: skip
    assert "no_senior_sponsor" not in warnings(site)
    client.force_login(facilitator)
    html = client.get(reverse("sites:detail", args=[site.pk])).content.decode()
    assert "Jo Okafor, Director of services, Brighton Housing Trust" in html


# CP3: agencies sent "someone", not the same worker
def test_cp3_agency_sending_a_different_person_each_time_is_a_watch(other_site):
    site = other_site
    first = timezone.localdate() - timedelta(days=130)
    social_care = [
        MembershipFactory(site=site, joined=first - timedelta(days=30), person__agency="Essex adult social care").person
        for _ in range(4)
    ]
    probation = MembershipFactory(site=site, joined=first - timedelta(days=30), person__agency="Probation").person
    meetings = [
        hold_meeting(site, first + timedelta(days=28 * n), {social_care[n]: PRESENT, probation: PRESENT})
        for n in range(4)
    ]
    looked_at, rows = agency_continuity(site)
    assert looked_at == 4
    assert [(r.agency, r.meetings_sent, r.people, r.came_back) for r in rows] == [
        ("Essex adult social care", 4, 4, False),
        ("Probation", 4, 1, True),
    ]
    warning = warnings(site)["agency_sends_different_people"]
    assert warning.level == HealthStatus.WATCH
    assert warning.text.startswith("A different person each time from Essex adult social care (4 people at 4 meetings)")
    assert "Probation" not in warning.text

    # Two meetings in, it is too early to say; once one of the workers comes back, the warning goes.
    assert "agency_sends_different_people" not in warnings(site, meetings[1].ends_at + timedelta(days=1))
    hold_meeting(site, first + timedelta(days=28 * 4), {social_care[3]: PRESENT, probation: PRESENT})
    assert "agency_sends_different_people" not in warnings(site)


def test_continuity_counts_the_agency_however_it_is_typed_and_leaves_out_facilitators_and_guests(site, facilitator):
    day = timezone.localdate() - timedelta(days=90)
    people = [
        MembershipFactory(site=site, person__agency=name).person
        for name in ("Essex  adult social care", "essex adult social care", "ESSEX ADULT SOCIAL CARE ")
    ]
    for n, person in enumerate(people):
        meeting = hold_meeting(site, day + timedelta(days=28 * n), {person: PRESENT, facilitator: PRESENT})
        guest = MembershipFactory(site=site, person__agency="Visiting broker").person
        meeting.attendances.create(person=guest, status=PRESENT, is_guest=True)
    _, rows = agency_continuity(site)
    assert [(r.agency, r.meetings_sent, r.people, r.different_each_time) for r in rows] == [
        ("Essex adult social care", 3, 3, True)
    ]


# Experts by experience: from the outset, two at a time (CP6)
def test_fewer_than_two_experts_by_experience_is_a_watch_from_the_first_meeting(site):
    day = timezone.localdate() - timedelta(days=40)
    assert "too_few_experts_by_experience" not in warnings(site)  # nothing held yet
    members = add_members(site, 6, joined=day - timedelta(days=30))
    hold_meeting(site, day, {person: PRESENT for person in members})
    assert "no expert by experience" in warnings(site)["too_few_experts_by_experience"].text

    [expert] = add_experts(site, 1, joined=day)
    assert "only one expert by experience" in warnings(site)["too_few_experts_by_experience"].text
    add_experts(site, 1, joined=day)
    assert "too_few_experts_by_experience" not in warnings(site)

    # An expert who left no longer counts; a facilitator flagged as an expert is not one of the two members.
    membership = expert.memberships.get(site=site)
    membership.left = timezone.localdate() - timedelta(days=1)
    membership.save()
    MembershipFactory(site=site, role=MembershipRole.FACILITATOR, person__expert_by_experience=True)
    assert warnings(site)["too_few_experts_by_experience"].level == HealthStatus.WATCH


def test_cp6_with_two_experts_and_a_sponsor_and_steady_workers_has_no_recruitment_warning(site, facilitator):
    first = timezone.localdate() - timedelta(days=150)
    members = add_members(site, 6, joined=first - timedelta(days=30))
    experts = add_experts(site, 2, joined=first - timedelta(days=30))
    set_senior_sponsor(site=site, by=facilitator, name="Pat Lee", role="Chief executive", agency="West Cumbria CVS",
                       agreed_on=first - timedelta(days=60))  # fmt: skip
    for n in range(5):
        hold_meeting(site, first + timedelta(days=28 * n),
                     {**{p: PRESENT for p in members + experts}, members[n]: ABSENT})  # fmt: skip
    assert not {"no_senior_sponsor", "agency_sends_different_people", "too_few_experts_by_experience"} & set(
        warnings(site)
    )


def test_the_site_page_shows_who_came_from_each_agency(client, other_site):
    """CP3's facilitator reads, per agency, how many different people came and whether anyone came back."""
    site = other_site
    first = timezone.localdate() - timedelta(days=130)
    social_care = [
        MembershipFactory(site=site, joined=first - timedelta(days=30), person__agency="Essex adult social care").person
        for _ in range(3)
    ]
    probation = MembershipFactory(site=site, joined=first - timedelta(days=30), person__agency="Probation").person
    for n in range(3):
        hold_meeting(site, first + timedelta(days=28 * n), {social_care[n]: PRESENT, probation: PRESENT})
    facilitator = MembershipFactory(site=site, role=MembershipRole.FACILITATOR).person
    client.force_login(facilitator)
    html = client.get(reverse("sites:detail", args=[site.pk])).content.decode()
    panel = html[html.index("Who comes from each agency") : html.index("</table>", html.index("Who comes from"))]
    rows = [" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in panel.split("<tr>")[2:]]
    assert rows == [
        "Essex adult social care 3 3 No: a different person each time",
        "Probation 3 1 Yes",
    ]
    assert "Over the last 3 meetings held" in panel
