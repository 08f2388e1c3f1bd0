"""Settings, read from the environment. Safe for production by default: DEBUG is off, a
SECRET_KEY must be given, cookies are secure. `make run` switches on development conveniences."""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY in the environment (any long random string).")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
# Where a DOI pasted into the evidence library is looked up (CSL JSON by content negotiation); empty: never.
DOI_RESOLVER_URL = env.str("DOI_RESOLVER_URL", default="https://doi.org/")

INSTALLED_APPS = [
    # Our product, in layers: each app imports only from the apps below it (pyproject.toml, [tool.importlinter]).
    # 1. Aggregators over many apps
    "api",  # open data: the read API (/api/v1/), personal API tokens, Atom feeds
    "home",  # the home page: what waits for each person, across the apps
    "search",  # one search over everything a person may see, grouped by kind
    "demo",  # the demo programme (load_demo_data) and the synthetic one for benchmarks (generate_programme)
    # 2. Reporting and discussion
    "digests",  # commissioner digests: PDF reports of the issues raised, quarterly subscriptions, responses
    "recruitment",  # agencies and approaches, senior sponsors, continuity by agency, the call for host sites
    "newsletters",  # the monthly newsletter: issues, subscribers, deliveries
    "evaluation",  # member surveys, focus groups, the team self-assessment and the programme dashboard
    "toolkit",  # the facilitator's set-up checklist, document templates and site health warnings
    "forum",  # the online forum: threads on cases, learning objects and the boards, through the gate
    "cpd",  # continuing professional development: a person's record, private reflective notes, a certificate
    "network",  # the facilitators' network: programme-level meetings with their agenda, register and record
    # 3. Cases and the meeting cycle that reads them
    "cycle",  # the meeting cycle: agendas, the meeting record, actions and their reminders
    "cases",  # case studies, the anonymisation gate, follow-up, the evidence library, the learning-object repository
    # 4. Sites
    "sites",  # host sites, budgets, memberships and invitations, meetings, series and the attendance register
    # 5. People and the audit log
    "members",  # people: accounts, programme roles, their own data and erasure
    "audit",  # the append-only audit log: who viewed, changed, moved, exported or downloaded what
    # 6. The shared core (no models)
    "core",  # the anonymisation detector, charts, spreadsheets, markdown, form and access helpers, the outbox
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # The development server serves static files through whitenoise, as production does: staticfiles' own handler
    # answered a 500 to /static/..%2f... (a path outside the static folders) instead of a 404.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",  # full-text search of the learning-object repository (on PostgreSQL)
    # Accounts: sign-in by email, invitations, TOTP
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    # Forms, permissions, htmx
    "crispy_forms",
    "crispy_bootstrap5",
    "rules.apps.AutodiscoverRulesConfig",  # loads each app's rules.py: every permission, one vocabulary
    "django_htmx",
    # The read API, its OpenAPI schema and documentation (Swagger UI served from our own static files)
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cop.request_size.RequestSizeLimitMiddleware",  # a body over MAX_REQUEST_BYTES is refused before it is read
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cop.sessions.IdleTimeoutSessionMiddleware",  # the idle timeout, written at most once a minute
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "cop.middleware.RequireMFAMiddleware",
    "cop.middleware.GroundRulesGateMiddleware",
    "cop.middleware.ForgetMenuCountsAfterChangesMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "cop.urls"
WSGI_APPLICATION = "cop.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "cop.navigation.navigation",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# On SQLite, two requests writing at once (a double submit) queue for the write lock instead of failing with
# "database is locked": each transaction takes it as it begins (IMMEDIATE), readers never wait for writers (WAL).
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "members.auth_backends.PasswordBackend",  # passwords only: permissions are rules, not model permissions
    "members.auth_backends.AccountBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# allauth: sign in by email, no usernames, sign-up only through an invitation.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_ADAPTER = "members.adapters.InvitationOnlyAccountAdapter"
ACCOUNT_FORMS = {"login": "members.forms.SignInForm"}  # one "Forgotten your password?" link, not two
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Wrong passwords are limited by members.sign_in (in the database, per known device, account and address); allauth
# still limits wrong two-factor codes per account, and sign-in attempts of any kind per address only as a flood
# guard (its 30 a minute would refuse a busy office behind one address).
ACCOUNT_RATE_LIMITS = {"login_failed": "5/5m/key", "login": "120/m/ip"}
# The client's address for rate limits: the proxies in front of the app that we run (the README's reverse proxy
# is 1) each add one X-Forwarded-For entry; anything before them is the client's to invent, so it is never trusted.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Communities of practice] "
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Communities of practice"
# Sign-in with an organisation's account (OpenID Connect: Microsoft Entra ID, Google Workspace...). A programme admin
# adds each provider in the admin (Social applications, with its organisation sign-in rules: the email domains it
# vouches for). Nobody signs up through it: it accepts an invitation, or signs in an account that has linked it
# (sites.sso). Only a VERIFIED email counts, and only in the provider's domains.
SOCIALACCOUNT_ADAPTER = "sites.sso.OrganisationSignInAdapter"
SOCIALACCOUNT_AUTO_SIGNUP = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False  # an account is linked on purpose, never by a matching address alone
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"OAUTH_PKCE_ENABLED": True}}

INVITATION_VALID_DAYS = 14
# Drafts never shared are deleted after this many days (UK GDPR storage limitation).
DRAFT_RETENTION_DAYS = env.int("DRAFT_RETENTION_DAYS", default=365)
# Programme admins, facilitators and knowledge brokers must set up an authenticator app.
MFA_REQUIRED_FOR_PRIVILEGED_ROLES = env.bool("MFA_REQUIRED", default=True)

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
# One language: without the translation machinery every lazy string on a page is cheaper (Django's documented
# optimisation; the pages' CPU per request fell 13-28% on cop_bench). Formats still come from en-gb.
USE_I18N = False
USE_TZ = True
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"]

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded files are private: never under the static path, served only through views that check access.
MEDIA_ROOT = Path(env.str("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "var" / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Uploads: the largest file is evidence (20 MB); a body bigger than this is refused from its headers (cop.request_size),
# and the web server in front should refuse it first (README, Production). Form fields without files stay small.
MAX_REQUEST_BYTES = env.int("MAX_REQUEST_BYTES", default=21 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # the non-file part of a request (Django's default, stated)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # files bigger than this are spooled to a temporary file, not held in memory

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Email: EMAIL_URL (smtp://user:pass@host:587/?tls=True) names a real server. Development (DEBUG on) prints emails
# to the console when it is unset. Production refuses to start without a real server: invitation and password-reset
# links printed to the console end up in the server's log. `dummymail://` (send nothing) must be asked for by name.
_EMAIL_SCHEMES_THAT_DELIVER = ("smtp://", "smtps://", "smtp+tls://", "smtp+ssl://")
_EMAIL_SCHEMES_THAT_SEND_NOTHING = ("dummymail://",)
_email_url = env.str("EMAIL_URL", default="" if not DEBUG else "consolemail://")
if not DEBUG and not _email_url.startswith(_EMAIL_SCHEMES_THAT_DELIVER + _EMAIL_SCHEMES_THAT_SEND_NOTHING):
    raise ImproperlyConfigured(
        "Set EMAIL_URL to your mail server (smtp://user:password@host:587/?tls=True): without it, invitation and "
        "password-reset links would go to the server log. For a machine that must send no email at all, set "
        "EMAIL_URL=dummymail:// ; for development, set DEBUG=true."
    )
_email = env.email_url_config(_email_url)
_smtp_options = {
    "host": _email.get("EMAIL_HOST"),
    "port": _email.get("EMAIL_PORT"),
    "username": _email.get("EMAIL_HOST_USER"),
    "password": _email.get("EMAIL_HOST_PASSWORD"),
    "use_tls": _email.get("EMAIL_USE_TLS", False),
    "use_ssl": _email.get("EMAIL_USE_SSL", False),
    "timeout": 20,
}
MAILERS = {
    "default": {
        "BACKEND": _email["EMAIL_BACKEND"],
        "OPTIONS": _smtp_options if _email["EMAIL_BACKEND"].endswith("smtp.EmailBackend") else {},
    }
}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Communities of practice <noreply@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where people report an accessibility problem or ask for content in another format (the accessibility statement).
ACCESSIBILITY_CONTACT_EMAIL = env.str("ACCESSIBILITY_CONTACT_EMAIL", default="accessibility@example.org")

# Redis is optional: with it, a real broker and a shared cache; without, tasks run in-process.
REDIS_URL = env.str("REDIS_URL", default="")
# The API's throttles and allauth's limits (two-factor codes, password resets) count in the cache: without Redis
# each web process counts alone, so a limit of 60 becomes 60 per process. Production refuses to start that way;
# a single process (the benchmarks, the tests) may say so with SINGLE_PROCESS=true. Wrong passwords are counted in
# the database (members.sign_in) either way.
if not DEBUG and not REDIS_URL and not env.bool("SINGLE_PROCESS", default=False):
    raise ImproperlyConfigured(
        "Set REDIS_URL (redis://host:6379/0): rate limits need a cache shared by every web process. "
        "Only for a single process, set SINGLE_PROCESS=true instead."
    )
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_TASK_ALWAYS_EAGER = False
    # A cache miss, not a 500, while Redis restarts (cop/cache.py); give up on it within a second.
    CACHES = {
        "default": {
            "BACKEND": "cop.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    # Each request reads its session from Redis, the database behind it (written on every change, read on a miss).
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CELERY_BROKER_URL = "memory://"
    CELERY_TASK_ALWAYS_EAGER = True
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Periodic jobs select work that is due and not yet done, so a missed or doubled run is harmless.
CELERY_BEAT_SCHEDULE: dict = {
    "send-meeting-reminders": {"task": "sites.periodic.send_meeting_reminders", "schedule": crontab(minute=0)},
    "close-surveys-past-their-window": {
        "task": "evaluation.periodic.close_surveys_past_their_window",
        "schedule": 60 * 60,
    },
    "check-site-health": {"task": "toolkit.periodic.check_site_health", "schedule": crontab(hour=6, minute=30)},
    "delete-stale-drafts": {"task": "cases.periodic.delete_stale_drafts", "schedule": crontab(hour=3, minute=15)},
    # The newsletter: last month's draft on the 1st (and any month a missed run left out).
    "compile-monthly-newsletter": {
        "task": "newsletters.periodic.compile_due_newsletter",
        "schedule": crontab(minute=0, hour=6, day_of_month=1),
    },
    # Newsletter sending left part-way (worker stopped, broker away) carries on.
    "resume-newsletter-sending": {"task": "newsletters.periodic.resume_newsletter_sending", "schedule": 5 * 60.0},
    "send-meeting-cycle-emails": {"task": "cycle.periodic.send_meeting_cycle_emails", "schedule": crontab(minute=10)},
    # Last quarter's digest for each subscribed commissioner who has not had it yet.
    "produce-quarterly-digests": {
        "task": "digests.periodic.produce_quarterly_digests",
        "schedule": crontab(minute=30, hour=6),
    },
    "requeue-stalled-digests": {"task": "digests.periodic.requeue_stalled_digests", "schedule": 10 * 60},
    # The forum's daily digest (and any immediate email a stopped worker left unsent).
    "send-forum-digests": {"task": "forum.periodic.send_forum_digests", "schedule": crontab(minute=0, hour=7)},
}

# The read API (/api/v1/): read-only JSON, personal API tokens (or the session, for the documentation's
# "Try it out" while signed in), paginated, rate limited per token holder and per address (the cache holds
# the counts, so use Redis when there are several web processes).
API_RATE_LIMITS = {
    "anon": env.str("API_RATE_LIMIT_ANON", default="60/minute"),
    "user": env.str("API_RATE_LIMIT_USER", default="120/minute"),
}
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.ApiPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.ApiAnonRateThrottle", "api.throttling.ApiUserRateThrottle"],
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,  # unset, DRF counts each X-Forwarded-For value as a new client
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DATE_FORMAT": "iso-8601",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Communities of practice: read API",
    "DESCRIPTION": (
        "Published learning objects and their evidence, public evidence items and programme figures, scoped by "
        "the same rules as the pages. Send a personal API token (create one under API tokens when signed in) as "
        "`Authorization: Bearer <token>`; without one you read what the public repository shows."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "CaseKindEnum": "cases.models.CaseKind",
        "EvidenceKindEnum": "cases.models.EvidenceKind",
    },
}

# The menu's badges (what waits for the person) are counted again after this long, or at once after their own change.
MENU_COUNTS_SECONDS = env.int("MENU_COUNTS_SECONDS", default=60)

SESSION_COOKIE_AGE = 30 * 60
# Signed out after 30 idle minutes; an unchanged session is saved again at most once a minute (cop/sessions.py).
SESSION_REFRESH_SECONDS = 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Django's own Content Security Policy: no inline scripts, nothing from other origins.
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # Each task run in-process would otherwise log a line; workers log their own progress.
    "loggers": {"celery.app.trace": {"level": "WARNING"}},
}
