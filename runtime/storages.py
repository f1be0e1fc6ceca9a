"""The private file storage: personal files (uploaded rosters, their error workbooks) kept outside
MEDIA_ROOT, so no web server or `/media/` route can ever hand them out.

Its files have no URL: `url()` refuses, and the only way out is a view that checks the reader's
scope and streams the file (rosters/admin_views.py). The folder is PRIVATE_MEDIA_ROOT, read
when first used, so tests can point it at a temporary folder.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils.functional import cached_property


class PrivateFileSystemStorage(FileSystemStorage):
    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise ValueError("Private files have no URL: serve them through a view that checks scope.")


def private_storage():
    """STORAGES["private"]: a callable, so migrations name it rather than freeze its location."""
    return storages["private"]
