"""The rows data migrations seed come back after a transactional test's flush (tests/seeds.py), for every seeding
migration there is: a new one that is not listed fails here."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import RunPython

from tests.seeds import SEEDS


def seeding_operations():
    """(module, function) of every RunPython that seeds rows in our apps' migrations: in a migration named for a
    seed, or a function named for one."""
    found = set()
    for (app_label, name), migration in MigrationLoader(None, ignore_no_migrations=True).disk_migrations.items():
        if "site-packages" in apps.get_app_config(app_label).path:
            continue
        for operation in migration.operations:
            if isinstance(operation, RunPython) and ("seed" in name or operation.code.__name__.startswith("seed")):
                found.add((operation.code.__module__, operation.code.__name__))
    return found


def test_every_seeding_migration_is_put_back_after_a_flush():
    listed = {(module, function) for _, module, function in SEEDS}
    assert seeding_operations() <= listed
    assert len(seeding_operations()) >= 5  # the walk found the seeds (themes, terms twice, questions, checklist)


@pytest.mark.django_db(transaction=True)
def test_a_flush_empties_the_seeded_tables_and_the_next_test_finds_them_again():
    call_command("flush", interactive=False, verbosity=0)
    labels = sorted({label for label, _, _ in SEEDS})
    assert all(not apps.get_model(label).objects.exists() for label in labels)

    from tests.seeds import restore_seeded_rows

    assert restore_seeded_rows() == labels
    assert all(apps.get_model(label).objects.exists() for label in labels)
    DefaultChecklistItem = apps.get_model("toolkit", "DefaultChecklistItem")
    assert DefaultChecklistItem.objects.exclude(answered_by_records="").exists()  # the later migration's marks too
    assert restore_seeded_rows() == []  # nothing twice
