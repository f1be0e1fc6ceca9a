"""A deployment (platform/env.example sets DJANGO_SETTINGS_MODULE=config.settings.production).

The shared settings, refusing what only the embedded mode may do without: HTTPS, PostgreSQL and
a Celery broker. Values come from the environment (systemd's EnvironmentFile, compose's env_file)
or a file named by DJANGO_ENV_FILE.
"""

from config import env

env.read_env_file_if_asked()

from config.settings.base import *  # noqa: E402,F403
from config.settings.base import CELERY_BROKER_URL, DATABASES, DEBUG, HTTPS  # noqa: E402

if DEBUG:
    raise env.SettingError("DJANGO_DEBUG must be 0 in production: its error pages show settings and code")
if not HTTPS:
    raise env.SettingError("DJANGO_HTTPS must be 1 in production (TLS ends at the load balancer)")
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise env.SettingError("DATABASE_URL must be postgres://… in production (SQLite is the embedded mode)")
if not CELERY_BROKER_URL or CELERY_BROKER_URL.startswith(("filesystem", "memory")):
    raise env.SettingError("CELERY_BROKER_URL must name a Redis (or AMQP) broker in production")
