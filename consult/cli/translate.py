"""`consult translate …`: the UI catalogs, their review status and the translator workbook."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import click

from consult.config import IS_CHECKOUT, ROOT_DIR, TRANSLATIONS_DIR, UI_LANGUAGES

TRANSLATIONS = TRANSLATIONS_DIR
TEMPLATE = TRANSLATIONS / "messages.pot"
TEAM = "Consult contributors"


def _pybabel(*args: str) -> None:
    cwd = ROOT_DIR if IS_CHECKOUT else TRANSLATIONS
    result = subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], cwd=cwd)
    if result.returncode != 0:
        raise click.ClickException("pybabel " + " ".join(args[:1]) + " failed")


@click.group("translate")
def group() -> None:
    """Extract, update and compile the user-interface catalogs."""


@group.command("update")
def update() -> None:
    """Extract messages and merge them into every catalog (creating missing ones)."""
    if not IS_CHECKOUT:
        raise click.ClickException(
            "Catalogs are updated in a checkout of the source code; "
            "an installed package only compiles them (consult translate compile)."
        )
    _pybabel(
        "extract",
        "-F",
        str(TRANSLATIONS / "babel.cfg"),
        "-k",
        "_l",
        "-k",
        "N_",
        "--no-location",
        "--sort-output",
        "--project",
        "Consult",
        "-o",
        str(TEMPLATE),
        ".",
    )
    for lang in UI_LANGUAGES:
        if (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").exists():
            _pybabel(
                "update",
                "-i",
                str(TEMPLATE),
                "-d",
                str(TRANSLATIONS),
                "-l",
                lang,
                "--no-fuzzy-matching",
                "--ignore-obsolete",
            )
        else:
            _pybabel("init", "-i", str(TEMPLATE), "-d", str(TRANSLATIONS), "-l", lang)
            _fill_header(TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po")


def _fill_header(path: Path) -> None:
    """A new catalog names its translators (msgfmt -c warns about pybabel's placeholder)."""
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("Last-Translator: FULL NAME <EMAIL@ADDRESS>", "Last-Translator: " + TEAM),
        encoding="utf-8",
    )


@group.command("compile")
def compile_catalogs() -> None:
    """Compile every catalog to .mo files."""
    _pybabel("compile", "-d", str(TRANSLATIONS), "--statistics")


def _languages(wanted: tuple[str, ...], root: Path) -> list[str]:
    from consult import catalogs

    known = catalogs.languages(root)
    unknown = [lang for lang in wanted if lang not in known]
    if unknown:
        raise click.BadParameter(f"no catalog for {', '.join(unknown)}", param_hint="--lang")
    return list(wanted) or known


# The translations folder option shared by the catalog commands.
catalogs_folder = click.option(
    "--catalogs",
    "root",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=TRANSLATIONS,
    show_default=False,
    help="The translations folder (default: this checkout's or package's).",
)


@group.command("status")
@catalogs_folder
def status(root: Path) -> None:
    """Each catalog's completeness, native-speaker review and glossary check."""
    from consult import catalogs

    reviews = catalogs.reviews(root)
    for lang in catalogs.languages(root):
        done = catalogs.completeness(lang, root)
        review = reviews[lang]
        reviewed = (
            f"reviewed by a native speaker on {review.reviewed_on.isoformat()}"
            + (f" ({review.reviewed_by})" if review.reviewed_by else "")
            if review.reviewed_on
            else "not yet reviewed"
        )
        misses = len(catalogs.glossary_misses(lang, root))
        click.echo(
            f"{lang:6} {done.translated:>5}/{done.total} translated ({done.percent} %), "
            f"{done.fuzzy} fuzzy, {misses} off the glossary; {reviewed}"
        )


@group.command("export-workbook")
@catalogs_folder
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--lang", "langs", multiple=True, help="Only these languages (repeatable).")
def export_workbook(root: Path, out: Path, langs: tuple[str, ...]) -> None:
    """Write the translator workbook (XLSX): one row per message, one column per language."""
    from consult import catalogs

    out.write_bytes(catalogs.encode_workbook(_languages(langs, root), root))
    click.echo(f"Wrote {out}")


@group.command("import-workbook")
@catalogs_folder
@click.argument("workbook", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--apply", "apply", is_flag=True, help="Write the changes into the catalogs.")
def import_workbook(root: Path, workbook: Path, apply: bool) -> None:
    """Show what a filled-in translator workbook changes; with --apply, write it."""
    from consult import catalogs
    from surveys.errors import Invalid

    try:
        preview = catalogs.preview_import(catalogs.decode_workbook(workbook.read_bytes()), root)
    except (catalogs.WorkbookError, Invalid) as error:
        raise click.ClickException(f"{workbook}: {error}") from None
    for lang, changes in preview.by_language().items():
        click.echo(f"{lang}: {len(changes)} changed")
        for change in changes:
            form = f" [{change.form}]" if change.form else ""
            click.echo(f"  {change.key}{form}\n    - {change.old}\n    + {change.new}")
    for problem in preview.problems:
        click.echo(f"not taken: {problem.language} {problem.key!r}: {problem.reason}", err=True)
    for key in preview.unknown_keys:
        click.echo(f"not taken: no such message {key!r}", err=True)
    if not preview.changes:
        click.echo("Nothing to change.")
        return
    if not apply:
        click.echo("Nothing written: run again with --apply to write these changes.")
        return
    if not IS_CHECKOUT and root == TRANSLATIONS:
        raise click.ClickException("Catalogs are changed in a checkout of the source code.")
    written = catalogs.apply_changes(preview.changes, root)
    click.echo(f"Wrote {written} texts; now run `consult translate compile`.")


@group.command("review")
@catalogs_folder
@click.argument("lang")
@click.option("--on", "on", type=click.DateTime(formats=["%Y-%m-%d"]), required=True)
@click.option("--by", "by", default="", help="Who reviewed it (name or organisation).")
def review(root: Path, lang: str, on: datetime, by: str) -> None:
    """Record that a native speaker reviewed LANG's catalog on a date (YYYY-MM-DD)."""
    from consult import catalogs

    try:
        catalogs.mark_reviewed(lang, on.date(), by, root)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"{lang}: reviewed by a native speaker on {on.date().isoformat()}")
