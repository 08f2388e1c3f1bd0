"""Facilitators record one focus group per site; the anonymisation gate keeps personal data out."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from evaluation import services
from evaluation.models import FocusGroup

pytestmark = pytest.mark.django_db

CLEAN = {
    "attendees_count": 7,
    "themes": "Dual diagnosis\nWeekend crises\nLack of suitable accommodation",
    "quotes": "When you're working alone you think, 'is it just me seeing this problem' (Member CP5)",
}


def form_data(**overrides):
    return {"held_on": (timezone.localdate() - timedelta(days=1)).isoformat(), **CLEAN, **overrides}


def test_facilitator_records_a_focus_group(client, facilitator, site):
    client.force_login(facilitator)
    response = client.post(reverse("evaluation:record_focus_group", args=[site.pk]), form_data())
    assert response.status_code == 302
    group = FocusGroup.objects.get()
    assert group.site == site and group.attendees_count == 7 and group.theme_lines[1] == "Weekend crises"
    page = client.get(reverse("evaluation:site", args=[site.pk])).content.decode()
    assert "Weekend crises" in page and "7 members took part" in page


def test_personal_data_in_quotes_or_themes_is_refused_with_what_was_found(client, facilitator, site):
    client.force_login(facilitator)
    data = form_data(themes="Housing\nMrs Jane Smith rang on 07700 900123", quotes="Ask John Smith, NHS 943 476 5919")
    response = client.post(reverse("evaluation:record_focus_group", args=[site.pk]), data)
    assert response.status_code == 200
    assert not FocusGroup.objects.exists()
    page = response.content.decode()
    assert "Personal data found: nothing was saved" in page
    assert "on line 2, from character 5" in page and "Jane Smith" in page
    assert "Phone number" in page and "NHS number" in page
    # what they typed is kept so they can fix it
    assert "Mrs Jane Smith rang on 07700 900123" in page


def test_the_service_refuses_personal_data_whatever_the_caller(facilitator, site):
    with pytest.raises(services.PersonalDataFound) as problem:
        services.record_focus_group(
            site=site,
            recorded_by=facilitator,
            held_on=timezone.localdate(),
            attendees_count=5,
            themes="Weekend crises",
            quotes="Talked about John Smith",
        )
    location = problem.value.locations[0]
    assert (location.field, location.kind, location.line, location.column) == ("quotes", "name", 1, 14)


def test_only_the_sites_facilitators_and_admins_record_focus_groups(client, member, outsider, programme_admin, site):
    url = reverse("evaluation:record_focus_group", args=[site.pk])
    for person in (member, outsider):
        client.force_login(person)
        assert client.get(url).status_code == 404
        assert client.post(url, form_data()).status_code == 404
        assert client.get(reverse("evaluation:site", args=[site.pk])).status_code == 404
    client.force_login(programme_admin)
    assert client.post(url, form_data()).status_code == 302


def test_a_focus_group_cannot_be_dated_in_the_future(client, facilitator, site):
    client.force_login(facilitator)
    data = form_data(held_on=(timezone.localdate() + timedelta(days=2)).isoformat())
    response = client.post(reverse("evaluation:record_focus_group", args=[site.pk]), data)
    assert response.status_code == 200 and not FocusGroup.objects.exists()
    assert "cannot be in the future" in response.content.decode()


def test_site_evaluation_page_query_count_does_not_grow(client, facilitator, site, django_assert_max_num_queries):
    for day in range(6):
        services.record_focus_group(
            site=site,
            recorded_by=facilitator,
            held_on=timezone.localdate() - timedelta(days=day),
            attendees_count=6,
            themes="Weekend crises",
            quotes="",
        )
        round_ = services.open_assessment_round(site=site, opened_by=facilitator)
        services.close_assessment_round(assessment_round=round_)
    client.force_login(facilitator)
    with django_assert_max_num_queries(12):  # and the menu's counts; the same with one focus group and round
        assert client.get(reverse("evaluation:site", args=[site.pk])).status_code == 200
