"""Staff passwords: long enough and not among those attackers try first."""

from __future__ import annotations

import subprocess
import sys

import pytest

from surveys.administration import users
from surveys.administration.passwords import check_password_policy
from surveys.credentials import check_password
from surveys.errors import Invalid


@pytest.mark.parametrize(
    "password",
    [
        "passwort1234",
        "Sommer2024!",
        "Landkreis2027!",
        "password1234",
        "qwertzuiop123",
        "iloveyou2024",
    ],
)
def test_common_and_breached_patterns_are_refused(password):
    with pytest.raises(Invalid):
        check_password_policy(password)


def test_a_refusal_says_why_and_what_to_do_instead():
    with pytest.raises(Invalid, match="attackers try first.*four unrelated words"):
        check_password_policy("Passwort2024!")


def test_the_persons_own_address_is_no_password(session):
    with pytest.raises(Invalid):
        users.create_user(session, "anna.schmidt@landkreis.example", "anna.schmidt", ["author"])


def test_short_passwords_are_refused_by_length():
    with pytest.raises(Invalid, match="at least 12 characters"):
        check_password_policy("k8#Lq2!x")


@pytest.mark.parametrize(
    "password", ["correct-horse-battery", "Zugvogel Tinte Moor 7", "demo-passwort-2027"]
)
def test_long_unusual_passwords_are_accepted(password):
    check_password_policy(password, ("staff@example.org",))


def test_a_real_process_hashes_passwords_at_full_cost():
    """The suite hashes cheaply (tests/conftest.py); a process of its own must not."""
    script = "from surveys.credentials import hash_password; print(hash_password('x' * 12))"
    stored = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.strip()
    scheme, n, r, p, _salt, _digest = stored.split("$")
    assert (scheme, int(n), int(r), int(p)) == ("scrypt", 2**14, 8, 1)
    assert check_password(stored, "x" * 12)
    assert not check_password(stored, "y" * 12)
