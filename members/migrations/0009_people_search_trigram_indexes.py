"""Trigram indexes for finding people by any part of their name, job title or agency (the one search's "People",
a case-insensitive match inside the words): without them PostgreSQL reads every account on each search.

PostgreSQL only; pg_trgm is a trusted extension, so the database's owner may create it."""

from django.db import migrations

COLUMNS = ("name", "job_title", "agency")


def install(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for column in COLUMNS:
        # The expression the ORM's icontains compiles to: UPPER("column"::text) LIKE UPPER('%word%').
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS members_user_{column}_trgm ON members_user "
            f"USING gin ((UPPER({column}::text)) gin_trgm_ops)"
        )


def remove(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS members_user_{column}_trgm")


class Migration(migrations.Migration):
    dependencies = [("members", "0008_meeting_email_preferences")]

    operations = [migrations.RunPython(install, remove)]
