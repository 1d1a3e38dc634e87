"""Which questions are shown: show_if conditions on earlier answers.

A condition is ``{"question": "<code of an earlier question>", "options": ["<code>", ...]}``;
the question is shown when that question's answer has one of the options.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

Row = dict[str, Any]


def is_visible(question: Any, chosen: Mapping[str, Iterable[str]]) -> bool:
    """Whether a question is shown, given the option codes chosen so far per question code."""
    condition = question.show_if
    if not condition:
        return True
    return bool(set(chosen.get(condition.get("question"), ())) & set(condition.get("options", ())))


def chosen_codes(rows_by_code: Mapping[str, Sequence[Row]]) -> dict[str, set[str]]:
    """The option codes per question code, from stored-format rows."""
    return {
        code: {row["option_code"] for row in rows if row.get("option_code")}
        for code, rows in rows_by_code.items()
    }


def visible_questions(
    questions: Sequence[Any], rows_by_code: Mapping[str, Sequence[Row]]
) -> list[Any]:
    """The questions shown in questionnaire order; a hidden trigger hides its dependants."""
    chosen: dict[str, set[str]] = {}
    shown = []
    for question in questions:
        if not is_visible(question, chosen):
            continue
        shown.append(question)
        rows = rows_by_code.get(question.code, ())
        chosen[question.code] = {row["option_code"] for row in rows if row.get("option_code")}
    return shown
