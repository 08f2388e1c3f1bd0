"""Compute the search document of every existing row (PostgreSQL only; the trigger keeps new ones up to date)."""

from django.db import migrations

from core import search_index


def fill(apps, schema_editor):
    search_index.fill_search_documents(schema_editor, table='forum_thread', column='title')
    search_index.fill_search_documents(schema_editor, table='forum_post', column='body')


def empty(apps, schema_editor):
    search_index.empty_search_documents(schema_editor, table='forum_thread')
    search_index.empty_search_documents(schema_editor, table='forum_post')


class Migration(migrations.Migration):
    dependencies = [("forum", "0003_search_documents")]

    operations = [migrations.RunPython(fill, empty)]
