# ruff: noqa: E501
"""A synthetic programme for benchmarks and query-count tests: sites, people, memberships, meetings, attendance,
cases, knowledge brokers and commissioners, forum threads, newsletter issues, the evidence library (attached to
learning objects), agendas and meeting records, written with bulk_create in batches (never the services: no per-case anonymisation gate, no Finding
rows, no audit rows; the generated text is built from clean sentences with no names, dates or numbers).

Everything generated is recognisable: site codes start with SYN, e-mail addresses end in @synthetic.invalid.
Not used by any request: only by `manage.py generate_programme`, the benchmarks and tests/perf.
"""

import random
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as dtime
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.urls import reverse

from cases.models import (
    LEARNING_OBJECT_STATUSES,
    ActionItem,
    Case,
    CaseKind,
    CaseStatus,
    Evidence,
    EvidenceKind,
    EvidenceLink,
    FollowUp,
    Outcome,
    Theme,
)
from cases.services.citations import title_key
from cycle.models import (
    AgendaItem,
    AgendaItemKind,
    AgendaPublication,
    MeetingRecord,
    RecordEntry,
    RecordStatus,
    RecordVersion,
)
from forum.models import Post, PostStatus, ReadMarker, Thread, ThreadFollow, ThreadKind
from members.models import Sector, User
from newsletters.models import Audience, IssueStatus, NewsletterIssue, NewsletterItem, Section
from sites.models import (
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingStatus,
    Membership,
    MembershipRole,
    Site,
    SiteStatus,
)

SITE_PREFIX = "SYN"
EMAIL_DOMAIN = "synthetic.invalid"
BATCH = 2000
LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class Size:
    sites: int = 500
    members: int = 10_000
    meetings: int = 20_000
    attendance: int = 200_000
    cases: int = 20_000


SMALL = Size(sites=20, members=400, meetings=800, attendance=8_000, cases=800)


class SyntheticDataExists(Exception):
    """The synthetic range is not empty: generating again would collide (use replace)."""


@dataclass
class Timings:
    rows: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    def record(self, table: str, rows: int, started: float) -> None:
        self.rows[table] = self.rows.get(table, 0) + rows
        self.seconds[table] = self.seconds.get(table, 0.0) + time.perf_counter() - started

    @property
    def total(self) -> float:
        return sum(self.seconds.values())


# Vocabulary ---------------------------------------------------------------------------------------------------

TOWNS = [
    "Sunderland",
    "Wakefield",
    "Barnsley",
    "Carlisle",
    "Workington",
    "Doncaster",
    "Rotherham",
    "Darlington",
    "Hartlepool",
    "Blackpool",
    "Preston",
    "Burnley",
    "Oldham",
    "Rochdale",
    "Wigan",
    "Bolton",
    "Stockport",
    "Chesterfield",
    "Mansfield",
    "Lincoln",
    "Grimsby",
    "Scunthorpe",
    "Hull",
    "York",
    "Harrogate",
    "Halifax",
    "Huddersfield",
    "Bradford",
    "Leeds",
    "Sheffield",
    "Derby",
    "Nottingham",
    "Leicester",
    "Coventry",
    "Stoke",
    "Crewe",
    "Chester",
    "Wrexham",
    "Swansea",
    "Newport",
    "Cardiff",
    "Bristol",
    "Exeter",
    "Plymouth",
    "Truro",
    "Taunton",
    "Swindon",
    "Reading",
    "Luton",
    "Ipswich",
    "Norwich",
    "Lowestoft",
    "Peterborough",
    "Northampton",
    "Kettering",
    "Gloucester",
    "Worcester",
    "Hereford",
    "Shrewsbury",
    "Telford",
    "Durham",
    "Gateshead",
]
HOSTS = [
    "Open Door Housing Trust",
    "Pathways Recovery Service",
    "Haven Women's Aid",
    "Second Chance Foundation",
    "Step Forward Community Trust",
    "Northern Lights Advocacy",
    "Harbour Homeless Project",
    "New Leaf Recovery",
]
FIRST_NAMES = [
    "Olivia",
    "Amelia",
    "Isla",
    "Ava",
    "Emily",
    "Sophie",
    "Grace",
    "Lily",
    "Chloe",
    "Ella",
    "Hannah",
    "Megan",
    "Rachel",
    "Sarah",
    "Claire",
    "Joanne",
    "Helen",
    "Karen",
    "Nicola",
    "Priya",
    "Aisha",
    "Fatima",
    "Zara",
    "Oliver",
    "George",
    "Harry",
    "Jack",
    "Jacob",
    "Noah",
    "Charlie",
    "Thomas",
    "James",
    "William",
    "Daniel",
    "David",
    "Michael",
    "Paul",
    "Mark",
    "Andrew",
    "Stephen",
    "Gareth",
    "Rhys",
    "Callum",
    "Connor",
    "Imran",
    "Mohammed",
    "Arjun",
    "Ravi",
    "Kwame",
    "Tomasz",
    "Sean",
    "Ciaran",
    "Fiona",
    "Morag",
    "Alison",
    "Deborah",
]
SURNAMES = [
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Robinson",
    "Wright",
    "Thompson",
    "Evans",
    "Walker",
    "White",
    "Roberts",
    "Green",
    "Hall",
    "Wood",
    "Jackson",
    "Clarke",
    "Patel",
    "Khan",
    "Hussain",
    "Ali",
    "Begum",
    "Shah",
    "Singh",
    "Lewis",
    "Harris",
    "Martin",
    "Cooper",
    "Hill",
    "Ward",
    "Morris",
    "Moore",
    "Clark",
    "Lee",
    "King",
    "Baker",
    "Harrison",
    "Morgan",
    "Allen",
    "James",
    "Scott",
    "Phillips",
    "Watson",
    "Davis",
    "Parker",
    "Price",
    "Bennett",
    "Young",
    "Griffiths",
    "Mitchell",
    "Kelly",
    "Cook",
    "Carter",
    "Richardson",
    "Bailey",
    "Collins",
    "Bell",
    "Shaw",
    "Murphy",
    "Miller",
    "Cox",
    "Richards",
    "Nowak",
    "Okafor",
    "Mensah",
    "O'Brien",
    "MacDonald",
    "Campbell",
    "Stewart",
    "Reid",
    "Fraser",
    "Hughes",
]
# Sector shares: Figure 1's matrix, rounded (voluntary sector the largest group).
SECTOR_WEIGHTS = {
    Sector.VOLUNTARY: 34,
    Sector.LOCAL_AUTHORITY: 22,
    Sector.NHS: 21,
    Sector.CRIMINAL_JUSTICE: 14,
    Sector.EXPERTS_BY_EXPERIENCE: 9,
}
JOB_TITLES = {
    Sector.VOLUNTARY: [
        ("Support Worker", "Open Door Housing Trust"),
        ("Project Manager", "Harbour Homeless Project"),
        ("Outreach Worker", "Street Outreach Team"),
        ("Recovery Worker", "New Leaf Recovery"),
        ("Hostel Manager", "Haven Hostel"),
        ("Women's Aid Key Worker", "Haven Women's Aid"),
        ("Advocacy Worker", "Northern Lights Advocacy"),
        ("Volunteer Coordinator", "Step Forward Trust"),
    ],
    Sector.LOCAL_AUTHORITY: [
        ("Housing Options Officer", "City Council Housing"),
        ("Social Worker", "Adult Social Care"),
        ("Homelessness Prevention Officer", "Borough Council"),
        ("Leaving Care Personal Adviser", "Children's Services"),
        ("Tenancy Sustainment Officer", "City Council Housing"),
        ("Safeguarding Lead", "Adult Social Care"),
    ],
    Sector.NHS: [
        ("Community Psychiatric Nurse", "Mental Health Foundation Trust"),
        ("Dual Diagnosis Nurse", "Community Mental Health Team"),
        ("Substance Misuse Nurse", "Drug and Alcohol Service"),
        ("Clinical Psychologist", "Mental Health Foundation Trust"),
        ("Crisis Team Practitioner", "Crisis Resolution Team"),
        ("GP", "Primary Care Network"),
        ("Occupational Therapist", "Community Mental Health Team"),
    ],
    Sector.CRIMINAL_JUSTICE: [
        ("Probation Officer", "Probation Service"),
        ("Police Community Support Officer", "Constabulary"),
        ("Offender Manager", "Probation Service"),
        ("Custody Liaison Worker", "Liaison and Diversion"),
        ("Neighbourhood Police Sergeant", "Constabulary"),
    ],
    Sector.EXPERTS_BY_EXPERIENCE: [
        ("Peer Mentor", "Recovery Community"),
        ("Lived Experience Adviser", "Service User Forum"),
        ("Peer Support Worker", "New Leaf Recovery"),
    ],
}
LEFT_REASONS = ["Changed job", "Moved away", "Workload", "Retired", "Role no longer includes this work"]

THEMES = [
    "Homelessness",
    "Dual diagnosis",
    "Secret caseloads",
    "Weekend crises",
    "Accommodation",
    "Mental health",
    "Substance misuse",
    "Domestic violence",
    "Criminal justice",
    "Leaving care",
]
SENTENCES = {
    "Homelessness": [
        "The person had been sleeping rough for several weeks and was refused a hostel bed because of previous arrears.",
        "Street outreach found him in a doorway near the station and he declined a shelter place at first.",
        "She had been sofa surfing with friends and was asked to leave with no notice.",
        "The homelessness prevention duty was accepted but no interim accommodation was offered.",
    ],
    "Dual diagnosis": [
        "The mental health team would not assess until the drinking stopped, and the alcohol service would not start until the mental health was treated.",
        "Each service saw the other as responsible, so nobody held the dual diagnosis.",
        "A joint assessment by the community psychiatric nurse and the recovery worker broke the stalemate.",
        "Psychosis and heroin use were both present and the thresholds of each service excluded him.",
    ],
    "Secret caseloads": [
        "Several workers admitted they were quietly supporting the client outside their commissioned remit.",
        "The support was a secret caseload: unrecorded, unfunded and dependent on one worker's goodwill.",
        "When the worker went on leave the informal support stopped and the situation deteriorated quickly.",
    ],
    "Weekend crises": [
        "The crisis happened on a Friday evening when the day services had closed.",
        "Over the weekend the only option offered was the emergency department.",
        "Nobody had a plan for what should happen out of hours, so the police were called again.",
        "A weekend crisis line with a named contact would have prevented the admission.",
    ],
    "Accommodation": [
        "The supported accommodation placement broke down after complaints from neighbours.",
        "Private landlords refused tenancies because of the history of rent arrears.",
        "A housing first tenancy gave him a stable base for the first time in years.",
        "The move-on flat was furnished by a local charity so the tenancy could start at once.",
    ],
    "Mental health": [
        "Her anxiety and low mood made it hard to attend appointments at set times.",
        "Repeated self-harm led to several short admissions without any follow-up in the community.",
        "The crisis team discharged him after one visit because he did not meet the threshold.",
        "Talking therapy was offered only after a long waiting list and a fixed number of sessions.",
    ],
    "Substance misuse": [
        "Alcohol use increased sharply after the loss of the tenancy.",
        "He was on a methadone script but missed collections when he moved between hostels.",
        "Spice use in the hostel made it unsafe for staff to visit alone.",
        "The recovery worker arranged a detox bed but there was no aftercare plan.",
    ],
    "Domestic violence": [
        "She returned to the abusive partner because the refuge had no space for her dog.",
        "A risk assessment placed her at high risk but the case conference was weeks away.",
        "The perpetrator programme was not available locally, so the abuse continued.",
        "The independent domestic violence adviser coordinated police, housing and health.",
    ],
    "Criminal justice": [
        "He was released from prison on a Friday afternoon with no accommodation arranged.",
        "Probation and housing had different assessments and shared nothing between them.",
        "Short sentences meant the cycle of release, homelessness and reoffending repeated.",
        "Liaison and diversion staff at the custody suite identified the mental health needs early.",
    ],
    "Leaving care": [
        "The young person left care at eighteen with a flat but no support to manage it.",
        "The personal adviser changed three times in a year and trust was never built.",
        "Leaving care services and adult housing disagreed about who should pay for the placement.",
        "A staying close arrangement kept the link with the former residential home.",
    ],
}
LEARNING = [
    "Meeting together let each agency see the whole picture rather than its own part of it.",
    "Knowing a named person in the other service made the referral quicker and more honest.",
    "Flexible appointment times and outreach kept the person engaged when fixed clinics failed.",
    "Sharing risk across agencies meant no single worker carried the case alone.",
    "Members learned the thresholds of each other's services and how to work around them.",
    "The group agreed that a joint plan written in plain language helped everyone, including the client.",
    "Challenging the eligibility decision respectfully, with evidence, changed the outcome.",
    "Recording informal support made the hidden workload visible to managers.",
]
COMMISSIONER_ISSUES = [
    "Funding should pay for joint working time rather than single-agency contacts.",
    "Service specifications exclude people with both mental health and substance misuse needs.",
    "There is no out of hours provision for people in crisis at weekends.",
    "Move-on accommodation is scarce and waiting times are growing.",
    "Short-term contracts cause staff turnover and break relationships with clients.",
    "Outcome measures count contacts rather than lasting change in people's lives.",
]
ACTIONS = [
    "Arrange a joint visit by housing and the community mental health team.",
    "Ask the recovery service to hold the place open for a further fortnight.",
    "Refer to the independent domestic violence adviser.",
    "Request a professionals meeting before release from prison.",
    "Agree a named contact for weekend crises and share the plan with the police.",
    "Challenge the eligibility decision with the team manager.",
    "Set up a tenancy sustainment visit in the first month.",
    "Offer a peer mentor to accompany appointments.",
]
FOLLOW_UPS = [
    "The joint visit took place and a tenancy was offered the following month.",
    "The person re-engaged with the recovery service and the script was stabilised.",
    "The refuge found space and the risk was reduced.",
    "Things got worse before they got better, but the plan held.",
    "The eligibility decision was reversed after the challenge.",
    "No change yet: the waiting list is still long.",
]
TITLE_SUBJECTS = [
    "A man released from prison",
    "A woman fleeing domestic abuse",
    "A care leaver",
    "A rough sleeper",
    "A young mother",
    "An older man",
    "A hostel resident",
    "A person with psychosis",
    "A veteran",
]
TITLE_PROBLEMS = {
    "Homelessness": "with nowhere to go",
    "Dual diagnosis": "caught between two services",
    "Secret caseloads": "held by a secret caseload",
    "Weekend crises": "in crisis at the weekend",
    "Accommodation": "losing a tenancy",
    "Mental health": "refused a mental health assessment",
    "Substance misuse": "using alcohol and drugs",
    "Domestic violence": "at risk of domestic violence",
    "Criminal justice": "in and out of custody",
    "Leaving care": "leaving care without support",
}
# Status shares across the lifecycle (most cases are discussed; a quarter reach the repository).
STATUS_WEIGHTS = {
    CaseStatus.DRAFT: 12,
    CaseStatus.SHARED: 13,
    CaseStatus.DISCUSSED: 20,
    CaseStatus.FOLLOWED_UP: 18,
    CaseStatus.WRITTEN_UP: 10,
    CaseStatus.PUBLISHED: 22,
    CaseStatus.PUBLIC: 5,
}
ATTENDANCE_WEIGHTS = {AttendanceStatus.PRESENT: 72, AttendanceStatus.APOLOGIES: 19, AttendanceStatus.ABSENT: 9}
ORDER = list(CaseStatus)
# The forum: topics on a site's board are about a theme; posts are sentences of the cases' own word lists.
BOARD_QUESTIONS = [
    "what has worked for you?",
    "who to ask in the other services",
    "ideas for the next meeting",
    "a referral that went well",
    "thresholds we keep running into",
    "out of hours options",
    "sharing information safely",
]
REPLIES = [
    "We had the same problem last year.",
    "Thanks, that is really useful.",
    "Could we bring this to the next meeting?",
    "I agree, and our team would be glad to help.",
    "The same happened in our service and the joint plan made the difference.",
]
# Programme-wide people: a knowledge broker for about every fifty sites, a commissioner for about every twenty-five.
BROKER_JOB = ("Knowledge Broker", "Programme team")
COMMISSIONER_JOBS = [
    (Sector.LOCAL_AUTHORITY, "Commissioning Manager", "County Council Commissioning"),
    (Sector.NHS, "Senior Commissioner", "Integrated Care Board"),
]
NEWSLETTER_MONTHS = 6  # the current month's draft and five sent before it
NEWSLETTER_SITE_UPDATES = 10
NEWSLETTER_LEARNING_OBJECTS = 12
# Marks the generated newsletters' items (the key is never shown), so a second run can find and delete them.
NEWSLETTER_KEY = "synthetic:"

# The evidence library: a knowledge broker's items about each theme, for about one in ten cases. Titles are made of a
# template, a topic of the theme and a population or an outcome; abstracts and summaries reuse the cases' sentences,
# so the benchmarks' searches find evidence as they find learning objects.
EVIDENCE_PER_CASE = 10  # one item for every ten cases: 2,000 on the full size
EVIDENCE_TOPICS = {
    "Homelessness": ["rough sleeping", "homelessness prevention", "hostel exclusions", "street outreach",
                     "the health of people who are homeless"],
    "Dual diagnosis": ["co-occurring mental health and substance use", "dual diagnosis",
                       "joint assessment by mental health and drug services"],
    "Secret caseloads": ["informal support outside commissioned remits", "hidden workloads in frontline services",
                         "secret caseloads"],
    "Weekend crises": ["out of hours crisis care", "weekend crisis response", "crisis lines and crisis cafes"],
    "Accommodation": ["housing first", "supported accommodation", "tenancy sustainment", "move-on accommodation"],
    "Mental health": ["community mental health care", "self-harm and repeat admission", "crisis resolution teams",
                      "talking therapies"],
    "Substance misuse": ["opioid substitution treatment", "methadone prescribing", "alcohol detoxification",
                         "drug and alcohol treatment"],
    "Domestic violence": ["domestic abuse refuges", "independent domestic violence advisers",
                          "multi-agency risk assessment conferences"],
    "Criminal justice": ["resettlement after prison release", "probation supervision", "liaison and diversion",
                         "short custodial sentences"],
    "Leaving care": ["care leavers' transitions", "leaving care personal advisers", "staying close"],
}  # fmt: skip
EVIDENCE_POPULATIONS = [
    "people sleeping rough",
    "adults facing multiple disadvantage",
    "care leavers",
    "women experiencing domestic abuse",
    "people leaving prison",
    "people who use drugs",
    "frequent attenders of emergency departments",
    "young adults",
    "older people who are homeless",
]
EVIDENCE_OUTCOMES = [
    "housing stability",
    "engagement with services",
    "emergency admissions",
    "reoffending",
    "treatment retention",
    "wellbeing",
]
EVIDENCE_TITLES = {
    EvidenceKind.RESEARCH: [
        "{Topic} and {outcome}: a systematic review",
        "Outcomes of {topic} for {population}: a cohort study",
        "What helps {population}? A qualitative study of {topic}",
        "The effectiveness of {topic} in England: a mixed-methods evaluation",
        "{Topic} for {population}: a realist review",
        "Barriers to {topic}: interviews with practitioners working with {population}",
        "{Topic} and {outcome} among {population}: a randomised controlled trial",
    ],
    EvidenceKind.POLICY: [
        "{Topic}: a national strategy for England",
        "Government response to the inquiry into {topic}",
        "Ending the revolving door: {topic} and {outcome}",
        "Funding and commissioning {topic} for {population}",
    ],
    EvidenceKind.GUIDANCE: [
        "{Topic}: guidance for commissioners and practitioners",
        "Good practice in {topic} for {population}",
        "{Topic}: a quality standard",
        "Working together on {topic}: a practice guide",
    ],
    EvidenceKind.LOCAL_DATA: [
        "{Topic} in {town}: local needs assessment",
        "{town} snapshot of {topic} and {outcome}",
        "{Topic} among {population} in {town}: a local audit",
    ],
    EvidenceKind.PRACTICE: [
        "{Topic} in practice: learning from a voluntary sector project",
        "How one team improved {topic} for {population}",
        "A peer-led approach to {topic}",
        "Joint working on {topic}: a practice example",
    ],
}
EVIDENCE_KIND_WEIGHTS = {
    EvidenceKind.RESEARCH: 45,
    EvidenceKind.GUIDANCE: 18,
    EvidenceKind.POLICY: 14,
    EvidenceKind.PRACTICE: 13,
    EvidenceKind.LOCAL_DATA: 10,
}
EVIDENCE_PUBLISHERS = {
    EvidenceKind.RESEARCH: [
        "British Journal of Social Work",
        "Health and Social Care in the Community",
        "Journal of Dual Diagnosis",
        "Housing Studies",
        "Addiction",
        "BMJ Open",
        "The Lancet Public Health",
        "Probation Journal",
        "Journal of Interprofessional Care",
        "European Journal of Homelessness",
        "Child and Family Social Work",
        "Journal of Social Policy",
    ],
    EvidenceKind.POLICY: [
        "Department of Health and Social Care",
        "Ministry of Housing, Communities and Local Government",
        "Ministry of Justice",
        "Home Office",
        "Department for Education",
        "NHS England",
    ],
    EvidenceKind.GUIDANCE: [
        "National Institute for Health and Care Excellence",
        "Social Care Institute for Excellence",
        "Office for Health Improvement and Disparities",
        "Homeless Link",
        "Local Government Association",
        "HM Inspectorate of Probation",
    ],
    EvidenceKind.LOCAL_DATA: [
        "{town} City Council",
        "{town} Safeguarding Adults Board",
        "Integrated Care Board",
        "Office of the Police and Crime Commissioner",
    ],
    EvidenceKind.PRACTICE: HOSTS + ["Making Every Adult Matter", "Centre for Homelessness Impact", "Mind", "Shelter"],
}
EVIDENCE_METHODS = [
    "We searched five databases and included studies from the United Kingdom and comparable countries.",
    "Interviews and focus groups were held with practitioners and people with lived experience.",
    "Routine data from housing, health and probation services were linked and compared over two years.",
    "A survey of frontline staff was followed by workshops with managers and commissioners.",
    "The evaluation compared areas with and without the service, using the same outcome measures.",
]
EVIDENCE_FINDINGS = [
    "Services that shared one plan and one named worker kept people engaged for longer.",
    "Eligibility thresholds and exclusions were the most common reason people fell between services.",
    "Stable accommodation came before improvements in health, treatment and offending.",
    "Out of hours gaps led to avoidable use of emergency departments and police time.",
    "Practitioners often carried unrecorded work to keep people from falling through the gaps.",
    "Relationships of trust with a consistent worker mattered more than the type of intervention.",
]
EVIDENCE_SUMMARIES = [
    "Joint assessment avoids each service waiting for the other to act first.",
    "A named contact for weekends and evenings prevents crises ending in admission.",
    "Keep a tenancy or a bed open while someone is in hospital, detox or custody.",
    "Record informal support so that managers and commissioners can see it.",
    "Flexible appointments and outreach keep people engaged when fixed clinics do not.",
    "Plan accommodation well before release from prison or leaving care.",
    "Share risk across agencies so that no single worker carries the case alone.",
]
EVIDENCE_NOTES = [
    "Supports the joint plan the group agreed for this case.",
    "Shows why the eligibility decision in this case was worth challenging.",
    "Useful background for the housing part of this case.",
    "The review's findings match what happened here and suggest what to try next.",
    "Brings the commissioners' issue in this case into focus with national figures.",
    "",
]
# Agendas and meeting records: the items a facilitator adds beside the proposed ones, and what the record says.
AGENDA_OPENERS = [
    "Welcome and apologies",
    "Introductions for new members",
    "Check-in round: updates from each agency",
    "Notes of the last meeting and matters arising",
]
AGENDA_TOPICS = [
    "Reflections on {theme}",
    "{Theme}: what has changed in local services",
    "Thresholds and eligibility in {theme} services",
    "Evidence update from the knowledge broker on {theme}",
    "Issues to raise with commissioners about {theme}",
    "Sharing contacts for {theme} referrals",
    "Who to call in a weekend crisis",
    "Housing first and tenancy sustainment locally",
    "Accommodation on release from prison",
    "Methadone collections and hostel moves",
]
AGENDA_CLOSERS = [
    "Reflections on the meeting",
    "Planning the next meeting",
    "Any other business",
    "What we will take back to our teams",
]
AGENDA_REMOVED_SHARE = 0.04
AGENDA_UNPUBLISHED_SHARE = 0.05  # held meetings whose agenda the facilitator never published
RECORDLESS_SHARE = 0.08  # held meetings nobody wrote up
DRAFT_RECORD_DAYS = 45  # records of meetings held this recently are still drafts, mostly
OPENING_DISCUSSIONS = [
    "Members introduced themselves and the agencies they work for.",
    "The group welcomed two new members and went over the ground rules.",
    "Each agency gave a short update on changes to their service.",
    "Apologies were noted and the notes of the last meeting were agreed.",
]
CLOSING_DISCUSSIONS = [
    "Members said the joint discussion had been useful and agreed the topic for next time.",
    "The group agreed what each member would take back to their team.",
    "Dates for the next meetings were confirmed and a guest speaker suggested.",
    "No other business was raised.",
]
FOLLOW_UP_DISCUSSIONS = [
    "The presenter reported back on what happened since the case was discussed.",
    "The group heard how the agreed actions had worked out.",
    "Members discussed what helped and what got in the way since the last meeting.",
]


# Generation ---------------------------------------------------------------------------------------------------


def synthetic_sites():
    return Site.objects.filter(code__startswith=SITE_PREFIX)


def synthetic_people():
    return User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")


def delete_synthetic() -> None:
    """Remove everything generate_programme made (cases first: they protect their site and meetings; the evidence
    library before its knowledge brokers, whom it is recognised by)."""
    sites = synthetic_sites()
    Evidence.objects.filter(added_by__in=synthetic_people()).delete()
    meetings = Meeting.objects.filter(site__in=sites)
    MeetingRecord.objects.filter(meeting__in=meetings).delete()
    AgendaItem.objects.filter(meeting__in=meetings).delete()
    NewsletterIssue.objects.filter(items__source_key__startswith=NEWSLETTER_KEY).delete()
    Thread.objects.filter(site__in=sites).delete()
    FollowUp.objects.filter(case__site__in=sites).delete()
    Case.objects.filter(site__in=sites).delete()
    sites.delete()
    synthetic_people().delete()


def _bulk(model, objs: Iterable, timings: Timings, table: str) -> list:
    started = time.perf_counter()
    objs = list(objs)
    created = []
    for i in range(0, len(objs), BATCH):
        created.extend(model.objects.bulk_create(objs[i : i + BATCH], batch_size=BATCH))
    timings.record(table, len(objs), started)
    return created


def _weighted(rng: random.Random, weights: dict, k: int) -> list:
    return rng.choices(list(weights), weights=list(weights.values()), k=k)


def _aware(day: date, hour: int) -> datetime:
    return datetime.combine(day, dtime(hour, 0), tzinfo=LONDON)


def generate(*, size: Size = Size(), seed: int = 1, replace: bool = False, today: date | None = None) -> Timings:
    """Generate a synthetic programme of the given size. Refuses to write into a non-empty synthetic range
    unless `replace` (which deletes the previous synthetic data first)."""
    if synthetic_sites().exists() or synthetic_people().exists():
        if not replace:
            raise SyntheticDataExists(
                "Synthetic data is already there (sites coded SYN..., people @synthetic.invalid). "
                "Run again with --replace to delete it and generate afresh."
            )
        delete_synthetic()
    rng = random.Random(seed)
    today = today or date.today()
    timings = Timings()
    with transaction.atomic():
        sites = _make_sites(rng, size, today, timings)
        people = _make_people(rng, size, timings)
        members_by_site = _make_memberships(rng, sites, people, today, timings)
        meetings_by_site = _make_meetings(rng, sites, size, today, timings)
        _make_attendance(rng, meetings_by_site, members_by_site, size, timings)
        _make_cases(rng, sites, members_by_site, meetings_by_site, size, today, timings)
        # Their own random streams, so adding them left the earlier tables as every earlier run made them.
        brokers, _ = _make_programme_people(random.Random(f"{seed}:people"), sites, timings)
        _make_forum(random.Random(f"{seed}:forum"), sites, members_by_site, timings)
        _make_newsletters(random.Random(f"{seed}:newsletters"), sites, brokers, today, timings)
        _make_evidence(random.Random(f"{seed}:evidence"), sites, brokers, size, today, timings)
        held = _make_agendas(random.Random(f"{seed}:agendas"), sites, members_by_site, meetings_by_site, timings)
        _make_records(random.Random(f"{seed}:records"), sites, members_by_site, held, timings)
    started = time.perf_counter()
    analyse()
    timings.record("vacuum and analyse", 0, started)
    return timings


def _make_sites(rng, size, today, timings) -> list[Site]:
    width = max(3, len(str(size.sites)))
    sites = []
    for i in range(1, size.sites + 1):
        town = rng.choice(TOWNS)
        status = _weighted(rng, {SiteStatus.ACTIVE: 85, SiteStatus.SETTING_UP: 8, SiteStatus.CLOSED: 7}, 1)[0]
        sites.append(
            Site(
                code=f"{SITE_PREFIX}{i:0{width}d}",
                name=f"{town} community of practice {i}",
                town=town,
                host_organisation=rng.choice(HOSTS),
                start_date=today - timedelta(days=rng.randint(700, 1100)),
                status=status,
                ended_on=today - timedelta(days=rng.randint(1, 60)) if status == SiteStatus.CLOSED else None,
                ended_reason="Funding ended." if status == SiteStatus.CLOSED else "",
            )
        )
    return _bulk(Site, sites, timings, "sites_site")


def _make_people(rng, size, timings) -> list[User]:
    sectors = _weighted(rng, SECTOR_WEIGHTS, size.members)
    people = []
    for i, sector in enumerate(sectors, start=1):
        first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        title, agency = rng.choice(JOB_TITLES[sector])
        expert = sector == Sector.EXPERTS_BY_EXPERIENCE
        people.append(
            _synthetic_person(
                first, last, str(i), job_title=title, agency=agency, sector=sector, expert_by_experience=expert
            )
        )
    return _bulk(User, people, timings, "members_user")


def _synthetic_person(first: str, last: str, number: str, **fields) -> User:
    """A person on the synthetic domain, numbered so that each address is unique."""
    email = f"{first}.{last}.{number}@{EMAIL_DOMAIN}".lower().replace("'", "")
    # An unusable password: synthetic people never sign in with one.
    return User(email=email, name=f"{first} {last}", password="!", **fields)  # noqa: S106


def _make_memberships(rng, sites, people, today, timings) -> dict[int, list[int]]:
    """Each person joins one site (a tenth join a second); two facilitators per site; about 12% have left.
    Returns the ids of each site's current members, facilitators first."""
    per_site: dict[int, list[int]] = {site.pk: [] for site in sites}
    rows = []
    for index, person in enumerate(people):
        home = sites[index % len(sites)]
        choices = [home] + ([rng.choice(sites)] if rng.random() < 0.1 else [])
        for site in {s.pk: s for s in choices}.values():
            facilitator = len(per_site[site.pk]) < 2
            joined = site.start_date + timedelta(days=rng.randint(0, 300))
            left = None
            if not facilitator and rng.random() < 0.12:
                left = min(today, joined + timedelta(days=rng.randint(60, 500)))
            rows.append(
                Membership(
                    site=site,
                    person=person,
                    role=MembershipRole.FACILITATOR if facilitator else MembershipRole.MEMBER,
                    joined=joined,
                    left=left,
                    left_reason=rng.choice(LEFT_REASONS) if left else "",
                    ground_rules_agreed_on=joined,
                )
            )
            if left is None:
                per_site[site.pk].append(person.pk)
    _bulk(Membership, rows, timings, "members_membership")
    return per_site


def _make_meetings(rng, sites, size, today, timings) -> dict[int, list[Meeting]]:
    """Monthly meetings per site, about three quarters in the past; 3% cancelled; the first is a taster."""
    per_site = size.meetings // len(sites)
    extra = size.meetings - per_site * len(sites)
    rows = []
    for index, site in enumerate(sites):
        count = per_site + (1 if index < extra else 0)
        first = today - timedelta(days=30 * int(count * 0.75))
        for n in range(count):
            day = first + timedelta(days=30 * n + rng.randint(-3, 3))
            hour = rng.choice([10, 13, 14])
            rows.append(
                Meeting(
                    site=site,
                    starts_at=_aware(day, hour),
                    ends_at=_aware(day, hour + 2),
                    venue=f"{site.host_organisation}, {site.town}",
                    is_taster=n == 0,
                    status=MeetingStatus.CANCELLED if rng.random() < 0.03 else MeetingStatus.SCHEDULED,
                )
            )
    created = _bulk(Meeting, rows, timings, "sites_meeting")
    by_site: dict[int, list[Meeting]] = {}
    for meeting in created:
        by_site.setdefault(meeting.site_id, []).append(meeting)
    return by_site


def _make_attendance(rng, meetings_by_site, members_by_site, size, timings) -> None:
    """Registers for past, held meetings: about `size.attendance` rows spread evenly."""
    now = datetime.now(tz=LONDON)
    past = [
        (site_pk, m)
        for site_pk, meetings in meetings_by_site.items()
        for m in meetings
        if m.ends_at < now and m.status != MeetingStatus.CANCELLED
    ]
    if not past:
        return
    per_meeting = max(1, round(size.attendance / len(past)))
    rows = []
    for site_pk, meeting in past:
        members = members_by_site[site_pk]
        k = min(len(members), per_meeting)
        statuses = _weighted(rng, ATTENDANCE_WEIGHTS, k)
        for person_pk, status in zip(rng.sample(members, k), statuses, strict=True):
            rows.append(Attendance(meeting=meeting, person_id=person_pk, status=status, recorded_at=meeting.ends_at))
            if len(rows) >= size.attendance:
                break
        if len(rows) >= size.attendance:
            break
    _bulk(Attendance, rows, timings, "sites_attendance")


def _paragraph(rng, themes: list[str], k: int) -> str:
    pool = [s for theme in themes for s in SENTENCES[theme]]
    return " ".join(rng.sample(pool, min(k, len(pool))))


def _make_cases(rng, sites, members_by_site, meetings_by_site, size, today, timings) -> None:
    themes = {}
    started = time.perf_counter()
    for name in THEMES:
        themes[name], _ = Theme.objects.get_or_create(name=name)
    timings.record("cases_theme", len(themes), started)
    now = datetime.now(tz=LONDON)
    statuses = _weighted(rng, STATUS_WEIGHTS, size.cases)
    cases, case_themes, case_presenters, plans = [], [], [], []
    for index, status in enumerate(statuses):
        site = sites[index % len(sites)]
        members = members_by_site[site.pk] or [None]
        held = [m for m in meetings_by_site.get(site.pk, []) if m.ends_at < now and m.status != MeetingStatus.CANCELLED]
        chosen = rng.sample(THEMES, rng.randint(1, 3))
        reached = ORDER.index(status)
        discussed = reached >= ORDER.index(CaseStatus.DISCUSSED) and len(held) >= 2
        if not discussed and reached >= ORDER.index(CaseStatus.DISCUSSED):
            status, reached = CaseStatus.SHARED, ORDER.index(CaseStatus.SHARED)
        meeting = rng.choice(held[:-1]) if discussed else None
        created_at = (
            (meeting.starts_at - timedelta(days=rng.randint(5, 30)))
            if meeting
            else now - timedelta(days=rng.randint(1, 60))
        )
        written = reached >= ORDER.index(CaseStatus.WRITTEN_UP)
        outcome = Outcome.NONE_YET
        if reached >= ORDER.index(CaseStatus.FOLLOWED_UP):
            outcome = _weighted(
                rng, {Outcome.RECOVERY: 35, Outcome.MAINTENANCE: 35, Outcome.PREVENTION: 20, Outcome.NONE_YET: 10}, 1
            )[0]
        published = (
            now - timedelta(days=rng.randint(1, 300)) if status in (CaseStatus.PUBLISHED, CaseStatus.PUBLIC) else None
        )
        kind = CaseKind.INNOVATIVE if rng.random() < 0.3 else CaseKind.CHALLENGING
        cases.append(
            Case(
                site=site,
                created_by_id=members[0],
                title=f"{rng.choice(TITLE_SUBJECTS)} {TITLE_PROBLEMS[chosen[0]]}",
                kind=kind,
                presentation=_paragraph(rng, chosen, rng.randint(3, 6)),
                learning=" ".join(rng.sample(LEARNING, rng.randint(1, 3))) if reached >= 2 else "",
                commissioner_issues=" ".join(rng.sample(COMMISSIONER_ISSUES, rng.randint(1, 2)))
                if reached >= 2
                else "",
                summary=_paragraph(rng, chosen, 2) + " " + rng.choice(LEARNING) if written else "",
                status=status,
                meeting=meeting,
                outcome=outcome,
                created_at=created_at,
                updated_at=published or created_at,
                published_at=published,
            )
        )
        plans.append((chosen, members, held, meeting, reached, outcome))
    created = _bulk(Case, cases, timings, "cases_case")

    actions, follow_ups = [], []
    for case, (chosen, members, held, meeting, reached, outcome) in zip(created, plans, strict=True):
        case_themes.extend(Case.themes.through(case_id=case.pk, theme_id=themes[name].pk) for name in chosen)
        presenter = rng.choice(members)
        if presenter:
            case_presenters.append(Case.presenters.through(case_id=case.pk, user_id=presenter))
        if reached >= ORDER.index(CaseStatus.DISCUSSED):
            for text in rng.sample(ACTIONS, rng.randint(1, 3)):
                actions.append(
                    ActionItem(case=case, text=text, owner_id=rng.choice(members), created_at=meeting.ends_at)
                )
        if reached >= ORDER.index(CaseStatus.FOLLOWED_UP):
            later = [m for m in held if m.starts_at > meeting.starts_at] or [held[-1]]
            follow_up_meeting = later[0]
            follow_ups.append(
                FollowUp(
                    case=case,
                    meeting=follow_up_meeting,
                    recorded_by_id=members[0],
                    recorded_at=follow_up_meeting.ends_at,
                    what_happened=rng.choice(FOLLOW_UPS),
                    outcome=outcome,
                )
            )
    _bulk(Case.themes.through, case_themes, timings, "cases_case_themes")
    _bulk(Case.presenters.through, case_presenters, timings, "cases_case_presenters")
    _bulk(ActionItem, actions, timings, "cases_actionitem")
    _bulk(FollowUp, follow_ups, timings, "cases_followup")
    started = time.perf_counter()
    rows = update_search_vectors()
    timings.record("cases_case.search_vector", rows, started)


def _make_programme_people(rng, sites, timings) -> tuple[list[User], list[User]]:
    """Knowledge brokers and commissioners: programme-wide roles, members of no site."""
    people = []
    brokers, commissioners = max(1, len(sites) // 50), max(1, len(sites) // 25)
    for i in range(1, brokers + commissioners + 1):
        first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        broker = i <= brokers
        sector, title, agency = (Sector.VOLUNTARY, *BROKER_JOB) if broker else rng.choice(COMMISSIONER_JOBS)
        roles = {"is_knowledge_broker": broker, "is_commissioner": not broker}
        number = f"{'kb' if broker else 'com'}{i}"
        people.append(_synthetic_person(first, last, number, job_title=title, agency=agency, sector=sector, **roles))
    created = _bulk(User, people, timings, "members_user")
    return created[:brokers], created[brokers:]


def _post_count(rng) -> int:
    """Most threads are short; about one in ten runs long."""
    return rng.randint(40, 80) if rng.random() < 0.1 else rng.randint(3, 15)


def _post_body(rng, theme: str) -> str:
    sentences = rng.sample(SENTENCES[theme], rng.randint(1, 2)) + rng.sample(LEARNING + ACTIONS + FOLLOW_UPS, 1)
    if rng.random() < 0.4:
        sentences.insert(0, rng.choice(REPLIES))
    return " ".join(sentences)


def _make_forum(rng, sites, members_by_site, timings) -> None:
    """Per site: two to four topics on its board and the discussions of up to three of its shared cases, with posts
    by its current members, visible as the gate would have let them through; every poster follows the thread, and
    a few members have read part of it. The first site's first topic is a long one, for the benchmark's thread page."""
    now = datetime.now(tz=LONDON)
    shared: dict[int, list[tuple[int, str, datetime]]] = {}
    cases = Case.objects.filter(site__in=sites).exclude(status=CaseStatus.DRAFT).order_by("pk")
    for pk, site_id, title, created_at in cases.values_list("pk", "site_id", "title", "created_at"):
        shared.setdefault(site_id, []).append((pk, title, created_at))
    threads, plans = [], []
    for index, site in enumerate(sites):
        members = members_by_site[site.pk]
        if len(members) < 2:
            continue
        for n in range(rng.randint(2, 4)):
            theme = rng.choice(THEMES)
            created = now - timedelta(days=rng.randint(5, 200), hours=rng.randint(0, 23))
            threads.append(Thread(kind=ThreadKind.SITE_BOARD, site=site, title=f"{theme}: {rng.choice(BOARD_QUESTIONS)}",
                                  started_by_id=rng.choice(members[:2]) if n == 0 else rng.choice(members),
                                  created_at=created))  # fmt: skip
            plans.append((members, theme, 60 if index == 0 and n == 0 else _post_count(rng)))
        site_cases = shared.get(site.pk, [])
        for pk, title, case_created in rng.sample(site_cases, min(len(site_cases), rng.randint(1, 3))):
            created = min(now - timedelta(days=1), case_created + timedelta(days=rng.randint(1, 20)))
            threads.append(Thread(kind=ThreadKind.CASE, case_id=pk, site=site, title=title, created_at=created))
            plans.append((members, rng.choice(THEMES), _post_count(rng)))
    threads = _bulk(Thread, threads, timings, "forum_thread")

    posts, follows, markers = [], [], []
    for thread, (members, theme, count) in zip(threads, plans, strict=True):
        span = (now - thread.created_at).total_seconds()
        times = sorted([thread.created_at] + [thread.created_at + timedelta(seconds=rng.random() * span)
                                              for _ in range(count - 1)])  # fmt: skip
        authors = [thread.started_by_id or rng.choice(members)] + [rng.choice(members) for _ in range(count - 1)]
        for at, author in zip(times, authors, strict=True):
            posts.append(Post(thread=thread, author_id=author, body=_post_body(rng, theme), status=PostStatus.VISIBLE,
                              created_at=at, visible_at=at))  # fmt: skip
        thread.last_post_at = times[-1]
        follows.extend(ThreadFollow(thread=thread, person_id=person, created_at=thread.created_at)
                       for person in dict.fromkeys(authors))  # fmt: skip
        for person in rng.sample(members, min(len(members), rng.randint(1, 5))):
            markers.append(ReadMarker(thread=thread, person_id=person, read_at=rng.choice(times)))
    posts = _bulk(Post, posts, timings, "forum_post")
    started = time.perf_counter()
    Thread.objects.bulk_update(threads, ["last_post_at"], batch_size=BATCH)
    timings.record("forum_thread", 0, started)
    # One reply in twelve quotes an earlier post of its thread.
    quoting, earlier = [], {}
    for post in posts:
        previous = earlier.setdefault(post.thread_id, [])
        if previous and rng.random() < 1 / 12:
            post.quoted_id = rng.choice(previous)
            quoting.append(post)
        previous.append(post.pk)
    started = time.perf_counter()
    Post.objects.bulk_update(quoting, ["quoted"], batch_size=BATCH)
    timings.record("forum_post", 0, started)
    _bulk(ThreadFollow, follows, timings, "forum_threadfollow")
    _bulk(ReadMarker, markers, timings, "forum_readmarker")


def _make_newsletters(rng, sites, brokers, today, timings) -> None:
    """The current month's draft and the five issues sent before it (months that already have an issue are left
    alone), each with an overview, news from some sites and learning objects published by then, linked."""
    now = datetime.now(tz=LONDON)
    current = today.replace(day=1)
    months = [current]
    for _ in range(NEWSLETTER_MONTHS - 1):
        months.append((months[-1] - timedelta(days=1)).replace(day=1))
    taken = set(NewsletterIssue.objects.filter(month__in=months).values_list("month", flat=True))
    months = [month for month in months if month not in taken]
    published = list(
        Case.objects.filter(site__in=sites, status__in=[CaseStatus.PUBLISHED, CaseStatus.PUBLIC])
        .order_by("-published_at", "pk")
        .values_list("pk", "title", "kind", "summary", "status", "site_id", "published_at")
    )
    issues = []
    for month in months:
        sent = min(now - timedelta(hours=1), _aware(month + timedelta(days=34), 9).replace(day=3))  # the next month
        draft = month == current
        issues.append(
            NewsletterIssue(
                month=month,
                status=IssueStatus.DRAFT if draft else IssueStatus.SENT,
                introduction=" ".join(rng.sample(LEARNING, 2)),
                compiled_at=now if draft else sent - timedelta(days=2),
                approved_by=None if draft else brokers[0],
                approved_at=None if draft else sent - timedelta(days=1),
                sent_at=None if draft else sent,
            )
        )
    issues = _bulk(NewsletterIssue, issues, timings, "newsletters_newsletterissue")
    kinds = dict(CaseKind.choices)
    items = []
    for issue in issues:
        month_end = _aware((issue.month + timedelta(days=32)).replace(day=1), 0)
        items.append(NewsletterItem(issue=issue, section=Section.PROGRAMME, title="Across the programme",
                                    body=" ".join(rng.sample(LEARNING, 2)), audience=Audience.PUBLIC,
                                    source_key=f"{NEWSLETTER_KEY}programme:overview"))  # fmt: skip
        for position, site in enumerate(rng.sample(sites, min(len(sites), NEWSLETTER_SITE_UPDATES))):
            items.append(NewsletterItem(issue=issue, section=Section.SITE_UPDATES, position=position,
                                        title=f"{site.code} {site.town}",
                                        body=f"The site met this month. {rng.choice(LEARNING)}", site=site,
                                        source_key=f"{NEWSLETTER_KEY}site_updates:site:{site.pk}"))  # fmt: skip
        by_then = [case for case in published if case[6] < month_end][:NEWSLETTER_LEARNING_OBJECTS]
        for position, (pk, title, kind, summary, status, site_id, _) in enumerate(by_then):
            link = reverse("repository:detail", args=[pk])
            items.append(
                NewsletterItem(
                    issue=issue,
                    section=Section.LEARNING_OBJECTS,
                    position=position,
                    title=f"{title} ({kinds[kind].lower()})",
                    body=f"{summary}\n\n[Read the learning object]({link})",
                    site_id=site_id,
                    audience=Audience.PUBLIC if status == CaseStatus.PUBLIC else Audience.MEMBERS_ONLY,
                    source_key=f"{NEWSLETTER_KEY}learning_objects:case:{pk}",
                )
            )
    if issues and issues[0].status == IssueStatus.DRAFT and len(items) > 1:
        items[1].removed = True  # the editor took one site's news out of the draft
    _bulk(NewsletterItem, items, timings, "newsletters_newsletteritem")


def _evidence_title(rng, kind: str, topic: str, town: str) -> str:
    template = rng.choice(EVIDENCE_TITLES[kind])
    words = {"topic": topic, "population": rng.choice(EVIDENCE_POPULATIONS), "outcome": rng.choice(EVIDENCE_OUTCOMES)}
    words |= {"Topic": topic[0].upper() + topic[1:], "town": town}
    return template.format(**words)


def _evidence_authors(rng, kind: str, publisher: str) -> str:
    """Researchers cited by name, as published ("Surname, A.; ..."); an organisation's own name for the rest."""
    if kind != EvidenceKind.RESEARCH:
        return publisher
    names = [f"{rng.choice(SURNAMES)}, {rng.choice(FIRST_NAMES)[0]}." for _ in range(rng.randint(1, 5))]
    return "; ".join(names)


def _make_evidence(rng, sites, brokers, size, today, timings) -> None:
    """The programme's evidence library (one item for every ten cases, on every theme), and one to three items
    attached by a knowledge broker to about a third of the learning objects, matching their themes where it can.
    Fills the items' stored search documents as the evidence service does."""
    now = datetime.now(tz=LONDON)
    themes = {theme.name: theme for theme in Theme.objects.filter(name__in=THEMES)}
    towns = sorted({site.town for site in sites})
    items, item_themes, seen = [], [], set()
    while len(items) < max(10, size.cases // EVIDENCE_PER_CASE):
        kind = _weighted(rng, EVIDENCE_KIND_WEIGHTS, 1)[0]
        chosen = rng.sample(THEMES, rng.choice([1, 1, 2]))
        town = rng.choice(towns)
        title = _evidence_title(rng, kind, rng.choice(EVIDENCE_TOPICS[chosen[0]]), town)
        year = today.year - min(17, int(rng.expovariate(1 / 4)))
        if (title_key(title), year) in seen:  # the library refuses a second item with the same title and year
            continue
        seen.add((title_key(title), year))
        publisher = rng.choice(EVIDENCE_PUBLISHERS[kind]).format(town=town)
        number = len(items) + 1
        doi = f"10.5555/synthetic.{year}.{number:05d}" if kind == EvidenceKind.RESEARCH else ""
        url = f"https://doi.org/{doi}" if doi else ""
        if kind in (EvidenceKind.POLICY, EvidenceKind.GUIDANCE):
            url = f"https://www.gov.uk/government/publications/{title_key(title).replace(' ', '-')[:80]}"
        pool = [s for theme in chosen for s in SENTENCES[theme]]
        abstract = " ".join([*rng.sample(pool, min(2, len(pool))), rng.choice(EVIDENCE_METHODS),
                             *rng.sample(EVIDENCE_FINDINGS, 2)])  # fmt: skip
        summary = " ".join(rng.sample(EVIDENCE_SUMMARIES, rng.randint(1, 2)))
        added = now - timedelta(days=rng.randint(20, 1000), hours=rng.randint(0, 23))
        items.append(
            Evidence(
                kind=kind,
                title=title,
                authors=_evidence_authors(rng, kind, publisher),
                year=year,
                publisher=publisher,
                doi=doi,
                url=url,
                abstract=abstract if kind != EvidenceKind.LOCAL_DATA or rng.random() < 0.5 else "",
                summary=summary,
                title_key=title_key(title),
                added_by=rng.choice(brokers),
                added_at=added,
            )
        )
        item_themes.append(chosen)
    items = _bulk(Evidence, items, timings, "cases_evidence")
    by_theme: dict[str, list[Evidence]] = {name: [] for name in THEMES}
    through = []
    for item, chosen in zip(items, item_themes, strict=True):
        for name in chosen:
            by_theme[name].append(item)
            through.append(Evidence.themes.through(evidence_id=item.pk, theme_id=themes[name].pk))
    _bulk(Evidence.themes.through, through, timings, "cases_evidence_themes")
    started = time.perf_counter()
    rows = update_evidence_search_vectors([item.pk for item in items])
    timings.record("cases_evidence.search_vector", rows, started)

    case_themes: dict[int, list[str]] = {}
    learning_objects = Case.objects.filter(site__in=sites, status__in=LEARNING_OBJECT_STATUSES)
    for case_id, name in (
        Case.themes.through.objects.filter(case__in=learning_objects)
        .order_by("case_id", "theme__name")
        .values_list("case_id", "theme__name")
    ):
        case_themes.setdefault(case_id, []).append(name)
    links = []
    for pk, discussed_at in learning_objects.order_by("pk").values_list("pk", "meeting__ends_at"):
        if rng.random() >= 1 / 3:
            continue
        pool = list({item.pk: item for name in case_themes.get(pk, []) for item in by_theme[name]}.values()) or items
        for item in rng.sample(pool, min(len(pool), rng.randint(1, 3))):
            earliest = max(item.added_at, discussed_at or item.added_at)
            added = min(now - timedelta(hours=1), earliest + timedelta(days=rng.randint(1, 60)))
            links.append(EvidenceLink(case_id=pk, evidence=item, note=rng.choice(EVIDENCE_NOTES),
                                      added_by=rng.choice(brokers), added_at=added))  # fmt: skip
    _bulk(EvidenceLink, links, timings, "cases_evidencelink")


def _agenda_topic(rng, theme: str) -> str:
    template = rng.choice(AGENDA_TOPICS)
    return template.format(theme=theme.lower(), Theme=theme)


def _make_agendas(rng, sites, members_by_site, meetings_by_site, timings) -> list[tuple[Meeting, list[AgendaItem]]]:
    """Agendas as the cycle makes them, for held and upcoming meetings: the cases discussed at a meeting as case
    items and those followed up there as follow-up items (the next meeting proposes the shared cases and the open
    follow-ups), welcome and ground rules at a taster, and a few items the facilitator added; a few removed.
    Most agendas with items are published; upcoming ones only when the meeting is close. Returns the held
    meetings with the items still on their agendas."""
    now = datetime.now(tz=LONDON)
    discussed: dict[int, list[int]] = {}
    shared: dict[int, list[int]] = {}
    open_follow_ups: dict[int, list[int]] = {}
    cases = Case.objects.filter(site__in=sites).exclude(status=CaseStatus.DRAFT).order_by("pk")
    for pk, site_id, status, meeting_id in cases.values_list("pk", "site_id", "status", "meeting_id"):
        if meeting_id:
            discussed.setdefault(meeting_id, []).append(pk)
        if status == CaseStatus.SHARED:
            shared.setdefault(site_id, []).append(pk)
        elif status == CaseStatus.DISCUSSED:
            open_follow_ups.setdefault(site_id, []).append(pk)
    followed: dict[int, list[int]] = {}
    for case_id, meeting_id in (
        FollowUp.objects.filter(case__site__in=sites).order_by("pk").values_list("case_id", "meeting_id")
    ):
        followed.setdefault(meeting_id, []).append(case_id)
    case_themes: dict[int, str] = {}
    for case_id, name in (
        Case.themes.through.objects.filter(case__site__in=sites).order_by("pk").values_list("case_id", "theme__name")
    ):
        case_themes.setdefault(case_id, name)

    items, publications, held = [], [], []
    for site in sites:
        members = members_by_site[site.pk]
        upcoming_seen = 0
        for meeting in meetings_by_site.get(site.pk, []):
            if meeting.status == MeetingStatus.CANCELLED:
                continue
            was_held = meeting.ends_at < now
            lines: list[tuple[str, str, int | None, str]] = []  # kind, title, case, source key
            if meeting.is_taster:
                lines += [(AgendaItemKind.STANDING, "Welcome and introductions", None, "standing:welcome"),
                          (AgendaItemKind.STANDING, "Ground rules: confidentiality and respect", None,
                           "standing:ground_rules")]  # fmt: skip
            elif rng.random() < 0.6:
                lines.append((AgendaItemKind.OTHER, rng.choice(AGENDA_OPENERS), None, ""))
            if was_held:
                presented, follow_ups = discussed.get(meeting.pk, []), followed.get(meeting.pk, [])
            elif upcoming_seen == 0:
                presented, follow_ups = shared.get(site.pk, []), open_follow_ups.get(site.pk, [])
            else:
                presented, follow_ups = [], []
            lines += [(AgendaItemKind.CASE, "Case to present", pk, f"case:{pk}") for pk in presented]
            lines += [(AgendaItemKind.FOLLOW_UP, "Follow-up", pk, f"follow_up:{pk}") for pk in follow_ups]
            for _ in range(rng.randint(0, 2) if was_held or upcoming_seen == 0 else rng.randint(0, 1)):
                lines.append((AgendaItemKind.OTHER, _agenda_topic(rng, rng.choice(THEMES)), None, ""))
            if rng.random() < 0.3:
                lines.append((AgendaItemKind.STANDING, "Guest speaker slot", None, "standing:guest_speaker"))
            if was_held and rng.random() < 0.5:
                lines.append((AgendaItemKind.OTHER, rng.choice(AGENDA_CLOSERS), None, ""))
            upcoming_seen += 0 if was_held else 1
            if not lines:
                continue
            made = [
                AgendaItem(meeting=meeting, position=position, kind=kind, title=title, case_id=case,
                           source_key=key, removed=rng.random() < AGENDA_REMOVED_SHARE)
                for position, (kind, title, case, key) in enumerate(lines, start=1)
            ]  # fmt: skip
            items.extend(made)
            if was_held:
                publish = rng.random() >= AGENDA_UNPUBLISHED_SHARE
                held.append((meeting, [item for item in made if not item.removed]))
            else:  # the next meeting's agenda once it is near, never those further ahead
                publish = upcoming_seen == 1 and meeting.starts_at < now + timedelta(days=14) and rng.random() < 0.7
            if publish and members:
                at = min(now - timedelta(hours=1), meeting.starts_at - timedelta(days=rng.randint(3, 10)))
                publications.append(AgendaPublication(meeting=meeting, published_by_id=members[0], published_at=at))
    _bulk(AgendaItem, items, timings, "sites_agendaitem")
    _bulk(AgendaPublication, publications, timings, "sites_agendapublication")
    return [(meeting, kept) for meeting, kept in held if kept]


def _entry_text(rng, item: AgendaItem, themes: dict[int, list[str]], outcomes: dict[int, str]) -> tuple[str, str]:
    """What the record says under an agenda item: the discussion, and the follow-ups reported."""
    if item.kind == AgendaItemKind.CASE:
        chosen = themes.get(item.case_id) or [rng.choice(THEMES)]
        discussion = " ".join([_paragraph(rng, chosen, rng.randint(1, 2)), rng.choice(LEARNING)])
        return discussion, " ".join(rng.sample(ACTIONS, rng.randint(0, 2)))
    if item.kind == AgendaItemKind.FOLLOW_UP:
        return rng.choice(FOLLOW_UP_DISCUSSIONS), outcomes.get(item.case_id) or rng.choice(FOLLOW_UPS)
    if item.kind == AgendaItemKind.STANDING or item.title in AGENDA_OPENERS:
        return rng.choice(OPENING_DISCUSSIONS), ""
    if item.title in AGENDA_CLOSERS:
        return rng.choice(CLOSING_DISCUSSIONS), ""
    theme = next((name for name in THEMES if name.lower() in item.title.lower()), rng.choice(THEMES))
    return " ".join(rng.sample(SENTENCES[theme], 2) + [rng.choice(LEARNING)]), rng.choice(["", rng.choice(FOLLOW_UPS)])


def _make_records(rng, sites, members_by_site, held, timings) -> None:
    """Records of most held meetings: one entry per item on the agenda. Approved by a facilitator a few days after
    the meeting (with the version the approval keeps), except the most recent, mostly still drafts."""
    now = datetime.now(tz=LONDON)
    themes: dict[int, list[str]] = {}
    for case_id, name in (
        Case.themes.through.objects.filter(case__site__in=sites).order_by("pk").values_list("case_id", "theme__name")
    ):
        themes.setdefault(case_id, []).append(name)
    outcomes = dict(FollowUp.objects.filter(case__site__in=sites).values_list("case_id", "what_happened"))
    case_titles = dict(Case.objects.filter(site__in=sites).exclude(status=CaseStatus.DRAFT).values_list("pk", "title"))
    records, plans = [], []
    for meeting, items in held:
        if rng.random() < RECORDLESS_SHARE:
            continue
        recent = meeting.ends_at > now - timedelta(days=DRAFT_RECORD_DAYS)
        approved = rng.random() < (0.3 if recent else 0.97)
        records.append(MeetingRecord(meeting=meeting, created_at=meeting.ends_at + timedelta(hours=rng.randint(1, 48)),
                                     status=RecordStatus.APPROVED if approved else RecordStatus.DRAFT))  # fmt: skip
        plans.append((meeting, items))
    records = _bulk(MeetingRecord, records, timings, "sites_meetingrecord")
    entries = []
    for record, (_, items) in zip(records, plans, strict=True):
        for position, item in enumerate(items, start=1):
            discussion, follow_ups = _entry_text(rng, item, themes, outcomes)
            entries.append(RecordEntry(record=record, agenda_item=item, position=position, discussion=discussion,
                                       follow_ups=follow_ups))  # fmt: skip
    entries = _bulk(RecordEntry, entries, timings, "sites_recordentry")

    # The version each approval keeps: the record as cycle.services.record.snapshot writes it (no actions here).
    started = time.perf_counter()
    approved = {record.meeting_id: record for record in records if record.status == RecordStatus.APPROVED}
    registers: dict[int, list[dict]] = {}
    attendance = (
        Attendance.objects.filter(meeting_id__in=list(approved))
        .order_by("meeting_id", "person__name")
        .values_list("meeting_id", "person__name", "status", "is_guest")
    )
    labels = dict(AttendanceStatus.choices)
    for meeting_id, name, status, guest in attendance:
        registers.setdefault(meeting_id, []).append({"name": name, "status": labels[status], "guest": guest})
    timings.record("sites_recordversion", 0, started)
    by_record: dict[int, list[dict]] = {}
    for entry in entries:
        item = entry.agenda_item
        # agenda_heading: the case's title after the item's, for a case that is not a draft (none on an agenda is).
        heading = f"{item.title}: {case_titles[item.case_id]}" if item.case_id in case_titles else item.title
        by_record.setdefault(entry.record_id, []).append({"heading": heading, "discussion": entry.discussion,
                                                           "follow_ups": entry.follow_ups, "actions": []})  # fmt: skip
    versions = []
    for meeting, _ in plans:
        record = approved.get(meeting.pk)
        if record is None:
            continue
        content = {"attendance": registers.get(meeting.pk, []), "entries": by_record.get(record.pk, [])}
        at = min(now - timedelta(hours=1), meeting.ends_at + timedelta(days=rng.randint(2, 14)))
        members = members_by_site[meeting.site_id]
        versions.append(RecordVersion(record=record, number=1, content=content,
                                      approved_by_id=members[0] if members else None, approved_at=at))  # fmt: skip
    _bulk(RecordVersion, versions, timings, "sites_recordversion")


def analyse() -> None:
    """Refresh the planner's statistics after a bulk load (PostgreSQL only). VACUUM as well, when not inside a
    transaction (the tests run in one): it merges the GIN indexes' pending lists, which a bulk load leaves long
    (every search then reads them: 276 buffers per query for the case search index before, 4 after)."""
    if connection.vendor != "postgresql":
        return
    tables = ["sites_site", "members_user", "members_membership", "sites_meeting", "sites_attendance"]
    tables += ["cases_case", "cases_case_themes", "cases_case_presenters", "cases_actionitem", "cases_followup"]
    tables += ["forum_thread", "forum_post", "forum_threadfollow", "forum_readmarker"]
    tables += ["newsletters_newsletterissue", "newsletters_newsletteritem"]
    tables += ["cases_evidence", "cases_evidence_themes", "cases_evidencelink"]
    tables += ["sites_agendaitem", "sites_agendapublication", "sites_meetingrecord", "sites_recordentry"]
    tables += ["sites_recordversion"]
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        cursor.execute(f"{command} {', '.join(tables)}")


SEARCH_VECTOR_SQL = """
UPDATE cases_case AS c SET search_vector =
    setweight(to_tsvector('english'::regconfig, coalesce(c.title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(t.names, '') || ' ' || coalesce(c.summary, '')), 'B')
    || setweight(to_tsvector('english'::regconfig,
        concat_ws(' ', c.presentation, c.learning, c.commissioner_issues, coalesce(a.texts, ''))), 'C')
FROM cases_case AS c2
JOIN sites_site AS s ON s.id = c2.site_id
LEFT JOIN (
    SELECT ct.case_id, string_agg(th.name, ' ') AS names
    FROM cases_case_themes ct JOIN cases_theme th ON th.id = ct.theme_id GROUP BY ct.case_id
) AS t ON t.case_id = c2.id
LEFT JOIN (SELECT case_id, string_agg(text, ' ') AS texts FROM cases_actionitem GROUP BY case_id) AS a
    ON a.case_id = c2.id
WHERE c.id = c2.id AND s.code LIKE %s
"""


def update_search_vectors() -> int:
    """Fill the stored search document of every synthetic case in one statement (PostgreSQL only), weighted as
    cases.search.update_search_document does: title A, themes and summary B, the four parts and next steps C."""
    if connection.vendor != "postgresql":
        return 0
    with connection.cursor() as cursor:
        cursor.execute(SEARCH_VECTOR_SQL, [f"{SITE_PREFIX}%"])
        return cursor.rowcount


EVIDENCE_SEARCH_VECTOR_SQL = """
UPDATE cases_evidence AS e SET search_vector =
    setweight(to_tsvector('english'::regconfig, coalesce(e.title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(t.names, '') || ' ' || coalesce(e.summary, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, concat_ws(' ', e.authors, e.publisher, e.abstract)), 'C')
FROM cases_evidence AS e2
LEFT JOIN (
    SELECT et.evidence_id, string_agg(th.name, ' ' ORDER BY th.name) AS names
    FROM cases_evidence_themes et JOIN cases_theme th ON th.id = et.theme_id GROUP BY et.evidence_id
) AS t ON t.evidence_id = e2.id
WHERE e.id = e2.id AND e.id = ANY(%s)
"""


def update_evidence_search_vectors(pks: list[int]) -> int:
    """Fill the stored search document of the given evidence items in one statement (PostgreSQL only), as
    cases.search.update_evidence_search_document does: title A, themes and summary B, authors, publisher and
    abstract C. (Agenda items and record entries need nothing: a trigger fills theirs on every insert.)"""
    if connection.vendor != "postgresql" or not pks:
        return 0
    with connection.cursor() as cursor:
        cursor.execute(EVIDENCE_SEARCH_VECTOR_SQL, [pks])
        return cursor.rowcount
