"""Demo data for commissioner digests: cases at CP3 and CP4 raising issues that recur across sites (so the digest
has recurring themes and outcomes side by side), the commissioner's quarterly subscription and one response.
Made through the lifecycle services; creating them twice changes nothing."""

from django.db import transaction
from django.utils import timezone

from cases.models import Case, IssueStatus, Outcome, Theme
from cases.services import issues as issue_services
from cases.services import lifecycle
from digests.models import DigestSubscription
from members.models import User
from sites.models import Membership, MembershipRole, Site

DEMO_CASES = [
    (
        "CP3",
        "Discharged from hospital to no fixed address",
        ["Accommodation", "Mental health"],
        "A woman in her fifties was discharged from a mental health ward on a Friday with nowhere to stay. The "
        "housing team had not been told; she slept at a friend's until Tuesday.",
        "Hospital discharge planning does not include the council housing team until after discharge. A duty to "
        "refer exists, but no one owns it at weekends.",
        Outcome.PREVENTION,
    ),
    (
        "CP4",
        "Kept on the caseload after the service ended",
        ["Secret caseloads", "Dual diagnosis"],
        "A support worker kept a man with alcohol and mental health needs on her caseload for months after his "
        "funded support ended, because no other service would take him.",
        "Secret caseloads hide real demand: commissioned support ends at a fixed date whatever the person's needs. "
        "Dual diagnosis cases fall between the mental health and substance misuse contracts.",
        Outcome.MAINTENANCE,
    ),
    (
        "CP4",
        "Weekend crisis after the pharmacy closed",
        ["Weekend crises", "Mental health"],
        "A young man ran out of his medication on a Saturday and reached crisis by Sunday evening.",
        "No out-of-hours route to a prescriber for people known to community mental health teams. Weekend crises "
        "recur at several sites.",
        Outcome.RECOVERY,
    ),
]


@transaction.atomic
def create_demo_digest_data() -> bool:
    commissioner = User.objects.filter(email="commissioner@example.org").first()
    if commissioner is None or Case.objects.filter(title=DEMO_CASES[0][1]).exists():
        return False
    now = timezone.now()
    for code, title, theme_names, presentation, issues, outcome in DEMO_CASES:
        site = Site.objects.filter(code=code).first()
        if site is None:
            continue
        facilitator = Membership.objects.filter(site=site, role=MembershipRole.FACILITATOR).first().person
        member = Membership.objects.filter(site=site, role=MembershipRole.MEMBER).first().person
        past = list(site.meetings.filter(starts_at__lt=now).exclude(status="cancelled").order_by("starts_at"))
        if len(past) < 2:
            continue
        themes = [Theme.objects.get_or_create(name=name)[0] for name in theme_names]
        case = lifecycle.create_case(
            site=site, by=member, title=title, presentation=presentation, commissioner_issues=issues, themes=themes
        )
        lifecycle.share_case(case=case, by=member)
        lifecycle.record_discussion(case=case, by=facilitator, meeting=past[-2])
        lifecycle.record_follow_up(
            case=case,
            by=member,
            meeting=past[-1],
            what_happened="The actions agreed at the meeting were tried; see the outcome.",
            outcome=outcome,
        )
        if code == "CP3":
            issue_services.respond_to_issue(
                issue=case.commissioner_issue,
                by=commissioner,
                text="We are adding the council housing team to the discharge checklist from next quarter.",
                status=IssueStatus.UNDER_REVIEW,
            )
    DigestSubscription.objects.get_or_create(person=commissioner)
    return True
