from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from cases.services import lifecycle
from members.models import Sector
from sites.models import AttendanceStatus, MeetingStatus, MembershipRole
from tests.factories import AttendanceFactory, MembershipFactory, UserFactory
from tests.toolkit.helpers import ABSENT, PRESENT, ExpenseFactory, add_members, cp2_course, hold_meeting
from toolkit import health_rules
from toolkit.health_rules import HEALTH_RULES, HealthWarning, SiteFacts, count_confirmed_members, run_health_rules
from toolkit.models import HealthStatus, WarningThresholds
from toolkit.services.health import assess_site_health

pytestmark = pytest.mark.django_db


def facts(site, now=None, **limits) -> SiteFacts:
    thresholds = WarningThresholds.current()
    for name, value in limits.items():
        setattr(thresholds, name, value)
    return SiteFacts(site=site, thresholds=thresholds, now=now or timezone.now())


def rules_hit(site, now=None, **limits) -> set[str]:
    return {warning.rule for warning in run_health_rules(facts(site, now, **limits))}


# Fewer than six confirmed members after the third meeting (CP2's course)
def test_cp2_course_is_at_risk_after_meeting_three_for_too_few_confirmed_members(site, facilitator):
    first = timezone.localdate() - timedelta(days=100)
    _, meetings = cp2_course(site, facilitator, first)

    after_meeting_two = meetings[1].ends_at + timedelta(days=1)
    assert "too_few_confirmed_members" not in rules_hit(site, after_meeting_two)

    after_meeting_three = meetings[2].ends_at + timedelta(days=1)
    health = assess_site_health(site=site, now=after_meeting_three)
    assert health.status == HealthStatus.AT_RISK
    reason = next(r for r in health.reasons if r["rule"] == "too_few_confirmed_members")
    assert reason["level"] == HealthStatus.AT_RISK
    assert reason["text"].startswith("Fewer than 6 confirmed members after meeting 3: only 2 members have come to 2")


def test_confirmed_members_count_only_current_members_present_twice_at_held_meetings_of_this_site(
    site, other_site, facilitator
):
    now = timezone.now()
    day = timezone.localdate() - timedelta(days=60)
    regular, once, left, elsewhere = add_members(site, 4, joined=day - timedelta(days=30))
    left_membership = left.memberships.get()
    left_membership.left = timezone.localdate() - timedelta(days=1)
    left_membership.save()
    for offset in (0, 28):
        hold_meeting(site, day + timedelta(days=offset), {facilitator: PRESENT, regular: PRESENT, left: PRESENT})
    hold_meeting(site, day + timedelta(days=7), {once: PRESENT, regular: ABSENT})
    hold_meeting(site, day + timedelta(days=14), {once: PRESENT}, status=MeetingStatus.CANCELLED)
    hold_meeting(site, timezone.localdate() + timedelta(days=7), {once: PRESENT})  # not held yet
    for offset in (0, 28):
        hold_meeting(other_site, day + timedelta(days=offset), {elsewhere: PRESENT})

    assert count_confirmed_members(site, attended_at_least=2, now=now) == 1


def test_six_confirmed_members_after_meeting_three_raise_no_warning(site, facilitator):
    first = timezone.localdate() - timedelta(days=90)
    members = add_members(site, 6, joined=first)
    for n in range(3):
        hold_meeting(site, first + timedelta(days=28 * n), {person: PRESENT for person in members})
    assert "too_few_confirmed_members" not in rules_hit(site)


# Attendance falling over the last three held meetings
def test_attendance_falling_at_each_of_the_last_three_meetings_is_a_watch(site):
    people = add_members(site, 4, joined=timezone.localdate() - timedelta(days=200))
    first = timezone.localdate() - timedelta(days=90)
    for n, present in enumerate([4, 3, 2]):
        register = {p: PRESENT if i < present else ABSENT for i, p in enumerate(people)}
        hold_meeting(site, first + timedelta(days=28 * n), register)
    broker = UserFactory(is_knowledge_broker=True)
    AttendanceFactory(meeting=site.meetings.last(), person=broker, status=AttendanceStatus.PRESENT, is_guest=True)

    [warning] = [w for w in run_health_rules(facts(site)) if w.rule == "attendance_falling"]
    assert warning.level == HealthStatus.WATCH
    assert "100%, then 75%, then 50%" in warning.text


def test_attendance_level_or_rising_is_not_a_warning(site):
    people = add_members(site, 4, joined=timezone.localdate() - timedelta(days=200))
    first = timezone.localdate() - timedelta(days=90)
    for n, present in enumerate([4, 2, 2]):
        hold_meeting(
            site, first + timedelta(days=28 * n), {p: PRESENT if i < present else ABSENT for i, p in enumerate(people)}
        )
    assert "attendance_falling" not in rules_hit(site)


# A sector missing for three months
def test_sector_missing_for_ninety_days_is_named(site):
    today = timezone.localdate()
    add_members(site, 3, joined=today - timedelta(days=150))  # voluntary sector
    left_long_ago = MembershipFactory(site=site, person__sector=Sector.NHS, joined=today - timedelta(days=150))
    left_long_ago.left = today - timedelta(days=100)
    left_long_ago.save()
    MembershipFactory(
        site=site,
        person__sector=Sector.LOCAL_AUTHORITY,
        joined=today - timedelta(days=150),
        left=today - timedelta(days=30),
    )
    MembershipFactory(site=site, person__sector=Sector.VOLUNTARY, person__expert_by_experience=True)
    MembershipFactory(site=site, person__sector=Sector.CRIMINAL_JUSTICE, role=MembershipRole.FACILITATOR)

    texts = [w.text for w in run_health_rules(facts(site)) if w.rule == "sector_missing"]
    assert texts == [
        "No member from NHS or Criminal Justice & Police for more than 90 days. "
        "Check the gaps panel on the site page for who to approach."
    ]


def test_a_site_younger_than_the_gap_has_no_sector_warning(site):
    site.start_date = timezone.localdate() - timedelta(days=30)
    site.save()
    assert "sector_missing" not in rules_hit(site)


# No case presented at the last two meetings: only once the cases app has a Case model
def test_no_case_at_the_last_two_meetings_is_a_watch(site, member):
    first = timezone.localdate() - timedelta(days=60)
    for n in range(2):
        hold_meeting(site, first + timedelta(days=28 * n), {})
    [warning] = health_rules.no_recent_case(facts(site))
    assert warning.level == HealthStatus.WATCH and "last 2 meetings" in warning.text
    assert health_rules.no_recent_case in HEALTH_RULES


def test_a_case_discussed_at_one_of_the_last_two_meetings_clears_the_warning(site, member, facilitator):
    first = timezone.localdate() - timedelta(days=60)
    meetings = [hold_meeting(site, first + timedelta(days=28 * n), {}) for n in range(2)]
    case = lifecycle.create_case(site=site, by=member, title="Weekend crises", presentation="A man in his forties.")
    lifecycle.share_case(case=case, by=member)
    lifecycle.record_discussion(case=case, by=facilitator, meeting=meetings[-1])
    assert health_rules.no_recent_case(facts(site)) == []


# No meeting in the last six weeks
def test_no_meeting_for_six_weeks_and_none_scheduled_is_at_risk(site):
    last = timezone.localdate() - timedelta(days=50)
    hold_meeting(site, last, {})
    [warning] = [w for w in run_health_rules(facts(site)) if w.rule == "no_recent_meeting"]
    assert warning.level == HealthStatus.AT_RISK
    assert f"the last was on {last.day} {last:%B %Y}" in warning.text and "none is scheduled" in warning.text


def test_no_meeting_for_six_weeks_with_the_next_one_booked_is_a_watch(site):
    hold_meeting(site, timezone.localdate() - timedelta(days=50), {})
    hold_meeting(site, timezone.localdate() + timedelta(days=5), {})
    [warning] = [w for w in run_health_rules(facts(site)) if w.rule == "no_recent_meeting"]
    assert warning.level == HealthStatus.WATCH


def test_no_meeting_rule_waits_for_the_first_meeting_and_ignores_a_recent_one(site):
    assert "no_recent_meeting" not in rules_hit(site)
    hold_meeting(site, timezone.localdate() - timedelta(days=20), {})
    assert "no_recent_meeting" not in rules_hit(site)


# Budget spent faster than meetings held
def test_budget_spent_well_ahead_of_meetings_is_a_watch(site):
    hold_meeting(site, timezone.localdate() - timedelta(days=10), {})
    ExpenseFactory(site=site, amount=Decimal("4000.00"))
    [warning] = [w for w in run_health_rules(facts(site)) if w.rule == "budget_ahead_of_meetings"]
    assert warning.text.startswith("£4,000.00 of the £6,950.00 award is spent (58%) but only 1 of the 6")


def test_budget_in_step_with_meetings_is_fine(site):
    hold_meeting(site, timezone.localdate() - timedelta(days=10), {})
    ExpenseFactory(site=site, amount=Decimal("2000.00"))  # 29% spent, 17% of meetings held: 12 points
    assert "budget_ahead_of_meetings" not in rules_hit(site)
    assert "budget_ahead_of_meetings" in rules_hit(site, budget_margin_points=10)


# The status and the registry
def test_status_is_the_worst_warning_and_healthy_without_any(site):
    assert health_rules.overall_status([]) == HealthStatus.HEALTHY
    watch = HealthWarning("a", HealthStatus.WATCH, "a")
    at_risk = HealthWarning("b", HealthStatus.AT_RISK, "b")
    assert health_rules.overall_status([watch]) == HealthStatus.WATCH
    assert health_rules.overall_status([watch, at_risk]) == HealthStatus.AT_RISK


def test_a_registered_rule_is_run_with_the_others(site, monkeypatch):
    monkeypatch.setattr(health_rules, "HEALTH_RULES", list(HEALTH_RULES))

    @health_rules.health_rule
    def always_watch(facts):
        return [HealthWarning("always", HealthStatus.WATCH, f"{facts.site.code} is watched.")]

    site.start_date = timezone.localdate()
    site.save()
    assert [w.text for w in run_health_rules(facts(site))] == ["CP1 is watched."]


def test_raising_a_threshold_changes_the_outcome(site, facilitator):
    _, meetings = cp2_course(site, facilitator, timezone.localdate() - timedelta(days=100))
    after = meetings[2].ends_at + timedelta(days=1)
    assert "too_few_confirmed_members" in rules_hit(site, after)
    assert "too_few_confirmed_members" not in rules_hit(site, after, min_confirmed_members=2)
    assert "too_few_confirmed_members" not in rules_hit(site, after, confirmed_after_meetings=4)
