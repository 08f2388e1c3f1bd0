"""A GIN index on the title part (weight A) of the cases' search document (PostgreSQL only).

One search ranks only a few hundred candidates of a common word: the newest matches and the title matches, found
through this index without reading the thousands of other matching cases (cases.search.ranked_search)."""

from django.db import migrations

INDEX = "cases_case_title_search_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON cases_case USING gin (ts_filter(search_vector, '{{a}}'))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("cases", "0013_commissioner_issues_tracked")]

    operations = [migrations.RunPython(create_index, drop_index)]
