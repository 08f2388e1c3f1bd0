"""Compute the search document of every existing newsletter item (PostgreSQL only; the trigger keeps new ones up to
date)."""

from django.db import migrations

from core import search_index


def fill(apps, schema_editor):
    search_index.fill_search_documents(schema_editor, table="newsletters_newsletteritem", column="title")


def empty(apps, schema_editor):
    search_index.empty_search_documents(schema_editor, table="newsletters_newsletteritem")


class Migration(migrations.Migration):
    dependencies = [("newsletters", "0007_item_search_documents")]

    operations = [migrations.RunPython(fill, empty)]
