"""Conditions on questions and sections (``show_if``): their shape, evaluation and checks.

A condition is ``{"all": [clause, ...]}`` (every clause holds) or ``{"any": [clause, ...]}``
(at least one holds). A clause names an earlier question and either options or a number test:

- ``{"question": "q1", "options": ["a", "b"]}``: the answer has one of these option codes;
- ``{"question": "q2", "op": "=" | "<" | ">", "value": 3}``: a number or scale answer;
- ``{"question": "q2", "op": "between", "min": 2, "max": 5}``: both ends included.

The version-1 shape ``{"question": ..., "options": [...]}`` is read as one clause.
Must not import flask, wtforms, consult, analysis or pandas.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from surveys.vocabulary import DONT_KNOW, N_, NO, OTHER, YES, QuestionKind

ALL, ANY = "all", "any"
MODES = (ALL, ANY)
EQUALS, LESS, GREATER, BETWEEN = "=", "<", ">", "between"
NUMBER_OPS = (EQUALS, LESS, GREATER, BETWEEN)

# Kinds whose answers are option codes a clause may name.
OPTION_KINDS = frozenset(
    {
        QuestionKind.SINGLE_CHOICE,
        QuestionKind.MULTIPLE_CHOICE,
        QuestionKind.YES_NO,
        QuestionKind.CONSENT,
    }
)
# Kinds whose answers are numbers a clause may compare.
NUMBER_KINDS = frozenset({QuestionKind.NUMBER, QuestionKind.SCALE})
CONDITION_KINDS = OPTION_KINDS | NUMBER_KINDS
YES_NO_CODES = (YES, NO, DONT_KNOW)

# What is known of the answers so far: option codes (str) and numbers (float) per question.
Facts = Mapping[str, Iterable[Any]]


def mode_and_clauses(show_if: Mapping[str, Any] | None) -> tuple[str, list[dict[str, Any]]]:
    """The mode and clauses of a condition of either version; no condition gives no clauses."""
    if not show_if:
        return ALL, []
    if "question" in show_if:
        return ALL, [dict(show_if)]
    if ANY in show_if:
        return ANY, [dict(c) for c in show_if.get(ANY) or []]
    return ALL, [dict(c) for c in show_if.get(ALL) or []]


def normalise(show_if: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The version-2 shape of a condition, or None when it has no clause."""
    mode, clauses = mode_and_clauses(show_if)
    return {mode: clauses} if clauses else None


def referenced(show_if: Mapping[str, Any] | None) -> list[str]:
    """The codes of the questions a condition depends on, in order, without repeats."""
    codes: list[str] = []
    for clause in mode_and_clauses(show_if)[1]:
        code = str(clause.get("question") or "")
        if code and code not in codes:
            codes.append(code)
    return codes


def _numbers(values: Iterable[Any]) -> list[float]:
    return [float(v) for v in values if isinstance(v, int | float) and not isinstance(v, bool)]


def clause_holds(clause: Mapping[str, Any], facts: Facts) -> bool:
    """Whether one clause holds, given what was answered so far."""
    values = list(facts.get(str(clause.get("question")), ()))
    if "options" in clause:
        return bool({v for v in values if isinstance(v, str)} & set(clause.get("options") or ()))
    op = clause.get("op")
    for number in _numbers(values):
        try:
            if op == EQUALS and number == float(clause["value"]):
                return True
            if op == LESS and number < float(clause["value"]):
                return True
            if op == GREATER and number > float(clause["value"]):
                return True
            if op == BETWEEN and float(clause["min"]) <= number <= float(clause["max"]):
                return True
        except (KeyError, TypeError, ValueError):
            return False
    return False


def holds(show_if: Mapping[str, Any] | None, facts: Facts, pending: Iterable[str] = ()) -> bool:
    """Whether a condition holds; no condition always holds.

    A clause on a question in `pending` (not answered yet, e.g. on the same page) counts as
    holding, so the result says whether the condition may still hold.
    """
    mode, clauses = mode_and_clauses(show_if)
    if not clauses:
        return True
    waiting = set(pending)
    results = (
        str(clause.get("question")) in waiting or clause_holds(clause, facts) for clause in clauses
    )
    return any(results) if mode == ANY else all(results)


def row_values(rows: Sequence[Mapping[str, Any]]) -> set[Any]:
    """The option codes and numbers of a question's stored-format rows."""
    values: set[Any] = set()
    for row in rows:
        if row.get("option_code"):
            values.add(row["option_code"])
        elif row.get("number") is not None:
            values.add(float(row["number"]))
    return values


# --- checks -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ConditionProblem:
    """Why a condition cannot be met; `clause` is its index, `part` the field to fix."""

    message: str
    params: dict[str, Any] = field(default_factory=dict)
    clause: int | None = None
    part: str = "question"


def option_codes(question: Any) -> list[str]:
    """The option codes a clause on `question` may name."""
    if question.kind == QuestionKind.YES_NO:
        return list(YES_NO_CODES)
    if question.kind == QuestionKind.CONSENT:
        return [YES]  # ticked; not ticking is no answer, which no clause can name
    codes = [o.code for o in question.options]
    if (question.settings or {}).get("other"):
        codes.append(OTHER)
    if question.kind == QuestionKind.SCALE and (question.settings or {}).get("dont_know"):
        codes.append(DONT_KNOW)
    return codes


def number_range(question: Any) -> tuple[float | None, float | None]:
    """The smallest and largest number a question accepts (None: no limit)."""
    settings = question.settings or {}
    if question.kind == QuestionKind.SCALE:
        return float(settings.get("min", 1)), float(settings.get("max", 5))
    low, high = settings.get("min"), settings.get("max")
    return (
        float(low) if low is not None else None,
        float(high) if high is not None else None,
    )


def _as_number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _number_problem(clause: Mapping[str, Any], target: Any, index: int) -> ConditionProblem | None:
    op = clause.get("op")
    if op not in NUMBER_OPS:
        return ConditionProblem(N_("Please choose how the number is compared."), {}, index, "op")
    low, high = number_range(target)
    params = {"target": target.code}
    if op == BETWEEN:
        first, last = _as_number(clause.get("min")), _as_number(clause.get("max"))
        if first is None or last is None:
            return ConditionProblem(N_("Please enter two numbers."), params, index, "value")
        if first > last:
            return ConditionProblem(
                N_("The first number must not be larger than the second."), params, index, "value"
            )
        if (high is not None and first > high) or (low is not None and last < low):
            return _out_of_range(target, index)
        return None
    value = _as_number(clause.get("value"))
    if value is None:
        return ConditionProblem(N_("Please enter a number."), params, index, "value")
    impossible = (
        (
            op == EQUALS
            and ((low is not None and value < low) or (high is not None and value > high))
        )
        or (op == LESS and low is not None and value <= low)
        or (op == GREATER and high is not None and value >= high)
        or (op == EQUALS and target.kind == QuestionKind.SCALE and value != int(value))
    )
    return _out_of_range(target, index) if impossible else None


def _out_of_range(target: Any, index: int) -> ConditionProblem:
    low, high = number_range(target)
    if low is not None and high is not None:
        return ConditionProblem(
            N_("No answer to %(target)s can meet this: it accepts %(low)s to %(high)s."),
            {"target": target.code, "low": _plain(low), "high": _plain(high)},
            index,
            "value",
        )
    return ConditionProblem(
        N_("No answer to %(target)s can meet this."), {"target": target.code}, index, "value"
    )


def _plain(number: float) -> int | float:
    return int(number) if number == int(number) else number


def problems(show_if: Mapping[str, Any] | None, earlier: Sequence[Any]) -> list[ConditionProblem]:
    """Why a condition cannot be met, given the questions that come before what it shows.

    Empty when the condition is fine. Every clause must name an earlier question of a kind
    that can be tested, with options of that question or a number it can take.
    """
    if not show_if:
        return []
    if "question" not in show_if and not set(show_if) <= set(MODES):
        return [ConditionProblem(N_("Please choose whether all or any of the parts must hold."))]
    mode, clauses = mode_and_clauses(show_if)
    by_code = {q.code: q for q in earlier}
    found: list[ConditionProblem] = []
    for index, clause in enumerate(clauses):
        target = by_code.get(str(clause.get("question") or ""))
        if target is None or target.kind not in CONDITION_KINDS:
            found.append(
                ConditionProblem(
                    N_("Please choose an earlier choice, yes/no, scale or number question."),
                    {},
                    index,
                    "question",
                )
            )
            continue
        if target.kind in OPTION_KINDS or "options" in clause:
            wanted = list(clause.get("options") or [])
            known = option_codes(target)
            if not wanted:
                found.append(
                    ConditionProblem(
                        N_("Please tick at least one answer of %(target)s."),
                        {"target": target.code},
                        index,
                        "options",
                    )
                )
            elif any(code not in known for code in wanted):
                found.append(
                    ConditionProblem(
                        N_("Question %(target)s has no such answer."),
                        {"target": target.code},
                        index,
                        "options",
                    )
                )
            continue
        problem = _number_problem(clause, target, index)
        if problem is not None:
            found.append(problem)
    return found
