"""Every periodic job celery beat runs, and every job a service queues, is a task the worker knows by that name."""

import pytest
from django.conf import settings

from cop.celery import app


def registered_tasks() -> set[str]:
    app.loader.import_default_modules()  # what a worker does at start: autodiscovery of tasks.py and periodic.py
    return set(app.tasks)


@pytest.mark.django_db  # the worker start-up runs Django's checks, which look at the database
def test_every_beat_entry_names_a_registered_task():
    tasks = registered_tasks()
    missing = {key: entry["task"] for key, entry in settings.CELERY_BEAT_SCHEDULE.items() if entry["task"] not in tasks}
    assert not missing


@pytest.mark.django_db
def test_tasks_are_named_for_their_app_and_kind():
    ours = {name for name in registered_tasks() if not name.startswith("celery.")}
    assert ours, "no task found"
    assert all(name.split(".")[1] in ("tasks", "periodic") for name in ours), sorted(ours)
