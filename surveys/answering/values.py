"""Typed values in any script: clean text, numbers and dates as respondents write them.

Must not import flask, wtforms, consult or analysis.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any

from babel import UnknownLocaleError, numbers

from surveys.vocabulary import N_

# The parts of one question's raw input (see surveys.answering.validation).
VALUE = "value"
OTHER_PART = "other"
RANK_PREFIX = "rank:"
ITEM_PREFIX = "item:"  # one item (row) of a matrix


# Invisible characters that only ever hide or reorder text: zero-width space, marks that
# force a direction, embeddings, overrides, isolates, word joiner, BOM, Arabic letter mark.
_INVISIBLE = frozenset(
    "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    "\u2060\ufeff\u061c\u180e"
)
# Joiners are part of Persian, Arabic and Indic spelling, but only between two characters.
_JOINERS = frozenset("\u200c\u200d")
_ALLOWED_CONTROLS = frozenset("\n\t")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


class AnswerError(Exception):
    """One question's answer broke a rule; `message` is an untranslated msgid."""

    def __init__(self, message: str, part: str = VALUE, **params: Any) -> None:
        super().__init__(message % params if params else message)
        self.message = message
        self.params = params
        # Which input of the question is wrong, so the page can link to it.
        self.part = part


def _is_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc" and char not in _ALLOWED_CONTROLS


def clean_text(value: str, *, multiline: bool = True) -> str:
    """Normalise a typed text: NFC, no invisible direction marks, trimmed.

    Raises AnswerError for NUL and other control characters, which no keyboard types.
    """
    value = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    if any(_is_control(char) for char in value):
        raise AnswerError(N_("The answer contains control characters. Please remove them."))
    kept = []
    for index, char in enumerate(value):
        if char in _INVISIBLE:
            continue
        if char in _JOINERS:
            before = value[index - 1] if index else " "
            after = value[index + 1] if index + 1 < len(value) else " "
            if not (before.isalpha() or unicodedata.category(before).startswith("M")):
                continue
            if not (after.isalpha() or unicodedata.category(after).startswith("M")):
                continue
        kept.append(char)
    text = "".join(kept)
    if not multiline:
        text = " ".join(text.split())
    return text.strip()


class AmbiguousNumber(ValueError):
    """ "1.500" where nothing tells whether the point groups thousands (1500) or not (1.5)."""

    def __init__(self, grouped: float, decimal: float) -> None:
        super().__init__(f"{grouped} or {decimal}")
        self.grouped = grouped
        self.decimal = decimal


def _symbols(locale: str | None) -> tuple[str | None, str | None]:
    """The locale's decimal and group symbols (German: "," and "."), None when unknown."""
    if not locale:
        return None, None
    try:
        return numbers.get_decimal_symbol(locale), numbers.get_group_symbol(locale)
    except (ValueError, TypeError, UnknownLocaleError):
        return None, None


def _grouped(text: str, mark: str) -> bool:
    """ "1.500.000" grouped by `mark`: 1–3 digits, then groups of exactly three."""
    head, *groups = text.split(mark)
    return (
        bool(groups)
        and 1 <= len(head) <= 3
        and head.strip("0") != ""
        and all(len(group) == 3 for group in groups)
    )


def read_number(value: str, locale: str | None = None) -> float | None:
    """A number typed by anyone, read by the writer's locale: "3,5", "3.5", Arabic-Indic
    "٣٫٥", Persian "۳", German "1.500" (1500) … None when it is no number; raises
    AmbiguousNumber when "1.500" could be either and the locale does not tell."""
    text = ""
    for char in unicodedata.normalize("NFKC", value).strip():
        decimal = unicodedata.decimal(char, None)
        if decimal is not None:
            text += str(decimal)
        elif char in ".,":
            text += char
        elif char == "\u066b":  # the Arabic decimal separator is never anything else
            text += "d"
        elif char in "-\u2212+":
            text += "-" if char != "+" else "+"
        elif char.isspace() or char in "\u066c\u2009\u202f'":  # group separators
            continue
        else:
            return None
    sign = text[:1] if text[:1] in "+-" else ""
    text = text[len(sign) :]
    if not text or any(c in "+-" for c in text):
        return None
    plain = _plain(text, *_symbols(locale))
    if plain is None or not _NUMBER.match(plain):
        return None
    return float(sign + plain)


def _plain(text: str, decimal: str | None, group: str | None) -> str | None:
    """`text` of digits and marks as a plain "1234.5", or None."""
    if "d" in text:
        whole, _sep, fraction = text.partition("d")
        whole_marks = {c for c in whole if c in ".,"}
        if "d" in fraction or any(c in ".," for c in fraction) or len(whole_marks) > 1:
            return None
        if whole_marks and not _grouped(whole, whole_marks.pop()):
            return None
        return "".join(c for c in whole if c.isdigit()) + "." + fraction
    marks = [c for c in text if c in ".,"]
    if not marks:
        return text
    if len(set(marks)) == 2:  # "1.500,5": the last mark is the decimal one
        last = marks[-1]
        other = "," if last == "." else "."
        whole, _sep, fraction = text.rpartition(last)
        if last in whole or not _grouped(whole, other):
            return None
        return whole.replace(other, "") + "." + fraction
    mark = marks[0]
    if len(marks) > 1:
        return text.replace(mark, "") if _grouped(text, mark) else None
    whole, _sep, fraction = text.partition(mark)
    if mark == decimal:
        return f"{whole}.{fraction}"
    if mark == group and _grouped(text, mark):
        return whole + fraction
    if _grouped(text, mark):  # "1.500" where the locale uses neither mark: ask
        raise AmbiguousNumber(float(whole + fraction), float(f"{whole}.{fraction}"))
    return f"{whole}.{fraction}"


def parse_number(value: str, locale: str | None = None) -> float | None:
    """`read_number`, with an ambiguous value counted as no number (for scales and ranks)."""
    try:
        return read_number(value, locale)
    except AmbiguousNumber:
        return None


def _ascii_digits(value: str) -> str:
    return "".join(
        str(unicodedata.decimal(c)) if unicodedata.decimal(c, None) is not None else c
        for c in unicodedata.normalize("NFKC", value).strip()
    )


def parse_date(value: str) -> date | None:
    """An ISO date (what <input type=date> sends) or a German DD.MM.YYYY, else None."""
    text = _ascii_digits(value)
    german = _GERMAN_DATE.match(text)
    try:
        if german:
            day, month, year = (int(part) for part in german.groups())
            return date(year, month, day)
        if re.match(r"^\d{4}-\d{2}-\d{2}$", text):
            return date.fromisoformat(text)
    except ValueError:
        return None
    return None


def format_limit(number: float) -> int | float:
    """Whole numbers as int so error messages read "5", not "5.0"."""
    return int(number) if float(number).is_integer() else number
