"""Refuse a request whose address holds a NUL character, before any view reads it.

PostgreSQL text cannot hold NUL, so `?province=%00` or `/vi/dashboard/province/%00/` reached the
database and failed there with a 500, in every view that filters on what the address says. No
page of ours has a use for the character: one 400 page, in the reader's language, answers all of
them, and a view added later is covered without remembering to check. (Forms refuse NUL in what
people type already: Django's ProhibitNullCharactersValidator.)
"""

from django.shortcuts import render


def _holds_nul(request):
    if "\x00" in request.path:
        return True
    return any(
        "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
    )


class RefuseNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _holds_nul(request):
            return render(request, "400.html", status=400)
        return self.get_response(request)
