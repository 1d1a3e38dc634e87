"""`consult demo load`: the demo consultation and demo staff accounts."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from consult.extensions import db


@click.group("demo")
def group() -> None:
    """Demo data."""


@group.command("load")
@click.option("--responses", default=300, show_default=True, help="Generated responses.")
@with_appcontext
def load(responses: int) -> None:
    """Load the demo consultation and accounts; running it again changes nothing."""
    # Imported here: the demo content is large and only this command needs it.
    from surveys.demo import loader

    password = current_app.config["DEMO_PASSWORD"]
    result = loader.load(db.session, password=password, responses=responses)
    db.session.commit()
    click.echo("Demo consultation: " + ("loaded" if result.created else "already present"))
    click.echo("Sign in at /auth/sign-in with one of these demo accounts:")
    for email, roles in loader.DEMO_USERS:
        click.echo(f"  {email:<32} {'/'.join(roles):<12} password: {password}")
