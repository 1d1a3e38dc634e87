"""`consult oparl sync URL [--body ID]`: import a body from a council information system."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from consult import oparl


@click.group("oparl")
def group() -> None:
    """Council information systems (OParl 1.1): committees, meetings, agenda items."""


@group.command("sync")
@click.argument("url", required=False)
@click.option(
    "--body", "body_id", default=None, help="The Body's OParl id, if the system has several."
)
@with_appcontext
def sync_command(url: str | None, body_id: str | None) -> None:
    """Import or update the committees and coming meetings of one body.

    URL is the address of the OParl System (or of the Body); default: OPARL_URL.
    """
    url = url or current_app.config.get("OPARL_URL") or ""
    if not url:
        raise click.UsageError("Give the OParl address, or set CONSULT_OPARL_URL.")
    body = body_id if body_id is not None else current_app.config.get("OPARL_BODY") or ""
    run = oparl.run_sync(url, body)
    if not run.ok:
        reason = run.message % run.params if run.params else run.message
        raise click.ClickException(f"The sync failed; nothing was changed. {reason}")
    click.echo(f"Synced {run.body_oparl_id}:")
    for key, value in run.counts.items():
        click.echo(f"  {key.replace('_', ' ')}: {value}")
