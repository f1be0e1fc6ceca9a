"""Django's own messages whose Vietnamese reads badly, reworded in our catalogue.

Django's vi catalogue leaves a space before the final full stop ("lớn hơn hoặc bằng với 0 .")
and says "Đảm bảo" (make sure) where an officer needs to be told what to type. Naming the msgids
here puts them in locale/*/django.po (`make messages`); our LOCALE_PATHS come first, so Django's
validators find our wording. The English catalogue keeps Django's text.
"""

from django.utils.translation import gettext_noop

DJANGO_STRINGS = [
    gettext_noop("Ensure this value is greater than or equal to %(limit_value)s."),
    gettext_noop("Ensure this value is less than or equal to %(limit_value)s."),
    gettext_noop("Ensure this value is %(limit_value)s (it is %(show_value)s)."),
    gettext_noop("Please correct the duplicate data for %(field)s."),
]
