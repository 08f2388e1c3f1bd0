"""A GIN index on the stored search document, on PostgreSQL only (SQLite has no GIN indexes)."""

from django.db import migrations

INDEX = "cases_case_search_vector_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON cases_case USING gin (search_vector)")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_seed_themes")]

    operations = [migrations.RunPython(create_index, drop_index)]
