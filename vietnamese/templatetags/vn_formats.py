"""Template filters for vietnamese.formats: `{{ n|number }}`, `{{ cost|money }}`, `{{ p|phone }}`, `{{ d|day }}`."""

from django import template

from vietnamese import formats

register = template.Library()

register.filter("number", formats.number)
register.filter("money", formats.money)
register.filter("phone", formats.phone)
register.filter("day", formats.day)
