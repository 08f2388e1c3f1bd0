"""Compute the search document of every existing agenda item (PostgreSQL only; the trigger keeps new ones up to
date)."""

from django.db import migrations

from core import search_index


def fill(apps, schema_editor):
    search_index.fill_search_documents(schema_editor, table="sites_agendaitem", column="title")


def empty(apps, schema_editor):
    search_index.empty_search_documents(schema_editor, table="sites_agendaitem")


class Migration(migrations.Migration):
    dependencies = [("cycle", "0008_agenda_item_search_documents")]

    operations = [migrations.RunPython(fill, empty)]
