"""The recruitment rules of the site health job (registered with toolkit.health_rules.health_rule):
- no senior sponsor by the second meeting (CP2: a junior facilitator without one could not reach managers);
- an agency that sends a different person each time (CP3: agencies sent "someone", not the same worker);
- fewer than two experts by experience from the first meeting on (the report: from the outset, two at a time)."""

from __future__ import annotations

from recruitment.continuity import DIFFERENT_EACH_TIME_FROM, agency_continuity
from recruitment.models import SeniorSponsor
from sites.models import Membership, MembershipRole
from toolkit.health_rules import HealthWarning, SiteFacts, health_rule
from toolkit.models import HealthStatus

SPONSOR_BY_MEETING = 2
EXPERTS_AT_A_TIME = 2


@health_rule
def no_senior_sponsor(facts: SiteFacts) -> list[HealthWarning]:
    held = len(facts.held_meetings)
    if held < SPONSOR_BY_MEETING or SeniorSponsor.objects.filter(site=facts.site).exists():
        return []
    return [
        HealthWarning(
            "no_senior_sponsor",
            HealthStatus.AT_RISK,
            f"No senior sponsor named after {held} meetings. CP2 closed after its third meeting: its facilitator "
            "needed someone senior to open doors to managers. Ask a senior manager in the host organisation to "
            "sponsor the site, and record them in the recruitment panel.",
        )
    ]


@health_rule
def agency_sends_different_people(facts: SiteFacts) -> list[HealthWarning]:
    looked_at, rows = agency_continuity(facts.site, now=facts.now)
    changing = [row for row in rows if row.different_each_time]
    if not changing:
        return []
    names = ", ".join(f"{row.agency} ({row.people} people at {row.meetings_sent} meetings)" for row in changing)
    return [
        HealthWarning(
            "agency_sends_different_people",
            HealthStatus.WATCH,
            f"A different person each time from {names}, over the last {looked_at} meetings (at least "
            f"{DIFFERENT_EACH_TIME_FROM} meetings, nobody came back). Ask their managers to release the same worker "
            "each month, as CP3 learned.",
        )
    ]


@health_rule
def too_few_experts_by_experience(facts: SiteFacts) -> list[HealthWarning]:
    if not facts.held_meetings:
        return []
    experts = (
        Membership.objects.current(facts.today)
        .filter(site=facts.site, role=MembershipRole.MEMBER, person__expert_by_experience=True)
        .count()
    )
    if experts >= EXPERTS_AT_A_TIME:
        return []
    have = "no expert" if experts == 0 else "only one expert"
    return [
        HealthWarning(
            "too_few_experts_by_experience",
            HealthStatus.WATCH,
            f"The site has {have} by experience among its members. Involve them from the outset, two at a time: "
            "“having two is better than having one because it takes the heat off you” (CP6).",
        )
    ]
