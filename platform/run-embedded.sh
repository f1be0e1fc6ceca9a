#!/usr/bin/env bash
# The embedded mode's processes: gunicorn for the site, a Celery worker with beat for texts and
# upkeep, and a second worker for roster imports alone (queue "imports"), so a long or crafted
# file never stops sign-in codes. All stop together on Ctrl-C.
#
# gunicorn loads the site once and forks two workers (production's count of 2 per core plus one
# would fork five beside a newcomer's first request), and the worker starts only once the site
# answers its first page: on two cores, all the start-ups together kept that page waiting for
# half a minute.
set -euo pipefail
: "${PORT:=8000}" "${HOST:=127.0.0.1}" "${BIN:=.venv/bin}"
export WEB_CONCURRENCY="${WEB_CONCURRENCY:-2}"
mkdir -p .run/celery-queue .run/celery-control
stop() { trap - EXIT INT TERM; kill -TERM $(jobs -p) 2>/dev/null; wait; }
trap stop EXIT INT TERM
"$BIN/gunicorn" -c platform/gunicorn.conf.py --bind "$HOST:$PORT" config.wsgi &
for _ in $(seq 600); do
  # The home page once, through bash alone: it also fills the page cache for the newcomer's visit.
  if { exec 3<>"/dev/tcp/$HOST/$PORT"; } 2>/dev/null; then
    printf 'GET /vi/ HTTP/1.0\r\nHost: %s:%s\r\n\r\n' "$HOST" "$PORT" >&3
    cat <&3 >/dev/null
    exec 3<&-
    break
  fi
  sleep 0.1
done
"$BIN/celery" -A config worker --beat --pool=solo --loglevel=warning --queues=celery \
  --schedule=.run/celerybeat-schedule --without-mingle --without-gossip --hostname=texts@%h &
"$BIN/celery" -A config worker --pool=solo --loglevel=warning --queues=imports \
  --without-mingle --without-gossip --hostname=imports@%h &
# When any process ends, stop the others.
wait -n
