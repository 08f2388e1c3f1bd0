"""Memberships and invitations now belong to the sites app (sites.0004). State only: their tables stay as they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0003_meeting_history_budget_and_targets"),
        ("sites", "0004_memberships_moved_from_members"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Membership"), migrations.DeleteModel(name="Invitation")],
            database_operations=[],
        ),
    ]
