"""Sealing a sign-in code so it is never stored in clear.

The code must survive a crash between "asked for" and "handed to the provider" (so it lives in
the database, not in memory), yet the database and the logs must never show it. It is encrypted
with a key derived from SECRET_KEY and emptied once the provider has it.
"""

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings


def _fernet() -> Fernet:
    digest = hashlib.sha256(f"sms-secret:{settings.SECRET_KEY}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def seal(secret: str) -> str:
    return _fernet().encrypt(secret.encode()).decode()


def unseal(sealed: str | None) -> str | None:
    """The secret, or None when it cannot be read (key rotated, already emptied)."""
    if not sealed:
        return None
    try:
        return _fernet().decrypt(sealed.encode()).decode()
    except InvalidToken:
        return None
