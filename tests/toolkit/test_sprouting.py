"""Starting a new site from an existing one: the chosen parts are copied (settings, meeting pattern, checklist not
done, ground rules as version 1), people, meetings, cases and spending never are; shown before creating; audited;
programme admins only."""

from datetime import time, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditAction, AuditEvent
from cases.models import Case
from cases.services import lifecycle
from sites.models import (
    DEFAULT_GROUND_RULES,
    GroundRulesVersion,
    Meeting,
    MeetingSeries,
    Membership,
    SiteStatus,
    TargetDiscipline,
)
from sites.services.budget import add_expense
from sites.services.ground_rules import publish_ground_rules
from sites.services.series import create_series
from sites.services.sites import add_target_discipline, set_target_size
from tests.factories import MeetingFactory, at
from tests.html import parse, select, text
from toolkit.models import SiteChecklistItem
from toolkit.services import sprouting
from toolkit.services.checklist import ensure_site_checklist, tick_checklist_item

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate
NEW = {"code": "cp7", "name": "Hastings Community of Practice", "town": "Hastings", "host_organisation": "Hastings CVS"}
RULES = "We keep what is said in the room in the room.\n\nWe name no one who uses services."


@pytest.fixture
def source(site, member, facilitator, programme_admin):
    """CP1 with its own settings, a series, a ticked checklist step, its own ground rules, a meeting, a case and
    an expense."""
    set_target_size(site=site, changed_by=programme_admin, minimum=8, maximum=12)
    add_target_discipline(
        site=site, added_by=programme_admin, name="Probation officer", sector="", keywords="probation"
    )
    create_series(
        site=site, created_by=facilitator, rule="nth_weekday", weekday=1, week_of_month=2,
        starts_on=TODAY(), start_time=time(14), end_time=time(16), venue="Brighton Housing Trust, room 2",
    )  # fmt: skip
    ensure_site_checklist(site)
    tick_checklist_item(item=site.checklist_items.order_by("position").first(), by=facilitator, done_on=TODAY())
    publish_ground_rules(site=site, written_by=facilitator, text=RULES, agreed_on=TODAY())
    MeetingFactory(site=site, starts_at=at(TODAY() - timedelta(days=7)))
    lifecycle.create_case(site=site, by=member, title="Weekend crises", presentation="A man in his forties.")
    add_expense(site=site, recorded_by=facilitator, category="room_hire", spent_on=TODAY(), amount=Decimal("45.00"))
    return site


def sprout(source, by, parts, **changes):
    return sprouting.sprout_site(
        source=source, created_by=by, parts=set(parts), start_date=TODAY() + timedelta(days=30), **(NEW | changes)
    )


def test_the_chosen_parts_are_copied(source, programme_admin):
    new = sprout(source, programme_admin, sprouting.PARTS)
    assert (new.code, new.status) == ("CP7", SiteStatus.SETTING_UP)
    assert (new.target_size_min, new.target_size_max) == (8, 12)
    disciplines = lambda site: sorted(TargetDiscipline.objects.filter(site=site).values_list("name", "keywords"))  # noqa: E731
    assert disciplines(new) == disciplines(source) and ("Probation officer", "probation") in disciplines(new)
    old_steps = list(SiteChecklistItem.objects.filter(site=source).order_by("position").values_list("title", flat=True))
    new_steps = SiteChecklistItem.objects.filter(site=new).order_by("position")
    assert [item.title for item in new_steps] == old_steps
    assert not any(item.is_done for item in new_steps) and not any(item.note for item in new_steps)
    (rules,) = GroundRulesVersion.objects.filter(site=new)
    assert (rules.number, rules.text) == (1, RULES)
    (series,) = MeetingSeries.objects.filter(site=new)
    assert (series.weekday, series.week_of_month, series.start_time, series.venue) == (1, 2, time(14), "")
    assert Meeting.objects.filter(site=new).exists()  # planned by the new site's own series
    assert not Meeting.objects.filter(site=new, starts_at__lt=at(TODAY() + timedelta(days=30), 0)).exists()
    event = AuditEvent.objects.get(action=AuditAction.CREATED, target_id=str(new.pk), target_type__icontains="site")
    assert event.actor_id == programme_admin.pk
    assert event.detail == "started from CP1: checklist, ground_rules, meeting_pattern, settings"


def test_people_meetings_cases_and_spending_are_never_copied(source, programme_admin):
    new = sprout(source, programme_admin, sprouting.PARTS)
    assert not Membership.objects.filter(site=new).exists()
    assert not Meeting.objects.filter(site=new, series__isnull=True).exists()  # none of CP1's meetings
    assert not Case.objects.filter(site=new).exists()
    assert not new.expenses.exists()
    assert new.award == Decimal("6950.00")


def test_parts_not_chosen_start_from_the_defaults(source, programme_admin):
    new = sprout(source, programme_admin, [])
    assert (new.target_size_min, new.target_size_max) == (6, 10)
    assert not TargetDiscipline.objects.filter(site=new, name="Probation officer").exists()
    assert GroundRulesVersion.objects.get(site=new).text == DEFAULT_GROUND_RULES
    assert not MeetingSeries.objects.filter(site=new).exists() and not Meeting.objects.filter(site=new).exists()
    assert not SiteChecklistItem.objects.filter(site=new).exists()  # made from the defaults on the first view


def test_the_page_shows_what_will_be_copied_before_creating(client, source, programme_admin):
    client.force_login(programme_admin)
    response = client.get(reverse("toolkit:sprout_site", args=[source.pk]))
    page = parse(response.content)
    shown = text(page)
    assert "Target group of 8 to 12 members" in shown and "Probation officer" in shown
    assert "Second Tuesday of each month, 14:00-16:00" in shown
    assert (
        "CP1's version 1 (agreed" in shown
        and "Never copied" in shown
        and "Members, facilitators and invitations" in shown
    )
    ticked = {box.etree_element.get("value") for box in select(page, 'input[name="parts"][checked]')}
    assert ticked == {"settings", "checklist", "ground_rules"}  # the meeting pattern only when asked for
    response = client.post(
        reverse("toolkit:sprout_site", args=[source.pk]),
        {**NEW, "start_date": TODAY().isoformat(), "parts": ["settings", "checklist"]},
    )
    assert response.status_code == 302
    new = type(source).objects.get(code="CP7")
    assert response["Location"] == reverse("sites:detail", args=[new.pk])
    assert new.target_size_min == 8 and GroundRulesVersion.objects.get(site=new).text == DEFAULT_GROUND_RULES


def test_a_code_already_used_is_refused_and_nothing_is_created(client, source, programme_admin, other_site):
    client.force_login(programme_admin)
    before = type(source).objects.count()
    response = client.post(
        reverse("toolkit:sprout_site", args=[source.pk]),
        {**NEW, "code": "cp3", "start_date": TODAY().isoformat(), "parts": ["settings"]},
    )
    assert response.status_code == 200
    assert "The code CP3 is already used by another site" in text(parse(response.content))
    assert type(source).objects.count() == before
    with pytest.raises(ValidationError):
        sprout(source, programme_admin, ["settings"], code="CP3")


def test_only_programme_admins_start_a_site_from_another(client, source, facilitator, member, broker, outsider):
    url = reverse("toolkit:sprout_site", args=[source.pk])
    for person, expected in ((facilitator, 403), (member, 403), (broker, 403), (outsider, 404)):
        client.force_login(person)
        assert client.get(url).status_code == expected
        assert client.post(url, {**NEW, "start_date": TODAY().isoformat()}).status_code == expected
    with pytest.raises(PermissionDenied):
        sprout(source, facilitator, ["settings"])
    assert not type(source).objects.filter(code="CP7").exists()


def test_a_closed_site_can_still_sprout(source, programme_admin):
    type(source).objects.filter(pk=source.pk).update(status=SiteStatus.CLOSED, ended_on=TODAY(), ended_reason="Ended.")
    source.refresh_from_db()
    new = sprout(source, programme_admin, ["settings", "meeting_pattern"])
    assert new.status == SiteStatus.SETTING_UP and MeetingSeries.objects.filter(site=new).exists()
