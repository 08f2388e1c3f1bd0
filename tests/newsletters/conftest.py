"""A fixed past month (March 2026) of two sites' meetings and attendance, and a site with nothing."""

from datetime import date, datetime
from uuid import uuid4
from zoneinfo import ZoneInfo

import pytest
import time_machine

from sites.models import AttendanceStatus, MeetingStatus, MembershipRole, SiteStatus
from tests.factories import AttendanceFactory, MeetingFactory, MembershipFactory, SiteFactory, UserFactory, at

MARCH = date(2026, 3, 1)
JOINED = date(2025, 9, 1)


@pytest.fixture(autouse=True)
def read_in_december_2026():
    """March 2026 is read from December 2026 (the month picker offers the last twelve months), whatever the date
    the tests run on."""
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London")), tick=True):
        yield


@pytest.fixture(autouse=True)
def own_cache(settings):
    """A fresh in-process cache for each test, so sign-up counters never carry over (nor reach the
    shared Redis cache when REDIS_URL is set)."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": str(uuid4())}
    }


@pytest.fixture
def march(db):
    """CP1 Brighton met twice in March (3 of 4 and 4 of 4 current members present, one guest broker
    and a member who left in February not counted), CP3 Colchester met once, CP4 Stoke had nothing,
    CP6 Workington closed on 20 March, CP2 Halifax failed last year (not reported). April holds
    CP1's next meeting and a cancelled one."""
    brighton = SiteFactory(code="CP1", town="Brighton")
    colchester = SiteFactory(code="CP3", town="Colchester")
    stoke = SiteFactory(code="CP4", town="Stoke-on-Trent")
    workington = SiteFactory(code="CP6", town="Workington", status=SiteStatus.CLOSED, ended_on=date(2026, 3, 20))
    halifax = SiteFactory(code="CP2", town="Halifax", status=SiteStatus.FAILED, ended_on=date(2025, 6, 1))
    people = {}
    for site, names in [
        (brighton, ["Priya Presenter", "Sam Social-Worker", "Dana Nurse", "Fran Facilitator"]),
        (colchester, ["Olly Outsider", "Ravi Probation"]),
        (stoke, ["Tess Housing"]),
        (workington, ["Will Outreach"]),
        (halifax, ["Hal Former"]),
    ]:
        for index, name in enumerate(names):
            role = MembershipRole.FACILITATOR if index == len(names) - 1 and site is brighton else MembershipRole.MEMBER
            people[name] = MembershipFactory(site=site, person__name=name, joined=JOINED, role=role).person
    leaver = MembershipFactory(site=brighton, person__name="Lee Leaver", joined=JOINED, left=date(2026, 2, 10)).person
    broker = UserFactory(name="Kit Broker", is_knowledge_broker=True)

    first = MeetingFactory(site=brighton, starts_at=at(date(2026, 3, 5), 14), agenda="Priya Presenter's case")
    for name in ["Priya Presenter", "Sam Social-Worker", "Fran Facilitator"]:
        AttendanceFactory(meeting=first, person=people[name])
    AttendanceFactory(meeting=first, person=people["Dana Nurse"], status=AttendanceStatus.APOLOGIES)
    AttendanceFactory(meeting=first, person=leaver)  # left before March: not a current member
    AttendanceFactory(meeting=first, person=broker, is_guest=True)
    second = MeetingFactory(site=brighton, starts_at=at(date(2026, 3, 19), 10), is_taster=True)
    for name in ["Priya Presenter", "Sam Social-Worker", "Dana Nurse", "Fran Facilitator"]:
        AttendanceFactory(meeting=second, person=people[name])
    MeetingFactory(site=brighton, starts_at=at(date(2026, 3, 26), 14), status=MeetingStatus.CANCELLED)
    colchester_meeting = MeetingFactory(site=colchester, starts_at=at(date(2026, 3, 12), 13))
    AttendanceFactory(meeting=colchester_meeting, person=people["Ravi Probation"])
    MeetingFactory(site=workington, starts_at=at(date(2026, 2, 12), 13))  # February: not in March
    MeetingFactory(site=brighton, starts_at=at(date(2026, 4, 2), 14))
    MeetingFactory(site=brighton, starts_at=at(date(2026, 4, 16), 14), status=MeetingStatus.CANCELLED)
    MeetingFactory(site=halifax, starts_at=at(date(2026, 4, 9), 14))
    return {
        "sites": [brighton, colchester, stoke, workington, halifax],
        "people": {**people, "Lee Leaver": leaver, "Kit Broker": broker},
    }
