from typing import Any

from wagtail import hooks

from messaging.admin_outbox import outbox_viewset


@hooks.register("register_admin_viewset")
def register_outbox() -> Any:
    return outbox_viewset()
