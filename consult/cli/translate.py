"""`consult translate update|compile`: the UI message catalogs."""

from __future__ import annotations

import subprocess
import sys
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
