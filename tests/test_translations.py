"""Every user-facing string is translated in both catalogues."""

import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_message_is_translated(language):
    catalogue = polib.pofile(Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po")
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"untranslated in {language}: {untranslated}"
    assert not fuzzy, f"fuzzy in {language}: {fuzzy}"


def _messages(catalogue):
    return {(entry.msgctxt, entry.msgid) for entry in catalogue if not entry.obsolete}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_message_the_code_uses_is_in_the_catalogue(language, tmp_path, settings, monkeypatch):
    """makemessages over a copy of the code and its catalogue: a string added without running
    `make messages` shows up as new, a msgid the code no longer has as gone. (makemessages writes
    beside the sources it reads, hence the copy.)"""
    from django.core.management import call_command

    base = Path(settings.BASE_DIR)
    copy = tmp_path / "src"
    skipped = [
        ".venv",
        ".git",
        ".run",
        "staticfiles",
        "media",
        "test-results",
        "node_modules",
        "tests",
        "bench",
    ]
    shutil.copytree(base, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo", *skipped))
    monkeypatch.chdir(copy)
    settings.LOCALE_PATHS = [copy / "locale"]
    call_command("makemessages", locale=[language], ignore_patterns=["locale"], no_obsolete=True, verbosity=0)

    committed = _messages(polib.pofile(base / "locale" / language / "LC_MESSAGES" / "django.po"))
    regenerated = _messages(polib.pofile(copy / "locale" / language / "LC_MESSAGES" / "django.po"))
    missing, unused = sorted(regenerated - committed), sorted(committed - regenerated)
    assert not missing, f"used in the code but not in locale/{language}: {missing}"
    assert not unused, f"in locale/{language} but not used in the code: {unused}"
