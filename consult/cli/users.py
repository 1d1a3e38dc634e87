"""`consult users …`: staff accounts and API tokens."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from consult.extensions import db
from surveys.administration import users
from surveys.errors import DomainError
from surveys.vocabulary import Role


@click.group("users")
def group() -> None:
    """Manage staff accounts."""


@group.command("create")
@click.option("--email", required=True)
@click.option(
    "--role", "roles", required=True, multiple=True, type=click.Choice([r.value for r in Role])
)
@click.option("--name", default="")
@click.option("--password", default=None, help="Prompted for when not given.")
@with_appcontext
def create(email: str, roles: tuple[str, ...], name: str, password: str | None) -> None:
    """Create a staff account."""
    if password is None:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = users.create_user(db.session, email, password, roles, name=name)
    except DomainError as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from error
    db.session.commit()
    click.echo(f"Created {user.email} ({', '.join(user.roles)})")


@group.command("list")
@with_appcontext
def list_users() -> None:
    """List staff accounts."""
    for user in users.list_users(db.session):
        state = "active" if user.active else "disabled"
        click.echo(f"{user.email}\t{','.join(user.roles)}\t{state}")


@group.command("token")
@click.option("--email", required=True)
@with_appcontext
def token(email: str) -> None:
    """Print a new personal API token for a staff user (earlier tokens stop working)."""
    user = users.find_user(db.session, email)
    if user is None or not user.active:
        raise click.ClickException(f"No active user with email {email}")
    value = users.issue_api_token(db.session, user)
    db.session.commit()
    click.echo(value)
