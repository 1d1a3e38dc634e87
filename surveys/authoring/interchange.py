"""The questionnaire interchange format: versioned JSON that round-trips exactly.

Documented in docs/questionnaire-format.md. Must not import flask, wtforms, consult,
analysis or pandas.
"""

from __future__ import annotations

import math
import re
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from surveys import conditions
from surveys.administration.audit import record
from surveys.authoring.setup import (
    SLUG,
    SLUG_MAX,
    MeetingData,
    find_or_create_meeting,
    parse_languages,
    unique_slug,
)
from surveys.authoring.structure import CODE, OPTION_CODE
from surveys.errors import Invalid
from surveys.kinds import KINDS
from surveys.models import Consultation, Option, Question, Section, StakeholderGroup, User
from surveys.texts import has_non_text
from surveys.vocabulary import N_, AccessMode, ConsultationStatus, FieldOfAction, QuestionKind

FORMAT = "consult-questionnaire"
VERSION = 2
# Version 1 had only one-question conditions on questions; it is read, never written.
READABLE_VERSIONS = (1, 2)


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _texts(value: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in dict(value or {}).items()}


def export_questionnaire(consultation: Consultation) -> dict[str, Any]:
    """The consultation's questionnaire and settings as plain JSON-ready data."""
    meeting = consultation.meeting
    return {
        "format": FORMAT,
        "version": VERSION,
        "consultation": {
            "slug": consultation.slug,
            "languages": list(consultation.languages),
            "title": _texts(consultation.title),
            "introduction": _texts(consultation.introduction),
            "privacy_notice": _texts(consultation.privacy_notice),
            "controller_contact": consultation.controller_contact or "",
            "access_mode": consultation.access_mode,
            "anonymous": bool(consultation.anonymous),
            "small_cell_threshold": consultation.small_cell_threshold,
            "estimated_minutes": consultation.estimated_minutes,
            "opens_at": _time(consultation.opens_at),
            "closes_at": _time(consultation.closes_at),
            "meeting": None
            if meeting is None
            else {
                "committee": meeting.committee.name,
                "committee_names": _texts(meeting.committee.names),
                "title": meeting.title,
                "titles": _texts(meeting.titles),
                "starts_at": _time(meeting.starts_at),
                "agenda_item": meeting.agenda_item or "",
                "paper_number": meeting.paper_number or "",
            },
            "groups": [{"code": g.code, "label": _texts(g.label)} for g in consultation.groups],
            "sections": [
                {
                    "title": _texts(section.title),
                    "description": _texts(section.description),
                    "show_if": conditions.normalise(section.show_if),
                    "questions": [_export_question(q) for q in section.questions],
                }
                for section in consultation.sections
            ],
        },
    }


def _export_question(question: Question) -> dict[str, Any]:
    return {
        "code": question.code,
        "kind": question.kind,
        "required": bool(question.required),
        "prompt": _texts(question.prompt),
        "help_text": _texts(question.help_text),
        "field_of_action": question.field_of_action,
        "settings": dict(question.settings or {}),
        "show_if": conditions.normalise(question.show_if),
        "options": [{"code": o.code, "label": _texts(o.label)} for o in question.options],
    }


def _fail(path: str, message: str, **params: Any) -> Invalid:
    """`message` is a msgid naming the place with %(path)s, e.g. "$.sections[0].code"."""
    return Invalid(message, path=path, **params)


def _object(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(path, N_("%(path)s: expected an object."))
    return value


def _list(value: Any, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise _fail(path, N_("%(path)s: expected a list."))
    return value


def _translated(value: Any, path: str) -> dict[str, str]:
    texts = _object(value or {}, path)
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in texts.items()):
        raise _fail(path, N_("%(path)s: expected texts by language code."))
    if any(has_non_text(k) or has_non_text(v) for k, v in texts.items()):
        raise _fail(
            path, N_("%(path)s: contains characters that are not text (e.g. a lone surrogate).")
        )
    return dict(texts)


def _code(value: Any, path: str, pattern: re.Pattern[str] = CODE) -> str:
    if not isinstance(value, str) or not pattern.match(value):
        raise _fail(path, N_("%(path)s: not a valid code."))
    return value


def _boolean(value: Any, path: str, default: bool) -> bool:
    if value is None:
        return default
    if not isinstance(value, bool):
        raise _fail(path, N_("%(path)s: expected true or false."))
    return value


def _whole(value: Any, path: str, low: int, high: int) -> int:
    """A whole number from `low` to `high`; true/false and 1.5 are refused, 3.0 is 3."""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _fail(
            path,
            N_("%(path)s: expected a whole number from %(min)s to %(max)s."),
            min=low,
            max=high,
        )
    return value


def _number(value: Any, path: str) -> int | float:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or abs(value) > 1e12
    ):
        raise _fail(path, N_("%(path)s: expected a number."))
    return value


def _string(value: Any, path: str, limit: int = 2000) -> str:
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > limit:
        raise _fail(path, N_("%(path)s: expected a text of at most %(n)s characters."), n=limit)
    if has_non_text(value):
        raise _fail(
            path, N_("%(path)s: contains characters that are not text (e.g. a lone surrogate).")
        )
    return value


def _slug(value: Any, path: str) -> str:
    if not isinstance(value, str) or len(value) > SLUG_MAX or not SLUG.match(value):
        raise _fail(
            path, N_("%(path)s: only lower-case letters, digits and single hyphens are allowed.")
        )
    return value


# Per kind: each setting and how it is read. Anything else is refused, so a typo never
# vanishes silently and no page meets a value it cannot show.
_SETTINGS: dict[str, dict[str, str]] = {
    str(name): dict(kind.settings) for name, kind in KINDS.items() if kind.settings
}
SCALE_LIMIT = 100
MAX_SCALE_POINTS = 21


def _settings(kind: str, value: Any, path: str) -> dict[str, Any]:
    raw = _object(value or {}, path)
    allowed = _SETTINGS.get(kind, {})
    settings: dict[str, Any] = {}
    for name, item in raw.items():
        where = f"{path}.{name}"
        reader = allowed.get(name)
        if reader is None:
            raise _fail(where, N_("%(path)s: not a setting of this kind of question."))
        if reader == "bool":
            settings[name] = _boolean(item, where, False)
        elif reader == "texts":
            settings[name] = _translated(item, where)
        elif reader == "scale":
            settings[name] = _whole(item, where, -SCALE_LIMIT, SCALE_LIMIT)
        elif reader == "count":
            settings[name] = _whole(item, where, 0, 1000)
        elif reader == "length":
            settings[name] = _whole(item, where, 1, 100_000)
        else:
            settings[name] = _number(item, where)
    if kind in (QuestionKind.SCALE, QuestionKind.MATRIX):
        low, high = settings.get("min", 1), settings.get("max", 5)
        if not low < high or high - low >= MAX_SCALE_POINTS:
            raise _fail(
                path,
                N_("%(path)s: a scale goes from a lower to a higher number, at most %(n)s points."),
                n=MAX_SCALE_POINTS,
            )
    for low_name, high_name in (("min", "max"), ("min_selected", "max_selected")):
        low, high = settings.get(low_name), settings.get(high_name)
        if low is not None and high is not None and low > high:
            raise _fail(path, N_("%(path)s: the minimum is above the maximum."))
    return settings


def _datetime(value: Any, path: str) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        raise _fail(path, N_("%(path)s: not an ISO 8601 date and time.")) from None
    if moment.tzinfo is None:
        raise _fail(path, N_("%(path)s: needs a time zone offset."))
    return moment


def import_questionnaire(
    session: Session, data: Any, actor: User | None = None, slug: str | None = None
) -> Consultation:
    """A new draft consultation from exported data; any invalid part raises and adds nothing."""
    root = _object(data, "$")
    if root.get("format") != FORMAT:
        raise _fail("$.format", N_("%(path)s: must be %(expected)s."), expected=repr(FORMAT))
    if root.get("version") not in READABLE_VERSIONS:
        raise _fail(
            "$.version",
            N_("%(path)s: version %(version)s is not supported."),
            version=repr(root.get("version")),
        )
    c = _object(root.get("consultation"), "$.consultation")
    language_list = _list(c.get("languages"), "$.consultation.languages")
    if not all(isinstance(code, str) for code in language_list):
        raise _fail("$.consultation.languages", N_("%(path)s: expected texts by language code."))
    languages = parse_languages(" ".join(language_list))
    access_mode = c.get("access_mode", AccessMode.PUBLIC)
    if access_mode not in set(AccessMode):
        raise _fail("$.consultation.access_mode", N_("%(path)s: unknown access mode."))
    threshold = _whole(
        c.get("small_cell_threshold", 5), "$.consultation.small_cell_threshold", 1, 1000
    )
    if slug is not None:
        _slug(slug, "--slug")
    wanted_slug = slug or _slug(c.get("slug") or "consultation", "$.consultation.slug")
    minutes = c.get("estimated_minutes")
    consultation = Consultation(
        slug=unique_slug(session, wanted_slug),
        languages=languages,
        title=_translated(c.get("title"), "$.consultation.title"),
        introduction=_translated(c.get("introduction"), "$.consultation.introduction"),
        privacy_notice=_translated(c.get("privacy_notice"), "$.consultation.privacy_notice"),
        controller_contact=_string(
            c.get("controller_contact"), "$.consultation.controller_contact"
        ),
        access_mode=access_mode,
        anonymous=_boolean(c.get("anonymous"), "$.consultation.anonymous", True),
        small_cell_threshold=threshold,
        estimated_minutes=10
        if minutes is None
        else _whole(minutes, "$.consultation.estimated_minutes", 1, 600),
        opens_at=_datetime(c.get("opens_at"), "$.consultation.opens_at"),
        closes_at=_datetime(c.get("closes_at"), "$.consultation.closes_at"),
        status=ConsultationStatus.DRAFT,
    )
    group_codes: set[str] = set()
    for i, raw in enumerate(_list(c.get("groups") or [], "$.consultation.groups")):
        path = f"$.consultation.groups[{i}]"
        group = _object(raw, path)
        code = _code(group.get("code"), f"{path}.code")
        if code in group_codes:
            raise _fail(f"{path}.code", N_("%(path)s: used twice."))
        group_codes.add(code)
        consultation.groups.append(
            StakeholderGroup(code=code, label=_translated(group.get("label"), f"{path}.label"))
        )
    question_codes: set[str] = set()
    earlier: list[Question] = []
    for s, raw_section in enumerate(_list(c.get("sections") or [], "$.consultation.sections")):
        path = f"$.consultation.sections[{s}]"
        section_data = _object(raw_section, path)
        section = Section(
            title=_translated(section_data.get("title"), f"{path}.title"),
            description=_translated(section_data.get("description"), f"{path}.description"),
            show_if=_condition(section_data.get("show_if"), f"{path}.show_if"),
        )
        _check_condition(section.show_if, earlier, f"{path}.show_if")
        consultation.sections.append(section)
        for q, raw_question in enumerate(
            _list(section_data.get("questions") or [], f"{path}.questions")
        ):
            question_path = f"{path}.questions[{q}]"
            question = _import_question(raw_question, question_path, question_codes)
            _check_condition(question.show_if, earlier, f"{question_path}.show_if")
            section.questions.append(question)
            question.consultation = consultation
            earlier.append(question)
    meeting_data = c.get("meeting")
    if meeting_data is not None:
        meeting = _object(meeting_data, "$.consultation.meeting")
        starts_at = _datetime(meeting.get("starts_at"), "$.consultation.meeting.starts_at")
        where = "$.consultation.meeting"
        committee = _string(meeting.get("committee"), f"{where}.committee", 200).strip()
        title = _string(meeting.get("title"), f"{where}.title", 200).strip()
        if starts_at is None or not committee or not title:
            raise _fail(where, N_("%(path)s: needs committee, title and starts_at."))
        consultation.meeting = find_or_create_meeting(
            session,
            MeetingData(
                committee=committee,
                title=title,
                starts_at=starts_at,
                agenda_item=_string(meeting.get("agenda_item"), f"{where}.agenda_item", 200),
                paper_number=_string(meeting.get("paper_number"), f"{where}.paper_number", 200),
            ),
        )
        # The names in other languages (version 2); a translation already stored is kept.
        found = consultation.meeting
        assert found is not None  # just found or created
        for owner, key in ((found.committee, "committee_names"), (found, "titles")):
            given = _translated(meeting.get(key) or {}, f"{where}.{key}")
            attr = "names" if key == "committee_names" else "titles"
            if given:
                setattr(owner, attr, {**given, **(getattr(owner, attr) or {})})
    session.add(consultation)
    session.flush()
    record(session, "consultation.import", user=actor, obj=consultation, slug=consultation.slug)
    return consultation


def _condition(value: Any, path: str) -> dict[str, Any] | None:
    """A condition of either version, checked for shape and given in the version-2 shape."""
    if value is None:
        return None
    data = _object(value, path)
    if not data:
        return None
    if "question" in data:
        clauses_path, raw_clauses = path, [data]
    else:
        modes = [m for m in conditions.MODES if m in data]
        if len(modes) != 1 or len(data) != 1:
            raise _fail(path, N_("%(path)s: needs exactly one of all or any."))
        clauses_path = f"{path}.{modes[0]}"
        raw_clauses = _list(data[modes[0]], clauses_path)
    mode = conditions.ANY if conditions.ANY in data else conditions.ALL
    clauses: list[dict[str, Any]] = []
    for i, raw in enumerate(raw_clauses):
        where = clauses_path if "question" in data else f"{clauses_path}[{i}]"
        clause = _object(raw, where)
        code = _code(clause.get("question"), f"{where}.question")
        if "options" in clause:
            options = _list(clause.get("options"), f"{where}.options")
            codes = [_code(o, f"{where}.options[{n}]", OPTION_CODE) for n, o in enumerate(options)]
            clauses.append({"question": code, "options": codes})
            continue
        number_clause: dict[str, Any]
        op = clause.get("op")
        if op not in conditions.NUMBER_OPS:
            raise _fail(f"{where}.op", N_("%(path)s: must be one of =, <, > or between."))
        if op == conditions.BETWEEN:
            number_clause = {
                "question": code,
                "op": op,
                "min": _number(clause.get("min"), f"{where}.min"),
                "max": _number(clause.get("max"), f"{where}.max"),
            }
        else:
            value = _number(clause.get("value"), f"{where}.value")
            number_clause = {"question": code, "op": op, "value": value}
        clauses.append(number_clause)
    if not clauses:
        return None
    return {mode: clauses}


def _check_condition(show_if: dict[str, Any] | None, earlier: list[Question], path: str) -> None:
    if conditions.problems(show_if, earlier):
        raise _fail(
            path,
            N_("%(path)s: this condition can never be met."),
        )


def _import_question(raw: Any, path: str, taken: set[str]) -> Question:
    data = _object(raw, path)
    code = _code(data.get("code"), f"{path}.code")
    if code in taken:
        raise _fail(f"{path}.code", N_("%(path)s: used twice."))
    taken.add(code)
    kind = data.get("kind")
    if kind not in set(QuestionKind):
        raise _fail(f"{path}.kind", N_("%(path)s: unknown kind of question."))
    field_of_action = data.get("field_of_action")
    if field_of_action is not None and field_of_action not in set(FieldOfAction):
        raise _fail(f"{path}.field_of_action", N_("%(path)s: unknown field of action."))
    show_if = _condition(data.get("show_if"), f"{path}.show_if")
    question = Question(
        code=code,
        kind=kind,
        required=_boolean(data.get("required"), f"{path}.required", False),
        prompt=_translated(data.get("prompt"), f"{path}.prompt"),
        help_text=_translated(data.get("help_text"), f"{path}.help_text"),
        field_of_action=field_of_action,
        settings=_settings(kind, data.get("settings"), f"{path}.settings"),
        show_if=show_if,
    )
    option_codes: set[str] = set()
    for o, raw_option in enumerate(_list(data.get("options") or [], f"{path}.options")):
        option_path = f"{path}.options[{o}]"
        option = _object(raw_option, option_path)
        option_code = _code(option.get("code"), f"{option_path}.code", OPTION_CODE)
        if option_code in option_codes:
            raise _fail(f"{option_path}.code", N_("%(path)s: used twice."))
        option_codes.add(option_code)
        question.options.append(
            Option(code=option_code, label=_translated(option.get("label"), f"{option_path}.label"))
        )
    return question
