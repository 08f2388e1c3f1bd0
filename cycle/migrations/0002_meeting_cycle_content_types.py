"""The content types of the meeting cycle's models follow them from sites to cycle, so that the admin's history and any
permission given on them still name the right model."""

from django.db import migrations

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


def relabel(apps, old_app: str, new_app: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED_MODELS:
        if not ContentType.objects.filter(app_label=new_app, model=model).exists():
            ContentType.objects.filter(app_label=old_app, model=model).update(app_label=new_app)


def forwards(apps, schema_editor):
    relabel(apps, "sites", "cycle")


def backwards(apps, schema_editor):
    relabel(apps, "cycle", "sites")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("cycle", "0001_meeting_cycle_moved_from_sites"),
        ("sites", "0006_meeting_cycle_moved_to_cycle"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
