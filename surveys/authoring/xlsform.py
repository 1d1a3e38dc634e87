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
from surveys.authoring.structure import OPTION_CODE
from surveys.errors import Invalid
from surveys.models import Consultation, User
from surveys.texts import LANGUAGE_ALIASES
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
COMPARE = re.compile(rf"^{REF}\s*([=<>])\s*(-?\d+(?:\.\d+)?)$")
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
    "acknowledge": QuestionKind.CONSENT,
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
        row: dict[str, Any] = {h: _cell(v) for h, v in zip(headers, values, strict=False) if h}
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


# Languages whose names (in English, German or themselves) a column may use instead of a code.
NAMED_LANGUAGES = (
    "de",
    "en",
    "ar",
    "fa",
    "uk",
    "ru",
    "tr",
    "fr",
    "es",
    "it",
    "pl",
    "ro",
    "bg",
    "sq",
    "sr",
    "hr",
    "bs",
    "ps",
    "ku",
    "ckb",
    "ti",
    "so",
    "am",
    "ur",
    "hi",
    "bn",
    "ta",
    "vi",
    "zh",
    "ka",
    "hy",
    "az",
    "ky",
    "uz",
    "tk",
    "tg",
    "sw",
    "ha",
    "yo",
    "ig",
    "ln",
    "wo",
    "pt",
    "nl",
    "el",
)


def _names() -> dict[str, str]:
    names: dict[str, str] = {}
    for code in NAMED_LANGUAGES:
        locale = Locale.parse(code)
        for display in ("en", "de", code):
            name = locale.get_display_name(display)
            if name:
                names.setdefault(name.casefold(), code)
    for alias, code in LANGUAGE_ALIASES.items():
        names.setdefault(alias, code)
    return names


_LANGUAGE_NAMES = _names()


def language_code(label: str) -> str | None:
    """ "Deutsch (de)" → "de"; "ar" → "ar"; "Farsi", "Arabisch", "English" → a code."""
    text = label.strip()
    found = CODE_IN_NAME.search(text)
    candidate = (found.group(1) if found else text).replace("-", "_")
    candidate = LANGUAGE_ALIASES.get(candidate.casefold(), candidate)
    try:
        return str(Locale.parse(candidate))
    except (ValueError, TypeError, UnknownLocaleError):
        pass
    name = CODE_IN_NAME.sub("", text).strip().casefold() if found else text.casefold()
    return _LANGUAGE_NAMES.get(name)


def _texts(row: dict[str, Any], kind: str, default: str) -> dict[str, str]:
    """{language: text} from the label:: or hint:: columns of a row; a column naming its
    language wins over the plain `label`/`hint` column, which stands for `default`."""
    named: dict[str, str] = {}
    plain = ""
    for key, value in row.items():
        if key == "_row" or not value:
            continue
        match = LANGUAGE_COLUMN.match(key.strip())
        if not match or match.group(1).lower() != kind:
            continue
        if match.group(2) is None:
            plain = value
            continue
        code = language_code(match.group(2))
        if code:
            named.setdefault(code, value)
    if plain:
        named.setdefault(default, plain)
    return named


# Survey columns a question row is read from; any other filled cell is named in the report.
READ_COLUMNS = {"type", "name", "required", "relevant", "constraint", "appearance", "parameters"}
READ_SETTINGS = {"form_title", "title", "form_id", "default_language"}


def _unread_columns(row: dict[str, Any]) -> list[str]:
    return [
        key
        for key, value in row.items()
        if key != "_row"
        and value
        and key.strip().lower().replace(" ", "_") not in READ_COLUMNS
        and not LANGUAGE_COLUMN.match(key.strip())
    ]


def _languages(survey: list[dict[str, Any]], default_label: str) -> list[str]:
    """The default language first, then the others in column order."""
    found: list[str] = []
    headers = [key for key in (survey[0] if survey else {}) if key != "_row"]
    for header in headers:
        match = LANGUAGE_COLUMN.match(header.strip())
        if match and match.group(2):
            code = language_code(match.group(2))
            if code and code not in found:
                found.append(code)
    default = language_code(default_label) if default_label else None
    if default is None:
        default = found[0] if found else "de"
    return [default] + [code for code in found if code != default]


def _unknown_languages(survey: list[dict[str, Any]]) -> list[str]:
    """Language columns whose language we cannot tell: they are reported, not guessed."""
    headers = [key for key in (survey[0] if survey else {}) if key != "_row"]
    return [
        header
        for header in headers
        if (match := LANGUAGE_COLUMN.match(header.strip()))
        and match.group(2)
        and language_code(match.group(2)) is None
    ]


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


def _option_code(name: str, taken: set[str]) -> str:
    """A choice name kept as written when it is a valid option code ("1", "caritas")."""
    if OPTION_CODE.match(name.strip()) and name.strip() not in taken:
        taken.add(name.strip())
        return name.strip()
    return _code(name, taken, "o")


@dataclass
class _Known:
    """An imported question a later condition may refer to."""

    code: str
    kind: str
    options: dict[str, str]  # XLSForm choice name → our option code


def _split(expression: str, word: str) -> list[str]:
    """The parts of `expression` joined by `word` (and / or) outside parentheses and quotes."""
    parts: list[str] = []
    depth, quote, start = 0, "", 0
    pattern = re.compile(rf"\s+{word}\s+")
    i = 0
    while i < len(expression):
        char = expression[i]
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0:
            match = pattern.match(expression, i)
            if match:
                parts.append(expression[start:i])
                start = i = match.end()
                continue
        i += 1
    parts.append(expression[start:])
    return [part.strip() for part in parts]


def _unwrap(expression: str) -> str:
    """Without parentheses around the whole expression."""
    text = expression.strip()
    while text.startswith("(") and text.endswith(")"):
        inner = text[1:-1]
        depth = 0
        for char in inner:
            depth += {"(": 1, ")": -1}.get(char, 0)
            if depth < 0:
                return text
        text = inner.strip()
    return text


def _clause(expression: str, known: dict[str, _Known]) -> dict[str, Any] | None:
    """One clause: a choice test, several on one question joined by or, or a number test."""
    parts = _split(_unwrap(expression), "or")
    question: _Known | None = None
    options: list[str] = []
    for part in parts:
        part = _unwrap(part)
        number = COMPARE.match(part)
        if number is not None and len(parts) == 1:
            target = known.get(number.group(1))
            if target is None or target.kind not in (QuestionKind.NUMBER, QuestionKind.SCALE):
                return None
            value = float(number.group(3))
            return {
                "question": target.code,
                "op": number.group(2),
                "value": int(value) if value.is_integer() else value,
            }
        match = EQUALS.match(part) or SELECTED.match(part)
        if match is None:
            return None
        name, value_text = (
            match.group(1),
            match.group(2) if match.group(2) is not None else match.group(3),
        )
        target = known.get(name)
        if target is None or (question is not None and target is not question):
            return None
        question = target
        option = target.options.get(value_text)
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


def _condition(expression: str, known: dict[str, _Known]) -> dict[str, Any] | None:
    """A `relevant` expression as a condition, or None when it is not one we can keep.

    Understood: `${q} = 'x'`, `selected(${q}, 'x')`, `${n} = 3` / `< 3` / `> 3` on numbers
    and ranges, joined by `and` or by `or` (not both at one level; parentheses group).
    """
    text = _unwrap(expression)
    both, either = _split(text, "and"), _split(text, "or")
    if len(both) > 1 and len(either) > 1:
        return None  # `and` binds before `or`: a mix is more than all/any can say
    if len(both) > 1:
        clauses = [_clause(part, known) for part in both]
        mode = "all"
    else:
        single = _clause(text, known)
        if single is not None:
            return {"all": [single]}
        clauses = [_clause(part, known) for part in _split(text, "or")]
        mode = "any"
    if not clauses or any(clause is None for clause in clauses):
        return None
    return {mode: clauses}


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
        # Titles of the groups we are inside: after a nested group ends, the outer group's
        # remaining questions continue under the outer group's title.
        self.groups: list[dict[str, str]] = []
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
            self.open_section(dict(self.groups[-1] if self.groups else self.title))
        assert self.current is not None  # open_section set it
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
                    code = _option_code(choice["name"], taken)
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
        appearance = _column(row, "appearance")
        if appearance and not (kind == QuestionKind.LONG_TEXT and appearance == "multiline"):
            self.skip(row, N_("The appearance %(appearance)s was left out."), appearance=appearance)
        for column in _unread_columns(row):
            self.skip(row, N_("The column %(column)s was left out."), column=column)
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


MATRIX_APPEARANCES = {"field-list", "table-list"}


def _group_rows(survey: list[dict[str, Any]], start: int) -> list[dict[str, Any]] | None:
    """The rows between the begin group at `start` and its end group, if none is a group."""
    rows: list[dict[str, Any]] = []
    for row in survey[start + 1 :]:
        kind = _column(row, "type").lower().replace(" ", "_")
        if kind == "end_group":
            return rows
        if kind in ("begin_group", "begin_repeat"):
            return None
        rows.append(row)
    return None


def _scale_list(choices: list[dict[str, Any]]) -> tuple[int, int] | None:
    """The bounds of a choice list whose names are consecutive whole numbers (1 … 5)."""
    try:
        points = [int(choice["name"]) for choice in choices]
    except ValueError:
        return None
    low = points[0] if points else 0
    if len(points) < 2 or points != list(range(low, low + len(points))):
        return None
    return low, points[-1]


def _matrix(builder: _Builder, group: dict[str, Any], rows: list[dict[str, Any]]) -> bool:
    """A field-list (or table-list) group of select_one rows sharing one numbered list becomes
    one matrix question: its rows are the items, the list the shared scale."""
    if _column(group, "appearance").lower() not in MATRIX_APPEARANCES or len(rows) < 2:
        return False
    types = {
        _column(row, "type").split()[0].lower() if _column(row, "type") else "" for row in rows
    }
    lists = {" ".join(_column(row, "type").split()[1:2]) for row in rows}
    if types != {"select_one"} or len(lists) != 1:
        return False
    if any(_column(row, "relevant") or _column(row, "constraint") for row in rows):
        return False
    choices = builder.lists.get(next(iter(lists)))
    bounds = _scale_list(choices or [])
    if choices is None or bounds is None:
        return False
    default = builder.default
    taken: set[str] = set()
    name = _column(group, "name")
    code = _code(name, builder.codes, "q")
    question = {
        "code": code,
        "kind": str(QuestionKind.MATRIX),
        "required": all(_column(row, "required").lower() in TRUE_VALUES for row in rows),
        "prompt": _texts(group, "label", default) or {default: name or code},
        "help_text": _texts(group, "hint", default),
        "field_of_action": None,
        "settings": {
            "min": bounds[0],
            "max": bounds[1],
            "min_label": choices[0]["label"],
            "max_label": choices[-1]["label"],
        },
        "show_if": None,
        "options": [
            {
                "code": _option_code(_column(row, "name") or f"item{n}", taken),
                "label": _texts(row, "label", default) or {default: _column(row, "name")},
            }
            for n, row in enumerate(rows, 1)
        ],
    }
    assert builder.current is not None  # the group's section was just opened
    builder.current["questions"].append(question)
    return True


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
    inside_matrix = False
    for index, row in enumerate(survey):
        kind = _column(row, "type").lower().replace(" ", "_")
        if inside_matrix and kind != "end_group":
            continue
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
            builder.groups.append(label)
            builder.open_section(label)
            if _column(row, "relevant"):
                builder.skip(row, N_("Conditions on groups were left out."))
            rows = _group_rows(survey, index)
            inside_matrix = rows is not None and _matrix(builder, row, rows)
        elif kind == "end_group":
            inside_matrix = False
            if builder.groups:
                builder.groups.pop()
            builder.current = None
        else:
            builder.add(row)
    _report_sheet_level(builder.skipped, survey, settings, default)
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


def _report_sheet_level(
    skipped: list[Skipped], survey: list[dict[str, Any]], settings: dict[str, Any], default: str
) -> None:
    """What the report names once for the whole workbook: columns and settings left out."""
    for column in _unknown_languages(survey):
        skipped.append(
            Skipped(
                "survey",
                1,
                column,
                "",
                N_("The language of the column %(column)s is unknown; the column was left out."),
                {"column": column},
            )
        )
    headers = [key for key in (survey[0] if survey else {}) if key != "_row"]
    plain = [h for h in headers if (m := LANGUAGE_COLUMN.match(h.strip())) and not m.group(2)]
    if (
        plain
        and len(headers) > len(plain)
        and any((m := LANGUAGE_COLUMN.match(h.strip())) and m.group(2) for h in headers)
    ):
        skipped.append(
            Skipped(
                "survey",
                1,
                ", ".join(plain),
                "",
                N_(
                    "The column %(column)s names no language: its texts were read as "
                    "%(language)s wherever no column names that language."
                ),
                {"column": ", ".join(plain), "language": default},
            )
        )
    for key, value in settings.items():
        if key != "_row" and value and key.strip().lower() not in READ_SETTINGS:
            skipped.append(
                Skipped(
                    "settings",
                    int(settings.get("_row", 2)),
                    key,
                    "",
                    N_("The setting %(name)s was left out."),
                    {"name": key},
                )
            )


def import_xlsform(
    session: Session, data: bytes, actor: User | None = None, slug: str | None = None
) -> XLSFormResult:
    """A new draft consultation from an XLSForm workbook, with the report of what was skipped."""
    questionnaire, skipped = read_xlsform(data)
    consultation = interchange.import_questionnaire(session, questionnaire, actor, slug=slug)
    count = sum(len(s["questions"]) for s in questionnaire["consultation"]["sections"])
    return XLSFormResult(consultation, skipped, count)
