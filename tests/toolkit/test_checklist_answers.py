"""Set-up steps the site's records answer are ticked from the data, with the date, and say how we know; the other
steps stay for the facilitator to tick. Every kind of answer is walked."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sites.models import MeetingStatus, MembershipRole
from tests.factories import MeetingFactory, MembershipFactory, at
from toolkit.checklist_answers import answers_for_sites
from toolkit.models import DefaultChecklistItem, RecordsAnswer, SiteChecklistItem
from toolkit.selectors import site_checklist
from toolkit.services.checklist import ensure_site_checklist

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def line(site, answer: str):
    return next(line for line in site_checklist(site)["lines"] if line.item.source.answered_by_records == answer)


def test_the_seeded_steps_the_records_can_answer_are_marked():
    marked = dict(
        DefaultChecklistItem.objects.exclude(answered_by_records="").values_list("answered_by_records", "title")
    )
    assert set(marked) == set(RecordsAnswer.values)
    assert marked[RecordsAnswer.TASTER_HELD] == "Hold a taster session"
    assert marked[RecordsAnswer.SIX_MEETINGS_SCHEDULED] == "Schedule at least six meetings"


def test_every_answer_is_not_done_for_a_new_site_and_says_what_will_tick_it(site):
    answers = answers_for_sites([site.pk])[site.pk]
    assert set(answers) == set(RecordsAnswer.values)
    for key, answer in answers.items():
        assert answer.done_on is None, key
        assert "Ticks itself" in answer.evidence, key


def test_each_step_is_ticked_from_the_records_with_the_date(site):
    ensure_site_checklist(site)
    joined = [TODAY - timedelta(days=60 - n) for n in range(7)]
    for n, day in enumerate(joined):
        MembershipFactory(site=site, joined=day, person__expert_by_experience=n in (1, 4))
    MembershipFactory(site=site, role=MembershipRole.FACILITATOR, joined=TODAY - timedelta(days=90))
    taster = MeetingFactory(site=site, starts_at=at(TODAY - timedelta(days=20)), is_taster=True)
    MeetingFactory(site=site, starts_at=at(TODAY - timedelta(days=50)), is_taster=True, status=MeetingStatus.CANCELLED)
    scheduled_on = [timezone.now() - timedelta(days=30 - n) for n in range(6)]
    for n, created in enumerate(scheduled_on[1:]):
        MeetingFactory(site=site, starts_at=at(TODAY + timedelta(days=30 * (n + 1))), created_at=created)
    taster.created_at = scheduled_on[0]
    taster.save(update_fields=["created_at"])
    site.memberships.filter(joined=joined[2]).update(ground_rules_agreed_on=TODAY - timedelta(days=20))

    expected = {
        RecordsAnswer.MEMBERS_RECRUITED: joined[5],
        RecordsAnswer.EXPERTS_INVOLVED: joined[4],
        RecordsAnswer.TASTER_HELD: taster.local_date,
        RecordsAnswer.GROUND_RULES_AGREED: TODAY - timedelta(days=20),
        RecordsAnswer.SIX_MEETINGS_SCHEDULED: timezone.localdate(scheduled_on[5]),
    }
    for answer, day in expected.items():
        shown = line(site, answer)
        assert shown.from_records and shown.is_done and shown.done_on == day, answer
    assert site_checklist(site)["done_count"] == 5


def test_a_taster_still_to_come_does_not_tick_the_step(site):
    MeetingFactory(site=site, starts_at=at(TODAY + timedelta(days=3)), is_taster=True)
    assert not line(site, RecordsAnswer.TASTER_HELD).is_done


def test_the_page_shows_the_records_answer_and_offers_no_tick_for_it(client, site, facilitator):
    MeetingFactory(site=site, starts_at=at(TODAY - timedelta(days=10)), is_taster=True)
    client.force_login(facilitator)
    page = client.get(reverse("sites:detail", args=[site.pk])).content.decode()
    assert "From the site's records: Taster session held on" in page
    assert 'Tick<span class="visually-hidden">: Hold a taster session' not in page
    assert 'Tick<span class="visually-hidden">: Book a venue and refreshments within budget' in page

    item = SiteChecklistItem.objects.get(site=site, title="Hold a taster session")
    response = client.post(
        reverse("toolkit:checklist_item", args=[site.pk, item.pk]), {"done": "", "note": "untick"}, follow=True
    )
    item.refresh_from_db()
    assert item.note == "" and "ticked from the site" in response.content.decode()


def test_meetings_entered_after_they_took_place_count_from_their_own_dates(site):
    held = [TODAY - timedelta(days=28 * n) for n in range(6, 0, -1)]
    for day in held:
        MeetingFactory(site=site, starts_at=at(day))  # entered today, from an imported register
    assert line(site, RecordsAnswer.SIX_MEETINGS_SCHEDULED).done_on == held[5]
