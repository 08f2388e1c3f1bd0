"""The content types of the digest models follow them from newsletters to digests, so that the admin's history and any
permission given on them still name the right model."""

from django.db import migrations

from core.model_moves import move_content_types

MOVED_MODELS = ["digest", "digestsubscription", "commissionerresponse"]


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("digests", "0001_digests_moved_from_newsletters"),
        ("newsletters", "0003_digests_moved_to_digests"),
    ]

    operations = [move_content_types("newsletters", "digests", MOVED_MODELS)]
