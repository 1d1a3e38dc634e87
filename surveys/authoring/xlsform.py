"""XLSForm import: a KoboToolbox/ODK workbook becomes a draft consultation.

Reads the `survey`, `choices` and optional `settings` sheets, with `label::Name (code)` and
`hint::Name (code)` columns per language. What has no counterpart here (notes,
calculations, locations, media, repeats, complex conditions) is skipped and reported.
The result goes through the interchange format, so the same rules apply as for JSON.
Must not import flask, wtforms, consult, analysis or pandas.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from babel import Locale, UnknownLocaleError
from openpyxl import load_workbook
from sqlalchemy.orm import Session

from surveys.authoring import interchange
from surveys.authoring.setup import parse_languages, slugify
from surveys.errors import Invalid
from surveys.models import Consultation, User
from surveys.uploads import check_xlsx
from surveys.vocabulary import DONT_KNOW, N_, NO, YES, QuestionKind

XLSX_MAGIC = b"PK\x03\x04"
LANGUAGE_COLUMN = re.compile(r"^(label|hint)(?:\s*::\s*(.+))?$", re.IGNORECASE)
CODE_IN_NAME = re.compile(r"\(([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\)\s*$")
CODE_CHARS = re.compile(r"[^A-Za-z0-9_]")
REF = r"\$\{\s*([A-Za-z_][\w.\-]*)\s*\}"
VALUE = r"""(?:'([^']*)'|"([^"]*)")"""
EQUALS = re.compile(rf"^{REF}\s*=\s*{VALUE}$")
SELECTED = re.compile(rf"^selected\(\s*{REF}\s*,\s*{VALUE}\s*\)$")
TRUE_VALUES = {"yes", "true", "true()", "1", "ja", "y"}
SELECT_KINDS = {
    "select_one": QuestionKind.SINGLE_CHOICE,
    "select_multiple": QuestionKind.MULTIPLE_CHOICE,
    "rank": QuestionKind.RANKING,
}
SIMPLE_KINDS = {
    "text": QuestionKind.SHORT_TEXT,
    "integer": QuestionKind.NUMBER,
    "int": QuestionKind.NUMBER,
    "decimal": QuestionKind.NUMBER,
    "date": QuestionKind.DATE,
}
YES_NO_NAMES = {YES, NO, DONT_KNOW}
# Metadata rows ODK fills in by itself; nobody is asked anything.
METADATA = {
    "start",
    "end",
    "today",
    "deviceid",
    "subscriberid",
    "simserial",
    "phonenumber",
    "username",
    "email",
    "audit",
    "start-geopoint",
    "background-audio",
}


@dataclass(frozen=True)
class Skipped:
    """A row or part of a row that was not imported; `reason` is a msgid."""

    sheet: str
    row: int
    name: str
    type: str
    reason: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self) -> str:
        """The reason in English (the CLI's language)."""
        return self.reason % self.params if self.params else self.reason


@dataclass
class XLSFormResult:
    consultation: Consultation
    skipped: list[Skipped]
    questions: int


# --- reading the workbook -------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _sheet_rows(workbook: Any, name: str) -> list[dict[str, Any]] | None:
    """Rows of a sheet as {header: text} plus "_row" (its spreadsheet number)."""
    sheet = next((ws for ws in workbook.worksheets if ws.title.strip().lower() == name), None)
    if sheet is None:
        return None
    rows = list(sheet.iter_rows(values_only=True))
    if not rows:
        return []
    headers = [_cell(h) for h in rows[0]]
    result = []
    for number, values in enumerate(rows[1:], start=2):
        row = {h: _cell(v) for h, v in zip(headers, values, strict=False) if h}
        if any(row.values()):
            row["_row"] = number
            result.append(row)
    return result


def _column(row: dict[str, Any], *names: str) -> str:
    for key, value in row.items():
        if key == "_row":
            continue
        if key.strip().lower().replace(" ", "_") in names:
            return value
    return ""


def language_code(label: str) -> str | None:
    """ "Deutsch (de)" → "de"; "ar" → "ar"; "English" → "en" (a name in English or itself)."""
    text = label.strip()
    found = CODE_IN_NAME.search(text)
    candidate = found.group(1) if found else text
    try:
        return str(Locale.parse(candidate.replace("-", "_")))
    except (ValueError, TypeError, UnknownLocaleError):
        pass
    lowered = text.casefold()
    for code in ("de", "en", "ar", "fa", "uk", "ru", "tr", "fr", "es", "ps", "ku", "ti", "so"):
        locale = Locale.parse(code)
        names = {locale.get_display_name("en"), locale.get_display_name(code)}
        if lowered in {n.casefold() for n in names if n}:
            return code
    return None


def _texts(row: dict[str, Any], kind: str, default: str) -> dict[str, str]:
    """{language: text} from the label:: or hint:: columns of a row."""
    texts: dict[str, str] = {}
    for key, value in row.items():
        if key == "_row" or not value:
            continue
        match = LANGUAGE_COLUMN.match(key.strip())
        if not match or match.group(1).lower() != kind:
            continue
        code = language_code(match.group(2)) if match.group(2) else default
        if code:
            texts.setdefault(code, value)
    return texts


def _languages(survey: list[dict[str, Any]], default_label: str) -> list[str]:
    """The default language first, then the others in column order."""
    found: list[str] = []
    headers = {key for row in survey for key in row if key != "_row"}
    ordered = sorted(headers, key=lambda h: next(i for i, r in enumerate(survey) if h in r))
    for header in ordered:
        match = LANGUAGE_COLUMN.match(header.strip())
        if match and match.group(2):
            code = language_code(match.group(2))
            if code and code not in found:
                found.append(code)
    default = language_code(default_label) if default_label else None
    if default is None:
        default = found[0] if found else "de"
    return [default] + [code for code in found if code != default]


def _open(data: bytes) -> Any:
    check_xlsx(data)
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise Invalid(N_("This file is not an XLSX workbook.")) from None


# --- codes and conditions -------------------------------------------------------------------


def _code(name: str, taken: set[str], fallback: str) -> str:
    """An XLSForm name as one of our codes: letters, digits, underscores, at most 40."""
    code = CODE_CHARS.sub("_", name.strip()) or fallback
    if not code[0].isalpha():
        code = f"{fallback}_{code}"
    code = code[:40]
    candidate, number = code, 2
    while candidate in taken:
        suffix = f"_{number}"
        candidate = code[: 40 - len(suffix)] + suffix
        number += 1
    taken.add(candidate)
    return candidate


@dataclass
class _Known:
    """An imported question a later condition may refer to."""

    code: str
    kind: str
    options: dict[str, str]  # XLSForm choice name → our option code


def _condition(expression: str, known: dict[str, _Known]) -> dict[str, Any] | None:
    """`${q} = 'x'`, `selected(${q}, 'x')`, or several of them on one question joined by or."""
    parts = re.split(r"\s+or\s+", expression.strip())
    question: _Known | None = None
    options: list[str] = []
    for part in parts:
        match = EQUALS.match(part.strip()) or SELECTED.match(part.strip())
        if match is None:
            return None
        name, value = (
            match.group(1),
            match.group(2) if match.group(2) is not None else match.group(3),
        )
        target = known.get(name)
        if target is None or (question is not None and target is not question):
            return None
        question = target
        option = target.options.get(value)
        if option is None:
            return None
        options.append(option)
    if question is None or question.kind not in (
        QuestionKind.SINGLE_CHOICE,
        QuestionKind.MULTIPLE_CHOICE,
        QuestionKind.YES_NO,
    ):
        return None
    return {"question": question.code, "options": options}


# --- building the questionnaire -------------------------------------------------------------


def _choice_lists(choices: list[dict[str, Any]], default: str) -> dict[str, list[dict[str, Any]]]:
    lists: dict[str, list[dict[str, Any]]] = {}
    for row in choices:
        list_name = _column(row, "list_name")  # "list name" too: _column reads spaces as _
        name = _column(row, "name", "value")
        if list_name and name:
            lists.setdefault(list_name, []).append(
                {"name": name, "label": _texts(row, "label", default) or {default: name}}
            )
    return lists


def _range(parameters: str) -> tuple[int, int] | None:
    values = dict(re.findall(r"(\w+)\s*=\s*([-\d.]+)", parameters or ""))
    try:
        start = float(values.get("start", "0"))
        end = float(values.get("end", "10"))
        step = float(values.get("step", "1"))
    except ValueError:
        return None
    if step != 1 or not start.is_integer() or not end.is_integer() or start >= end:
        return None
    return int(start), int(end)


class _Builder:
    def __init__(self, title: dict[str, str], default: str, lists: dict[str, Any]) -> None:
        self.default = default
        self.lists = lists
        self.title = title
        self.sections: list[dict[str, Any]] = []
        self.current: dict[str, Any] | None = None
        self.codes: set[str] = set()
        self.known: dict[str, _Known] = {}
        self.skipped: list[Skipped] = []

    def skip(self, row: dict[str, Any], reason: str, **params: Any) -> None:
        self.skipped.append(
            Skipped(
                "survey",
                row["_row"],
                _column(row, "name"),
                _column(row, "type"),
                reason,
                params,
            )
        )

    def open_section(self, title: dict[str, str]) -> None:
        self.current = {"title": title, "description": {}, "questions": []}
        self.sections.append(self.current)

    def add(self, row: dict[str, Any]) -> None:
        question = self.question(row)
        if question is None:
            return
        if self.current is None:
            self.open_section(dict(self.title))
        self.current["questions"].append(question)

    def question(self, row: dict[str, Any]) -> dict[str, Any] | None:
        raw_type = _column(row, "type")
        words = raw_type.split()
        base = words[0].lower() if words else ""
        name = _column(row, "name")
        settings: dict[str, Any] = {}
        options: list[dict[str, Any]] = []
        choice_names: dict[str, str] = {}
        if base in SELECT_KINDS:
            if len(words) < 2 or words[1] not in self.lists:
                self.skip(
                    row, N_("The choice list %(list)s is missing."), list=" ".join(words[1:2])
                )
                return None
            kind = SELECT_KINDS[base]
            choices = self.lists[words[1]]
            names = {c["name"] for c in choices}
            if kind == QuestionKind.SINGLE_CHOICE and {YES, NO} <= names <= YES_NO_NAMES:
                kind = QuestionKind.YES_NO
                settings["dont_know"] = DONT_KNOW in names
                choice_names = {n: n for n in names}
            else:
                taken: set[str] = set()
                for choice in choices:
                    code = _code(choice["name"], taken, "o")
                    choice_names[choice["name"]] = code
                    options.append({"code": code, "label": choice["label"]})
            if "or_other" in [w.lower() for w in words[2:]]:
                settings["other"] = True
        elif base in SIMPLE_KINDS:
            kind = SIMPLE_KINDS[base]
            if kind == QuestionKind.SHORT_TEXT and "multiline" in _column(row, "appearance"):
                kind = QuestionKind.LONG_TEXT
        elif base == "range":
            bounds = _range(_column(row, "parameters"))
            if bounds is None:
                self.skip(row, N_("A range needs whole numbers for start and end and step 1."))
                return None
            kind = QuestionKind.SCALE
            settings.update(min=bounds[0], max=bounds[1])
        elif base in METADATA:
            self.skip(row, N_("Metadata that the form collects by itself."))
            return None
        else:
            self.skip(row, N_("The type %(type)s has no counterpart here."), type=base or "—")
            return None
        prompt = _texts(row, "label", self.default) or {self.default: name}
        code = _code(name, self.codes, "q")
        show_if = None
        relevant = _column(row, "relevant")
        if relevant:
            show_if = _condition(relevant, self.known)
            if show_if is None:
                self.skip(
                    row,
                    N_("The condition %(condition)s was left out; the question is always shown."),
                    condition=relevant,
                )
        if _column(row, "constraint"):
            self.skip(row, N_("The constraint was left out."))
        self.known[name] = _Known(code, kind, choice_names)
        return {
            "code": code,
            "kind": str(kind),
            "required": _column(row, "required").lower() in TRUE_VALUES,
            "prompt": prompt,
            "help_text": _texts(row, "hint", self.default),
            "field_of_action": None,
            "settings": settings,
            "show_if": show_if,
            "options": options,
        }


def read_xlsform(data: bytes) -> tuple[dict[str, Any], list[Skipped]]:
    """The workbook as interchange data, and what was skipped."""
    workbook = _open(data)
    try:
        survey = _sheet_rows(workbook, "survey")
        choices = _sheet_rows(workbook, "choices") or []
        settings_rows = _sheet_rows(workbook, "settings") or []
    finally:
        workbook.close()
    if survey is None:
        raise Invalid(N_("The workbook has no sheet named survey."))
    settings = settings_rows[0] if settings_rows else {}
    languages = parse_languages(" ".join(_languages(survey, _column(settings, "default_language"))))
    default = languages[0]
    form_title = _column(settings, "form_title") or _column(settings, "title") or "XLSForm"
    title = {default: form_title}
    builder = _Builder(title, default, _choice_lists(choices, default))
    repeat = 0
    for row in survey:
        kind = _column(row, "type").lower().replace(" ", "_")
        if repeat:
            if kind == "begin_repeat":
                repeat += 1
            elif kind == "end_repeat":
                repeat -= 1
            if kind not in ("end_repeat",):
                builder.skip(row, N_("Inside a repeat, which has no counterpart here."))
            continue
        if kind == "begin_repeat":
            repeat = 1
            builder.skip(
                row, N_("Repeats have no counterpart here; their questions were left out.")
            )
        elif kind == "begin_group":
            label = _texts(row, "label", default) or {default: _column(row, "name") or form_title}
            builder.open_section(label)
            if _column(row, "relevant"):
                builder.skip(row, N_("Conditions on groups were left out."))
        elif kind == "end_group":
            builder.current = None
        else:
            builder.add(row)
    sections = [s for s in builder.sections if s["questions"]]
    if not sections:
        raise Invalid(N_("The workbook has no questions that can be imported."))
    slug = _column(settings, "form_id") or form_title
    return {
        "format": interchange.FORMAT,
        "version": interchange.VERSION,
        "consultation": {
            "slug": slugify(slug),
            "languages": languages,
            "title": title,
            "introduction": {},
            "privacy_notice": {},
            "groups": [],
            "sections": sections,
        },
    }, builder.skipped


def import_xlsform(
    session: Session, data: bytes, actor: User | None = None, slug: str | None = None
) -> XLSFormResult:
    """A new draft consultation from an XLSForm workbook, with the report of what was skipped."""
    questionnaire, skipped = read_xlsform(data)
    consultation = interchange.import_questionnaire(session, questionnaire, actor, slug=slug)
    count = sum(len(s["questions"]) for s in questionnaire["consultation"]["sections"])
    return XLSFormResult(consultation, skipped, count)
