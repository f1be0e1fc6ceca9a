"""`{% figure value mark %}`: a public figure as shown, "< 5" or "x" where it is hidden."""

from django import template

from progress.suppression import HIDDEN, SMALL
from vietnamese.formats import number

register = template.Library()


@register.simple_tag
def figure(value, mark=""):
    if mark == SMALL:
        return "< 5"
    if mark == HIDDEN or value is None:
        return "x"
    return number(value)
