"""`consult consultations …`: list (and later import/export) consultations."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from consult.extensions import db
from surveys.authoring import lifecycle
from surveys.base import utcnow
from surveys.services import consultations


def public_url(slug: str) -> str:
    return f"{current_app.config['PUBLIC_BASE_URL'].rstrip('/')}/c/{slug}"


@click.group("consultations")
def group() -> None:
    """Work with consultations."""


@group.command("list")
@with_appcontext
def list_consultations() -> None:
    """One line per consultation: slug, status, submitted responses, public URL."""
    for row in consultations.list_with_counts(db.session):
        c = row.consultation
        click.echo(f"{c.slug}\t{c.status}\t{row.submitted}\t{public_url(c.slug)}")


@group.command("close-due")
@with_appcontext
def close_due() -> None:
    """Close every published consultation whose closing date has passed."""
    closed = lifecycle.close_due(db.session, utcnow())
    db.session.commit()
    for consultation in closed:
        click.echo(f"closed\t{consultation.slug}")
    click.echo(f"{len(closed)} closed")
