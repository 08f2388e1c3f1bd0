"""Job changes are recorded, not overwritten: the membership matrix of an earlier date (the command's --as-of and the
page) shows the job title a person held then. Many members changed jobs through re-tendering (the report, CP6)."""

import io
import json
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditAction, AuditEvent
from members.jobs import jobs_on, record_job_change
from members.models import JobHistory, Sector
from sites.models import Membership
from sites.services.imports import import_members
from tests.factories import AttendanceFactory, MeetingFactory, MembershipFactory, UserFactory, at

pytestmark = pytest.mark.django_db

JOINED = date(2026, 1, 5)
CHANGED = date(2026, 3, 1)


@pytest.fixture
def worker(site):
    """A probation officer at CP1 since January, present at two meetings before the change and one after it."""
    person = UserFactory(job_title="Probation Officer", agency="Probation Service", sector=Sector.CRIMINAL_JUSTICE,
                         date_joined=timezone.make_aware(timezone.datetime(2026, 1, 5, 9)))  # fmt: skip
    MembershipFactory(site=site, person=person, joined=JOINED)
    for day in (date(2026, 1, 15), date(2026, 2, 12), date(2026, 3, 12)):
        AttendanceFactory(meeting=MeetingFactory(site=site, starts_at=at(day)), person=person)
    return person


def titles(as_of: date) -> dict[str, dict]:
    out = io.StringIO()
    call_command("membership_matrix", "--as-of", as_of.isoformat(), stdout=out)
    return {row["job_title"]: row["cells"] for row in json.loads(out.getvalue())["rows"]}


def test_the_matrix_as_of_a_date_shows_the_title_held_then(worker, facilitator):
    record_job_change(person=worker, job_title="Housing Officer", agency="Brighton & Hove City Council",
                      sector=Sector.LOCAL_AUTHORITY, on=CHANGED, by=facilitator)  # fmt: skip
    worker.refresh_from_db()
    assert (worker.job_title, worker.agency) == ("Housing Officer", "Brighton & Hove City Council")
    assert list(worker.job_history.values_list("started_on", "job_title")) == [
        (JOINED, "Probation Officer"),
        (CHANGED, "Housing Officer"),
    ]
    before = titles(date(2026, 2, 20))
    assert before["Probation Officer"] == {"CP1": "X"} and "Housing Officer" not in before
    after = titles(date(2026, 4, 1))
    assert after["Housing Officer"] == {"CP1": "X"} and "Probation Officer" not in after
    # The sector moves with the job: the row is grouped under the sector held on the date.
    out = io.StringIO()
    call_command("membership_matrix", "--as-of", "2026-02-20", stdout=out)
    [row] = [r for r in json.loads(out.getvalue())["rows"] if r["job_title"] == "Probation Officer"]
    assert row["sector"] == "Criminal Justice & Police"


def test_the_matrix_page_shows_the_title_held_at_its_date(client, worker, facilitator):
    record_job_change(person=worker, job_title="Housing Officer", agency="", sector=Sector.LOCAL_AUTHORITY,
                      on=CHANGED, by=facilitator)  # fmt: skip
    client.force_login(facilitator)
    html = client.get(reverse("sites:matrix"), {"as_of": "2026-02-20"}).content.decode()
    assert "Probation Officer" in html and "Housing Officer" not in html
    html = client.get(reverse("sites:matrix"), {"as_of": "2026-04-01"}).content.decode()
    assert "Housing Officer" in html and "Probation Officer" not in html


def test_a_facilitator_records_a_new_job_on_the_members_page(client, site, worker, facilitator, member):
    membership = worker.memberships.get(site=site)
    url = reverse("memberships:job_change", args=[membership.pk])
    client.force_login(member)
    assert client.get(url).status_code == 403
    client.force_login(facilitator)
    data = {"job_title": "Senior Practitioner", "agency": "Probation Service", "sector": "criminal_justice"}
    response = client.post(url, {**data, "started_on": "2025-12-01"})  # before they joined the site
    html = response.content.decode()
    assert response.status_code == 200 and "from when they joined this site: 05/01/2026 or later" in html
    assert 'value="Senior Practitioner"' in html  # what was typed is kept
    assert client.post(url, {**data, "started_on": CHANGED.isoformat()}).status_code == 302
    assert jobs_on([worker.pk], date(2026, 2, 1))[worker.pk].job_title == "Probation Officer"
    assert jobs_on([worker.pk], CHANGED)[worker.pk].job_title == "Senior Practitioner"
    assert AuditEvent.objects.filter(action=AuditAction.CHANGED, target_id=str(worker.pk)).exists()
    page = client.get(url).content.decode()
    assert "From 5 January 2026: Probation Officer" in page and "From 1 March 2026: Senior Practitioner" in page


def test_the_same_job_again_or_a_future_date_changes_nothing(worker):
    assert record_job_change(person=worker, job_title="Probation Officer", agency="Probation Service",
                             sector=Sector.CRIMINAL_JUSTICE, on=CHANGED) is None  # fmt: skip
    assert not JobHistory.objects.exists()
    with pytest.raises(Exception, match="today or an earlier date"):
        record_job_change(person=worker, job_title="X", agency="", sector="", on=timezone.localdate() + timedelta(1))


def test_a_change_dated_before_a_later_one_keeps_the_latest_as_the_current_job(worker):
    record_job_change(person=worker, job_title="Team Leader", agency="Probation Service", sector="criminal_justice",
                      on=date(2026, 4, 1))  # fmt: skip
    record_job_change(person=worker, job_title="Senior Practitioner", agency="Probation Service",
                      sector="criminal_justice", on=CHANGED)  # fmt: skip
    worker.refresh_from_db()
    assert worker.job_title == "Team Leader"
    assert jobs_on([worker.pk], date(2026, 3, 15))[worker.pk].job_title == "Senior Practitioner"


def test_an_import_with_a_new_title_records_a_job_change(worker, site):
    csv = (
        "site,name,email,job_title,agency,sector,expert_by_experience,role,joined,left\n"
        f"CP1,{worker.name},{worker.email},Housing Officer,Council,Local Authority,no,member,2026-01-05,\n"
    ).encode()
    import_members(data=csv, filename="members.csv")
    assert list(worker.job_history.values_list("job_title", flat=True)) == ["Probation Officer", "Housing Officer"]
    assert jobs_on([worker.pk], date(2026, 2, 1))[worker.pk].job_title == "Probation Officer"


def test_a_programme_admin_changing_the_title_in_the_django_admin_keeps_the_old_one(client, worker, programme_admin):
    programme_admin.is_superuser = True
    programme_admin.save()
    client.force_login(programme_admin)
    url = reverse("admin:members_user_change", args=[worker.pk])
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name in form.fields}
    data.update({"job_title": "Approved Premises Manager", "date_joined_0": "05/01/2026", "date_joined_1": "09:00:00"})
    response = client.post(url, {k: ("on" if v is True else v) for k, v in data.items() if v is not False})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(worker.job_history.values_list("job_title", flat=True)) == [
        "Probation Officer",
        "Approved Premises Manager",
    ]


def test_jobs_asked_by_a_queryset_of_people_are_those_asked_by_their_ids(worker, site):
    other = MembershipFactory(site=site).person
    record_job_change(person=worker, job_title="Team Leader", agency="Probation Service", sector="criminal_justice",
                      on=CHANGED)  # fmt: skip
    record_job_change(person=other, job_title="Nurse", agency="NHS", sector="nhs", on=CHANGED)
    people = Membership.objects.filter(site=site, person=worker).values("person_id")
    for day in (date(2026, 2, 1), CHANGED):
        assert jobs_on(people, day) == jobs_on([worker.pk], day)
        assert list(jobs_on(people, day)) == [worker.pk]  # only the people of the queryset
