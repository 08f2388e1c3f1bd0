"""One agenda per meeting: the free-text agenda typed when a meeting was scheduled becomes items of the meeting's
agenda (one item per line, after the items it already has), and the text is emptied. Nothing is lost: a line longer
than an item's title is carried on over the next items, each marked as continuing ("…"). Members could read the free
text, so an agenda that gains items this way is published (as it was) unless it already was."""

from django.db import migrations
from django.db.models import Max

TITLE_MAX = 200
BULLETS = ("- ", "* ", "• ")


def agenda_lines(text: str) -> list[str]:
    """The lines of a free-text agenda, without empty lines or list bullets, each cut to fit an item's title."""
    titles = []
    for raw in text.splitlines():
        line = raw.strip()
        for bullet in BULLETS:
            if line.startswith(bullet):
                line = line[len(bullet) :].strip()
        titles += _pieces(line)
    return titles


def _pieces(line: str) -> list[str]:
    pieces, rest = [], line
    while rest:
        room = TITLE_MAX - 2 if pieces else TITLE_MAX  # room for the "… " of a continuation
        if len(rest) <= room:
            cut = len(rest)
        else:
            cut = rest.rfind(" ", 0, room + 1)
            cut = room if cut <= 0 else cut
        piece, rest = rest[:cut].strip(), rest[cut:].strip()
        pieces.append(f"… {piece}" if pieces else piece)
    return pieces


def free_text_into_items(apps, schema_editor):
    Meeting = apps.get_model("sites", "Meeting")
    AgendaItem = apps.get_model("cycle", "AgendaItem")
    AgendaPublication = apps.get_model("cycle", "AgendaPublication")
    for meeting in Meeting.objects.exclude(agenda="").iterator():
        titles = agenda_lines(meeting.agenda)
        position = AgendaItem.objects.filter(meeting=meeting).aggregate(m=Max("position"))["m"] or 0
        AgendaItem.objects.bulk_create(
            AgendaItem(meeting=meeting, position=position + n, kind="other", title=title)
            for n, title in enumerate(titles, start=1)
        )
        if titles:
            AgendaPublication.objects.get_or_create(meeting=meeting, defaults={"published_by": None})
        meeting.agenda = ""
        meeting.save(update_fields=["agenda"])


def items_into_free_text(apps, schema_editor):
    """Going back: the facilitators' own items (not proposed from a case or question) become the text again."""
    Meeting = apps.get_model("sites", "Meeting")
    AgendaItem = apps.get_model("cycle", "AgendaItem")
    own = AgendaItem.objects.filter(source_key="", removed=False, kind="other").order_by("meeting_id", "position")
    texts: dict[int, list[str]] = {}
    for item in own:
        lines = texts.setdefault(item.meeting_id, [])
        if item.title.startswith("… ") and lines:
            lines[-1] += " " + item.title[2:]
        else:
            lines.append(item.title)
    for meeting_id, lines in texts.items():
        Meeting.objects.filter(pk=meeting_id, agenda="").update(agenda="\n".join(lines))


class Migration(migrations.Migration):
    dependencies = [
        ("cycle", "0002_meeting_cycle_content_types"),
        ("sites", "0006_meeting_cycle_moved_to_cycle"),
    ]

    operations = [migrations.RunPython(free_text_into_items, items_into_free_text)]
