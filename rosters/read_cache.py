"""The sheets read from an upload, kept a while in the shared cache so the confirm does not read again.

Preview and confirm are separate Celery tasks, maybe on different hosts, and both read the same
upload: unzipping, calamine and the legacy-encoding checks take a fifth of a provincial preview.
What `read_spreadsheet` returns depends only on the file's bytes and name, never on the database,
so the confirm may take it from the cache (Redis in production); it still plans again, since the
database may have changed meanwhile (rosters/importing.py).

The key holds a SHA-256 of the bytes and one of the name, so another file, even one named the
same, is never given this one's sheets; and a digest of the code that reads (`_READER`), so sheets
read by another version of it (a host not yet upgraded, a fixed converter) are never served. An
entry is the pickled sheets compressed, kept at most ROSTER_READ_CACHE_SECONDS and only when under
ROSTER_READ_CACHE_MAX_BYTES (Redis is no place for a huge value). It holds people's names and
phones: it is dropped once the import is written, and whenever the upload itself is deleted
(rosters/upkeep.py), so "Cancel and delete the file" leaves nothing behind. A file that cannot be read is not kept:
each try reads it again and says why.
"""

import hashlib
import pickle
import sys
import zlib
from importlib.metadata import version
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from rosters.reading import read_spreadsheet

# The modules whose code decides what a file reads as, and the reader library underneath.
_READER_MODULES = (
    "rosters.reading",
    "rosters.ods",
    "rosters.cells",
    "vietnamese.legacy_encodings",
    "vietnamese.text",
)


def _reader_digest():
    digest = hashlib.sha256(version("python-calamine").encode())
    for name in _READER_MODULES:
        digest.update(Path(sys.modules[name].__file__).read_bytes())
    return digest.hexdigest()[:16]


_READER = _reader_digest()


def read_sheets(data, filename):
    """`read_spreadsheet(data, filename)`, from the cache when the same file was read lately."""
    if not settings.ROSTER_READ_CACHE_SECONDS:
        return read_spreadsheet(data, filename)
    key = cache_key(data, filename)
    packed = cache.get(key)
    if packed is not None:
        return pickle.loads(zlib.decompress(packed))  # noqa: S301 (written below by this code, in our cache)
    sheets = read_spreadsheet(data, filename)
    packed = zlib.compress(pickle.dumps(sheets, pickle.HIGHEST_PROTOCOL), 1)
    if len(packed) <= settings.ROSTER_READ_CACHE_MAX_BYTES:
        cache.set(key, packed, settings.ROSTER_READ_CACHE_SECONDS)
    return sheets


def forget(data, filename):
    """Drop the kept sheets of this file now: its upload is being deleted (cancelled, refused,
    expired, or erased with a person in it), and the cache must not outlive the file."""
    cache.delete(cache_key(data, filename))


def forget_on_commit(data, filename):
    """Drop the kept sheets of this file once the transaction writing its import commits: nobody
    needs them again (a rolled-back import may be confirmed again, and finds them)."""
    key = cache_key(data, filename)
    transaction.on_commit(lambda: cache.delete(key))


def cache_key(data, filename):
    """Where the sheets of this file (its bytes and name), read by this code, are kept."""
    name = hashlib.sha256(filename.encode("utf-8", "surrogatepass")).hexdigest()
    return f"roster-read:{_READER}:{hashlib.sha256(data).hexdigest()}:{name}"
