"""Rows that data migrations seed (the themes, the known organisations and public numbers, the Adair questions, the
default set-up checklist), put back after a transactional test's flush.

A transactional test (each browser journey, with its live server) empties every table when it ends, seeded rows
included. pytest-django runs those tests after the others, but a parallel worker that steals work can run an
ordinary test after one, which then met a programme with no checklist steps or themes (a red CI run that the same
commit did not give before). tests/conftest.py puts the rows back before each test that uses the database."""

import importlib

from django.apps import apps

# (the model the migration fills, the migration's module, its forward function), in migration order.
SEEDS = (
    ("cases.Theme", "cases.migrations.0002_seed_themes", "seed_themes"),
    ("cases.KnownTerm", "cases.migrations.0009_seed_known_terms", "seed_known_terms"),
    ("cases.KnownTerm", "cases.migrations.0011_seed_more_known_terms", "seed_new_known_terms"),
    ("evaluation.AssessmentQuestion", "evaluation.migrations.0002_seed_adair_questions", "seed_questions"),
    ("toolkit.DefaultChecklistItem", "toolkit.migrations.0002_seed_default_checklist", "seed_defaults"),
    ("toolkit.DefaultChecklistItem", "toolkit.migrations.0004_default_steps_answered_by_records", "mark_steps"),
)


def restore_seeded_rows() -> list[str]:
    """Run again the seeds of the tables that are empty; the models whose rows were put back."""
    empty = {label for label, _, _ in SEEDS if not apps.get_model(label).objects.exists()}
    for label, module, function in SEEDS:
        if label in empty:
            getattr(importlib.import_module(module), function)(apps, None)
    return sorted(empty)
