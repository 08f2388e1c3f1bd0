"""Reads sent one after another and read after the last (core.pipeline): the same rows as values() gives, counted as
queries, on PostgreSQL and SQLite alike."""

import pytest
from django.db import DatabaseError, connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from core.pipeline import SentRead, pipeline
from members.models import User
from sites.models import Meeting, Membership
from tests.factories import MeetingFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def test_sent_reads_give_the_rows_values_gives():
    for n in range(3):
        MembershipFactory(site__code=f"CP{n + 40}", person__name=f"Person {n}")
        MeetingFactory(venue=f"Room {n}")
    memberships = Membership.objects.order_by("-pk").values("pk", "role", "joined", "person__name", "site__code")
    meetings = Meeting.objects.annotate(place=F("venue")).order_by("starts_at", "pk").values("pk", "starts_at", "place")
    with CaptureQueriesContext(connection) as queries, pipeline():
        sent = [SentRead(memberships[:2]), SentRead(meetings), SentRead(User.objects.values("pk", "email")[:0])]
    assert [read.rows() for read in sent] == [list(memberships[:2]), list(meetings), []]
    assert len(queries) == 2  # the last could match nothing: not asked


def test_a_read_that_cannot_match_is_not_sent():
    with CaptureQueriesContext(connection) as queries, pipeline():
        sent = SentRead(User.objects.filter(pk__in=[]).values("pk"))
    assert sent.rows() == []
    assert len(queries) == 0


def test_a_read_made_inside_the_block_still_gets_its_rows():
    """A rule reading the person's roles between two sent reads: right, only slower (it waits for those sent)."""
    membership = MembershipFactory()
    with pipeline():
        first = SentRead(User.objects.values("pk"))
        roles = list(Membership.objects.filter(person=membership.person).values_list("role", flat=True))
        second = SentRead(Membership.objects.values("site_id"))
    assert roles == [membership.role]
    assert first.rows() == [{"pk": membership.person_id}]
    assert second.rows() == [{"site_id": membership.site_id}]


def test_a_read_that_fails_raises_a_database_error():
    """Django's DatabaseError, as any query's: on PostgreSQL when the block ends, on SQLite when it is sent."""
    with pytest.raises(DatabaseError), pipeline():
        SentRead(User.objects.extra(where=["no_such_column = 1"]).values("pk"))
