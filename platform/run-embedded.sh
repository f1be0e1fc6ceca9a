#!/usr/bin/env bash
# The embedded mode's two processes: gunicorn for the site and a Celery worker with beat.
# Both stop together on Ctrl-C.
set -euo pipefail
: "${PORT:=8000}" "${HOST:=127.0.0.1}" "${BIN:=.venv/bin}"
mkdir -p .run/celery-queue .run/celery-control
stop() { trap - EXIT INT TERM; kill -TERM $(jobs -p) 2>/dev/null; wait; }
trap stop EXIT INT TERM
"$BIN/celery" -A config worker --beat --pool=solo --loglevel=warning \
  --schedule=.run/celerybeat-schedule --without-mingle --without-gossip &
"$BIN/gunicorn" -c platform/gunicorn.conf.py --bind "$HOST:$PORT" config.wsgi &
# When either process ends, stop the other.
wait -n
