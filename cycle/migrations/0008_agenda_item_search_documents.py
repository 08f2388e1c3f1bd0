"""The stored search document of agenda items (one search over everything a person may see): a column, and on
PostgreSQL the trigger that keeps it up to date and its GIN index (core/search_index.py)."""

import django.contrib.postgres.search
from django.db import migrations

from core import search_index


def install(apps, schema_editor):
    search_index.install_search_document(schema_editor, table="sites_agendaitem", columns={"title": "A"})


def remove(apps, schema_editor):
    search_index.remove_search_document(schema_editor, table="sites_agendaitem")


class Migration(migrations.Migration):
    dependencies = [
        ("cycle", "0007_guest_notices"),
    ]

    operations = [
        migrations.AddField(
            model_name="agendaitem",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(install, remove),
    ]
