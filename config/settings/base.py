"""Settings shared by every environment, read from the environment (see config/env.py).

Not used on its own: config/settings/local.py (the embedded mode, the default), production.py
and test.py start from it. With nothing set it is the embedded mode: SQLite, tasks in the calling
process, SMS to the console. DATABASE_URL, CELERY_BROKER_URL and REDIS_URL switch on the real
services. Every value is checked as it is read: a bad one stops start-up with one line naming it.
"""

import base64
import hashlib
from importlib.util import find_spec
from pathlib import Path

from django.utils.csp import CSP

from config import env
from config.env import BASE_DIR, SettingError


def gettext_noop(text):
    """Marks a string for makemessages. Not Django's: importing django.utils.translation here
    lets a settings module that failed to load be taken as empty on the next access, so a bad
    DATABASE_URL would pass `check` instead of stopping start-up."""
    return text


# GENERAL
# ------------------------------------------------------------------------------
DEBUG = env.get_bool("DJANGO_DEBUG", False)
SECRET_KEY = env.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    raise SettingError(
        "DJANGO_SECRET_KEY is not set (`make demo` writes one to .env, read with DJANGO_ENV_FILE=.env; production sets its own)"
    )
ALLOWED_HOSTS = env.get_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.get_origins("DJANGO_CSRF_TRUSTED_ORIGINS")
SITE_URL = env.get_url("SITE_URL", "http://127.0.0.1:8000")

TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True
USE_I18N = True
LANGUAGE_CODE = "vi"
# Each language named in itself, on every page. Django's {% get_available_languages %} passes the
# names through gettext, and Django's Vietnamese turns "English" into "Tiếng Anh": our catalogue
# keeps "English" (tests/test_translations.py checks the switch on the sign-in page).
LANGUAGES = [("vi", "Tiếng Việt"), ("en", gettext_noop("English"))]
# Our catalogue first, so it wins; then Vietnamese for Wagtail's own admin strings, which Wagtail's
# catalogue leaves mostly English (see the header of locale/wagtail_admin/vi/LC_MESSAGES/django.po),
# and for wagtail-localize's, which ships none.
LOCALE_PATHS = [
    BASE_DIR / "locale",
    BASE_DIR / "locale" / "wagtail_admin",
    BASE_DIR / "locale" / "wagtail_localize",
]
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# DATABASES
# ------------------------------------------------------------------------------
DATABASES = {"default": env.database(BASE_DIR / "db.sqlite3")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False

# APPS
# ------------------------------------------------------------------------------
DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",  # Wagtail's search index uses its fields on PostgreSQL
]
THIRD_PARTY_APPS = [
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.frontend_cache",  # purges published pages from Varnish (EDGE_CACHE_URL)
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.UsersAppConfig",  # wagtail.users with our user forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "ninja",  # the API's browsable page (Swagger UI) from our own static files
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "import_export",
]
LOCAL_APPS = [
    "runtime",  # no models: the one throttle and the private file storage every app uses
    "vietnamese",  # no models: its template filters format numbers, money, phones, dates
    "places",
    "accounts",
    "messaging",
    "rosters",  # the spreadsheet import engine; teams and trainings register their kinds
    "teams",
    "trainings",
    "households",  # a village's households and their members' digital skills (issue 26)
    "cms",
    "forum",  # ask an expert: questions, answers, experts, moderation
    "reporting",
    "privacy",
    "progress",  # the strategy's progress in public and its open data (reads reporting's totals)
    "portal",  # sitemap.xml, robots.txt, the news feeds: what machines read of the public site
    "api",  # /api/v1/, read-only (django-ninja)
    "navigation",  # the header's links and where each area lands: names the apps' pages
    "demo",  # `manage.py load_demo`: every app's demo data, in order
]
# Local apps first so their templates override the libraries' (allauth, Wagtail).
INSTALLED_APPS = LOCAL_APPS + DJANGO_APPS + THIRD_PARTY_APPS

# MIDDLEWARE
# ------------------------------------------------------------------------------
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.locale.LocaleMiddleware",  # Django's, leaving the API's 404s alone
    "config.request_guard.RefuseNulMiddleware",  # after the language is chosen: its page is translated
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.RequireStaffTwoFactorMiddleware",
    # After the two-factor check: people with no admin access get a page, not a sign-in loop.
    "accounts.admin_door.AdminForOfficersMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# TEMPLATES
# ------------------------------------------------------------------------------
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# STATIC AND MEDIA
# ------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.get("MEDIA_ROOT", str(BASE_DIR / "media"))
SERVE_MEDIA = env.get_bool("DJANGO_SERVE_MEDIA", DEBUG)
# Personal files (uploaded rosters and their error workbooks): outside MEDIA_ROOT, never served by
# URL, read only through views that check scope (runtime/storages.py). On several hosts, put them
# in an S3-compatible bucket with no public access (platform/private-files.md).
PRIVATE_MEDIA_ROOT = env.get("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media"))
for _public in (MEDIA_ROOT, STATIC_ROOT):
    if Path(PRIVATE_MEDIA_ROOT).resolve().is_relative_to(Path(_public).resolve()):
        raise SettingError(f"PRIVATE_MEDIA_ROOT must be outside {_public}, which is served to anyone")
PRIVATE_STORAGE = env.private_storage()
if PRIVATE_STORAGE["BACKEND"].startswith("storages.") and not find_spec("boto3"):
    raise SettingError("PRIVATE_S3_BUCKET is set but boto3 is not installed (pip install boto3)")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": PRIVATE_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# CACHES
# ------------------------------------------------------------------------------
# One cache every process reaches: rate-limit counters (runtime/throttle.py), the page cache and
# import progress must be shared by all gunicorn workers and hosts. Redis in production; with no
# REDIS_URL, the database (its table is made by a migration, so `migrate` is enough). Never
# per-process memory: each worker would count on its own and let through workers × the limit.
# Wagtail's image renditions live in the same place, through the "renditions" alias (see
# config/caches.py for what both backends change).
REDIS_URL = env.redis_url()
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "config.caches.SharedRedisCache", "LOCATION": REDIS_URL},
        "renditions": {"BACKEND": "config.caches.RedisRenditionCache", "LOCATION": REDIS_URL},
    }
else:
    # Culling at Django's default (300 rows) would let a flood of new keys wipe the counters.
    _database_cache = {"LOCATION": "shared_cache", "OPTIONS": {"MAX_ENTRIES": 100_000}}
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", **_database_cache},
        "renditions": {"BACKEND": "config.caches.DatabaseRenditionCache", **_database_cache},
    }

# RATE LIMITS (runtime/throttle.py: allauth's counter, in the cache above)
# ------------------------------------------------------------------------------
# How many proxies we run in front of the web servers (the load balancer of platform/scaling.md:
# 1). allauth and our throttle then take the client's address from that hop of X-Forwarded-For;
# 0 (the default) uses REMOTE_ADDR and ignores the header, which anyone can forge.
ALLAUTH_TRUSTED_PROXY_COUNT = env.get_int("ALLAUTH_TRUSTED_PROXY_COUNT", 0)
# Our own rates, in allauth's notation (amount/period/ip|key); allauth's flows are in
# ACCOUNT_RATE_LIMITS below.
RATE_LIMITS = {
    # "Was this helpful?": per client and guide, and per client over all guides.
    "feedback_guide": "3/d/key",
    "feedback": "20/h/ip",
    # Typed searches on the public team finder.
    "team_finder": "30/m/ip",
    # Guide searches that found little, counted for editors (cms/unanswered.py): a person typing
    # counts a few; a script cannot fill the week's list.
    "search_unanswered": "5/m/ip,30/h/ip",
    # Training sign-up: each attempt texts a code, so per client address, per browser session
    # and per phone number.
    "training_sign_up": "10/h/ip",
    "training_sign_up_session": "5/h/key",
    "training_sign_up_phone": "3/h/key",
    # Entering the code: 5 wrong codes drop a held place (trainings/verifying.py); these bound
    # the tries across codes asked for again, per client address and per browser session.
    "training_confirm": "30/h/ip,10/10m/key",
    # Proving a phone by a code (messaging/phone_proof.py): asking texts someone, so the same
    # bounds as sign-up; typing codes is also bounded per code (MAX_TRIES, in the cache).
    "phone_proof": "10/h/ip",
    "phone_proof_session": "5/h/key",
    "phone_proof_phone": "3/h/key",
    "phone_proof_check": "30/h/ip",
    # The forum (forum/limits.py): posts per client address, beside the per-number limits.
    "forum_question": "10/d/ip",
    "forum_answer": "30/d/ip",
    "forum_report": "20/h/ip",
    # Helpful votes: one per session, and a session is free to make, so one per answer and client
    # address a day too (votes order answers: a script dropping its cookie must not add any).
    "forum_helpful": "60/h/ip",
    "forum_helpful_answer": "1/d/key",
}

# SECURITY
# ------------------------------------------------------------------------------
# HTTPS is assumed unless DJANGO_HTTPS=0 (the embedded demo on 127.0.0.1 serves plain HTTP).
HTTPS = env.get_bool("DJANGO_HTTPS", True)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
# A form whose security token was lost: a page in the site's style that keeps what was typed.
CSRF_FAILURE_VIEW = "config.views.csrf_failure"
SECURE_SSL_REDIRECT = HTTPS and env.get_bool("DJANGO_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.get_int("DJANGO_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (Django's own, config/csp.py): scripts only from our origin, inline
# with this response's nonce ({{ csp_nonce }}), or the one inline script of public pages
# (templates/includes/site.js, inlined to save a request on 3G) by its hash. Its hash is the same
# for every reader, so cached pages carry no nonce (cms/views/pages.py never caches a page that
# printed one). Inline styles stay allowed: the pages inline their small stylesheet for speed.
SITE_SCRIPT_HASH = "'sha256-{}'".format(
    base64.b64encode(hashlib.sha256((BASE_DIR / "templates/includes/site.js").read_bytes()).digest()).decode()
)
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE, SITE_SCRIPT_HASH],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],  # Wagtail's preview shows our pages in a frame of its own
}
# Wagtail's admin still writes inline scripts (inline panels, date pickers) without nonces, so
# under these paths scripts may be inline. Browsers ignore 'unsafe-inline' when a nonce is
# listed, hence no nonce here. Only signed-in staff (with two-factor sign-in) reach these pages.
CSP_RELAXED_PATHS = ("/admin/",)
SECURE_CSP_RELAXED = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
}
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# LOGGING (Celery workers apply it too: config/celery_app.py)
# ------------------------------------------------------------------------------
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {
        "refusals_without_traceback": {
            "()": "django.utils.log.CallbackFilter",
            "callback": "ext://config.log_filters.refusals_without_traceback",
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.get_choice("LOG_LEVEL", "INFO", LOG_LEVELS)},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django.request": {"filters": ["refusals_without_traceback"]},
        "django_tasks": {"level": "WARNING"},  # one line per search-index update otherwise
        "wagtail.contrib.redirects": {"level": "WARNING"},  # two lines per demo page otherwise
        # Its INFO lines describe every API request; keep them out of the logs.
        "twilio.http_client": {"level": "WARNING"},
    },
}

# CELERY
# ------------------------------------------------------------------------------
CELERY_BROKER_URL = env.broker_url()
# No broker: a task runs in the process that queues it (the embedded mode and plain runserver).
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL is None
CELERY_BROKER_TRANSPORT_OPTIONS = {}
if CELERY_BROKER_URL and CELERY_BROKER_URL.startswith("filesystem"):
    # The demo's broker: a folder, so `make demo` runs a real worker and beat without Redis.
    _queue_dir = BASE_DIR / ".run" / "celery-queue"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir),
        "data_folder_out": str(_queue_dir),
        "control_folder": str(BASE_DIR / ".run" / "celery-control"),
        # Kombu looks in the folder once a second by default: a roster preview waited that long
        # before a worker even saw it. Listing a folder five times a second costs next to nothing.
        "polling_interval": 0.2,
    }
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_TIME_LIMIT = 5 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 4 * 60
# At-least-once delivery: a task whose worker dies is redelivered, so every task is idempotent.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Roster imports read officers' files for minutes; they run on their own queue, served by their
# own worker (platform/Procfile, platform/systemd, platform/run-embedded.sh), so a long or crafted
# file never keeps sign-in codes and reminders ("celery", the default queue) waiting.
IMPORTS_QUEUE = "imports"
CELERY_TASK_ROUTES = {
    "rosters.jobs.preview_roster_import": {"queue": IMPORTS_QUEUE},
    "rosters.jobs.confirm_roster_import": {"queue": IMPORTS_QUEUE},
    "rosters.jobs.build_errors_file": {"queue": IMPORTS_QUEUE},
}
# Static schedule (django-celery-beat would downgrade Django); each periodic task looks in
# the database for what is due. Apps add their entries below as they grow.
CELERY_BEAT_SCHEDULE = {
    "sms-dispatch-due": {
        "task": "messaging.dispatch_due",
        "schedule": env.get_float("SMS_DISPATCH_INTERVAL", 10.0, minimum=0.1),
        "options": {"expires": 60},
    },
    # The dashboards' totals are kept current on every write; this nightly rebuild repairs
    # anything written around the app (reporting/summaries.py, reporting/totals.py).
    "rebuild-summaries": {"task": "reporting.tasks.rebuild_summaries", "schedule": 24 * 60 * 60},
    # The public progress pages' kept twelve months (reporting/years.py), made in a new month's
    # first hour; until then the pages sum the months themselves.
    "keep-twelve-months": {
        "task": "reporting.tasks.keep_twelve_months",
        "schedule": 60 * 60,
        "options": {"expires": 30 * 60},
    },
    # Reminders to commune officers whose monthly report is not in (reporting/monthly/reminders.py):
    # each run queues what today calls for, once.
    "monthly-report-reminders": {
        "task": "reporting.tasks.send_report_reminders",
        "schedule": 60 * 60,
        "options": {"expires": 30 * 60},
    },
    # Uploaded rosters past ROSTER_FILE_RETENTION_DAYS are deleted; jobs stuck past
    # ROSTER_JOB_STALE_MINUTES are marked failed (rosters/upkeep.py).
    "roster-files-retention": {
        "task": "rosters.jobs.delete_expired_roster_files",
        "schedule": 60 * 60,
        "options": {"expires": 30 * 60},
    },
    # Previews unconfirmed past ROSTER_PREVIEW_EXPIRY_DAYS expire (rosters/upkeep.py).
    "roster-previews-expiry": {
        "task": "rosters.jobs.expire_roster_previews",
        "schedule": 60 * 60,
        "options": {"expires": 30 * 60},
    },
    # Searches that found little are counted in the cache, never written on the request
    # (cms/unanswered.py); this adds the counts to editors' list.
    "search-unanswered-flush": {
        "task": "cms.tasks.flush_unanswered_searches",
        "schedule": 5 * 60,
        "options": {"expires": 4 * 60},
    },
    "roster-jobs-stale": {
        "task": "rosters.jobs.fail_stale_roster_imports",
        "schedule": 5 * 60,
        "options": {"expires": 4 * 60},
    },
}
# How long an unacknowledged task waits before Redis hands it to another worker (a killed
# worker's batch comes back after this many seconds).
if CELERY_BROKER_URL and CELERY_BROKER_URL.startswith("redis"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env.get_int("CELERY_VISIBILITY_TIMEOUT", 600, minimum=1)
    }

# WAGTAIL
# ------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Tổ công nghệ số cộng đồng"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_I18N_ENABLED = True
# Slugs without diacritics, as Vietnamese sites write them (cms/slugs.py maps each letter).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# The edge cache in front of gunicorn (platform/varnish/default.vcl): publishing or unpublishing
# a page sends Varnish a PURGE for its URL and its translations' (cms/signals.py), each at its own
# address: Wagtail's rewrite of /vi/ to /en/ in the same path is off, slugs differ per language.
# Unset (the embedded demo, tests): nothing is purged, there is no edge.
EDGE_CACHE_URL = env.get_url("EDGE_CACHE_URL", "")
WAGTAILFRONTENDCACHE = (
    {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": EDGE_CACHE_URL,
        }
    }
    if EDGE_CACHE_URL
    else {}
)
WAGTAILFRONTENDCACHE_LANGUAGES = []
# "simple": no English stemming or stop words ("to", "so", "an" are Vietnamese words once folded).
# Pages index folded copies of their text (cms/models/search.py), so no unaccent config is needed.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: admin avatars are the person's initial (templates/wagtailadmin/shared/avatar.html),
# so no page sends an outside site a hash of an editor's email, and the admin's
# Content-Security-Policy can allow images from our origin only.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# ROSTER IMPORTS, ALLAUTH, SMS, TRAININGS
# ------------------------------------------------------------------------------
from config.settings.features import *  # noqa: E402,F403

# The embedded mode (plain HTTP) prints email; a deployment sends it over SMTP unless told otherwise.
_DEFAULT_MAILER = (
    "django.core.mail.backends.smtp.EmailBackend"
    if HTTPS
    else "django.core.mail.backends.console.EmailBackend"
)
MAILERS = {"default": {"BACKEND": env.get_dotted_path("EMAIL_BACKEND", _DEFAULT_MAILER)}}
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", "no-reply@localhost")
if "@" not in DEFAULT_FROM_EMAIL:
    raise SettingError(f"DEFAULT_FROM_EMAIL must be an email address, not {DEFAULT_FROM_EMAIL!r}")
