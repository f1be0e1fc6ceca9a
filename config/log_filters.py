"""Logging filters named in settings.LOGGING."""


def refusals_without_traceback(record):
    """Keep Django's one-line "Forbidden (Permission denied): /path" but drop the traceback it
    attaches: a refused request is the site working as meant, not a fault to debug."""
    if getattr(record, "status_code", None) == 403:
        record.exc_info = None
        record.exc_text = None
    return True
