"""The content types of memberships and invitations follow them from members to sites, so that the admin's history
and any permission given on them still name the right model."""

from django.db import migrations

MOVED_MODELS = ["membership", "invitation"]


def relabel(apps, old_app: str, new_app: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED_MODELS:
        if not ContentType.objects.filter(app_label=new_app, model=model).exists():
            ContentType.objects.filter(app_label=old_app, model=model).update(app_label=new_app)


def forwards(apps, schema_editor):
    relabel(apps, "members", "sites")


def backwards(apps, schema_editor):
    relabel(apps, "sites", "members")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("sites", "0004_memberships_moved_from_members"),
        ("members", "0004_memberships_moved_to_sites"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
