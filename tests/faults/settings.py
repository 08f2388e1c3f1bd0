"""Settings for the app's own processes in the fault tests (gunicorn, a Celery worker, beat), started as
subprocesses on a private PostgreSQL cluster and a private Redis: the test settings, but with a real broker,
emails written one file per message to FAULTS_MAILBOX, files kept in FAULTS_MEDIA_ROOT (shared by the web app
and the worker), DEBUG off (so the 503 page is what a browser gets) and the periodic sweeps every two seconds."""

import os

from cop.settings_test import *  # noqa: F403

DEBUG = False
CELERY_TASK_ALWAYS_EAGER = False
CELERY_BROKER_URL = os.environ["REDIS_URL"]
MAILERS = {"default": {"BACKEND": "tests.faults.mailbox.OneFilePerMessageBackend"}}
MEDIA_ROOT = os.environ["FAULTS_MEDIA_ROOT"]
DIGEST_REQUEUE_AFTER_SECONDS = 3
CELERY_BEAT_SCHEDULE = {
    "resume-newsletter-sending": {"task": "newsletters.periodic.resume_newsletter_sending", "schedule": 2.0},
    "requeue-stalled-digests": {"task": "digests.periodic.requeue_stalled_digests", "schedule": 2.0},
}
