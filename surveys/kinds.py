"""What each question kind is made of, in one place: its settings (how each is read from the
JSON format, which the editor form manages, their defaults), whether it has options and how
many it needs, how an answer is stored and how results summarise it.

The respondent macro (`templates/respond/_question.html`), the validators
(`surveys/answering/validation.py`) and the publishers (`analysis/published.py`) are keyed by
the same kind names; docs/question-kinds.md lists what adding a kind touches.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from surveys.vocabulary import QuestionKind

# How a setting is read from the JSON format (surveys/authoring/interchange.py).
BOOL, TEXTS, SCALE_POINT, COUNT, NUMBER, LENGTH = (
    "bool",
    "texts",
    "scale",
    "count",
    "number",
    "length",
)


@dataclass(frozen=True)
class Kind:
    """One question kind's declaration."""

    kind: QuestionKind
    # Every setting the kind has, and how the JSON format reads it; nothing else is accepted.
    settings: Mapping[str, str] = field(default_factory=dict)
    # The non-text settings the question editor's form sets (others, e.g. a unit, are kept).
    edited: tuple[str, ...] = ()
    # Values a question has when a setting is not given.
    defaults: Mapping[str, Any] = field(default_factory=dict)
    # Options (choices, ranked items or a matrix's items) and how many publishing needs.
    min_options: int = 0
    # Answer rows: "option", "options", "text", "number", "option+number" or "date".
    stored: str = "option"
    # How results summarise it (the key of analysis/published.py's publishers).
    summary: str = ""

    @property
    def has_options(self) -> bool:
        return self.min_options > 0

    def setting(self, settings: Mapping[str, Any] | None, name: str) -> Any:
        """A setting's value, or the kind's default for it."""
        value = (settings or {}).get(name)
        return self.defaults.get(name) if value is None else value


_SCALE = {"min": SCALE_POINT, "max": SCALE_POINT, "min_label": TEXTS, "max_label": TEXTS}

KINDS: dict[QuestionKind, Kind] = {
    k.kind: k
    for k in (
        Kind(
            QuestionKind.SHORT_TEXT,
            {"max_length": LENGTH},
            ("max_length",),
            stored="text",
            summary="text",
        ),
        Kind(
            QuestionKind.LONG_TEXT,
            {"max_length": LENGTH},
            ("max_length",),
            stored="text",
            summary="text",
        ),
        Kind(
            QuestionKind.SINGLE_CHOICE,
            {"other": BOOL},
            ("other",),
            min_options=2,
            summary="choice",
        ),
        Kind(
            QuestionKind.MULTIPLE_CHOICE,
            {"min_selected": COUNT, "max_selected": COUNT, "other": BOOL},
            ("min_selected", "max_selected", "other"),
            min_options=2,
            stored="options",
            summary="choice",
        ),
        Kind(
            QuestionKind.SCALE,
            {**_SCALE, "dont_know": BOOL},
            ("min", "max", "dont_know"),
            {"min": 1, "max": 5, "dont_know": False},
            stored="number",
            summary="scale",
        ),
        # "Don't know" is offered unless switched off (the opposite of a scale's default).
        Kind(QuestionKind.YES_NO, {"dont_know": BOOL}, (), {"dont_know": True}, summary="choice"),
        Kind(
            QuestionKind.NUMBER,
            {"min": NUMBER, "max": NUMBER, "unit": TEXTS, "integer": BOOL},
            ("min", "max"),
            stored="number",
            summary="number",
        ),
        Kind(QuestionKind.DATE, stored="date", summary="date"),
        Kind(QuestionKind.RANKING, min_options=2, stored="option+number", summary="ranking"),
        # One checkbox next to the prompt (the statement); ticked is stored as "yes".
        Kind(QuestionKind.CONSENT, summary="consent"),
        # The options are the items, each rated on one shared scale.
        Kind(
            QuestionKind.MATRIX,
            _SCALE,
            ("min", "max"),
            {"min": 1, "max": 5},
            min_options=2,
            stored="option+number",
            summary="matrix",
        ),
    )
}


def kind_of(kind: str) -> Kind:
    """The declaration of a kind by its name; ValueError for an unknown one."""
    return KINDS[QuestionKind(kind)]
