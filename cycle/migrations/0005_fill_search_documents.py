"""Compute the search document of every existing row (PostgreSQL only; the trigger keeps new ones up to date)."""

from django.db import migrations

from core import search_index


def fill(apps, schema_editor):
    search_index.fill_search_documents(schema_editor, table='sites_recordentry', column='discussion')


def empty(apps, schema_editor):
    search_index.empty_search_documents(schema_editor, table='sites_recordentry')


class Migration(migrations.Migration):
    dependencies = [("cycle", "0004_search_documents")]

    operations = [migrations.RunPython(fill, empty)]
