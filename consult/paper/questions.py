"""How questions read on paper and on the entry screen: show_if as a plain instruction."""

from __future__ import annotations

from babel.lists import format_list
from flask_babel import get_locale
from flask_babel import gettext as _

from consult.respond.fields import fixed_label
from surveys.models import Consultation, Question
from surveys.texts import pick


def option_label(question: Question, code: str, fallbacks: list[str]) -> str:
    """The label of one of a question's answers in the current language."""
    locale = str(get_locale())
    for option in question.options:
        if option.code == code:
            return pick(option.label, locale, fallbacks) or code
    return fixed_label(code)


def conditions(consultation: Consultation) -> dict[str, str]:
    """Per question code with a show_if, e.g. “Only if you answered “Yes” to question Q7.”"""
    fallbacks = list(consultation.languages)
    by_code = {q.code: q for q in consultation.questions}
    texts = {}
    for question in consultation.questions:
        condition = question.show_if or {}
        trigger = by_code.get(condition.get("question") or "")
        if trigger is None:
            continue
        answers = [
            _("“%(answer)s”", answer=option_label(trigger, code, fallbacks))
            for code in condition.get("options") or []
        ]
        texts[question.code] = _(
            "Only if you answered %(answers)s to question %(code)s.",
            answers=format_list(answers, style="or", locale=str(get_locale())),
            code=trigger.code,
        )
    return texts
