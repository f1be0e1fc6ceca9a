"""What the phone's queue of sessions logged without signal talks to when the signal returns.

The page's script (templates/includes/log_queue.js) replays each queued form with the key the
phone gave it; these answers are JSON so it can tell "stored", "already stored" and "refused"
apart, while a sign-in redirect or a 403 tells it to keep the item and ask for a sign-in.
"""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from teams.logbook import probable_duplicate


def wants_json(request):
    """The queue marks its replays; a form posted by the browser itself gets pages as before."""
    return request.headers.get("X-Queue") == "1"


@require_GET
@never_cache
@login_required
def fresh_token(request):
    """A CSRF token fetched just before a replay: the one in a page saved days ago may be stale."""
    return JsonResponse({"token": get_token(request)})


def saved_answer(log, created):
    return JsonResponse(
        {"status": "saved" if created else "already", "duplicate": created and probable_duplicate(log)},
        status=201 if created else 200,
    )


def refused_answer(form):
    """The first problem in words, so the queue can show why this session was not stored."""
    problems = [
        f"{form.fields[name].label}: {errors[0]}" if name in form.fields else errors[0]
        for name, errors in form.errors.items()
    ]
    return JsonResponse({"status": "failed", "message": "; ".join(problems)}, status=400)
