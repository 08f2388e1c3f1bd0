"""Data for a fault test, written into the private database by a subprocess (the test process itself talks to
the test-suite database, not to the private cluster), printed as JSON with session cookies for the visitors.

    python -m tests.faults.seed newsletter|load
"""

import json
import sys
from datetime import date, timedelta


def _session_cookie(person) -> str:
    from django.test import Client

    client = Client()
    client.force_login(person)
    return client.cookies["sessionid"].value


def newsletter() -> dict:
    """A site with 30 members and last month's meeting, a compiled and approved newsletter, a knowledge broker
    to send it and a commissioner to ask for a digest."""
    from django.utils import timezone

    from newsletters.services.compile import compile_newsletter, previous_month
    from newsletters.services.editing import approve_issue
    from newsletters.services.sending import member_recipients
    from sites.models import MembershipRole
    from tests.factories import AttendanceFactory, MeetingFactory, MembershipFactory, SiteFactory, UserFactory, at

    site = SiteFactory(code="FLT1", town="Faultbury")
    joined = timezone.localdate() - timedelta(days=400)
    people = [MembershipFactory(site=site, joined=joined).person for _ in range(29)]
    people.append(MembershipFactory(site=site, joined=joined, role=MembershipRole.FACILITATOR).person)
    month = previous_month()
    meeting = MeetingFactory(site=site, starts_at=at(month + timedelta(days=9)))
    for person in people[:20]:
        AttendanceFactory(meeting=meeting, person=person)
    broker = UserFactory(name="Kit Broker", is_knowledge_broker=True)
    commissioner = UserFactory(name="Cam Commissioner", is_commissioner=True)
    issue = approve_issue(issue=compile_newsletter(month=month), by=broker)
    return {
        "issue": issue.pk,
        "recipients": sorted(email.lower() for email in member_recipients().values_list("email", flat=True)),
        "broker": _session_cookie(broker),
        "commissioner": _session_cookie(commissioner),
        "commissioner_email": commissioner.email.lower(),
        "site": site.pk,
        "period_start": month.strftime("%d/%m/%Y"),
        "period_end": (month + timedelta(days=27)).strftime("%d/%m/%Y"),
    }


def load() -> dict:
    """A site with a facilitator, 12 members, a case being drafted and last week's meeting."""
    from django.utils import timezone

    from cases.services.lifecycle import create_case
    from sites.models import MembershipRole
    from tests.factories import MeetingFactory, MembershipFactory, SiteFactory, at

    site = SiteFactory(code="FLT2", town="Loadham")
    joined = date(2024, 1, 1)
    facilitator = MembershipFactory(site=site, joined=joined, role=MembershipRole.FACILITATOR).person
    members = [MembershipFactory(site=site, joined=joined).person for _ in range(12)]
    case = create_case(site=site, by=facilitator, title="Weekend crises",
                       presentation="A man in his forties attends A&E most weekends.")  # fmt: skip
    meeting = MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=7)))
    return {
        "facilitator": _session_cookie(facilitator),
        "facilitator_id": facilitator.pk,
        "people": [facilitator.pk, *(m.pk for m in members)],
        "case": case.pk,
        "case_kind": case.kind,
        "meeting": meeting.pk,
        "site": site.pk,
    }


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps({"newsletter": newsletter, "load": load}[sys.argv[1]]()))
