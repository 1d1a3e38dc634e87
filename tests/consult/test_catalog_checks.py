"""Every interface catalog passes GNU gettext's own check, and every plural message has as
many filled forms as the language has plural forms, each keeping the message's placeholders.

The catalogs are found on disk, so a newly added language is checked without editing this file.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from babel.messages.pofile import read_po

from consult.config import ROOT_DIR

CATALOGS = sorted((ROOT_DIR / "translations").glob("*/LC_MESSAGES/*.po"))
IDS = [path.relative_to(ROOT_DIR / "translations").parts[0] for path in CATALOGS]
# %(name)s (also %(name)d …) and {name}: the two placeholder styles the code uses.
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdfrxXeEgGi]|\{(\w+)\}")


def _catalog(path):
    with path.open("rb") as handle:
        return read_po(handle, locale=path.parts[-3])


def _names(text: str) -> set[str]:
    return {a or b for a, b in PLACEHOLDER.findall(text)}


def test_catalogs_are_found():
    assert {"de", "en", "ar"} <= set(IDS)


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt) is missing")
@pytest.mark.parametrize("path", CATALOGS, ids=IDS)
def test_msgfmt_check_is_clean(path, tmp_path):
    """msgfmt -c: header, plural-forms expression, format strings of python-format entries."""
    result = subprocess.run(
        ["msgfmt", "-c", "--statistics", "-o", str(tmp_path / "messages.mo"), str(path)],
        capture_output=True,
        text=True,
        env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    # Anything but the statistics line is a warning.
    warnings = [line for line in result.stderr.splitlines() if "translated message" not in line]
    assert warnings == []
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr


@pytest.mark.parametrize("path", CATALOGS, ids=IDS)
def test_every_plural_message_fills_every_plural_form_of_the_language(path):
    catalog = _catalog(path)
    wrong = [
        (message.id[0], len([s for s in message.string if s.strip()]))
        for message in catalog
        if message.id
        and isinstance(message.id, tuple)
        and len([s for s in message.string if s.strip()]) != catalog.num_plurals
    ]
    assert wrong == [], f"expected {catalog.num_plurals} forms"


@pytest.mark.parametrize("path", CATALOGS, ids=IDS)
def test_every_translation_keeps_the_placeholders_of_its_message(path):
    """No placeholder lost, invented or renamed; a plural form may leave out only the count,
    which some languages spell out ("one answer", Arabic's dual)."""
    problems = []
    for message in _catalog(path):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set().union(*(_names(text) for text in ids))
        counts = {"num", "n", "count"} if isinstance(message.id, tuple) else set()
        for form, string in enumerate(strings):
            found = _names(string)
            if not (expected - counts <= found <= expected):
                problems.append((ids[0], form, sorted(found ^ expected)))
    assert problems == []


@pytest.mark.parametrize("path", CATALOGS, ids=IDS)
def test_plural_messages_keep_their_count_in_the_general_form(path):
    """The last plural form (used for most numbers) must show the number."""
    catalog = _catalog(path)
    missing = []
    for message in catalog:
        if message.id and isinstance(message.id, tuple):
            names = _names(message.id[1]) & {"num", "n", "count"}
            if names and not names <= _names(message.string[-1]):
                missing.append(message.id[0])
    assert missing == []
