"""Form fields of questions: names, parsing the posted form, messages and answer display."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from flask_babel import format_date, format_decimal, get_locale
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from consult.respond.shells import answer_of
from surveys.answering.validation import Row, scale_range, text_limit
from surveys.answering.values import ITEM_PREFIX, OTHER_PART, RANK_PREFIX, VALUE, AnswerError
from surveys.answering.visibility import chosen_codes, is_visible, section_condition
from surveys.kinds import KINDS
from surveys.models import Question
from surveys.texts import pick
from surveys.vocabulary import DONT_KNOW, NO, OTHER, YES, QuestionKind

if TYPE_CHECKING:
    from surveys.answering.snapshot import QuestionView


FIXED = frozenset({YES, NO, DONT_KNOW, OTHER})


def field_name(question: Question, part: str = VALUE) -> str:
    """The form name of one input of a question."""
    if part == VALUE:
        return question.code
    if part == OTHER_PART:
        return f"{question.code}__other"
    if part.startswith(ITEM_PREFIX):
        return f"{question.code}__item__{part.removeprefix(ITEM_PREFIX)}"
    return f"{question.code}__rank__{part.removeprefix(RANK_PREFIX)}"


def field_id(question: Question, part: str = VALUE) -> str:
    """The HTML id an error links to: the input (or the first input of a group)."""
    return "q-" + field_name(question, part).replace("__", "-")


def raw_from_form(form: MultiDict, questions: Sequence[Question]) -> dict[str, dict]:
    """The posted values of a page's questions, in the raw form validation expects."""
    raw: dict[str, dict] = {}
    for question in questions:
        values: dict[str, list[str]] = {VALUE: form.getlist(field_name(question))}
        values[OTHER_PART] = form.getlist(field_name(question, OTHER_PART))
        for option in question.options:
            for prefix in (RANK_PREFIX, ITEM_PREFIX):
                part = prefix + option.code
                values[part] = form.getlist(field_name(question, part))
        raw[question.code] = values
    return raw


def page_questions(section: Any, stored: Mapping[str, Sequence[Row]]) -> list[Any]:
    """The questions of a page to show.

    A question whose condition fails on answers of earlier pages is left out; a part of a
    condition on a question of this same page counts as holding (without JavaScript nothing
    could hide it) and the answer is dropped on the server when it does not hold.
    """
    if not any(q.show_if or section_condition(q) for q in section.questions):
        return list(section.questions)  # nothing to evaluate: most pages, on every request
    on_page = {q.code for q in section.questions}
    chosen = chosen_codes({code: rows for code, rows in stored.items() if code not in on_page})
    shown = []
    for question in section.questions:
        if not is_visible(question, chosen, pending=on_page):
            continue
        shown.append(question)
    return shown


def _format_param(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return format_decimal(value)
    return value


def error_text(error: AnswerError) -> str:
    """The translated message of an answer error, numbers formatted for the locale."""
    params = {name: _format_param(value) for name, value in error.params.items()}
    return _(error.message, **params) if params else _(error.message)


def fixed_label(code: str) -> str:
    """Labels of the option codes with a fixed meaning across kinds."""
    labels = {YES: _("Yes"), NO: _("No"), DONT_KNOW: _("Don't know"), OTHER: _("Other")}
    return labels.get(code, code)


def display(
    question: Question | QuestionView, rows: Sequence[Row], locale: str, fallbacks: list[str]
) -> list[str]:
    """How an answer reads on the review page, in the respondent's language."""
    options = {option.code: pick(option.label, locale, fallbacks) for option in question.options}
    kind = question.kind
    shown = []
    for row in rows:
        code, text, number = row.get("option_code"), row.get("text"), row.get("number")
        if kind == QuestionKind.RANKING and code:
            shown.append(f"{format_decimal(number)}. {options.get(code, code)}")
        elif kind == QuestionKind.MATRIX and code:
            shown.append(f"{options.get(code, code)}: {format_decimal(number)}")
        elif kind == QuestionKind.CONSENT and code == YES:
            shown.append(_("Agreed"))
        elif code == OTHER:
            shown.append(f"{fixed_label(OTHER)}: {text or ''}")
        elif code:
            shown.append(options.get(code) or fixed_label(code))
        elif kind == QuestionKind.DATE and text:
            try:
                shown.append(format_date(date.fromisoformat(text), "long"))
            except ValueError:
                shown.append(text)
        elif number is not None:
            shown.append(format_decimal(number))
        elif text is not None:
            shown.append(text)
    return shown


def typed_answers(
    section: Any, form: MultiDict, locale: str, fallbacks: list[str]
) -> list[tuple[str, list[str]]]:
    """What was typed on a page, as (question text, answers) to show when it cannot be saved."""
    found = []
    for question in section.questions:
        options = {o.code: pick(o.label, locale, fallbacks) for o in question.options}
        shown = []
        for value in form.getlist(field_name(question)):
            if not value.strip():
                continue
            if question.kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE) or (
                question.kind in (QuestionKind.YES_NO, QuestionKind.SCALE, QuestionKind.CONSENT)
                and value in FIXED
            ):
                shown.append(options.get(value) or fixed_label(value))
            else:
                shown.append(value)
        other = " ".join(form.getlist(field_name(question, OTHER_PART))).strip()
        if other:
            shown.append(f"{fixed_label(OTHER)}: {other}")
        for option in question.options:
            for rank in form.getlist(field_name(question, RANK_PREFIX + option.code)):
                if rank.strip():
                    shown.append(f"{rank}. {options.get(option.code) or option.code}")
            for point in form.getlist(field_name(question, ITEM_PREFIX + option.code)):
                if point.strip():
                    shown.append(f"{options.get(option.code) or option.code}: {point}")
        if shown:
            found.append((pick(question.prompt, locale, fallbacks), shown))
    return found


def limit_of(question: Question) -> int | None:
    return text_limit(question) if question.question_kind.is_text else None


def scale_points(question: Question) -> list[int]:
    low, high = scale_range(question)
    return list(range(low, high + 1))


def choices_for(question: Question, fallbacks: list[str]) -> list[tuple[str, str]]:
    """(code, label) of the radios or checkboxes of a choice, yes/no question."""
    locale = str(get_locale())
    if question.kind == QuestionKind.YES_NO:
        codes = [YES, NO]
        if KINDS[QuestionKind.YES_NO].setting(question.settings, "dont_know"):
            codes.append(DONT_KNOW)
        return [(code, fixed_label(code)) for code in codes]
    choices = [(o.code, pick(o.label, locale, fallbacks)) for o in question.options]
    if (question.settings or {}).get("other"):
        choices.append((OTHER, fixed_label(OTHER)))
    return choices


def describedby(question: Question, error: Any, extra: str = "") -> str:
    """The ids of the hint, limit and error texts an input is described by."""
    ids = []
    if any((question.help_text or {}).values()):
        ids.append(field_id(question) + "-hint")
    if extra:
        ids.append(extra)
    if error:
        ids.append(field_id(question) + "-error")
    return " ".join(ids)


def question_helpers() -> dict:
    """What `respond/_question.html` needs: ids, names, limits and choices in the
    consultation's languages (respondents' pages and staff's paper entry share it)."""
    from flask import g

    from surveys.answering.validation import other_limit

    consultation = g.get("consultation")
    langs = list(consultation.languages) if consultation is not None else []
    return {
        "langs": langs,
        "field_id": field_id,
        "field_name": field_name,
        "fixed_label": fixed_label,
        "limit_of": limit_of,
        "other_limit": other_limit,
        "scale_points": scale_points,
        "describedby": describedby,
        "choices_for": lambda question: choices_for(question, langs),
        "answer_of": answer_of,
    }
