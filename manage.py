#!/usr/bin/env python
"""Django's command-line utility for this platform."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    from config.env import SettingError

    try:
        from django.core.management import execute_from_command_line

        execute_from_command_line(sys.argv)
    except SettingError as error:
        # A bad setting is the operator's to fix: one line, not a library traceback.
        sys.exit(f"Configuration error: {error}")


if __name__ == "__main__":
    main()
