"""Passwords and secret tokens, hashed with the standard library only."""

from __future__ import annotations

import hashlib
import hmac
import secrets

# The cost every stored password is hashed with. Tests lower it (tests/conftest.py); the cost
# of hashes a real process writes is checked in tests/surveys/test_passwords.py.
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def hash_password(password: str) -> str:
    """A salted scrypt hash in the form `scrypt$n$r$p$salt$hash`."""
    salt = secrets.token_hex(16)
    digest = hashlib.scrypt(password.encode(), salt=salt.encode(), dklen=32, **_SCRYPT)
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${salt}${digest.hex()}"


def check_password(stored: str, password: str) -> bool:
    """Whether `password` matches `stored`, in constant time."""
    try:
        scheme, n, r, p, salt, expected = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(
        password.encode(), salt=salt.encode(), dklen=32, n=int(n), r=int(r), p=int(p)
    )
    return hmac.compare_digest(digest.hex(), expected)


def new_token(nbytes: int = 24) -> str:
    """A URL-safe random token for links and API access."""
    return secrets.token_urlsafe(nbytes)


def token_hash(token: str, purpose: str) -> str:
    """A one-way hash of a token for one purpose; other purposes give unrelated hashes."""
    return hashlib.sha256(f"{purpose}:{token}".encode()).hexdigest()
