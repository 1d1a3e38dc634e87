"""The interface catalogs as data: completeness, the native-speaker review status and the
glossary of fixed terms (both kept in `translations/`), and the translator workbook.

No Flask here: the command line (`consult translate …`) uses it without an application,
and the administrators' languages page (`consult/languages.py`) shows what it finds.
"""

from __future__ import annotations

import gettext
import io
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

from consult.config import TRANSLATIONS_DIR, UI_LANGUAGES

REVIEW_FILE = "review.toml"
GLOSSARY_FILE = "glossary.toml"
# %(name)s (also %(name)d …) and {name}: the two placeholder styles the code uses.
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdfrxXeEgGi]|\{(\w+)\}")
# A plural form may leave out the count, which some languages spell out ("one answer").
COUNTS = frozenset({"num", "n", "count"})


def catalog_path(lang: str, root: Path = TRANSLATIONS_DIR) -> Path:
    return root / lang / "LC_MESSAGES" / "messages.po"


def languages(root: Path = TRANSLATIONS_DIR) -> list[str]:
    """The languages with a catalog: the configured order first, then any others found."""
    found = {path.parts[-3] for path in root.glob("*/LC_MESSAGES/messages.po")}
    return [lang for lang in UI_LANGUAGES if lang in found] + sorted(found - set(UI_LANGUAGES))


def read_catalog(lang: str, root: Path = TRANSLATIONS_DIR) -> Catalog:
    with catalog_path(lang, root).open("rb") as handle:
        return read_po(handle, locale=lang)


def write_catalog(lang: str, catalog: Catalog, root: Path = TRANSLATIONS_DIR) -> None:
    """Written as `pybabel update` writes it, so a round trip changes no byte."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=76, ignore_obsolete=True, include_previous=False)
    catalog_path(lang, root).write_bytes(buffer.getvalue())


def placeholders(text: str) -> set[str]:
    return {a or b for a, b in PLACEHOLDER.findall(text)}


def _forms(message: Message) -> tuple[str, ...]:
    string = message.string
    return tuple(string) if isinstance(string, (tuple, list)) else (string or "",)


def _key(message: Message) -> str:
    return str(message.id[0] if isinstance(message.id, tuple) else message.id)


def messages(catalog: Catalog) -> list[Message]:
    return [message for message in catalog if message.id]


# --- completeness ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Completeness:
    language: str
    total: int
    translated: int
    fuzzy: int

    @property
    def percent(self) -> int:
        return 100 * self.translated // self.total if self.total else 100


def completeness(lang: str, root: Path = TRANSLATIONS_DIR) -> Completeness:
    """Messages whose every form is filled and not marked fuzzy count as translated."""
    all_messages = messages(read_catalog(lang, root))
    fuzzy = sum(1 for m in all_messages if m.fuzzy)
    done = sum(1 for m in all_messages if not m.fuzzy and all(f.strip() for f in _forms(m)))
    return Completeness(lang, len(all_messages), done, fuzzy)


# --- review status --------------------------------------------------------------------------


@dataclass(frozen=True)
class Review:
    """Whether a native speaker has checked a catalog; `reviewed_on` is None until then."""

    language: str
    reviewed_on: date | None = None
    reviewed_by: str = ""
    note: str = ""


def reviews(root: Path = TRANSLATIONS_DIR) -> dict[str, Review]:
    """Every language with a catalog; those missing from review.toml are not yet reviewed."""
    path = root / REVIEW_FILE
    data = tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    table = data.get("languages", {})
    result = {}
    for lang in languages(root):
        entry = table.get(lang, {})
        on = entry.get("reviewed_on")
        result[lang] = Review(
            lang,
            on if isinstance(on, date) else None,
            str(entry.get("reviewed_by", "")),
            str(entry.get("note", "")),
        )
    return result


def mark_reviewed(lang: str, on: date, by: str, root: Path = TRANSLATIONS_DIR) -> None:
    """Record that a native speaker checked `lang`'s catalog on `on`."""
    current = reviews(root)
    if lang not in current:
        raise ValueError(f"there is no catalog for {lang}")
    old = current[lang]
    current[lang] = Review(lang, on, by, old.note)
    write_reviews(current.values(), root)


def _toml_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def write_reviews(entries: Iterable[Review], root: Path = TRANSLATIONS_DIR) -> None:
    lines = [
        "# Has a native speaker checked each interface catalog? `consult translate review LANG`",
        "# records a review; a language without `reviewed_on` is shown as not yet reviewed.",
        "# The README's language table and the administrators' languages page show this file.",
    ]
    for entry in entries:
        lines += ["", f"[languages.{entry.language}]"]
        if entry.reviewed_on:
            lines.append(f"reviewed_on = {entry.reviewed_on.isoformat()}")
        if entry.reviewed_by:
            lines.append(f"reviewed_by = {_toml_string(entry.reviewed_by)}")
        if entry.note:
            lines.append(f"note = {_toml_string(entry.note)}")
    (root / REVIEW_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- glossary -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """A fixed term: the English words that name it in messages, and per language the
    accepted spellings (stems cover inflected forms)."""

    key: str
    english: str
    pattern: re.Pattern[str]
    forms: dict[str, list[str]]
    note: str = ""
    exempt: frozenset[str] = field(default_factory=frozenset)

    def preferred(self, lang: str) -> str:
        return (self.forms.get(lang) or [""])[0]


def glossary(root: Path = TRANSLATIONS_DIR) -> list[Term]:
    path = root / GLOSSARY_FILE
    if not path.is_file():
        return []
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [
        Term(
            key,
            str(entry["english"]),
            re.compile(str(entry["match"]), re.IGNORECASE),
            {lang: [str(f) for f in forms] for lang, forms in entry.get("forms", {}).items()},
            str(entry.get("note", "")),
            frozenset(str(e) for e in entry.get("exempt", [])),
        )
        for key, entry in data.get("terms", {}).items()
    ]


@dataclass(frozen=True)
class GlossaryMiss:
    term: str
    expected: str
    message: str
    translation: str


def glossary_misses(lang: str, root: Path = TRANSLATIONS_DIR) -> list[GlossaryMiss]:
    """Translations of messages that name a fixed term without the glossary's words for it."""
    terms = [term for term in glossary(root) if term.forms.get(lang)]
    misses = []
    for message in messages(read_catalog(lang, root)):
        key = _key(message)
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        for term in terms:
            if key in term.exempt or not any(term.pattern.search(str(i)) for i in ids):
                continue
            wanted = [form.casefold() for form in term.forms[lang]]
            for form_text in _forms(message):
                if form_text and not any(w in form_text.casefold() for w in wanted):
                    misses.append(GlossaryMiss(term.key, term.preferred(lang), key, form_text))
    return misses


# --- the translator workbook ----------------------------------------------------------------

KEY, FORM, CONTEXT, SOURCE = "key", "plural form", "notes for translators", "source (English)"
HEADER = [KEY, FORM, CONTEXT, SOURCE]


def _plural_examples(catalog: Catalog, limit: int = 3) -> dict[int, list[int]]:
    """Numbers that take each plural form, e.g. {0: [1], 1: [0, 2, 3]} for German."""
    rule = gettext.c2py(catalog.plural_expr)
    examples: dict[int, list[int]] = {}
    for n in [*range(0, 112), 1000, 1001, 1002]:
        found = examples.setdefault(rule(n), [])
        if len(found) < limit:
            found.append(n)
    return examples


def workbook_rows(langs: list[str], root: Path = TRANSLATIONS_DIR) -> list[list[str]]:
    """The header and one row per message (one per plural form of plural messages)."""
    catalogs = {lang: read_catalog(lang, root) for lang in langs}
    examples = {lang: _plural_examples(catalog) for lang, catalog in catalogs.items()}
    terms = glossary(root)
    template = catalogs[langs[0]] if langs else Catalog()
    rows = [[*HEADER, *langs]]
    for message in messages(template):
        key = _key(message)
        ids = _ids(message)
        notes = []
        names = sorted(set().union(*(placeholders(str(i)) for i in ids)))
        if names:
            notes.append("Keep " + ", ".join(f"%({n})s" for n in names) + " as they are.")
        for term in terms:
            if key not in term.exempt and any(term.pattern.search(str(i)) for i in ids):
                fixed = "; ".join(f"{lang}: {term.preferred(lang)}" for lang in langs)
                notes.append(f"Glossary “{term.english}”: {fixed}")
        if not isinstance(message.id, tuple):
            rows.append(
                [
                    key,
                    "",
                    " ".join(notes),
                    key,
                    *(_text(catalogs, lang, message.id, 0) for lang in langs),
                ]
            )
            continue
        most = max(catalog.num_plurals for catalog in catalogs.values())
        for form in range(most):
            used = "; ".join(
                f"{lang}: n = {', '.join(map(str, examples[lang].get(form, [])))}"
                for lang in langs
                if form < catalogs[lang].num_plurals
            )
            source = str(ids[0] if form == 0 else ids[-1])
            rows.append(
                [
                    key,
                    str(form),
                    " ".join([f"Plural form {form}, used for {used}.", *notes]),
                    source,
                    *(_text(catalogs, lang, message.id, form) for lang in langs),
                ]
            )
    return rows


def _ids(message: Message) -> tuple[str, ...]:
    """The message's singular (and plural) source text."""
    raw = message.id
    return tuple(str(i) for i in raw) if isinstance(raw, (tuple, list)) else (str(raw),)


def _text(catalogs: dict[str, Catalog], lang: str, msgid: Any, form: int) -> str:
    message = catalogs[lang].get(msgid)
    if message is None:
        return ""
    forms = _forms(message)
    return forms[form] if form < len(forms) else ""


@dataclass(frozen=True)
class Change:
    language: str
    key: str
    form: int
    old: str
    new: str


@dataclass(frozen=True)
class Problem:
    language: str
    key: str
    form: int
    text: str
    reason: str


@dataclass
class Preview:
    changes: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unknown_keys: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)

    def by_language(self) -> dict[str, list[Change]]:
        result: dict[str, list[Change]] = {}
        for change in self.changes:
            result.setdefault(change.language, []).append(change)
        return result


class WorkbookError(ValueError):
    """The workbook is not a translator workbook of these catalogs."""


def preview_import(rows: list[list[str]], root: Path = TRANSLATIONS_DIR) -> Preview:
    """What importing these rows would change, and which cells cannot be taken (and why).
    An empty cell changes nothing; a cell must keep its message's placeholders."""
    if not rows:
        raise WorkbookError("the workbook is empty")
    header = [cell.strip() for cell in rows[0]]
    if KEY not in header:
        raise WorkbookError(f"the first row has no column “{KEY}”")
    known = set(languages(root))
    langs = [cell for cell in header if cell in known]
    if not langs:
        raise WorkbookError("no column is named after a language with a catalog")
    column = {name: index for index, name in enumerate(header)}
    catalogs = {lang: read_catalog(lang, root) for lang in langs}
    by_key = {lang: {_key(m): m for m in messages(c)} for lang, c in catalogs.items()}
    preview = Preview(languages=langs)
    for row in rows[1:]:
        cells = row + [""] * (len(header) - len(row))
        key = cells[column[KEY]]
        if not key.strip():
            continue
        raw_form = cells[column[FORM]].strip() if FORM in column else ""
        form = int(raw_form) if raw_form.isdigit() else 0
        for lang in langs:
            new = cells[column[lang]]
            message = by_key[lang].get(key)
            if message is None:
                if new.strip() and key not in preview.unknown_keys:
                    preview.unknown_keys.append(key)
                continue
            if not new.strip():
                continue
            old_forms = _forms(message)
            plural = isinstance(message.id, tuple)
            if form >= (catalogs[lang].num_plurals if plural else 1):
                preview.problems.append(
                    Problem(lang, key, form, new, "this language has no such plural form")
                )
                continue
            old = old_forms[form] if form < len(old_forms) else ""
            if new == old and not message.fuzzy:
                continue
            ids = message.id if plural else (message.id,)
            expected = set().union(*(placeholders(str(i)) for i in ids))
            found = placeholders(new)
            required = expected - COUNTS if plural else expected
            if not required <= found <= expected:
                lost, extra = sorted(required - found), sorted(found - expected)
                reason = "placeholders differ from the source"
                if lost:
                    reason += "; missing: " + ", ".join(lost)
                if extra:
                    reason += "; unknown: " + ", ".join(extra)
                preview.problems.append(Problem(lang, key, form, new, reason))
                continue
            preview.changes.append(Change(lang, key, form, old, new))
    return preview


def apply_changes(changes: Iterable[Change], root: Path = TRANSLATIONS_DIR) -> int:
    """Write the changes into the catalogs (a changed message is no longer fuzzy)."""
    grouped: dict[str, list[Change]] = {}
    for change in changes:
        grouped.setdefault(change.language, []).append(change)
    written = 0
    for lang, items in grouped.items():
        catalog = read_catalog(lang, root)
        by_key = {_key(m): m for m in messages(catalog)}
        for change in items:
            message = by_key.get(change.key)
            if message is None:
                continue
            if isinstance(message.id, tuple):
                forms = list(_forms(message)) + [""] * catalog.num_plurals
                forms = forms[: catalog.num_plurals]
                forms[change.form] = change.new
                message.string = tuple(forms)
            else:
                message.string = change.new
            message.flags.discard("fuzzy")
            written += 1
        write_catalog(lang, catalog, root)
    return written


def encode_workbook(langs: list[str], root: Path = TRANSLATIONS_DIR) -> bytes:
    """The translator workbook: the texts (first sheet, the one that is imported), the
    glossary and each language's plural forms; every cell is guarded against formulas."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from surveys.authoring.tables import guard_cell

    workbook = Workbook()
    texts = workbook.active
    texts.title = "interface texts"
    sheets = [(texts, workbook_rows(langs, root))]
    glossary_sheet = workbook.create_sheet("glossary")
    terms = glossary(root)
    sheets.append(
        (
            glossary_sheet,
            [
                ["term", "note", *langs],
                *[
                    [t.english, t.note, *(", ".join(t.forms.get(lang, [])) for lang in langs)]
                    for t in terms
                ],
            ],
        )
    )
    plural_sheet = workbook.create_sheet("plural forms")
    plural_rows = [["language", "number of forms", "form", "used for n ="]]
    for lang in langs:
        catalog = read_catalog(lang, root)
        for form, numbers in sorted(_plural_examples(catalog, limit=6).items()):
            plural_rows.append(
                [lang, str(catalog.num_plurals), str(form), ", ".join(map(str, numbers))]
            )
    sheets.append((plural_sheet, plural_rows))
    for sheet, rows in sheets:
        for row in rows:
            sheet.append([guard_cell(cell) for cell in row])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    for index, width in enumerate([40, 8, 40, 50] + [50] * len(langs)):
        texts.column_dimensions[texts.cell(1, index + 1).column_letter].width = width
    for row in texts.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def decode_workbook(data: bytes) -> list[list[str]]:
    """The first sheet's rows as text (size, entities and formulas checked as for uploads)."""
    from consult.author.xlsx import decode_xlsx

    return decode_xlsx(data)
