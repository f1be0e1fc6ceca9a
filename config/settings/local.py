"""The embedded mode and the default of manage.py, WSGI, ASGI and the Celery app: with nothing
set, SQLite, tasks in the calling process, SMS to the console, plain HTTP on 127.0.0.1.

`make demo` and `make serve` ask for the `.env` holding the demo's generated secret key
(DJANGO_ENV_FILE=.env); nothing else reads a file. Any variable set still wins, so a developer
points this at PostgreSQL and Redis with DATABASE_URL, CELERY_BROKER_URL and REDIS_URL.
"""

from config import env

env.read_env_file_if_asked()
env.set_defaults(DJANGO_HTTPS="0")

from config.settings.base import *  # noqa: E402,F403
