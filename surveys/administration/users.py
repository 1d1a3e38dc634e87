"""Staff accounts: creation, passwords, sign-in checks and API tokens."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from surveys.administration.audit import record
from surveys.administration.passwords import check_password_policy
from surveys.base import utcnow
from surveys.credentials import check_password, hash_password, new_token, token_hash
from surveys.errors import DomainError, Invalid
from surveys.models import User
from surveys.vocabulary import N_, Role

FREE_ATTEMPTS = 3
BASE_DELAY_SECONDS = 5
MAX_DELAY_SECONDS = 15 * 60
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
API_TOKEN_PURPOSE = "api"
_TIMING_HASH = hash_password("timing-equaliser")


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(User.email == normalise_email(email)))


def create_user(
    session: Session,
    email: str,
    password: str,
    roles: Iterable[str],
    *,
    name: str = "",
    actor: User | None = None,
) -> User:
    """Create an active staff account after checking address, roles and password policy."""
    email = normalise_email(email)
    if not _EMAIL.match(email):
        raise Invalid(N_("Please enter a valid email address."))
    roles = sorted({str(Role(r)) for r in roles})
    if not roles:
        raise Invalid(N_("Choose at least one role."))
    if find_user(session, email) is not None:
        raise Invalid(N_("A user with this email address already exists."))
    check_password_policy(password, (email, name))
    user = User(email=email, name=name, password_hash=hash_password(password), roles=roles)
    session.add(user)
    session.flush()
    record(session, "user.create", user=actor, obj=user, email=email, roles=roles)
    return user


def set_password(session: Session, user: User, password: str) -> None:
    """Change a password and end every session that user had open."""
    check_password_policy(password, (user.email, user.name or ""))
    user.password_hash = hash_password(password)
    user.session_version += 1
    session.flush()
    record(session, "user.password", user=user, obj=user)


class SignInThrottled(DomainError):
    """Too many failed sign-ins in a row: the next attempt must wait."""

    def __init__(self, seconds: int) -> None:
        super().__init__(N_("Too many failed attempts. Please wait %(n)s seconds."), n=seconds)
        self.seconds = seconds


def sign_in_delay(failures: int) -> timedelta:
    """How long an account waits after `failures` consecutive failed sign-ins."""
    if failures < FREE_ATTEMPTS:
        return timedelta(0)
    seconds = BASE_DELAY_SECONDS * 2 ** (failures - FREE_ATTEMPTS)
    return timedelta(seconds=min(seconds, MAX_DELAY_SECONDS))


def authenticate(
    session: Session, email: str, password: str, now: datetime | None = None
) -> User | None:
    """The active user with these credentials, or None; never says which part was wrong.

    Failed attempts on an existing account are counted; after a few, the account waits a
    growing time before the password is even checked (SignInThrottled).
    """
    now = now or utcnow()
    user = find_user(session, email)
    if user is None:
        # Spend the same time as a real check so response times do not reveal accounts.
        check_password(_TIMING_HASH, password)
        return None
    if user.failed_sign_ins and user.last_failed_sign_in_at is not None:
        ready_at = user.last_failed_sign_in_at + sign_in_delay(user.failed_sign_ins)
        if now < ready_at:
            raise SignInThrottled(max(1, math.ceil((ready_at - now).total_seconds())))
    if not check_password(user.password_hash, password) or not user.active:
        user.failed_sign_ins += 1
        user.last_failed_sign_in_at = now
        session.flush()
        return None
    user.failed_sign_ins = 0
    user.last_failed_sign_in_at = None
    user.last_sign_in_at = now
    session.flush()
    return user


def issue_api_token(session: Session, user: User) -> str:
    """A new personal API token; only its hash is stored, earlier tokens stop working."""
    token = new_token(32)
    user.api_token_hash = token_hash(token, API_TOKEN_PURPOSE)
    session.flush()
    record(session, "user.api_token", user=user, obj=user)
    return token


def user_for_api_token(session: Session, token: str) -> User | None:
    if not token:
        return None
    user = session.scalar(
        select(User).where(User.api_token_hash == token_hash(token, API_TOKEN_PURPOSE))
    )
    return user if user is not None and user.active else None


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(func.lower(User.email))))


def update_access(
    session: Session,
    user: User,
    roles: Iterable[str],
    active: bool,
    *,
    actor: User | None = None,
) -> bool:
    """Set an account's roles and whether it may sign in; True when anything changed.

    Nobody takes away their own administration or disables themselves, so an installation
    always keeps an administrator who can undo a mistake. Disabling ends open sessions."""
    roles = sorted({str(Role(r)) for r in roles})
    if not roles:
        raise Invalid(N_("Choose at least one role."))
    if actor is not None and actor.id == user.id:
        if not active or str(Role.ADMIN) not in roles:
            raise Invalid(
                N_("You cannot disable your own account or remove your own administration.")
            )
    if sorted(user.roles or []) == roles and user.active == active:
        return False
    if user.active and not active:
        user.session_version += 1
    user.roles = roles
    user.active = active
    session.flush()
    record(session, "user.update", user=actor, obj=user, roles=roles, active=active)
    return True
