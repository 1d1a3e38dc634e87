"""Editing the questionnaire: sections, questions and options, and the structure freeze.

Everything is edited in the source language; other languages go through translations.
Must not import flask, wtforms, consult, analysis or pandas.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from surveys import conditions
from surveys.administration.audit import record
from surveys.authoring.lifecycle import ensure_editable, ensure_structure_open
from surveys.authoring.texts import TextSlot, set_text
from surveys.errors import Invalid
from surveys.kinds import kind_of
from surveys.models import Consultation, Option, Question, Section, User
from surveys.vocabulary import CHOICE_KINDS, N_, SCALE_KINDS, FieldOfAction, QuestionKind

CODE = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,39}$")
# Option codes may start with a digit: "1", "2", … are how most XLSForms and paper forms
# number their choices, and answers keep the codes respondents' forms were printed with.
OPTION_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_]{0,39}$")
END_LABELS = ("min_label", "max_label")
MANAGED_SETTINGS = frozenset(
    {"min", "max", "dont_know", "other", "min_selected", "max_selected", "max_length", *END_LABELS}
)


def check_code(code: str, pattern: re.Pattern[str] = CODE) -> str:
    code = (code or "").strip()
    if not pattern.match(code):
        raise Invalid(
            N_(
                "A code starts with a letter and has at most 40 letters, digits or "
                "underscores (no spaces)."
            )
        )
    return code


def _unique(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    number = 2
    while f"{base}{number}"[:40] in taken:
        number += 1
    return f"{base}{number}"[:40]


def _question_codes(consultation: Consultation) -> set[str]:
    return {q.code for q in consultation.questions}


def _move(items: list[Any], item: Any, delta: int) -> bool:
    index = items.index(item)
    target = index + delta
    if not 0 <= target < len(items):
        return False
    items.insert(target, items.pop(index))
    return True


def _source_text(
    session: Session,
    consultation: Consultation,
    owner: Any,
    attr: str,
    value: str,
    actor: User | None,
    key: str,
    sub: str | None = None,
) -> None:
    set_text(
        session,
        consultation,
        TextSlot(key, owner, attr, sub),
        consultation.source_language,
        value,
        actor,
    )


# Sections ------------------------------------------------------------------------------


def add_section(
    session: Session,
    consultation: Consultation,
    title: str,
    description: str = "",
    actor: User | None = None,
) -> Section:
    ensure_structure_open(session, consultation)
    source = consultation.source_language
    section = Section(
        title={source: title.strip()} if title.strip() else {},
        description={source: description.strip()} if description.strip() else {},
    )
    consultation.sections.append(section)
    session.flush()
    record(session, "questionnaire.section_add", user=actor, obj=consultation)
    return section


def update_section(
    session: Session,
    consultation: Consultation,
    section: Section,
    title: str,
    description: str,
    actor: User | None = None,
) -> None:
    ensure_editable(consultation)
    number = consultation.sections.index(section) + 1
    _source_text(session, consultation, section, "title", title, actor, f"section.{number}.title")
    _source_text(
        session,
        consultation,
        section,
        "description",
        description,
        actor,
        f"section.{number}.description",
    )


def move_section(
    session: Session, consultation: Consultation, section: Section, delta: int
) -> None:
    ensure_structure_open(session, consultation)
    before = broken_conditions(consultation)
    _move(consultation.sections, section, delta)
    _refuse_breaking(consultation, before)
    session.flush()


def delete_section(
    session: Session, consultation: Consultation, section: Section, actor: User | None = None
) -> None:
    ensure_structure_open(session, consultation)
    for question in section.questions:
        _refuse_if_depended_on(consultation, question, ignore=set(section.questions))
    consultation.sections.remove(section)
    session.flush()
    record(session, "questionnaire.section_delete", user=actor, obj=consultation)


# Questions -----------------------------------------------------------------------------


@dataclass
class QuestionData:
    """What the question form edits; texts are in the source language."""

    code: str
    kind: str
    required: bool = False
    prompt: str = ""
    help_text: str = ""
    field_of_action: str | None = None
    # Non-text settings: min, max, dont_know, other, min_selected, max_selected, max_length.
    settings: dict[str, Any] = field(default_factory=dict)
    min_label: str = ""
    max_label: str = ""
    show_if: dict[str, Any] | None = None


def _clean_settings(kind: str, settings: dict[str, Any]) -> dict[str, Any]:
    """Keep the settings a kind uses, dropping empty ones."""
    spec = kind_of(kind)
    allowed = spec.edited
    cleaned = {}
    for name in allowed:
        value = settings.get(name)
        if value is None or value is False or value == "":
            continue
        cleaned[name] = value
    for name, default in spec.defaults.items():
        if name in allowed and default is not None and default is not False:
            cleaned.setdefault(name, default)
    return cleaned


def _structural_settings(question: Question) -> dict[str, Any]:
    return {k: v for k, v in (question.settings or {}).items() if k not in END_LABELS}


def add_question(
    session: Session,
    consultation: Consultation,
    section: Section,
    kind: str,
    prompt: str = "",
    code: str | None = None,
    actor: User | None = None,
) -> Question:
    """A new question at the end of `section`, with a unique code."""
    ensure_structure_open(session, consultation)
    kind = str(QuestionKind(kind))
    taken = _question_codes(consultation)
    if code:
        code = check_code(code)
        if code in taken:
            raise Invalid(N_("Another question already has the code %(code)s."), code=code)
    else:
        code = _unique(f"q{len(taken) + 1}", taken)
    source = consultation.source_language
    question = Question(
        code=code,
        kind=kind,
        prompt={source: prompt.strip()} if prompt.strip() else {},
        settings=_clean_settings(kind, {}),
    )
    section.questions.append(question)
    question.consultation = consultation
    session.flush()
    record(session, "questionnaire.question_add", user=actor, obj=consultation, code=code)
    return question


def update_question(
    session: Session,
    consultation: Consultation,
    question: Question,
    data: QuestionData,
    actor: User | None = None,
) -> None:
    """Apply the question form; structural changes are refused once answers exist."""
    ensure_editable(consultation)
    code = check_code(data.code)
    kind = str(QuestionKind(data.kind))
    if data.field_of_action and data.field_of_action not in set(FieldOfAction):
        raise Invalid(N_("Please choose a field of action from the list."))
    settings = _clean_settings(kind, data.settings)
    if kind == question.kind:
        # Keep settings this editor does not manage (e.g. a number's unit) untouched.
        settings.update(
            {k: v for k, v in (question.settings or {}).items() if k not in MANAGED_SETTINGS}
        )
    if kind in SCALE_KINDS:
        settings["min_label"] = dict((question.settings or {}).get("min_label") or {})
        settings["max_label"] = dict((question.settings or {}).get("max_label") or {})
    show_if = data.show_if or None
    if conditions.normalise(show_if) != conditions.normalise(question.show_if):
        show_if = check_condition(consultation, question, show_if)
    else:
        show_if = question.show_if or None
    structural_change = (
        code != question.code
        or kind != question.kind
        or bool(data.required) != bool(question.required)
        or {k: v for k, v in settings.items() if k not in END_LABELS}
        != _structural_settings(question)
        or (show_if or None) != (question.show_if or None)
    )
    if structural_change:
        ensure_structure_open(session, consultation)
        if code != question.code:
            if code in _question_codes(consultation) - {question.code}:
                raise Invalid(N_("Another question already has the code %(code)s."), code=code)
            _refuse_if_depended_on(consultation, question)
        if kind != question.kind and QuestionKind(kind) not in CHOICE_KINDS:
            _refuse_if_depended_on(consultation, question)
            question.options.clear()
        before = broken_conditions(consultation)
        question.code = code
        question.kind = kind
        question.required = bool(data.required)
        question.show_if = show_if
        question.settings = settings
        _refuse_breaking(consultation, before | {question.code})
    question.field_of_action = data.field_of_action or None
    session.flush()
    _source_text(
        session, consultation, question, "prompt", data.prompt, actor, f"question.{code}.prompt"
    )
    _source_text(
        session,
        consultation,
        question,
        "help_text",
        data.help_text,
        actor,
        f"question.{code}.help_text",
    )
    if kind in SCALE_KINDS:
        for end in END_LABELS:
            _source_text(
                session,
                consultation,
                question,
                "settings",
                getattr(data, end),
                actor,
                f"question.{code}.{end}",
                sub=end,
            )
    session.flush()


class ConditionRefused(Invalid):
    """A condition that could never be met was refused; `problems` says where and why."""

    def __init__(self, problems: list[conditions.ConditionProblem]) -> None:
        super().__init__(N_("This condition can never be met. Please correct it."))
        self.problems = problems


def earlier_questions(consultation: Consultation, before: Question | Section) -> list[Question]:
    """The questions that come before a question or a section."""
    earlier: list[Question] = []
    for section in consultation.sections:
        if section is before:
            return earlier
        for question in section.questions:
            if question is before:
                return earlier
            earlier.append(question)
    return earlier


def broken_conditions(consultation: Consultation) -> set[str | int]:
    """Which questions (by code) and sections (by number) have a condition never met."""
    broken: set[str | int] = set()
    earlier: list[Question] = []
    for number, section in enumerate(consultation.sections, start=1):
        if conditions.problems(section.show_if, earlier):
            broken.add(number)
        for question in section.questions:
            if conditions.problems(question.show_if, earlier):
                broken.add(question.code)
            earlier.append(question)
    return broken


def _refuse_breaking(consultation: Consultation, before: set[str | int]) -> None:
    """Refuse a change after which a condition that could be met no longer can."""
    after = broken_conditions(consultation) - before
    codes = sorted(str(item) for item in after if isinstance(item, str))
    if codes:
        raise Invalid(
            N_("This change would make the condition of question %(code)s impossible."),
            code=", ".join(codes),
        )
    numbers = sorted(item for item in after if isinstance(item, int))
    if numbers:
        raise Invalid(
            N_("This change would make the condition of section %(number)s impossible."),
            number=numbers[0],
        )


def check_condition(
    consultation: Consultation, owner: Question | Section, show_if: dict[str, Any] | None
) -> dict[str, Any] | None:
    """The condition in its version-2 shape, or ConditionRefused when it cannot be met."""
    show_if = conditions.normalise(show_if)
    found = conditions.problems(show_if, earlier_questions(consultation, owner))
    if found:
        raise ConditionRefused(found)
    return show_if


def set_section_condition(
    session: Session,
    consultation: Consultation,
    section: Section,
    show_if: dict[str, Any] | None,
    actor: User | None = None,
) -> None:
    """Show a whole section only when `show_if` holds (None: always)."""
    ensure_editable(consultation)
    show_if = check_condition(consultation, section, show_if)
    if (show_if or None) == (section.show_if or None):
        return
    ensure_structure_open(session, consultation)
    section.show_if = show_if
    session.flush()
    record(session, "questionnaire.section_condition", user=actor, obj=consultation)


def _refuse_if_depended_on(
    consultation: Consultation, question: Question, ignore: set[Question] | None = None
) -> None:
    for other in consultation.questions:
        if other is question or (ignore and other in ignore):
            continue
        if question.code in conditions.referenced(other.show_if):
            raise Invalid(
                N_("Question %(other)s is only shown depending on this one; change it first."),
                other=other.code,
            )
    for number, section in enumerate(consultation.sections, start=1):
        if question.code in conditions.referenced(section.show_if):
            raise Invalid(
                N_("Section %(number)s is only shown depending on this question; change it first."),
                number=number,
            )


def move_question(
    session: Session, consultation: Consultation, question: Question, delta: int
) -> None:
    """Up or down by one; past the edge of a section it moves into the neighbouring one."""
    ensure_structure_open(session, consultation)
    before = broken_conditions(consultation)
    section = question.section
    if _move(section.questions, question, delta):
        _refuse_breaking(consultation, before)
        session.flush()
        return
    sections = consultation.sections
    index = sections.index(section) + delta
    if not 0 <= index < len(sections):
        return
    section.questions.remove(question)
    neighbour = sections[index]
    if delta < 0:
        neighbour.questions.append(question)
    else:
        neighbour.questions.insert(0, question)
    _refuse_breaking(consultation, before)
    session.flush()


def duplicate_question(
    session: Session, consultation: Consultation, question: Question, actor: User | None = None
) -> Question:
    """A copy right after the original, with a new unique code and the same option codes."""
    ensure_structure_open(session, consultation)
    code = _unique(f"{question.code[:34]}_copy", _question_codes(consultation))
    copy = copy_question(question, code)
    section = question.section
    section.questions.insert(section.questions.index(question) + 1, copy)
    copy.consultation = consultation
    session.flush()
    record(session, "questionnaire.question_duplicate", user=actor, obj=consultation, code=code)
    return copy


def copy_question(question: Question, code: str) -> Question:
    """A new question with this code and the texts, settings, condition and options of
    `question` (for a duplicate, and for a consultation's next round)."""
    copy = Question(
        code=code,
        kind=question.kind,
        required=question.required,
        prompt=dict(question.prompt or {}),
        help_text=dict(question.help_text or {}),
        field_of_action=question.field_of_action,
        settings=deepcopy(dict(question.settings or {})),
        show_if=deepcopy(dict(question.show_if)) if question.show_if else None,
    )
    for option in question.options:
        copy.options.append(Option(code=option.code, label=dict(option.label or {})))
    return copy


def delete_question(
    session: Session, consultation: Consultation, question: Question, actor: User | None = None
) -> None:
    ensure_structure_open(session, consultation)
    _refuse_if_depended_on(consultation, question)
    question.section.questions.remove(question)
    session.flush()
    record(
        session, "questionnaire.question_delete", user=actor, obj=consultation, code=question.code
    )


# Options -------------------------------------------------------------------------------


def add_option(
    session: Session,
    consultation: Consultation,
    question: Question,
    label: str,
    code: str | None = None,
    actor: User | None = None,
) -> Option:
    ensure_structure_open(session, consultation)
    if QuestionKind(question.kind) not in CHOICE_KINDS:
        raise Invalid(N_("Only choice and ranking questions have options."))
    taken = {o.code for o in question.options}
    if code:
        code = check_code(code, OPTION_CODE)
        if code in taken:
            raise Invalid(N_("Another option already has the code %(code)s."), code=code)
    else:
        code = _unique(f"o{len(taken) + 1}", taken)
    source = consultation.source_language
    option = Option(code=code, label={source: label.strip()} if label.strip() else {})
    question.options.append(option)
    session.flush()
    return option


def update_option(
    session: Session,
    consultation: Consultation,
    option: Option,
    code: str,
    label: str,
    actor: User | None = None,
) -> None:
    ensure_editable(consultation)
    code = check_code(code, OPTION_CODE)
    question = option.question
    if code != option.code:
        ensure_structure_open(session, consultation)
        if code in {o.code for o in question.options} - {option.code}:
            raise Invalid(N_("Another option already has the code %(code)s."), code=code)
        before = broken_conditions(consultation)
        option.code = code
        _refuse_breaking(consultation, before)
        session.flush()
    _source_text(
        session, consultation, option, "label", label, actor, f"option.{question.code}.{code}"
    )


def move_option(session: Session, consultation: Consultation, option: Option, delta: int) -> None:
    ensure_structure_open(session, consultation)
    _move(option.question.options, option, delta)
    session.flush()


def delete_option(session: Session, consultation: Consultation, option: Option) -> None:
    ensure_structure_open(session, consultation)
    before = broken_conditions(consultation)
    option.question.options.remove(option)
    _refuse_breaking(consultation, before)
    session.flush()
