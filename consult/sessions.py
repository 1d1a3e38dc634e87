"""Flask's signed cookie session, with its signing set up once per worker.

Flask builds a new serializer for every request, and itsdangerous derives the signing key
from the secret again for every signature it makes or checks: together a noticeable share
of a respondent's page. The cookie, its format and its checks are exactly Flask's.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from flask import Flask
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import TimestampSigner, URLSafeTimedSerializer


@lru_cache(maxsize=64)
def _derived_key(secret_key: bytes, salt: bytes, key_derivation: str, digest_method: Any) -> bytes:
    signer = TimestampSigner(
        secret_key, salt=salt, key_derivation=key_derivation, digest_method=digest_method
    )
    return signer.derive_key()


class KeyOnceSigner(TimestampSigner):
    """A timestamp signer that remembers derived keys (they depend on the secret only)."""

    def derive_key(self, secret_key: str | bytes | None = None) -> bytes:
        key = self.secret_keys[-1] if secret_key is None else secret_key
        if isinstance(key, str):
            key = key.encode()
        return _derived_key(key, self.salt, self.key_derivation, self.digest_method)


class CookieSessions(SecureCookieSessionInterface):
    def __init__(self) -> None:
        self._serializers: dict[tuple, URLSafeTimedSerializer] = {}

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        if not app.secret_key:
            return None
        keys = [*(app.config["SECRET_KEY_FALLBACKS"] or []), app.secret_key]
        cache_key = tuple(keys)
        serializer = self._serializers.get(cache_key)
        if serializer is None:
            serializer = URLSafeTimedSerializer(
                keys,  # the current key last, as itsdangerous expects
                salt=self.salt,
                serializer=self.serializer,
                signer=KeyOnceSigner,
                signer_kwargs={
                    "key_derivation": self.key_derivation,
                    "digest_method": self.digest_method,
                },
            )
            self._serializers[cache_key] = serializer
        return serializer


def init_app(app: Flask) -> None:
    app.session_interface = CookieSessions()
