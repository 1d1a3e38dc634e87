"""Staff accounts: creation, passwords, sign-in checks and API tokens."""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from surveys.credentials import check_password, hash_password, new_token, token_hash
from surveys.errors import Invalid
from surveys.kinds import N_, Role
from surveys.models import User
from surveys.services.audit import record

MIN_PASSWORD_LENGTH = 10
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
API_TOKEN_PURPOSE = "api"


def normalise_email(email: str) -> str:
    return email.strip().lower()


def check_password_policy(password: str) -> None:
    """Refuse passwords that are too short or too plain."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise Invalid(
            N_("The password must have at least %(n)s characters."), n=MIN_PASSWORD_LENGTH
        )
    if password.isdigit() or len(set(password)) < 4:
        raise Invalid(N_("The password is too easy to guess."))


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
    check_password_policy(password)
    user = User(email=email, name=name, password_hash=hash_password(password), roles=roles)
    session.add(user)
    session.flush()
    record(session, "user.create", user=actor, obj=user, email=email, roles=roles)
    return user


def set_password(session: Session, user: User, password: str) -> None:
    """Change a password and end every session that user had open."""
    check_password_policy(password)
    user.password_hash = hash_password(password)
    user.session_version += 1
    session.flush()
    record(session, "user.password", user=user, obj=user)


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The active user with these credentials, or None; never says which part was wrong."""
    user = find_user(session, email)
    if user is None:
        # Spend the same time as a real check so response times do not reveal accounts.
        check_password(hash_password("timing-equaliser"), password)
        return None
    if not check_password(user.password_hash, password) or not user.active:
        return None
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
