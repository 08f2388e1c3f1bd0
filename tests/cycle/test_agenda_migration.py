"""One agenda per meeting: the free-text agendas typed when meetings were scheduled move into the meeting's agenda
items, every word kept and in order, after the items the agenda already had, and stay visible to members."""

import re

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from cycle.models import AgendaItem, AgendaPublication
from sites.models import Meeting
from tests.factories import MeetingFactory, SiteFactory

BEFORE = [("cycle", "0002_meeting_cycle_content_types")]
LONG_LINE = " ".join(f"point{n} about the rota and who answers the phone at the weekend" for n in range(8))
TYPED = f"Welcome and introductions\n\n- Case presentation: weekend crises\n* Evidence update\n{LONG_LINE}\r\n  AOB  "


def migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def words(text: str) -> list[str]:
    return re.sub(r"^[-*•] |…", " ", text, flags=re.MULTILINE).split()


@pytest.mark.django_db(transaction=True)
def test_free_text_agendas_become_agenda_items_without_losing_text():
    migrate(BEFORE)
    try:
        site = SiteFactory()
        typed = MeetingFactory(site=site, agenda=TYPED)
        prepared = MeetingFactory(site=site, agenda="Any other business")
        # Written as the table was then (the model of today has columns added since: its search document).
        then = MigrationExecutor(connection).loader.project_state(BEFORE).apps.get_model("cycle", "AgendaItem")
        then.objects.create(meeting_id=prepared.pk, position=1, kind="standing", title="Guest speaker slot")
        untouched = MeetingFactory(site=site)
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    items = list(AgendaItem.objects.filter(meeting=typed).order_by("position"))
    assert [i.title for i in items[:4]] == [
        "Welcome and introductions", "Case presentation: weekend crises", "Evidence update", items[3].title,
    ]  # fmt: skip
    assert items[-1].title == "AOB"
    assert all(len(i.title) <= 200 and i.kind == "other" and not i.source_key for i in items)
    assert len(items) > 5 and items[4].title.startswith("… ")  # the long line carried on, marked as continuing
    assert words(" ".join(i.title for i in items)) == words(TYPED)
    assert [i.title for i in AgendaItem.objects.filter(meeting=prepared).order_by("position")] == [
        "Guest speaker slot", "Any other business",
    ]  # fmt: skip
    assert set(AgendaPublication.objects.values_list("meeting_id", flat=True)) == {typed.pk, prepared.pk}
    assert set(Meeting.objects.values_list("agenda", flat=True)) == {""}
    assert not AgendaItem.objects.filter(meeting=untouched).exists()
