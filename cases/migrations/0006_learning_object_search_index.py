"""A partial GIN index on the search document of learning objects only (PostgreSQL only).

The repository searches only published and public cases; with the whole-table index PostgreSQL fetched every
matching draft and discussed case from the heap and then filtered it out (three quarters of the matches on the
benchmark programme). The partial index halves repository search time (see BENCHMARKS.md)."""

from django.db import migrations

INDEX = "cases_case_learning_search_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON cases_case USING gin (search_vector) "
            "WHERE status IN ('published', 'public')"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("cases", "0005_evidence_search_index_on_postgresql")]

    operations = [migrations.RunPython(create_index, drop_index)]
