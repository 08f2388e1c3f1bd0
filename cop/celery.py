"""Celery app. With REDIS_URL set, tasks go to workers on Redis and beat drives periodic jobs;
without it, tasks run in-process (eagerly) so the default run needs no service at all."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cop.settings")

app = Celery("cop")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()  # each app's tasks.py: jobs its services queue
app.autodiscover_tasks(related_name="periodic")  # each app's periodic.py: the jobs beat runs
