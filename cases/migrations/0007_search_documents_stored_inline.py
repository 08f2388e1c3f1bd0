"""Keep the stored search documents in the table row, not in TOAST (PostgreSQL only).

A case's row is over 2 kB, so PostgreSQL moved its search document (about 1 kB compressed) out to the TOAST
table, and ranking the matches of a search fetched and reassembled every matching document from there: for
"tenancy" (2,623 matches in the benchmark programme) 8,576 buffers and 36 ms, against 2,108 buffers and about
5 to 16 ms with the document kept in the row (EXPLAIN ANALYZE in BENCHMARKS.md). STORAGE MAIN still compresses
it and lets the long text columns go to TOAST first. The existing documents are rewritten so that they move."""

from django.db import migrations

TABLES = ["cases_case", "cases_evidence"]


def store_inline(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"ALTER TABLE {table} ALTER COLUMN search_vector SET STORAGE MAIN")
        # Concatenating an empty document makes a new value, which is stored the new way.
        schema_editor.execute(
            f"UPDATE {table} SET search_vector = search_vector || ''::tsvector WHERE search_vector IS NOT NULL"
        )


def store_extended(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"ALTER TABLE {table} ALTER COLUMN search_vector SET STORAGE EXTENDED")


class Migration(migrations.Migration):
    dependencies = [("cases", "0006_learning_object_search_index")]

    operations = [migrations.RunPython(store_inline, store_extended)]
