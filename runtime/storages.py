"""The private file storage: personal files (uploaded rosters, their error workbooks) kept outside
MEDIA_ROOT, so no web server or `/media/` route can ever hand them out.

Its files have no URL: `url()` refuses, and the only way out is a view that checks the reader's
scope and streams the file (rosters/admin_views.py). The folder is PRIVATE_MEDIA_ROOT, read
when first used, so tests can point it at a temporary folder.
"""

from os import PathLike
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.utils.functional import cached_property


class PrivateFileSystemStorage(FileSystemStorage):
    # FileSystemStorage.__init__ sets it; django-stubs leaves private names out.
    _location: str | PathLike[str] | None

    @cached_property
    def base_location(self) -> str | PathLike[str]:
        location: str | PathLike[str] = self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)
        return location

    def _clear_cached_properties(self, setting: str, **kwargs: Any) -> None:
        # setting_changed sends every setting's name; django-stubs lists only the four the mixin acts on.
        super()._clear_cached_properties(setting, **kwargs)  # type: ignore[arg-type]
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name: str | None) -> str:
        raise ValueError("Private files have no URL: serve them through a view that checks scope.")


def private_storage() -> Storage:
    """STORAGES["private"]: a callable, so migrations name it rather than freeze its location."""
    return storages["private"]
