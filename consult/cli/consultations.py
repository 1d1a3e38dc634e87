"""`consult consultations …`: list, close due, export and import consultations."""

from __future__ import annotations

import json

import click
from flask import current_app
from flask.cli import with_appcontext

from consult import links
from consult.author.importing import MAX_UPLOAD
from consult.extensions import db
from surveys import consultations, uploads
from surveys.authoring import interchange, lifecycle, xlsform
from surveys.base import utcnow
from surveys.errors import DomainError


@click.group("consultations")
def group() -> None:
    """Work with consultations."""


@group.command("list")
@with_appcontext
def list_consultations() -> None:
    """One line per consultation: slug, status, submitted responses, public URL."""
    for row in consultations.list_with_counts(db.session):
        c = row.consultation
        click.echo(f"{c.slug}\t{c.status}\t{row.submitted}\t{links.public_url(c)}")


@group.command("close-due")
@with_appcontext
def close_due() -> None:
    """Close every published consultation whose closing date has passed."""
    closed = lifecycle.close_due(db.session, utcnow())
    db.session.commit()
    for consultation in closed:
        click.echo(f"closed\t{consultation.slug}")
    click.echo(f"{len(closed)} closed")


@group.command("export")
@click.argument("slug")
@click.option("--out", "out", type=click.Path(dir_okay=False, writable=True), required=True)
@with_appcontext
def export_consultation(slug: str, out: str) -> None:
    """Write a consultation's questionnaire as JSON (docs/questionnaire-format.md)."""
    consultation = consultations.get_by_slug(db.session, slug)
    if consultation is None:
        raise click.ClickException(f"No consultation with the slug {slug!r}.")
    data = interchange.export_questionnaire(consultation)
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    click.echo(f"Wrote {out}")


@group.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--slug", default=None, help="Address of the new consultation (default: from the file)."
)
@with_appcontext
def import_consultation(path: str, slug: str | None) -> None:
    """Create a draft consultation from a questionnaire JSON file or an XLSForm (.xlsx)."""
    if path.lower().endswith(".xlsx"):
        _import_xlsform(path, slug)
        return
    try:
        data = uploads.read_json(_read_limited(path))
        consultation = interchange.import_questionnaire(db.session, data, slug=slug)
    except DomainError as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from None
    db.session.commit()
    click.echo(f"Imported {consultation.slug} as a draft")


def _read_limited(path: str) -> bytes:
    """The file's bytes, refused beyond the web upload's limit (the same rules everywhere)."""
    limit = int(current_app.config.get("QUESTIONNAIRE_UPLOAD_MAX_BYTES", MAX_UPLOAD))
    try:
        with open(path, "rb") as handle:
            return uploads.check_size(handle.read(limit + 1), limit)
    except OSError as error:
        raise click.ClickException(f"Cannot read {path}: {error.strerror}") from None


def _import_xlsform(path: str, slug: str | None) -> None:
    try:
        result = xlsform.import_xlsform(db.session, _read_limited(path), slug=slug)
    except DomainError as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from None
    db.session.commit()
    click.echo(
        f"Imported {result.consultation.slug} as a draft with {result.questions} questions"
        f" in {', '.join(result.consultation.languages)}"
    )
    if result.skipped:
        click.echo(f"Skipped or changed ({len(result.skipped)}):")
        for item in result.skipped:
            click.echo(f"  {item.sheet} row {item.row} ({item.type} {item.name}): {item.text()}")
