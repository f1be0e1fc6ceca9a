"""The Celery application. Its settings live in config/settings/base.py under the CELERY_ prefix."""

import os
from logging.config import dictConfig

from celery import Celery
from celery.signals import setup_logging
from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("totechso")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@setup_logging.connect
def apply_django_logging(**kwargs):
    """Workers log as the web does (settings.LOGGING: LOG_LEVEL, quiet libraries, one format).

    With a receiver on this signal Celery leaves the logging set-up to us instead of its own."""
    dictConfig(settings.LOGGING)
