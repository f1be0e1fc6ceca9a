# gunicorn settings; the bind address comes from the command line or GUNICORN_BIND.
import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# Sync workers: pages are short database reads; 2 per core plus one covers a blocked worker.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = 30
graceful_timeout = 20
# Django and Wagtail are imported once, in the master: a recycled worker is a fork that serves
# its first request in milliseconds, where importing them again took seconds of a busy core and
# left the other workers alone with the queue. A deploy restarts the service (systemd, Procfile);
# a HUP alone would keep the old code.
preload_app = True
# Recycling bounds a slow leak. Each worker draws its own limit between 20,000 and 40,000
# requests, so workers that started together do not stop together (at 2,000 ± 200, two workers
# restarted within a second of each other every few seconds under load, halving throughput).
max_requests = 20_000
max_requests_jitter = 20_000
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def pre_fork(server, worker):
    """Children must not share the master's sockets: close any database connection made while
    loading the app (each worker opens its own on first use)."""
    from django.db import connections

    connections.close_all()


def when_ready(server):
    """Warm the master, then freeze it: every worker, first or recycled, is forked ready."""
    _warm_up(server)
    # What the master holds stays out of the garbage collector's scans, so forked workers keep
    # sharing those memory pages instead of copying them on the first collection.
    gc.freeze()


def _warm_up(server):
    """Ask for each language's home page once, in the master: the translation catalogues, URL
    patterns and compiled templates a first request builds (half a second) are then inherited.
    A failure (database not up yet) only costs the first visitors that time; pre_fork closes
    the connections this opened."""
    import wsgiref.util

    from django.conf import settings

    host = next((h for h in settings.ALLOWED_HOSTS if not h.startswith((".", "*"))), "localhost")
    for code, _name in settings.LANGUAGES:
        environ = {"PATH_INFO": f"/{code}/", "HTTP_HOST": host, "wsgi.url_scheme": "https"}
        if settings.SECURE_PROXY_SSL_HEADER:
            header, value = settings.SECURE_PROXY_SSL_HEADER
            environ[header] = value
        wsgiref.util.setup_testing_defaults(environ)
        try:
            b"".join(server.app.wsgi()(environ, lambda *args: None))
        except Exception as error:  # noqa: BLE001 (start anyway; workers report real errors)
            server.log.warning("Warm-up of /%s/ failed: %r", code, error)
