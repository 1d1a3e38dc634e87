"""`consult backup`, `consult restore`, `consult purge`: keeping data safe and not too long."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from consult import backup as backups
from consult.extensions import db
from surveys.administration import retention
from surveys.base import utcnow


def _url() -> str:
    return db.engine.url.render_as_string(hide_password=False)


@click.command("backup")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@with_appcontext
def backup_command(out: Path, force: bool) -> None:
    """Write a consistent backup of the database (safe while the app runs), readable by
    its owner only; an existing file is kept unless --force is given."""
    try:
        backups.backup(_url(), out, force=force)
    except backups.BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Backup written to {out}")


@click.command("restore")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@with_appcontext
def restore_command(source: Path, yes: bool) -> None:
    """Replace the whole database with a backup made by `consult backup`."""
    if not yes:
        click.confirm("This replaces every record in the database. Continue?", abort=True)
    db.session.remove()
    db.engine.dispose()
    try:
        backups.restore(_url(), source)
    except backups.BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Database restored from {source}")


@click.command("purge")
@click.option("--dry-run", is_flag=True, help="Only list what would be deleted.")
@with_appcontext
def purge_command(dry_run: bool) -> None:
    """Delete responses of consultations archived longer than RETENTION_DAYS."""
    days = current_app.config["RETENTION_DAYS"]
    if isinstance(days, bool) or not isinstance(days, int) or days < 0:
        raise click.ClickException(
            f"RETENTION_DAYS must be a whole number of days, 0 or more (it is {days!r})."
        )
    purged = retention.purge(db.session, utcnow(), days, dry_run=dry_run)
    if dry_run:
        db.session.rollback()
    else:
        db.session.commit()
    verb = "Would delete" if dry_run else "Deleted"
    for item in purged:
        click.echo(f"{verb} {item.responses} responses of {item.slug}")
    if not purged:
        click.echo(f"Nothing archived for longer than {days} days.")
