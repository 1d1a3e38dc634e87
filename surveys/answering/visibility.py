"""Which questions are shown: show_if conditions of questions and their sections.

Conditions and their evaluation are described in `surveys.conditions`. A question is shown
when its section's condition and its own hold, given the answers to earlier questions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from surveys.conditions import holds, row_values

Row = dict[str, Any]


def section_condition(question: Any) -> Any:
    """The condition of the section a question (ORM object or respondent copy) is in."""
    if hasattr(question, "section_show_if"):
        return question.section_show_if
    section = getattr(question, "section", None)
    return getattr(section, "show_if", None) if section is not None else None


def is_visible(
    question: Any, chosen: Mapping[str, Iterable[Any]], pending: Iterable[str] = ()
) -> bool:
    """Whether a question is shown, given the answers so far (option codes and numbers).

    Clauses on questions in `pending` (answered on the same page) count as holding.
    """
    pending = set(pending)
    return holds(section_condition(question), chosen, pending) and holds(
        question.show_if, chosen, pending
    )


def chosen_codes(rows_by_code: Mapping[str, Sequence[Row]]) -> dict[str, set[Any]]:
    """The option codes and numbers per question code, from stored-format rows."""
    return {code: row_values(rows) for code, rows in rows_by_code.items()}


def visible_questions(
    questions: Sequence[Any], rows_by_code: Mapping[str, Sequence[Row]]
) -> list[Any]:
    """The questions shown in questionnaire order; a hidden trigger hides its dependants."""
    chosen: dict[str, set[Any]] = {}
    shown = []
    for question in questions:
        if not is_visible(question, chosen):
            continue
        shown.append(question)
        chosen[question.code] = row_values(rows_by_code.get(question.code, ()))
    return shown
