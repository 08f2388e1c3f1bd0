from collections import Counter
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from bench.generate import SMALL, THEMES, synthetic_people, synthetic_sites
from cases.models import Case, Finding, FollowUp, Theme
from core.anonymisation import find_personal_data
from members.models import Sector
from sites.models import Attendance, Meeting, Membership, MembershipRole

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_programme():
    call_command("generate_programme", "--small", stdout=StringIO())


def test_small_generation_counts_distributions_and_clean_text(small_programme):
    assert synthetic_sites().count() == SMALL.sites
    assert synthetic_people().count() == SMALL.members
    assert Meeting.objects.filter(site__in=synthetic_sites()).count() == SMALL.meetings
    assert Case.objects.filter(site__in=synthetic_sites()).count() == SMALL.cases
    # Registers only for held meetings: close to the asked-for number, never more.
    assert 0.9 * SMALL.attendance <= Attendance.objects.count() <= SMALL.attendance
    assert Membership.objects.count() >= SMALL.members

    sectors = Counter(synthetic_people().values_list("sector", flat=True))
    assert set(sectors) == set(Sector.values)
    assert sectors[Sector.VOLUNTARY] == max(sectors.values())

    statuses = Counter(Attendance.objects.values_list("status", flat=True))
    assert statuses["present"] > statuses["apologies"] > statuses["absent"] > 0

    assert len(set(Case.objects.values_list("status", flat=True))) >= 6
    assert FollowUp.objects.exclude(outcome="none_yet").exists()
    assert set(THEMES) <= set(Theme.objects.values_list("name", flat=True))
    for site in synthetic_sites():
        assert Membership.objects.filter(site=site, role=MembershipRole.FACILITATOR).count() == 2
    assert Membership.objects.filter(left__isnull=False).exclude(left_reason="").exists()
    assert Meeting.objects.filter(is_taster=True).count() == SMALL.sites

    # Generated text never goes through the gate (no Finding rows) and is clean anyway.
    assert not Finding.objects.exists()
    for case in Case.objects.order_by("pk")[:40]:
        for text in (case.title, case.presentation, case.learning, case.commissioner_issues, case.summary):
            assert find_personal_data(text) == [], text


def test_a_second_run_is_refused_without_replace(small_programme):
    with pytest.raises(CommandError, match="--replace"):
        call_command("generate_programme", "--small", stdout=StringIO())
    call_command("generate_programme", "--small", "--replace", "--seed", "2", stdout=StringIO())
    assert synthetic_sites().count() == SMALL.sites
    assert Case.objects.count() == SMALL.cases
