"""`{% text_goes %}`: when a text queued now will go, for pages that announce one."""

from django import template

from messaging.outbox import when_it_goes

register = template.Library()


@register.simple_tag
def text_goes(due=None):
    return when_it_goes(due)
