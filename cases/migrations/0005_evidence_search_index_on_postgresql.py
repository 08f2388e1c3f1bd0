"""A GIN index on the evidence library's stored search document, on PostgreSQL only."""

from django.db import migrations

INDEX = "cases_evidence_search_vector_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON cases_evidence USING gin (search_vector)")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("cases", "0004_evidence_library_links_and_questions")]

    operations = [migrations.RunPython(create_index, drop_index)]
