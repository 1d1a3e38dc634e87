"""Translating a consultation: completeness, side-by-side edits, table export and import.

Must not import flask, wtforms, consult, analysis or pandas.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from surveys.authoring.lifecycle import ensure_editable
from surveys.authoring.texts import TextSlot, set_text, slot_map, slots
from surveys.errors import Invalid
from surveys.models import Consultation, User
from surveys.texts import missing_translations
from surveys.vocabulary import N_

KEY_COLUMN = "key"
MAX_TEXT = 20_000


@dataclass(frozen=True)
class LanguageStatus:
    """How complete one language is: `missing` lists the keys of the gaps."""

    language: str
    total: int
    missing: list[str]

    @property
    def done(self) -> int:
        return self.total - len(self.missing)


def completeness(consultation: Consultation) -> list[LanguageStatus]:
    """Per offered language (source first), how many texts exist and which are missing."""
    gaps = missing_translations(consultation)
    source = consultation.source_language
    total = sum(1 for slot in slots(consultation) if slot.required or slot.get(source).strip())
    return [LanguageStatus(lang, total, gaps.get(lang, [])) for lang in consultation.languages]


def set_translations(
    session: Session,
    consultation: Consultation,
    language: str,
    values: dict[str, str],
    actor: User | None = None,
) -> int:
    """Store texts of one language by key; unknown keys are ignored. Returns how many changed."""
    ensure_editable(consultation)
    if language not in consultation.languages:
        raise Invalid(N_("This consultation is not offered in %(language)s."), language=language)
    by_key = slot_map(consultation)
    changed = 0
    for key, value in values.items():
        slot = by_key.get(key)
        if slot is not None and set_text(session, consultation, slot, language, value, actor):
            changed += 1
    return changed


def export_rows(consultation: Consultation) -> list[list[str]]:
    """A header (key + one column per language) and one row per text."""
    rows = [[KEY_COLUMN, *consultation.languages]]
    for slot in slots(consultation):
        texts = slot.texts()
        rows.append([slot.key, *(texts.get(lang, "") for lang in consultation.languages)])
    return rows


@dataclass(frozen=True)
class Change:
    key: str
    language: str
    old: str
    new: str


@dataclass
class ImportPreview:
    """What importing a table would do, before anything changes."""

    changes: list[Change] = field(default_factory=list)
    unknown_keys: list[str] = field(default_factory=list)
    # Cells that are empty in the file but hold a text here; the text is kept.
    emptied: list[Change] = field(default_factory=list)
    unchanged: int = 0


def preview_import(consultation: Consultation, rows: list[list[str]]) -> ImportPreview:
    """Compare a table with the texts; any invalid row or column raises and changes nothing."""
    rows = [row for row in rows if any((cell or "").strip() for cell in row)]
    if not rows:
        raise Invalid(N_("The file is empty."))
    header = [(cell or "").strip() for cell in rows[0]]
    if not header or header[0].lower() != KEY_COLUMN:
        raise Invalid(N_('Row 1: the first column must be headed "key".'))
    languages: list[str] = []
    for number, name in enumerate(header[1:], start=2):
        if not name:
            continue
        if name not in consultation.languages:
            raise Invalid(
                N_(
                    "Row 1, column %(column)s: %(language)s is not a language of this consultation."
                ),
                column=number,
                language=name,
            )
        if name in languages:
            raise Invalid(
                N_("Row 1, column %(column)s: the language %(language)s appears twice."),
                column=number,
                language=name,
            )
        languages.append(name)
    by_key = slot_map(consultation)
    preview = ImportPreview()
    seen: set[str] = set()
    for number, row in enumerate(rows[1:], start=2):
        key = (row[0] if row else "").strip()
        if not key:
            raise Invalid(N_("Row %(row)s, column 1: the key is missing."), row=number)
        if key in seen:
            raise Invalid(N_("Row %(row)s: the key %(key)s appears twice."), row=number, key=key)
        seen.add(key)
        if len(row) > len(header) and any(cell.strip() for cell in row[len(header) :]):
            raise Invalid(
                N_("Row %(row)s, column %(column)s: this column has no heading."),
                row=number,
                column=len(header) + 1,
            )
        slot = by_key.get(key)
        if slot is None:
            preview.unknown_keys.append(key)
            continue
        _compare_row(preview, slot, header, row, number)
    return preview


def _compare_row(
    preview: ImportPreview, slot: TextSlot, header: list[str], row: list[str], number: int
) -> None:
    texts = slot.texts()
    for column, language in enumerate(header[1:], start=1):
        if not language:
            continue
        new = (row[column] if column < len(row) else "").strip()
        if len(new) > MAX_TEXT:
            raise Invalid(
                N_("Row %(row)s, column %(column)s: the text is longer than %(n)s characters."),
                row=number,
                column=column + 1,
                n=MAX_TEXT,
            )
        old = texts.get(language, "")
        if new == old:
            preview.unchanged += 1
        elif not new:
            preview.emptied.append(Change(slot.key, language, old, ""))
        else:
            preview.changes.append(Change(slot.key, language, old, new))


def apply_changes(
    session: Session,
    consultation: Consultation,
    changes: list[Change],
    actor: User | None = None,
) -> int:
    """Write previewed changes; returns how many texts changed."""
    ensure_editable(consultation)
    by_key = slot_map(consultation)
    changed = 0
    for change in changes:
        slot = by_key.get(change.key)
        if slot is None or change.language not in consultation.languages:
            continue
        if set_text(session, consultation, slot, change.language, change.new, actor):
            changed += 1
    return changed
