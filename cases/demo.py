"""Demo cases at CP1: a published learning object about weekend crises, a shared case and a draft. Made through
the lifecycle services so the demo has real history. Creating them twice changes nothing."""

from django.db import transaction
from django.utils import timezone

from cases.models import Case, Evidence, EvidenceKind, Outcome, Theme
from cases.services import evidence, lifecycle
from members.models import User
from sites.models import Membership, MembershipRole, Site

WEEKEND_TITLE = "Weekend crises and repeated A&E attendance"


@transaction.atomic
def create_demo_cases() -> bool:
    site = Site.objects.filter(code="CP1").first()
    member = User.objects.filter(email="member@example.org").first()
    if site is None or member is None or Case.objects.filter(site=site, title=WEEKEND_TITLE).exists():
        return False
    facilitator = Membership.objects.filter(site=site, role=MembershipRole.FACILITATOR).first().person
    colleague = Membership.objects.filter(site=site, role=MembershipRole.MEMBER).exclude(person=member).first().person
    names = ["Weekend crises", "Mental health", "Substance misuse", "Secret caseloads", "Dual diagnosis"]
    names += ["Leaving care", "Accommodation"]
    themes = {name: Theme.objects.get_or_create(name=name)[0] for name in names}
    past = list(site.meetings.filter(starts_at__lt=timezone.now()).order_by("starts_at"))

    weekend = lifecycle.create_case(
        site=site,
        by=member,
        presenters=[member, colleague],
        title=WEEKEND_TITLE,
        kind="challenging",
        themes=[themes["Weekend crises"], themes["Mental health"], themes["Substance misuse"]],
        presentation=(
            "A man in his forties with a long history of alcohol use and low mood attends A&E most weekends, "
            "usually on a Saturday night after his support worker's office has closed. He has a tenancy but "
            "falls behind with rent when he drinks. Each attendance ends with discharge home in the early "
            "hours; nobody in the community hears about it until Monday."
        ),
        learning=(
            "Crises cluster at weekends when community services are closed. A shared weekend plan, agreed with "
            "the person and known to the hospital liaison team, changed the pattern more than any single service."
        ),
        commissioner_issues=(
            "No community mental health or alcohol service is available from Friday evening to Monday morning. "
            "Hospital discharge information does not reach housing support until the next working day."
        ),
    )
    plan = lifecycle.add_action_item(
        case=weekend,
        by=member,
        text="Agree a written weekend plan with him, shared with the alcohol liaison nurse.",
        owner_agency="University Hospitals NHS Trust",
    )
    lifecycle.add_action_item(
        case=weekend, by=member, text="Ask the housing officer about a rent payment plan.", owner_agency="City Council"
    )
    lifecycle.share_case(case=weekend, by=member)
    lifecycle.record_discussion(case=weekend, by=facilitator, meeting=past[-3])
    lifecycle.record_follow_up(
        case=weekend,
        by=member,
        meeting=past[-1],
        what_happened=(
            "The weekend plan is in place. He attended A&E once in two months instead of most weekends, and "
            "the liaison nurse now tells the support worker on Monday morning."
        ),
        outcome=Outcome.PREVENTION,
        helpful_actions=[plan],
    )
    lifecycle.write_up_case(
        case=weekend,
        by=facilitator,
        summary=(
            "A weekend plan shared between the person, housing support and the hospital's alcohol liaison nurse "
            "prevented most weekend A&E attendances. Prevention counts: nothing dramatic changed, "
            "but the crises stopped."
        ),
    )
    lifecycle.publish_case(case=weekend, by=facilitator)

    shared = lifecycle.create_case(
        site=site,
        by=colleague,
        title="A secret caseload: kept on after discharge",
        kind="challenging",
        themes=[themes["Secret caseloads"], themes["Dual diagnosis"]],
        presentation=(
            "A young woman was discharged by the community mental health team but still phones her former "
            "worker every week. The worker keeps seeing her informally because there is nowhere else to refer her."
        ),
    )
    lifecycle.share_case(case=shared, by=colleague)

    lifecycle.create_case(
        site=site,
        by=member,
        title="Leaving care at eighteen with nowhere to go",
        kind="innovative",
        themes=[themes["Leaving care"], themes["Accommodation"]],
        presentation=(
            "A care leaver turned eighteen during a housing waiting list freeze. A joint visit by the leaving "
            "care team and a housing support worker found a supported lodging within a week."
        ),
    )
    create_demo_evidence()
    return True


@transaction.atomic
def create_demo_evidence() -> bool:
    """Two library items (one on the weekend learning object) and an open question on the shared case."""
    broker = User.objects.filter(email="broker@example.org").first()
    weekend = Case.objects.filter(title=WEEKEND_TITLE).first()
    shared = Case.objects.filter(status="shared", site__code="CP1").first()
    if broker is None or weekend is None or Evidence.objects.exists():
        return False
    weekend_evidence = evidence.add_evidence(
        by=broker,
        kind=EvidenceKind.RESEARCH,
        title=(
            "Effectiveness of interventions to decrease emergency department visits by adult frequent users: "
            "a systematic review"
        ),
        authors="Moe, Jessica; Kirkland, Scott; Rawe, Erin",
        year=2017,
        publisher="Academic Emergency Medicine",
        summary=(
            "Case management and individual care plans reduced emergency visits by frequent attenders in most "
            "studies. Plans that reach every service involved, out of hours too, matter more than any single service."
        ),
        themes=list(Theme.objects.filter(name__in=["Weekend crises", "Mental health"])),
    )
    evidence.attach_evidence(
        case=weekend,
        evidence=weekend_evidence,
        by=broker,
        note="Supports the shared weekend plan: individual care plans known to the hospital cut repeat attendances.",
    )
    evidence.add_evidence(
        by=broker,
        kind=EvidenceKind.GUIDANCE,
        title="Coexisting severe mental illness and substance misuse: community health and social care services",
        authors="National Institute for Health and Care Excellence",
        year=2016,
        publisher="NICE",
        url="https://www.nice.org.uk/guidance/ng58",
        summary="Services should not turn people away because of their substance use; one named worker coordinates.",
        themes=list(Theme.objects.filter(name__in=["Dual diagnosis", "Substance misuse"])),
    )
    if shared is not None:
        asker = shared.presenters.first()
        evidence.ask_question(
            case=shared,
            by=asker,
            text="Is there evidence on what helps when a service keeps seeing someone informally after discharge?",
        )
    return True
