"""The password policy for staff: long enough, and not one that attackers try first.

zxcvbn (Dropbox's estimator, kept on PyPI) knows the passwords of published breaches,
common names and words, keyboard patterns, dates and l33t spellings; what it does not
know are German words offices use, so those are given to it as hints together with the
person's own address and name. Must not import flask, wtforms, consult or analysis.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from zxcvbn import zxcvbn

from surveys.errors import Invalid
from surveys.vocabulary import N_

MIN_PASSWORD_LENGTH = 12
# zxcvbn's score 3: "safely unguessable", about 10^8 guesses and more.
MIN_SCORE = 3
# zxcvbn looks at this many characters; longer passphrases are strong by length anyway.
CHECKED_LENGTH = 100
GERMAN_WORDS = Path(__file__).resolve().parent.parent / "data" / "german_password_words.txt"


@lru_cache(maxsize=1)
def _german_words() -> tuple[str, ...]:
    lines = GERMAN_WORDS.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip().lower() for line in lines if line.strip() and line[0] != "#")


def _personal(hints: Iterable[str]) -> list[str]:
    """ "anna.schmidt@landkreis.example" → anna, schmidt, landkreis, example, …"""
    words: list[str] = []
    for hint in hints:
        words.extend(part for part in re.split(r"[\W_]+", hint.lower()) if len(part) > 2)
    return words


def check_password_policy(password: str, hints: Iterable[str] = ()) -> None:
    """Refuse passwords that are too short, or common, breached or built from `hints`
    (the person's address and name) and words every German office uses."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise Invalid(
            N_("The password must have at least %(n)s characters."), n=MIN_PASSWORD_LENGTH
        )
    if len(password) >= CHECKED_LENGTH:
        return
    verdict = zxcvbn(password, user_inputs=[*_personal(hints), *_german_words()])
    if verdict["score"] < MIN_SCORE:
        raise Invalid(
            N_(
                "This password is among those attackers try first (common words, names, "
                "dates, keyboard patterns or passwords from published breaches). Please "
                "choose another, e.g. four unrelated words."
            )
        )
