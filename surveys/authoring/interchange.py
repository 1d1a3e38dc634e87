"""The questionnaire interchange format: versioned JSON that round-trips exactly.

Documented in docs/questionnaire-format.md. Must not import flask, wtforms, consult,
analysis or pandas.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from surveys.administration.audit import record
from surveys.authoring.setup import (
    MeetingData,
    find_or_create_meeting,
    parse_languages,
    unique_slug,
)
from surveys.authoring.structure import CODE
from surveys.errors import Invalid
from surveys.models import Consultation, Option, Question, Section, StakeholderGroup, User
from surveys.vocabulary import N_, AccessMode, ConsultationStatus, FieldOfAction, QuestionKind

FORMAT = "consult-questionnaire"
VERSION = 1


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
                "title": meeting.title,
                "starts_at": _time(meeting.starts_at),
                "agenda_item": meeting.agenda_item or "",
                "paper_number": meeting.paper_number or "",
            },
            "groups": [{"code": g.code, "label": _texts(g.label)} for g in consultation.groups],
            "sections": [
                {
                    "title": _texts(section.title),
                    "description": _texts(section.description),
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
        "show_if": dict(question.show_if) if question.show_if else None,
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
    return dict(texts)


def _code(value: Any, path: str) -> str:
    if not isinstance(value, str) or not CODE.match(value):
        raise _fail(path, N_("%(path)s: not a valid code."))
    return value


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
    if root.get("version") != VERSION:
        raise _fail(
            "$.version",
            N_("%(path)s: version %(version)s is not supported."),
            version=repr(root.get("version")),
        )
    c = _object(root.get("consultation"), "$.consultation")
    languages = parse_languages(" ".join(_list(c.get("languages"), "$.consultation.languages")))
    access_mode = c.get("access_mode", AccessMode.PUBLIC)
    if access_mode not in set(AccessMode):
        raise _fail("$.consultation.access_mode", N_("%(path)s: unknown access mode."))
    threshold = c.get("small_cell_threshold", 5)
    if not isinstance(threshold, int) or threshold < 1:
        raise _fail(
            "$.consultation.small_cell_threshold",
            N_("%(path)s: must be a whole number of at least 1."),
        )
    wanted_slug = slug or str(c.get("slug") or "consultation")
    consultation = Consultation(
        slug=unique_slug(session, wanted_slug),
        languages=languages,
        title=_translated(c.get("title"), "$.consultation.title"),
        introduction=_translated(c.get("introduction"), "$.consultation.introduction"),
        privacy_notice=_translated(c.get("privacy_notice"), "$.consultation.privacy_notice"),
        controller_contact=str(c.get("controller_contact") or ""),
        access_mode=access_mode,
        anonymous=bool(c.get("anonymous", True)),
        small_cell_threshold=threshold,
        estimated_minutes=int(c.get("estimated_minutes") or 10),
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
    for s, raw_section in enumerate(_list(c.get("sections") or [], "$.consultation.sections")):
        path = f"$.consultation.sections[{s}]"
        section_data = _object(raw_section, path)
        section = Section(
            title=_translated(section_data.get("title"), f"{path}.title"),
            description=_translated(section_data.get("description"), f"{path}.description"),
        )
        consultation.sections.append(section)
        for q, raw_question in enumerate(
            _list(section_data.get("questions") or [], f"{path}.questions")
        ):
            question = _import_question(raw_question, f"{path}.questions[{q}]", question_codes)
            section.questions.append(question)
            question.consultation = consultation
    meeting_data = c.get("meeting")
    if meeting_data is not None:
        meeting = _object(meeting_data, "$.consultation.meeting")
        starts_at = _datetime(meeting.get("starts_at"), "$.consultation.meeting.starts_at")
        if starts_at is None or not meeting.get("committee") or not meeting.get("title"):
            raise _fail(
                "$.consultation.meeting", N_("%(path)s: needs committee, title and starts_at.")
            )
        consultation.meeting = find_or_create_meeting(
            session,
            MeetingData(
                committee=str(meeting["committee"]),
                title=str(meeting["title"]),
                starts_at=starts_at,
                agenda_item=str(meeting.get("agenda_item") or ""),
                paper_number=str(meeting.get("paper_number") or ""),
            ),
        )
    session.add(consultation)
    session.flush()
    record(session, "consultation.import", user=actor, obj=consultation, slug=consultation.slug)
    return consultation


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
    show_if = data.get("show_if")
    if show_if is not None:
        _object(show_if, f"{path}.show_if")
    question = Question(
        code=code,
        kind=kind,
        required=bool(data.get("required", False)),
        prompt=_translated(data.get("prompt"), f"{path}.prompt"),
        help_text=_translated(data.get("help_text"), f"{path}.help_text"),
        field_of_action=field_of_action,
        settings=dict(_object(data.get("settings") or {}, f"{path}.settings")),
        show_if=dict(show_if) if show_if else None,
    )
    option_codes: set[str] = set()
    for o, raw_option in enumerate(_list(data.get("options") or [], f"{path}.options")):
        option_path = f"{path}.options[{o}]"
        option = _object(raw_option, option_path)
        option_code = _code(option.get("code"), f"{option_path}.code")
        if option_code in option_codes:
            raise _fail(f"{option_path}.code", N_("%(path)s: used twice."))
        option_codes.add(option_code)
        question.options.append(
            Option(code=option_code, label=_translated(option.get("label"), f"{option_path}.label"))
        )
    return question
