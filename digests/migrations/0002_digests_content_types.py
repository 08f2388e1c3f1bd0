"""The content types of the digest models follow them from newsletters to digests, so that the admin's history and any
permission given on them still name the right model."""

from django.db import migrations

MOVED_MODELS = ["digest", "digestsubscription", "commissionerresponse"]


def relabel(apps, old_app: str, new_app: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED_MODELS:
        if not ContentType.objects.filter(app_label=new_app, model=model).exists():
            ContentType.objects.filter(app_label=old_app, model=model).update(app_label=new_app)


def forwards(apps, schema_editor):
    relabel(apps, "newsletters", "digests")


def backwards(apps, schema_editor):
    relabel(apps, "digests", "newsletters")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("digests", "0001_digests_moved_from_newsletters"),
        ("newsletters", "0003_digests_moved_to_digests"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
