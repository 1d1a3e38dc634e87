"""The condition editor of questions and sections: what it shows and what it reads back.

The form has one row per clause plus an empty one. A row shows the answers of the question
chosen in it only: `cond-N-shown` carries the question whose answers were on the page, so a
row whose question was changed without JavaScript is shown again with the new question's
answers instead of being saved with answers of another question. The rules live in
`surveys.conditions`; this module only turns them into fields and back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from flask_babel import format_decimal, get_locale
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from consult.i18n import localised
from surveys import conditions
from surveys.answering.values import AmbiguousNumber, read_number
from surveys.models import Question
from surveys.vocabulary import DONT_KNOW, NO, OTHER, YES

MAX_ROWS = 6


@dataclass
class Target:
    """An earlier question a clause may test."""

    code: str
    label: str
    is_number: bool
    options: list[tuple[str, str]] = field(default_factory=list)
    range_hint: str = ""


@dataclass
class Row:
    """One clause as shown in the form; `errors` maps a part to its message."""

    index: int
    question: str = ""
    options: list[str] = field(default_factory=list)
    op: str = ""
    value: str = ""
    upper: str = ""
    errors: dict[str, str] = field(default_factory=dict)


@dataclass
class Editor:
    mode: str
    rows: list[Row]
    targets: list[Target]
    # A row whose question changed and must be completed before saving.
    incomplete: bool = False

    def target(self, code: str) -> Target | None:
        return next((t for t in self.targets if t.code == code), None)

    @property
    def has_errors(self) -> bool:
        return any(row.errors for row in self.rows)


def _number_text(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_decimal(value, format="#,##0.###")
    return ""


def targets(earlier: Sequence[Question], languages: list[str]) -> list[Target]:
    """The earlier questions a condition may name, with their answers in the author's locale."""
    found = []
    for question in earlier:
        if question.kind not in conditions.CONDITION_KINDS:
            continue
        label = f"{question.code}: {localised(question.prompt, languages)}".strip()
        if question.kind in conditions.OPTION_KINDS:
            names = {o.code: localised(o.label, languages) for o in question.options}
            names.update({YES: _("Yes"), NO: _("No"), DONT_KNOW: _("Don't know")})
            if question.kind == "consent":
                names[YES] = _("Agreed")
            names.setdefault(OTHER, _("Other"))
            options = [
                (code, names.get(code) or code) for code in conditions.option_codes(question)
            ]
            found.append(Target(question.code, label, False, options))
            continue
        low, high = conditions.number_range(question)
        if low is not None and high is not None:
            hint = _(
                "Answers from %(low)s to %(high)s", low=_number_text(low), high=_number_text(high)
            )
        elif low is not None:
            hint = _("Answers from %(low)s", low=_number_text(low))
        elif high is not None:
            hint = _("Answers up to %(high)s", high=_number_text(high))
        else:
            hint = ""
        found.append(Target(question.code, label, True, [], hint))
    return found


def from_stored(show_if: dict[str, Any] | None, found: list[Target]) -> Editor:
    """The editor showing a saved condition."""
    mode, clauses = conditions.mode_and_clauses(show_if)
    rows = []
    for index, clause in enumerate(clauses):
        row = Row(index, question=str(clause.get("question") or ""))
        if "options" in clause:
            row.options = [str(o) for o in clause.get("options") or []]
        else:
            row.op = str(clause.get("op") or "")
            if row.op == conditions.BETWEEN:
                row.value, row.upper = (
                    _number_text(clause.get("min")),
                    _number_text(clause.get("max")),
                )
            else:
                row.value = _number_text(clause.get("value"))
        rows.append(row)
    return _with_blank(Editor(mode, rows, found))


def _with_blank(editor: Editor) -> Editor:
    """One empty row to add a part with, two while there is no part (for and/or)."""
    while len(editor.rows) < MAX_ROWS and (
        len(editor.rows) < 2 or editor.rows[-1].question or editor.rows[-1].errors
    ):
        editor.rows.append(Row(len(editor.rows)))
    return editor


def _number(text: str) -> float | None:
    locale = get_locale()
    try:
        return read_number(text, str(locale) if locale else None)
    except AmbiguousNumber:
        return None


def from_form(form: MultiDict, found: list[Target]) -> tuple[Editor, dict[str, Any] | None]:
    """The editor as posted, and the condition it describes (None when it has no clause).

    Rows with a number that cannot be read or a question changed since its answers were
    shown get an error or are marked incomplete; the caller then does not save.
    """
    mode = form.get("cond-mode", conditions.ALL)
    mode = mode if mode in conditions.MODES else conditions.ALL
    rows: list[Row] = []
    clauses: list[dict[str, Any]] = []
    incomplete = False
    for index in range(MAX_ROWS):
        code = form.get(f"cond-{index}-question", "")
        if not code:
            continue
        row = Row(len(rows), question=code)
        rows.append(row)
        target = next((t for t in found if t.code == code), None)
        if form.get(f"cond-{index}-shown", "") != code:
            # Chosen now: show this question's answers before anything is saved.
            incomplete = True
            continue
        row.options = form.getlist(f"cond-{index}-option")
        row.op = form.get(f"cond-{index}-op", "")
        row.value = form.get(f"cond-{index}-value", "").strip()
        row.upper = form.get(f"cond-{index}-upper", "").strip()
        clause: dict[str, Any] = {"question": code}
        if target is None or not target.is_number:
            clause["options"] = list(row.options)
        else:
            clause["op"] = row.op
            first = _number(row.value)
            if first is None:
                row.errors["value"] = _("Please enter a number.")
            if row.op == conditions.BETWEEN:
                second = _number(row.upper)
                if second is None:
                    row.errors["value"] = _("Please enter two numbers.")
                clause.update(min=first, max=second)
            else:
                clause["value"] = first
        clauses.append(clause)
    editor = _with_blank(Editor(mode, rows, found, incomplete))
    return editor, ({mode: clauses} if clauses else None)


def show_problems(editor: Editor, problems: Sequence[conditions.ConditionProblem]) -> None:
    """Put the domain's reasons beside the fields they concern."""
    for problem in problems:
        if problem.clause is None or problem.clause >= len(editor.rows):
            continue
        row = editor.rows[problem.clause]
        row.errors[problem.part] = _(problem.message, **problem.params)
