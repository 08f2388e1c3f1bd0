from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from recruitment.services.agencies import set_senior_sponsor
from sites.models import SiteStatus
from tests.factories import MembershipFactory, SiteFactory, UserFactory
from tests.toolkit.helpers import PRESENT, add_members, cp2_course, hold_meeting
from toolkit.models import HealthStatus, SiteHealth, SiteHealthChange, WarningThresholds
from toolkit.periodic import check_site_health

pytestmark = pytest.mark.django_db


@pytest.fixture
def cp2(site, facilitator):
    """A site three meetings in with too few confirmed members, and a programme admin to tell."""
    UserFactory(email="team@example.org", is_programme_admin=True)
    first = timezone.localdate() - timedelta(days=70)
    cp2_course(site, facilitator, first)
    # The recruitment rules are met (a senior sponsor, two experts by experience): the members are the problem.
    set_senior_sponsor(site=site, by=facilitator, name="Jo Okafor", role="Director", agency="BHT", agreed_on=first)
    for _ in range(2):
        MembershipFactory(site=site, joined=first, person__expert_by_experience=True)
    return site


def test_daily_job_is_scheduled():
    entry = settings.CELERY_BEAT_SCHEDULE["check-site-health"]
    assert entry["task"] == "toolkit.periodic.check_site_health"


def test_admins_get_one_email_per_change_to_at_risk_not_one_a_day(cp2):
    check_site_health()
    check_site_health()
    assert SiteHealth.objects.get(site=cp2).status == HealthStatus.AT_RISK
    assert len(mail.outbox) == 1
    [message] = mail.outbox
    assert message.to == ["team@example.org"]
    assert message.subject == "CP1 Brighton is now at risk"
    assert "Fewer than 6 confirmed members after meeting 3" in message.body
    assert "Fewer than 6 confirmed members after meeting 3" in message.alternatives[0].content
    assert SiteHealthChange.objects.filter(site=cp2).count() == 1

    # The thresholds are relaxed: the site is healthy again, no email.
    WarningThresholds.objects.filter(pk=1).update(
        min_confirmed_members=2, falling_attendance_meetings=12, sector_gap_days=730, no_case_meetings=12
    )
    check_site_health()
    assert SiteHealth.objects.get(site=cp2).status == HealthStatus.HEALTHY
    assert len(mail.outbox) == 1

    # And back at risk: a new change, a new email.
    WarningThresholds.objects.filter(pk=1).update(min_confirmed_members=6)
    check_site_health()
    check_site_health()
    assert len(mail.outbox) == 2
    assert list(SiteHealthChange.objects.filter(site=cp2).values_list("previous_status", "status")) == [
        (HealthStatus.HEALTHY, HealthStatus.AT_RISK),
        (HealthStatus.AT_RISK, HealthStatus.HEALTHY),
        ("", HealthStatus.AT_RISK),
    ]


def test_a_watch_sends_no_email_and_ended_sites_are_not_checked(site, other_site, programme_admin):
    people = add_members(site, 6, joined=timezone.localdate() - timedelta(days=300))
    hold_meeting(site, timezone.localdate() - timedelta(days=50), {p: PRESENT for p in people})
    hold_meeting(site, timezone.localdate() + timedelta(days=5), {})
    closed = SiteFactory(code="CP6", status=SiteStatus.CLOSED)
    assert check_site_health() == 2
    assert SiteHealth.objects.get(site=site).status == HealthStatus.WATCH
    assert not SiteHealth.objects.filter(site=closed).exists()
    assert mail.outbox == []


def test_programme_admin_sees_every_sites_status_with_reasons(client, cp2, other_site, programme_admin):
    check_site_health()
    client.force_login(programme_admin)
    response = client.get(reverse("toolkit:site_health"))
    page = response.content.decode()
    assert response.status_code == 200
    assert [s.code for s in response.context["sites"]] == ["CP1", "CP3"]  # at risk first
    assert "Fewer than 6 confirmed members after meeting 3" in page
    assert "At risk" in page


def test_site_health_page_uses_a_fixed_number_of_queries(client, programme_admin, django_assert_max_num_queries):
    for n in range(10):
        SiteFactory(code=f"CP{n + 20}")
    check_site_health()
    client.force_login(programme_admin)
    with django_assert_max_num_queries(14):  # +1 menu counts; 4 read the set-up steps and the records that tick some
        response = client.get(reverse("toolkit:site_health"))
    assert len(response.context["sites"]) == 10


def test_only_programme_admins_see_every_site_and_change_thresholds(client, facilitator, member, broker, commissioner):
    for user in (member, broker, commissioner):
        client.force_login(user)
        assert client.get(reverse("toolkit:site_health")).status_code == 403
    for user in (facilitator, member, broker, commissioner):
        client.force_login(user)
        assert client.get(reverse("toolkit:warning_thresholds")).status_code == 403
        assert client.post(reverse("toolkit:check_site_health_now")).status_code == 403


def test_a_facilitator_sees_the_health_of_their_own_sites_only(client, cp2, facilitator, other_site):
    check_site_health()
    site = cp2
    client.force_login(facilitator)
    response = client.get(reverse("toolkit:site_health"))
    assert response.status_code == 200
    assert [s.pk for s in response.context["sites"]] == [site.pk]
    assert {change.site_id for change in response.context["changes"]} == {site.pk}
    page = response.content.decode()
    assert "Check all sites now" not in page and "Change the thresholds" not in page
    assert "Fewer than 6 confirmed members after meeting 3" in page  # the advice, written for them
    assert other_site.code not in page


def test_admin_edits_thresholds_on_the_page_and_the_outcome_changes(client, cp2, programme_admin):
    client.force_login(programme_admin)
    client.post(reverse("toolkit:check_site_health_now"))
    assert SiteHealth.objects.get(site=cp2).status == HealthStatus.AT_RISK

    form = client.get(reverse("toolkit:warning_thresholds")).context["form"]
    data = {**form.initial, "min_confirmed_members": 2}
    data = {k: v for k, v in data.items() if k in form.fields}
    response = client.post(reverse("toolkit:warning_thresholds"), data)
    assert response.status_code == 302
    thresholds = WarningThresholds.current()
    assert thresholds.min_confirmed_members == 2 and thresholds.updated_by == programme_admin

    client.post(reverse("toolkit:check_site_health_now"))
    assert SiteHealth.objects.get(site=cp2).status != HealthStatus.AT_RISK
    assert "too_few_confirmed_members" not in {r["rule"] for r in SiteHealth.objects.get(site=cp2).reasons}


def test_thresholds_form_explains_a_value_out_of_range(client, programme_admin):
    client.force_login(programme_admin)
    form = client.get(reverse("toolkit:warning_thresholds")).context["form"]
    data = {k: v for k, v in {**form.initial, "min_confirmed_members": 0}.items() if k in form.fields}
    response = client.post(reverse("toolkit:warning_thresholds"), data)
    assert response.status_code == 200
    assert "greater than or equal to 1" in response.content.decode()
    assert WarningThresholds.current().min_confirmed_members == 6
