"""The content types of memberships and invitations follow them from members to sites, so that the admin's history
and any permission given on them still name the right model."""

from django.db import migrations

from core.model_moves import move_content_types

MOVED_MODELS = ["membership", "invitation"]


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("sites", "0004_memberships_moved_from_members"),
        ("members", "0004_memberships_moved_to_sites"),
    ]

    operations = [move_content_types("members", "sites", MOVED_MODELS)]
