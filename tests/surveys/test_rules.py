from __future__ import annotations

import pytest

from surveys import rules
from surveys.models import User


def _user(*roles: str, active: bool = True) -> User:
    return User(email="x@example.org", password_hash="-", roles=list(roles), active=active)


@pytest.mark.parametrize(
    ("roles", "author", "review", "administer"),
    [
        (("author",), True, False, False),
        (("facilitator",), False, True, False),
        (("admin",), True, True, True),
        ((), False, False, False),
    ],
)
def test_roles_grant_what_they_should(roles, author, review, administer):
    user = _user(*roles)
    assert rules.may_author(user) is author
    assert rules.may_review(user) is review
    assert rules.may_administer(user) is administer
    assert rules.is_staff(user) is bool(roles)


def test_a_disabled_account_may_do_nothing():
    user = _user("admin", active=False)
    checks = (
        rules.is_staff,
        rules.may_author,
        rules.may_review,
        rules.may_administer,
        rules.may_enter_paper,
    )
    assert [check.__name__ for check in checks if check(user)] == []


def test_nobody_signed_in_may_do_nothing():
    assert not rules.is_staff(None)


@pytest.mark.parametrize("role", ["author", "admin", "facilitator"])
def test_every_staff_role_may_enter_paper_responses(role):
    assert rules.may_enter_paper(_user(role))


def test_nobody_else_may_enter_paper_responses():
    assert not rules.may_enter_paper(None)
    assert not rules.may_enter_paper(_user("facilitator", active=False))
    assert not rules.may_enter_paper(_user())
