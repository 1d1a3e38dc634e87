"""Turn submitted raw values into stored answer rows, or a translatable error per question.

Raw input for one question is a mapping of *parts* to lists of strings, as a form sends them:

- ``"value"``: the main value(s): a text, an option code (several for multiple choice),
  a number, a date, a scale point or ``dont_know``;
- ``"other"``: the free text of an "other" option;
- ``"rank:<option code>"``: the rank given to one option of a ranking question.

The result is in the long format every consumer uses (one dict per stored row with the keys
``option_code``, ``text`` and ``number``):

=================  ==========================================================================
short/long text    ``text``
single choice      ``option_code`` (``other`` + ``text`` when settings.other)
multiple choice    one row per ``option_code`` (+ ``other`` with ``text``)
scale              ``number`` within settings min..max, or ``option_code`` ``dont_know``
yes/no             ``option_code`` yes / no / dont_know
number             ``number`` within settings min/max
date               ``text`` as ISO ``YYYY-MM-DD``
ranking            one row per option: ``option_code`` and ``number`` = rank 1..n
=================  ==========================================================================

Must not import flask, wtforms, consult or analysis.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from babel import UnknownLocaleError
from babel.numbers import format_decimal

from surveys.answering.values import (
    ITEM_PREFIX,
    OTHER_PART,
    RANK_PREFIX,
    VALUE,
    AmbiguousNumber,
    AnswerError,
    clean_text,
    format_limit,
    parse_date,
    parse_number,
    read_number,
)
from surveys.answering.visibility import chosen_codes, is_visible
from surveys.conditions import row_values
from surveys.kinds import KINDS
from surveys.vocabulary import DONT_KNOW, N_, NO, OTHER, YES, QuestionKind

Raw = Mapping[str, Sequence[str]]
Row = dict[str, Any]

SHORT_TEXT_LIMIT = 200
LONG_TEXT_LIMIT = 5000


@dataclass(frozen=True)
class AnswerResult:
    """The rows to store for one question (empty: not answered), or the error."""

    rows: list[Row] = field(default_factory=list)
    error: AnswerError | None = None

    @property
    def answered(self) -> bool:
        return bool(self.rows)


# --- validation per kind --------------------------------------------------------------------


def _values(raw: Raw, part: str = VALUE) -> list[str]:
    values = raw.get(part) or []
    if isinstance(values, str):
        values = [values]
    return [v for v in values if isinstance(v, str) and v.strip()]


def _single(raw: Raw) -> str | None:
    values = _values(raw)
    if len(values) > 1:
        raise AnswerError(N_("Please choose only one answer."))
    return values[0].strip() if values else None


def text_limit(question: Any) -> int:
    """The maximum number of characters of a text answer."""
    default = SHORT_TEXT_LIMIT if question.kind == QuestionKind.SHORT_TEXT else LONG_TEXT_LIMIT
    return int((question.settings or {}).get("max_length") or default)


def _text(value: str, limit: int, part: str = VALUE, multiline: bool = True) -> str:
    try:
        text = clean_text(value, multiline=multiline)
    except AnswerError as error:
        error.part = part
        raise
    if len(text) > limit:
        raise AnswerError(
            N_("Please write no more than %(limit)s characters (you wrote %(count)s)."),
            part,
            limit=limit,
            count=len(text),
        )
    return text


def other_limit(question: Any) -> int:
    """The maximum number of characters of the free text of an "other" option."""
    return int((question.settings or {}).get("other_max_length") or SHORT_TEXT_LIMIT)


def _option_codes(question: Any) -> list[str]:
    return [option.code for option in question.options]


def _validate_text(question: Any, raw: Raw) -> list[Row]:
    values = _values(raw)
    if len(values) > 1:
        raise AnswerError(N_("This answer cannot be accepted for this question."))
    if not values:
        return []
    multiline = question.kind == QuestionKind.LONG_TEXT
    text = _text(values[0], text_limit(question), multiline=multiline)
    return [{"text": text}] if text else []


def _other_text(question: Any, raw: Raw) -> str:
    values = _values(raw, OTHER_PART)
    if not values:
        return ""
    return _text(values[0], other_limit(question), OTHER_PART, multiline=False)


def _validate_single_choice(question: Any, raw: Raw) -> list[Row]:
    settings = question.settings or {}
    code = _single(raw)
    other = _other_text(question, raw) if settings.get("other") else ""
    if code is None:
        # Typing into "other" without ticking it still means "other".
        return [{"option_code": OTHER, "text": other}] if other else []
    if code == OTHER and settings.get("other"):
        if not other:
            raise AnswerError(N_("Please describe your other answer."), OTHER_PART)
        return [{"option_code": OTHER, "text": other}]
    if code not in _option_codes(question):
        raise AnswerError(N_("Please choose one of the options shown."))
    if other:
        raise AnswerError(
            N_('You wrote a text for "Other": please choose "Other" or delete the text.'),
            OTHER_PART,
        )
    return [{"option_code": code}]


def _validate_multiple_choice(question: Any, raw: Raw) -> list[Row]:
    settings = question.settings or {}
    codes = list(dict.fromkeys(value.strip() for value in _values(raw)))
    allowed = set(_option_codes(question))
    if settings.get("other"):
        allowed.add(OTHER)
    if any(code not in allowed for code in codes):
        raise AnswerError(N_("Please choose one of the options shown."))
    other = _other_text(question, raw) if settings.get("other") else ""
    if other and OTHER not in codes:
        codes.append(OTHER)
    if OTHER in codes and not other:
        raise AnswerError(N_("Please describe your other answer."), OTHER_PART)
    if not codes:
        return []
    low = int(settings.get("min_selected") or 0)
    high = settings.get("max_selected")
    if len(codes) < low:
        raise AnswerError(N_("Please choose at least %(n)s of the options."), n=low)
    if high is not None and len(codes) > int(high):
        raise AnswerError(N_("Please choose no more than %(n)s of the options."), n=int(high))
    options = [code for code in _option_codes(question) if code in codes]
    rows: list[Row] = [{"option_code": code} for code in options]
    if OTHER in codes:
        rows.append({"option_code": OTHER, "text": other})
    return rows


def scale_range(question: Any) -> tuple[int, int]:
    settings = question.settings or {}
    return int(settings.get("min", 1)), int(settings.get("max", 5))


def _validate_scale(question: Any, raw: Raw) -> list[Row]:
    value = _single(raw)
    if value is None:
        return []
    if value == DONT_KNOW and (question.settings or {}).get("dont_know"):
        return [{"option_code": DONT_KNOW}]
    low, high = scale_range(question)
    number = parse_number(value)
    if number is None or not number.is_integer() or not low <= number <= high:
        raise AnswerError(N_("Please choose a value from %(min)s to %(max)s."), min=low, max=high)
    return [{"number": float(number)}]


def _validate_yes_no(question: Any, raw: Raw) -> list[Row]:
    value = _single(raw)
    if value is None:
        return []
    allowed = [YES, NO]
    if KINDS[QuestionKind.YES_NO].setting(question.settings, "dont_know"):
        allowed.append(DONT_KNOW)
    if value not in allowed:
        raise AnswerError(N_("Please choose one of the options shown."))
    return [{"option_code": value}]


def _validate_consent(question: Any, raw: Raw) -> list[Row]:
    """One checkbox: ticked is stored as "yes", not ticked is no answer."""
    value = _single(raw)
    if value is None:
        return []
    if value != YES:
        raise AnswerError(N_("This answer cannot be accepted for this question."))
    return [{"option_code": YES}]


def _validate_matrix(question: Any, raw: Raw) -> list[Row]:
    """Every item (an option) rated on the question's scale: one row per rated item."""
    codes = _option_codes(question)
    unknown = [
        key for key in raw if key.startswith(ITEM_PREFIX) and key[len(ITEM_PREFIX) :] not in codes
    ]
    if unknown:
        raise AnswerError(N_("Please choose one of the options shown."))
    low, high = scale_range(question)
    rows: list[Row] = []
    for code in codes:
        part = ITEM_PREFIX + code
        value = _single({VALUE: _values(raw, part)})
        if not value:
            continue
        number = parse_number(value)
        if number is None or not number.is_integer() or not low <= number <= high:
            raise AnswerError(
                N_("Please choose a value from %(min)s to %(max)s."), part, min=low, max=high
            )
        rows.append({"option_code": code, "number": float(number)})
    return rows


def _decimal_text(number: float, language: str | None) -> str:
    try:
        return format_decimal(number, locale=language or "de", decimal_quantization=False)
    except (ValueError, TypeError, UnknownLocaleError):
        return str(number)


def _validate_number(question: Any, raw: Raw, language: str | None = None) -> list[Row]:
    values = _values(raw)
    if len(values) > 1:
        raise AnswerError(N_("This answer cannot be accepted for this question."))
    if not values:
        return []
    try:
        number = read_number(values[0], language)
    except AmbiguousNumber as unclear:
        # Never guess between 1500 and 1.5: the respondent says which was meant.
        raise AnswerError(
            N_(
                "Did you mean %(grouped)s or %(decimal)s? Please write the number "
                "without a thousands separator, e.g. %(grouped)s."
            ),
            grouped=format_limit(unclear.grouped),
            decimal=_decimal_text(unclear.decimal, language),
        ) from None
    if number is None:
        raise AnswerError(N_("Please enter a number, for example 12 or 3,5."))
    settings = question.settings or {}
    low, high = settings.get("min"), settings.get("max")
    too_low = low is not None and number < float(low)
    too_high = high is not None and number > float(high)
    if (too_low or too_high) and low is not None and high is not None:
        raise AnswerError(
            N_("Please enter a number from %(min)s to %(max)s."),
            min=format_limit(low),
            max=format_limit(high),
        )
    if too_low and low is not None:
        raise AnswerError(N_("Please enter a number of at least %(min)s."), min=format_limit(low))
    if too_high and high is not None:
        raise AnswerError(N_("Please enter a number of at most %(max)s."), max=format_limit(high))
    if settings.get("integer") and not number.is_integer():
        raise AnswerError(N_("Please enter a whole number."))
    return [{"number": number}]


def _validate_date(question: Any, raw: Raw) -> list[Row]:
    values = _values(raw)
    if len(values) > 1:
        raise AnswerError(N_("This answer cannot be accepted for this question."))
    if not values:
        return []
    day = parse_date(values[0])
    if day is None:
        raise AnswerError(N_("Please enter a valid date, for example 31.12.2024."))
    return [{"text": day.isoformat()}]


def _validate_ranking(question: Any, raw: Raw) -> list[Row]:
    codes = _option_codes(question)
    unknown = [
        key for key in raw if key.startswith(RANK_PREFIX) and key[len(RANK_PREFIX) :] not in codes
    ]
    if unknown:
        raise AnswerError(N_("Please choose one of the options shown."))
    ranks: dict[str, float | None] = {}
    for code in codes:
        values = _values(raw, RANK_PREFIX + code)
        ranks[code] = parse_number(values[0]) if len(values) == 1 else None
        if len(values) > 1:
            raise AnswerError(N_("This answer cannot be accepted for this question."))
    given = {code: rank for code, rank in ranks.items() if _values(raw, RANK_PREFIX + code)}
    if not given:
        return []
    n = len(codes)
    expected = {float(rank) for rank in range(1, n + 1)}
    first_missing = next((code for code in codes if ranks[code] is None), codes[0])
    if len(given) != n or {rank for rank in given.values()} != expected:
        raise AnswerError(
            N_("Please give each item a different rank from 1 to %(n)s."),
            RANK_PREFIX + first_missing,
            n=n,
        )
    return [
        {"option_code": code, "number": rank}
        for code, rank in sorted(given.items(), key=lambda item: item[1] or 0)
    ]


_VALIDATORS = {
    QuestionKind.SHORT_TEXT: _validate_text,
    QuestionKind.LONG_TEXT: _validate_text,
    QuestionKind.SINGLE_CHOICE: _validate_single_choice,
    QuestionKind.MULTIPLE_CHOICE: _validate_multiple_choice,
    QuestionKind.SCALE: _validate_scale,
    QuestionKind.YES_NO: _validate_yes_no,
    QuestionKind.NUMBER: _validate_number,
    QuestionKind.DATE: _validate_date,
    QuestionKind.RANKING: _validate_ranking,
    QuestionKind.CONSENT: _validate_consent,
    QuestionKind.MATRIX: _validate_matrix,
}


def validate_answer(
    question: Any, raw: Raw, *, require: bool = True, language: str | None = None
) -> AnswerResult:
    """Normalise one question's raw values, or say what is wrong; numbers are read by the
    conventions of `language`, the language the respondent answers in.

    With `require=False` an unanswered required question is accepted (saving a draft page
    when going back, or "continue later"); the check happens again at submission.
    """
    try:
        validator = _VALIDATORS[QuestionKind(question.kind)]
    except (KeyError, ValueError):
        return AnswerResult(
            error=AnswerError(N_("This answer cannot be accepted for this question."))
        )
    try:
        if validator is _validate_number:
            rows = _validate_number(question, raw, language)
        else:
            rows = validator(question, raw)
    except AnswerError as error:
        return AnswerResult(error=error)
    if not rows and question.required and require:
        return AnswerResult(error=AnswerError(_required_message(question), _first_part(question)))
    if question.kind == QuestionKind.MATRIX and rows and question.required and require:
        rated = {row["option_code"] for row in rows}
        missing = [o.code for o in question.options if o.code not in rated]
        if missing:
            return AnswerResult(
                error=AnswerError(N_("Please rate every item."), ITEM_PREFIX + missing[0])
            )
    return AnswerResult(rows=rows)


def _required_message(question: Any) -> str:
    if question.kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
        return N_("Please answer this question.")
    if question.kind == QuestionKind.NUMBER:
        return N_("Please enter a number.")
    if question.kind == QuestionKind.DATE:
        return N_("Please enter a date.")
    if question.kind == QuestionKind.RANKING:
        return N_("Please put the items in order.")
    if question.kind == QuestionKind.CONSENT:
        return N_("Please tick the box to agree.")
    if question.kind == QuestionKind.MATRIX:
        return N_("Please rate every item.")
    return N_("Please choose an answer.")


def _first_part(question: Any) -> str:
    if question.kind == QuestionKind.RANKING and question.options:
        return RANK_PREFIX + question.options[0].code
    if question.kind == QuestionKind.MATRIX and question.options:
        return ITEM_PREFIX + question.options[0].code
    return VALUE


def raw_from_rows(question: Any, rows: Sequence[Row]) -> dict[str, list[str]]:
    """Stored rows back into raw form values, to fill a page with what was saved."""
    raw: dict[str, list[str]] = {}
    for row in rows:
        code, text, number = row.get("option_code"), row.get("text"), row.get("number")
        if question.kind == QuestionKind.RANKING and code:
            raw[RANK_PREFIX + code] = [str(format_limit(number or 0))]
        elif question.kind == QuestionKind.MATRIX and code:
            raw[ITEM_PREFIX + code] = [str(format_limit(number or 0))]
        elif code:
            raw.setdefault(VALUE, []).append(code)
            if code == OTHER and text:
                raw[OTHER_PART] = [text]
        elif number is not None:
            raw[VALUE] = [str(format_limit(number))]
        elif text is not None:
            raw[VALUE] = [text]
    return raw


def validate_page(
    questions: Sequence[Any],
    raw_by_code: Mapping[str, Raw],
    earlier: Mapping[str, Sequence[Row]],
    *,
    require: bool = True,
    language: str | None = None,
) -> tuple[dict[str, list[Row]], dict[str, AnswerError]]:
    """Validate the questions of one page in order, evaluating show_if as it goes.

    `earlier` holds the stored rows of the other pages. Returns the rows of every visible,
    valid question of the page (hidden questions are left out: their answers are dropped)
    and the errors per question code.
    """
    chosen = chosen_codes(earlier)
    valid: dict[str, list[Row]] = {}
    errors: dict[str, AnswerError] = {}
    for question in questions:
        if not is_visible(question, chosen):
            continue
        result = validate_answer(
            question, raw_by_code.get(question.code, {}), require=require, language=language
        )
        if result.error is not None:
            errors[question.code] = result.error
            # A trigger with a broken answer still shows what it would show when fixed.
            chosen[question.code] = set(_values(raw_by_code.get(question.code, {})))
            continue
        valid[question.code] = result.rows
        chosen[question.code] = row_values(result.rows)
    return valid, errors
