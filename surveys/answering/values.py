"""Typed values in any script: clean text, numbers and dates as respondents write them.

Must not import flask, wtforms, consult or analysis.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any

from surveys.vocabulary import N_

# The parts of one question's raw input (see surveys.answering.validation).
VALUE = "value"
OTHER_PART = "other"
RANK_PREFIX = "rank:"


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


def parse_number(value: str) -> float | None:
    """A number typed by anyone: "3,5", "3.5", Arabic-Indic "٣٫٥", Persian "۳" … or None."""
    digits = []
    for char in unicodedata.normalize("NFKC", value).strip():
        decimal = unicodedata.decimal(char, None)
        if decimal is not None:
            digits.append(str(decimal))
        elif char in ",.\u066b":  # comma, full stop, Arabic decimal separator
            digits.append(".")
        elif char in "-\u2212":
            digits.append("-")
        elif char == "+":
            digits.append("+")
        elif char.isspace() or char in "\u066c\u2009\u202f'":  # group separators
            continue
        else:
            return None
    text = "".join(digits)
    if not _NUMBER.match(text):
        return None
    return float(text)


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
