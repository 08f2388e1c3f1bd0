"""Builders for the toolkit tests: a site's course of meetings and registers, told day by day."""

from datetime import date, timedelta

import factory

from members.models import Sector
from sites.models import AttendanceStatus, Expense, ExpenseCategory, MembershipRole
from tests.factories import AttendanceFactory, MeetingFactory, MembershipFactory, at

PRESENT, ABSENT = AttendanceStatus.PRESENT, AttendanceStatus.ABSENT


class ExpenseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Expense

    category = ExpenseCategory.ROOM_HIRE
    spent_on = factory.LazyFunction(date.today)
    amount = 100


def hold_meeting(site, day: date, register: dict, **fields):
    """A meeting on `day` (14:00 to 16:00) with a register {person: status}."""
    meeting = MeetingFactory(site=site, starts_at=at(day), ends_at=at(day, 16), **fields)
    for person, status in register.items():
        AttendanceFactory(meeting=meeting, person=person, status=status)
    return meeting


def add_members(site, count: int, *, joined: date, sector: str = Sector.VOLUNTARY) -> list:
    return [
        MembershipFactory(site=site, joined=joined, person__sector=sector, role=MembershipRole.MEMBER).person
        for _ in range(count)
    ]


def cp2_course(site, facilitator, first_meeting: date) -> tuple[list, list]:
    """CP2's course: five members, a taster everyone came to, then only one or two kept coming.
    Three monthly meetings from `first_meeting`."""
    members = add_members(site, 5, joined=first_meeting - timedelta(days=30))
    keen = members[0]
    registers = [
        {facilitator: PRESENT, **{person: PRESENT for person in members}},  # the taster
        {facilitator: PRESENT, keen: PRESENT, members[1]: PRESENT, **{p: ABSENT for p in members[2:]}},
        {facilitator: PRESENT, keen: PRESENT, **{p: ABSENT for p in members[1:]}},
    ]
    meetings = [
        hold_meeting(site, first_meeting + timedelta(days=28 * n), register, is_taster=(n == 0))
        for n, register in enumerate(registers)
    ]
    return members, meetings
