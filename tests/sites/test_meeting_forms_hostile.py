"""The meeting forms fuzzed with hostile values: no server error, and no typed text shown as live HTML
(the notes are Markdown, so they are also read back on the meeting page)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import MeetingFactory, MembershipFactory, at
from tests.security.hostile import live_markup

MARKER = "xss-marker"
PAYLOADS = [
    f"<script>alert('{MARKER}')</script>",
    f'"><img src=x onerror=alert("{MARKER}")>',
    f"<svg onload=alert('{MARKER}')>",
    f"[click](javascript:alert('{MARKER}'))",
    f"<a href=\"javascript:alert('{MARKER}')\">click</a>",
    "' OR '1'='1",
    "99999999999999999999",
    "1e309",
    "-1",
    "0001-01-01",
    "9999-12-31",
    "2026-02-30",
    "31/13/2026",
    "25:61",
    "",
]
hostile_text = st.one_of(
    st.sampled_from(PAYLOADS),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
    st.text(min_size=1, max_size=50).map(lambda s: s * (6000 // len(s) + 1)),
)
FUZZ = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


def hostile_form(fields):
    return st.fixed_dictionaries(
        {}, optional={f: st.one_of(hostile_text, st.lists(hostile_text, min_size=2, max_size=3)) for f in fields}
    )


def assert_safe(response):
    assert response.status_code < 500
    if response.get("Content-Type", "").startswith("text/html"):
        assert live_markup(response.content.decode("utf-8", "replace")) == []


def fuzz(client, user, url, fields, *, then=None):
    client.force_login(user)

    @FUZZ
    @given(data=hostile_form(fields))
    def run(data):
        assert_safe(client.post(url, data))
        if then:
            assert_safe(client.get(then))

    run()


@pytest.fixture
def held(site):
    return MeetingFactory(site=site, starts_at=at(timezone.localdate() - timedelta(days=1)))


@pytest.mark.django_db
def test_schedule_form(client, site, facilitator):
    fields = ["date", "start_time", "end_time", "venue", "is_taster"]
    fuzz(client, facilitator, reverse("sites:meeting_create", args=[site.pk]), fields, then=f"/sites/{site.pk}/")


@pytest.mark.django_db
def test_change_move_and_cancel_forms(client, site, facilitator):
    meeting = MeetingFactory(site=site)
    page = reverse("sites:meeting", args=[meeting.pk])
    fuzz(
        client,
        facilitator,
        reverse("sites:meeting_edit", args=[meeting.pk]),
        ["venue", "is_taster", "reason"],
        then=page,
    )
    fuzz(
        client,
        facilitator,
        reverse("sites:meeting_move", args=[meeting.pk]),
        ["date", "start_time", "end_time", "reason"],
        then=page,
    )
    fuzz(client, facilitator, reverse("sites:meeting_cancel", args=[meeting.pk]), ["reason"], then=page)


@pytest.mark.django_db
def test_notes_form_and_the_page_that_shows_the_notes(client, site, facilitator, held):
    page = reverse("sites:meeting", args=[held.pk])
    fuzz(client, facilitator, reverse("sites:meeting_notes", args=[held.pk]), ["notes"], then=page)


@pytest.mark.django_db
def test_register_form(client, site, facilitator, member, broker, held):
    MembershipFactory(site=site)
    fields = [f"status_{member.pk}", f"status_{facilitator.pk}", "guests"]
    fuzz(client, facilitator, reverse("sites:meeting_register", args=[held.pk]), fields)


@pytest.mark.django_db
def test_reminder_setting_form(client, site, facilitator):
    fuzz(client, facilitator, reverse("sites:meeting_reminders", args=[site.pk]), ["reminder_days_before"])
