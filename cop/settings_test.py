"""Test settings: the production settings with fast hashing, in-memory email and eager tasks.
DATABASE_URL and REDIS_URL still come from the environment (CI sets both)."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
os.environ.setdefault("SINGLE_PROCESS", "true")  # without REDIS_URL: each test process keeps its own counts
os.environ.setdefault("EMAIL_URL", "dummymail://")  # replaced by the in-memory outbox below

from cop.settings import *  # noqa: E402,F403
from cop.settings import CELERY_BEAT_SCHEDULE  # noqa: E402,F401

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="cop-test-media-")
# Tests drive tasks eagerly; the worker tests start a real Celery worker on Redis themselves.
CELERY_TASK_ALWAYS_EAGER = True
if os.environ.get("COP_TEST_WORKER"):
    # The worker process the browser journeys start (tests/browser/worker.py): it queues further tasks on
    # Redis, and writes files and emails where the test process reads them.
    CELERY_TASK_ALWAYS_EAGER = False
    MEDIA_ROOT = os.environ["COP_TEST_MEDIA_ROOT"]
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": os.environ["COP_TEST_MAIL_DIR"]},
        }
    }
SECURE_SSL_REDIRECT = False
ALLOWED_HOSTS = ["*"]
DOI_RESOLVER_URL = ""  # tests never reach doi.org; the lookup tests serve recorded answers locally
ACCOUNT_RATE_LIMITS = False
# Tests change data and read the menu in the same breath: counted on every page here (tests/home/ test the keeping).
MENU_COUNTS_SECONDS = 0
# The MFA requirement has its own tests, which switch it on.
MFA_REQUIRED_FOR_PRIVILEGED_ROLES = False
STATIC_ROOT = tempfile.mkdtemp(prefix="cop-test-static-")  # whitenoise looks for it; files come from finders
# The read API's rate limits are tested with their own small values (override_settings).
API_RATE_LIMITS = {"anon": "100000/minute", "user": "100000/minute"}
# With pytest-xdist each worker process has its own test database (pytest-django adds the worker's id to its name);
# its cache keys on the shared Redis get the id too, so counters and cached figures never cross between workers.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if XDIST_WORKER:
    CACHES["default"]["KEY_PREFIX"] = XDIST_WORKER  # noqa: F405
