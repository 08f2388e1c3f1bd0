"""The content types of the meeting cycle's models follow them from sites to cycle, so that the admin's history and any
permission given on them still name the right model."""

from django.db import migrations

from core.model_moves import move_content_types

MOVED_MODELS = [
    "agendaitem",
    "agendapublication",
    "agendadelivery",
    "meetingrecord",
    "recordentry",
    "recordaction",
    "recordcomment",
    "recordversion",
    "recorddelivery",
    "actionreminder",
]


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("cycle", "0001_meeting_cycle_moved_from_sites"),
        ("sites", "0006_meeting_cycle_moved_to_cycle"),
    ]

    operations = [move_content_types("sites", "cycle", MOVED_MODELS)]
