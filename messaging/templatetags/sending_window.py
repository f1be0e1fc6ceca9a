"""`{% text_goes %}`: when a text queued now will go, for pages that announce one."""

from datetime import datetime

from django import template

from messaging.outbox import when_it_goes

register = template.Library()


@register.simple_tag
def text_goes(due: datetime | None = None) -> str:
    return when_it_goes(due)
