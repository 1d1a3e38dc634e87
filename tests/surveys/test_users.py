from __future__ import annotations

import pytest

from surveys.administration import users
from surveys.credentials import token_hash
from surveys.errors import Invalid

PASSWORD = "a-long-enough-password"


def test_created_users_store_a_hash_not_the_password(session):
    user = users.create_user(session, " Anna@Example.org ", PASSWORD, ["author"])
    assert user.email == "anna@example.org"
    assert PASSWORD not in user.password_hash
    assert user.password_hash.startswith("scrypt$")


@pytest.mark.parametrize("password", ["short", "1234567890123", "aaaaaaaaaaaa"])
def test_weak_passwords_are_refused(session, password):
    with pytest.raises(Invalid):
        users.create_user(session, "a@example.org", password, ["author"])


def test_unknown_roles_are_refused(session):
    with pytest.raises(ValueError):
        users.create_user(session, "a@example.org", PASSWORD, ["superuser"])


def test_a_second_account_with_the_same_email_is_refused(session):
    users.create_user(session, "a@example.org", PASSWORD, ["author"])
    with pytest.raises(Invalid, match="already exists"):
        users.create_user(session, "A@example.org", PASSWORD, ["facilitator"])


def test_authenticate_accepts_the_right_password(session):
    user = users.create_user(session, "a@example.org", PASSWORD, ["author"])
    assert users.authenticate(session, "A@EXAMPLE.ORG", PASSWORD) is user


@pytest.mark.parametrize(
    ("email", "password"),
    [("a@example.org", "wrong-password-123"), ("nobody@example.org", PASSWORD)],
)
def test_authenticate_refuses_wrong_password_and_unknown_user(session, email, password):
    users.create_user(session, "a@example.org", PASSWORD, ["author"])
    assert users.authenticate(session, email, password) is None


def test_authenticate_refuses_a_disabled_account(session):
    user = users.create_user(session, "a@example.org", PASSWORD, ["author"])
    user.active = False
    assert users.authenticate(session, "a@example.org", PASSWORD) is None


def test_changing_the_password_ends_existing_sessions(session):
    user = users.create_user(session, "a@example.org", PASSWORD, ["author"])
    before = user.get_id()
    users.set_password(session, user, "another-long-password")
    assert user.get_id() != before
    assert users.authenticate(session, "a@example.org", "another-long-password") is user


def test_api_tokens_are_stored_hashed_and_replace_earlier_ones(session):
    user = users.create_user(session, "a@example.org", PASSWORD, ["facilitator"])
    first = users.issue_api_token(session, user)
    second = users.issue_api_token(session, user)
    assert user.api_token_hash == token_hash(second, users.API_TOKEN_PURPOSE)
    assert users.user_for_api_token(session, second) is user
    assert users.user_for_api_token(session, first) is None
    assert users.user_for_api_token(session, "") is None
