"""Demo data: the report's six host sites with facilitators, members across the sectors, meetings and
attendance, and one account for every role. Creating it twice changes nothing."""

import functools
import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from members.models import Sector, User
from sites.models import (
    DEFAULT_GROUND_RULES,
    AgreementSource,
    Attendance,
    AttendanceStatus,
    Expense,
    ExpenseCategory,
    GroundRulesAgreement,
    GroundRulesVersion,
    Meeting,
    Membership,
    MembershipRole,
    Site,
    SiteStatus,
    TargetDiscipline,
)
from sites.services.sites import DEFAULT_TARGET_DISCIPLINES

DEMO_PASSWORD = "communities-demo"  # noqa: S105 - printed for the demo on purpose

DEMO_ACCOUNTS = [
    # email, name, role description
    ("admin@example.org", "Alex Admin", "Programme admin"),
    ("facilitator@example.org", "Fran Facilitator", "Facilitator of CP1 Brighton"),
    ("member@example.org", "Morgan Member", "Member of CP1 Brighton"),
    ("broker@example.org", "Kit Broker", "Knowledge broker"),
    ("commissioner@example.org", "Cam Commissioner", "Commissioner"),
]

SITES = [
    # code, town, host, status, ended reason, confirmed members, dropped out
    ("CP1", "Brighton", "Brighton Housing Trust", SiteStatus.ACTIVE, "", 12, 2),
    (
        "CP2",
        "Halifax",
        "Calderdale Voluntary Action",
        SiteStatus.FAILED,
        "Failed to recruit enough members to keep going beyond meeting three; the facilitator needed more "
        "senior management support to approach other agencies.",
        4,
        3,
    ),
    ("CP3", "Colchester", "Colchester Community Voluntary Services", SiteStatus.ACTIVE, "", 8, 2),
    ("CP4", "Stoke-on-Trent", "Brighter Futures", SiteStatus.ACTIVE, "", 11, 1),
    ("CP5", "Tower Hamlets", "Providence Row", SiteStatus.ACTIVE, "", 8, 1),
    (
        "CP6",
        "Workington",
        "West Cumbria Voluntary Action",
        SiteStatus.CLOSED,
        "Members felt they had exhausted the knowledge of the group after nearly two years; several had "
        "changed jobs after re-tendering.",
        5,
        0,
    ),
]

JOB_TITLES = {
    Sector.VOLUNTARY: [
        "Housing Support Worker",
        "Homelessness Outreach Worker",
        "Mental Health Link / Support Worker",
        "Substance Misuse Worker (adults)",
        "Women's Support Worker",
        "Domestic Violence Worker",
        "Family Support Worker",
        "Alcohol Outreach Worker",
        "Citizens Advice Bureau Worker",
    ],
    Sector.LOCAL_AUTHORITY: [
        "Housing Options / LA Homelessness",
        "Social Worker – Homelessness Response Team",
        "Leaving Care Team",
        "Community Safety Manager",
        "Local Area Co-ordinator",
    ],
    Sector.NHS: [
        "Community Psychiatric Nurse",
        "Dual Diagnosis Nurse Consultant",
        "Community Matron",
        "A&E (Alcohol Liaison Nurse)",
    ],
    Sector.CRIMINAL_JUSTICE: [
        "Probation Officer",
        "Integrated Offender Management Manager",
        "Police Sergeant",
        "Youth Offending Team",
    ],
    Sector.EXPERTS_BY_EXPERIENCE: ["Expert by experience"],
}
AGENCIES = {
    Sector.VOLUNTARY: ["St Mungo's", "Turning Point", "Mind", "Shelter", "YMCA", "Change Grow Live"],
    Sector.LOCAL_AUTHORITY: ["City Council", "Borough Council", "County Council"],
    Sector.NHS: ["Mental Health NHS Foundation Trust", "Community Health NHS Trust", "University Hospitals NHS Trust"],
    Sector.CRIMINAL_JUSTICE: ["Probation Service", "Police", "Youth Justice Service"],
    Sector.EXPERTS_BY_EXPERIENCE: [""],
}
GIVEN = [
    "Amira",
    "Ben",
    "Chloe",
    "Dev",
    "Eleanor",
    "Femi",
    "Grace",
    "Harry",
    "Isla",
    "Jack",
    "Kiran",
    "Leah",
    "Mohammed",
    "Niamh",
    "Owen",
    "Priya",
    "Rhys",
    "Sofia",
    "Tom",
    "Uma",
    "Vik",
    "Wendy",
    "Yusuf",
    "Zara",
]
FAMILY = [
    "Ahmed",
    "Barker",
    "Clarke",
    "Davies",
    "Evans",
    "Fletcher",
    "Green",
    "Hughes",
    "Iqbal",
    "Jones",
    "Khan",
    "Lewis",
    "Morris",
    "Novak",
    "Owens",
    "Patel",
    "Quinn",
    "Roberts",
    "Shah",
    "Taylor",
    "Walsh",
    "Young",
]


DEMO_NOTES = """### Case discussed
A challenging case (housing and mental health), presented jointly. The group agreed three **next steps**:

- ask the GP about a dual diagnosis referral;
- contact the council's housing options team before the weekend;
- the presenter reports back at the next meeting.

### Issues for commissioners
No out-of-hours crisis support for people who are not yet known to services.
"""


def _aware(day, hour: int):
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


@functools.cache
def _demo_password_hash() -> str:
    # Hashing is deliberately slow (about a second); the demo accounts share one hash of the demo password.
    return make_password(DEMO_PASSWORD)


def _person(email: str, name: str, sector: str, rng: random.Random, **flags) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email, name=name, sector=sector, **flags)
        user.job_title = rng.choice(JOB_TITLES[sector]) if sector else ""
        user.agency = rng.choice(AGENCIES[sector]) if sector else ""
        user.expert_by_experience = sector == Sector.EXPERTS_BY_EXPERIENCE
        user.password = _demo_password_hash()
        user.save()
    return user


def create_demo_sites(rng: random.Random) -> bool:
    """The six host sites with their people, meetings, registers, targets and spending. Returns False (and changes
    nothing) if they are already there."""
    if Site.objects.filter(code="CP1").exists():
        return False
    today = timezone.localdate()

    _person("admin@example.org", "Alex Admin", "", rng, is_programme_admin=True)
    _person("broker@example.org", "Kit Broker", "", rng, is_knowledge_broker=True)
    _person("commissioner@example.org", "Cam Commissioner", "", rng, is_commissioner=True)

    pairs = [(given, family) for family in FAMILY for given in GIVEN]
    random.Random(1).shuffle(pairs)
    names = iter(f"{given} {family}" for given, family in pairs)
    sectors = [Sector.VOLUNTARY, Sector.VOLUNTARY, Sector.LOCAL_AUTHORITY, Sector.NHS, Sector.CRIMINAL_JUSTICE]
    for index, (code, town, host, status, reason, confirmed, dropped) in enumerate(SITES):
        start = today - timedelta(days=150 + 30 * index)
        site = Site.objects.create(
            code=code,
            name=f"{town} Community of Practice",
            town=town,
            host_organisation=host,
            start_date=start,
            status=status,
            ended_reason=reason,
            ended_on=today - timedelta(days=20) if reason else None,
        )
        if code == "CP1":
            facilitator = _person("facilitator@example.org", "Fran Facilitator", Sector.VOLUNTARY, rng)
        else:
            facilitator = _person(f"facilitator.{code.lower()}@example.org", next(names), Sector.VOLUNTARY, rng)
        Membership.objects.create(site=site, person=facilitator, role=MembershipRole.FACILITATOR, joined=start)

        members = []
        if code == "CP1":
            members.append(_person("member@example.org", "Morgan Member", Sector.LOCAL_AUTHORITY, rng))
        while len(members) < confirmed + dropped:
            n = len(members)
            sector = Sector.EXPERTS_BY_EXPERIENCE if code == "CP6" and n < 2 else sectors[n % len(sectors)]
            members.append(_person(f"{code.lower()}.member{n + 1}@example.org", next(names), sector, rng))
        for person in members:
            Membership.objects.create(site=site, person=person, joined=start)

        held = 3 if code == "CP2" else 5
        upcoming = 0 if site.has_ended else 2
        for number in range(held + upcoming):
            day = start + timedelta(days=21 + 28 * number)
            if number >= held:
                day = today + timedelta(days=7 + 28 * (number - held))
            meeting = Meeting.objects.create(
                site=site,
                starts_at=_aware(day, 14),
                ends_at=_aware(day, 16),
                is_taster=number == 0,
                venue=f"{host}, meeting room 1",
                notes=DEMO_NOTES if number < held else "",
            )
            if number >= held:
                continue
            register = [(facilitator, AttendanceStatus.PRESENT)]
            for position, person in enumerate(members):
                if position >= confirmed:  # the dropped-out: the taster only
                    state = AttendanceStatus.PRESENT if number == 0 else AttendanceStatus.ABSENT
                else:
                    state = rng.choice([AttendanceStatus.PRESENT] * 4 + [AttendanceStatus.APOLOGIES])
                register.append((person, state))
            Attendance.objects.bulk_create(
                Attendance(meeting=meeting, person=person, status=state) for person, state in register
            )
            # Members agree the ground rules at the first meeting they attend.
            Membership.objects.filter(
                site=site,
                ground_rules_agreed_on__isnull=True,
                person__in=[person for person, state in register if state == AttendanceStatus.PRESENT],
            ).update(ground_rules_agreed_on=day)
        _add_targets_and_spending(site, facilitator, held=held, start=start)
        _add_ground_rules(site, agreed_on=start + timedelta(days=21))
    return True


def _add_ground_rules(site: Site, *, agreed_on) -> None:
    """Version 1 of the ground rules, agreed at the taster session by everyone who attended a meeting (as migration
    sites 0011 records it for sites that existed before members confirmed in their own session)."""
    version = GroundRulesVersion.objects.create(site=site, number=1, text=DEFAULT_GROUND_RULES, agreed_on=agreed_on)
    agreed = Membership.objects.filter(site=site, ground_rules_agreed_on__isnull=False)
    GroundRulesAgreement.objects.bulk_create(
        GroundRulesAgreement(
            version=version, person_id=m.person_id, agreed_at=_aware(m.ground_rules_agreed_on, 16),
            source=AgreementSource.FIRST_ATTENDANCE,
        )
        for m in agreed
    )  # fmt: skip


def _add_targets_and_spending(site: Site, facilitator: User, *, held: int, start) -> None:
    """The default target disciplines, and a room hire, refreshments and facilitator payment per meeting held."""
    TargetDiscipline.objects.bulk_create(
        TargetDiscipline(site=site, name=name, sector=sector, keywords=keywords)
        for name, sector, keywords in DEFAULT_TARGET_DISCIPLINES
    )
    lines = []
    for number in range(held):
        day = start + timedelta(days=21 + 28 * number)
        lines += [
            Expense(
                site=site,
                category=ExpenseCategory.ROOM_HIRE,
                spent_on=day,
                amount=Decimal("85.00"),
                note="Meeting room",
                recorded_by=facilitator,
            ),
            Expense(
                site=site,
                category=ExpenseCategory.REFRESHMENTS,
                spent_on=day,
                amount=Decimal("32.50"),
                note="Tea, coffee and sandwiches",
                recorded_by=facilitator,
            ),
            Expense(
                site=site,
                category=ExpenseCategory.FACILITATOR_PAYMENT,
                spent_on=day,
                amount=Decimal("250.00"),
                note="Preparation, facilitation and write-up",
                recorded_by=facilitator,
            ),
        ]
    Expense.objects.bulk_create(lines)
