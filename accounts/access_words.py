"""The access log in words: what the codes `record_access` stores (accounts/access_log.py) mean,
and the units a stored scope names. The log keeps codes, which never change with the language;
the national administrator reads them here, in theirs."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from places.models import Commune, Province

# What each code passed to `record_access` means, as the access log shows it. A code missing
# here still shows, as itself.
WHAT = {
    "monthly_report": _("monthly report"),
    "members": _("members export"),
    "teams": _("teams export"),
    "logs": _("assistance logs export"),
    "attendance": _("attendance sheet"),
    "roster_file": _("uploaded roster, downloaded again"),
    "roster_errors": _("roster error workbook"),
    "my_data": _("a person's own data"),
}


def what_label(code):
    return str(WHAT.get(code, code))


def scope_words(scope):
    """`scope` as written by `scope_label` ("province:01 commune:00004"), in words."""
    words = {"nation": gettext("whole country"), "self": gettext("their own data"), "none": "—"}
    parts = []
    for part in scope.split():
        kind, _sep, codes = part.partition(":")
        model = {"province": Province, "commune": Commune}.get(kind)
        if model is None:
            parts.append(words.get(part, part))
            continue
        names = dict(model.objects.filter(code__in=codes.split(",")).values_list("code", "name"))
        parts.extend(names.get(code, code) for code in codes.split(","))
    return ", ".join(parts)
