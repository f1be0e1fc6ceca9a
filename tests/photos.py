"""The browser tests' photographs: the album only when asked for, a failing test's pages always.

A full-page screenshot at every step took half of the browser tests' time (the province officer's
journey ran in 13 s with them, 6.3 s without), and nothing asserts on them: CI throws them away.
`TEST_PHOTOS=1` takes the album, into test-results/<test name>/; a failing test's open pages are
photographed whatever the setting (conftest.py), so a red CI run still shows what the user saw.
"""

import os

ALBUM_WANTED = os.environ.get("TEST_PHOTOS") == "1"


def photograph(page, path):
    """The whole of `page` into `path`, when the developer asked for the album (TEST_PHOTOS=1)."""
    if ALBUM_WANTED:
        _take(page, path)


def photograph_open_pages(browser, folder):
    """Every page still open in `browser` into `folder`/failure-<n>.png; returns the files written."""
    from playwright.sync_api import Error

    folder.mkdir(parents=True, exist_ok=True)
    pages = [page for context in browser.contexts for page in context.pages]
    written = []
    for number, page in enumerate(pages, start=1):
        path = folder / f"failure-{number}.png"
        try:
            _take(page, path)
        except Error:  # a page that crashed or is closing: the others are still worth having
            continue
        written.append(path)
    return written


def _take(page, path):
    page.screenshot(path=path, full_page=True)
