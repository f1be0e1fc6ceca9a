from django.db import connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import get_language

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
