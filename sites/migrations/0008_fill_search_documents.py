"""Compute the search document of every existing row (PostgreSQL only; the trigger keeps new ones up to date)."""

from django.db import migrations

from core import search_index


def fill(apps, schema_editor):
    search_index.fill_search_documents(schema_editor, table='sites_meeting', column='notes')


def empty(apps, schema_editor):
    search_index.empty_search_documents(schema_editor, table='sites_meeting')


class Migration(migrations.Migration):
    dependencies = [("sites", "0007_search_documents")]

    operations = [migrations.RunPython(fill, empty)]
