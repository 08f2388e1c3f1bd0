from datetime import datetime, time, timedelta

import factory
from django.utils import timezone

from members.models import Sector, User
from sites.models import Attendance, AttendanceStatus, Meeting, Membership, MembershipRole, Site, SiteStatus

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Faker("name", locale="en_GB")
    job_title = "Housing Support Worker"
    agency = "St Mungo's"
    sector = Sector.VOLUNTARY
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class SiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Site
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"CP{n + 10}")
    name = factory.LazyAttribute(lambda o: f"{o.town} Community of Practice")
    town = "Brighton"
    host_organisation = "Brighton Housing Trust"
    status = SiteStatus.ACTIVE
    start_date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=200))


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    site = factory.SubFactory(SiteFactory)
    person = factory.SubFactory(UserFactory)
    role = MembershipRole.MEMBER
    joined = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=180))


def at(day, hour: int = 14):
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    site = factory.SubFactory(SiteFactory)
    starts_at = factory.LazyFunction(lambda: at(timezone.localdate() + timedelta(days=14)))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    venue = "Community Centre, room 2"


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(UserFactory)
    status = AttendanceStatus.PRESENT


class EvidenceFactory(factory.django.DjangoModelFactory):
    """An evidence item saved directly (title_key filled in as the services do)."""

    class Meta:
        model = "cases.Evidence"
        skip_postgeneration_save = True

    kind = "research"
    title = factory.Sequence(lambda n: f"Housing first for people with complex needs, study {n}")
    authors = "Smith, Jane; Khan, Amir"
    year = 2021
    publisher = "BMJ"
    summary = "Stable housing first, then support, kept more people housed after a year."
    title_key = factory.LazyAttribute(lambda o: " ".join(o.title.lower().replace(",", " ").split()))

    @factory.post_generation
    def _search_document(obj, create, extracted, **kwargs):
        if create:
            from cases.search import update_evidence_search_document

            update_evidence_search_document(obj)
