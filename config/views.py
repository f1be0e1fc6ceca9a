from urllib.parse import urlsplit

from django.db import connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache

from accounts.areas import landing_url


def health(request):
    """For load balancers and process managers: the app answers and reaches its database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


# ERROR PAGES
# In the site's style and the reader's language (LocaleMiddleware has already chosen it from the
# /vi/ or /en/ prefix). The 500 page is rendered from its template alone, without context
# processors or the database: it must show when either is what failed.


def forbidden(request, exception=None):
    """Not for this reader: say so, and link to where their own work is (or to sign in)."""
    own_area = landing_url(request.user, get_language()) if request.user.is_authenticated else None
    return render(request, "403.html", {"own_area": own_area}, status=403)


def not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return HttpResponseServerError(loader.get_template("500.html").render({"LANGUAGE_CODE": get_language()}))


# Fields never written back into a page: secrets the person types again.
UNKEPT_FIELDS = ("csrfmiddlewaretoken", "password", "code", "otp", "token")


def _from_this_site(request, address):
    return bool(address) and url_has_allowed_host_and_scheme(
        address, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


@never_cache
def csrf_failure(request, reason=""):
    """settings.CSRF_FAILURE_VIEW: a form sent after its page's security token was lost (cookies
    cleared, a page left open for days). In the site's style and the reader's language, with what
    was typed kept: a form that sends it again with a fresh token, offered only when the browser
    says the form was on this site (Origin, else Referer). A form posted from another site gets no
    such button, so the page cannot be used to make someone re-send a stranger's form."""
    origin = request.headers.get("Origin") or request.headers.get("Referer")
    own = request.method == "POST" and _from_this_site(request, origin)
    kept = []
    if own:
        kept = [
            (name, value)
            for name, values in request.POST.lists()
            if not name.startswith(UNKEPT_FIELDS)
            for value in values
        ]
    referer = request.headers.get("Referer")
    back = urlsplit(referer).path or "/" if _from_this_site(request, referer) else None
    context = {"kept": kept, "resend": own, "back": back, "files_lost": bool(request.FILES)}
    return render(request, "csrf_failure.html", context, status=403)
