"""How questions read on paper and on the entry screen: show_if as a plain instruction."""

from __future__ import annotations

from babel.lists import format_list
from flask_babel import format_decimal, get_locale
from flask_babel import gettext as _

from consult.respond.fields import fixed_label
from surveys import conditions as conditions_rules
from surveys.models import Consultation, Question
from surveys.texts import pick


def option_label(question: Question, code: str, fallbacks: list[str]) -> str:
    """The label of one of a question's answers in the current language."""
    locale = str(get_locale())
    for option in question.options:
        if option.code == code:
            return pick(option.label, locale, fallbacks) or code
    return fixed_label(code)


def _clause_text(clause: dict, trigger: Question, fallbacks: list[str]) -> str:
    locale = str(get_locale())
    if "options" in clause:
        answers = [
            _("“%(answer)s”", answer=option_label(trigger, code, fallbacks))
            for code in clause.get("options") or []
        ]
        return _(
            "you answered %(answers)s to question %(code)s",
            answers=format_list(answers, style="or", locale=locale),
            code=trigger.code,
        )
    op = clause.get("op")

    def number(name: str) -> str:
        value = clause.get(name)
        return format_decimal(value) if isinstance(value, int | float) else "?"

    if op == "between":
        return _(
            "your answer to question %(code)s is between %(low)s and %(high)s",
            code=trigger.code,
            low=number("min"),
            high=number("max"),
        )
    if op == "<":
        return _(
            "your answer to question %(code)s is less than %(number)s",
            code=trigger.code,
            number=number("value"),
        )
    if op == ">":
        return _(
            "your answer to question %(code)s is more than %(number)s",
            code=trigger.code,
            number=number("value"),
        )
    return _(
        "your answer to question %(code)s is %(number)s", code=trigger.code, number=number("value")
    )


def condition_text(show_if: dict | None, by_code: dict[str, Question], fallbacks: list[str]) -> str:
    """A condition as one plain instruction; empty without a condition."""
    mode, clauses = conditions_rules.mode_and_clauses(show_if)
    parts = [
        _clause_text(clause, by_code[str(clause.get("question"))], fallbacks)
        for clause in clauses
        if str(clause.get("question")) in by_code
    ]
    if not parts:
        return ""
    if len(parts) == 1 and "options" in clauses[0]:
        clause = clauses[0]
        trigger = by_code[str(clause.get("question"))]
        answers = [
            _("“%(answer)s”", answer=option_label(trigger, code, fallbacks))
            for code in clause.get("options") or []
        ]
        return _(
            "Only if you answered %(answers)s to question %(code)s.",
            answers=format_list(answers, style="or", locale=str(get_locale())),
            code=trigger.code,
        )
    locale = str(get_locale())
    joined = (
        format_list(parts, style="or", locale=locale)
        if mode == conditions_rules.ANY
        else format_list(parts, locale=locale)
    )
    return _("Only if %(parts)s.", parts=joined)


def conditions(consultation: Consultation) -> dict[str, str]:
    """Per question code with a condition (its own or its section's), e.g. “Only if you
    answered “Yes” to question Q7.”"""
    fallbacks = list(consultation.languages)
    by_code = {q.code: q for q in consultation.questions}
    texts = {}
    for section in consultation.sections:
        section_text = condition_text(section.show_if, by_code, fallbacks)
        for question in section.questions:
            own = condition_text(question.show_if, by_code, fallbacks)
            text = " ".join(t for t in (section_text, own) if t)
            if text:
                texts[question.code] = text
    return texts
