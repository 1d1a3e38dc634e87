"""`consult report SLUG --format … --out FILE`: the committee report from the command line."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext
from flask_babel import force_locale

from consult import reporting
from consult.extensions import db
from surveys import consultations


@click.command("report")
@click.argument("slug")
@click.option("--format", "fmt", type=click.Choice(sorted(reporting.FORMATS)), required=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--lang", default=None, help="Report language (default: the source language).")
@with_appcontext
def report_command(slug: str, fmt: str, out: Path, lang: str | None) -> None:
    """Write the report "Input for the integration concept" (or the answers, as csv)."""
    consultation = consultations.get_by_slug(db.session, slug, with_questionnaire=True)
    if consultation is None:
        raise click.ClickException(f"No consultation with slug {slug!r}")
    language = lang or consultation.source_language
    with force_locale(language):
        content, _mimetype, _name = reporting.render(db.session, consultation, fmt, language)
    out.write_bytes(content)
    click.echo(f"Wrote {out} ({len(content):,} bytes)")
