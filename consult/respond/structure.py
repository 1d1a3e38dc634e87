"""A per-process cache of what respondents see of a consultation, and of rendered questions.

Loading the consultation, 30 questions with their options through the ORM and rendering
them through Jinja macros cost far more than everything else on a questionnaire page. All
of it only changes when staff edit, and every such change raises
`Consultation.questionnaire_version` (see `surveys.versioning`). So each request asks the
database for that one number (`consultation`), and each worker keeps

- a detached copy of the consultation row, which the respondent views read as it is
  (it is never changed, so requests share it); views that need its relationships or
  write through it attach it to their session first (`common.attached`, no query), and
  joining a session in any other way (a cascade, say) is refused,
- a frozen copy of the sections, questions and options (plain objects with the same
  attribute names, which the page templates and the validation helpers read), and
- the HTML of each question per language, split at the holes where a respondent's values
  go (`shells.split`); each reply fills in its respondent's values (`shells.fill`).

A question with an error to show is rendered afresh; typed answers are never cached.
Respondent views only read the consultation; staff views load it from the database.
"""

from __future__ import annotations

import copy
import threading
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from flask import current_app
from sqlalchemy import Engine, event, inspect
from sqlalchemy.orm import Session, make_transient_to_detached

from surveys.answering import drafts
from surveys.answering.drafts import Draft
from surveys.models import Consultation
from surveys.vocabulary import QuestionKind

MAX_FRAGMENTS = 20_000  # about 2 kB each: at most some 40 MB per worker, usually far less


@dataclass(frozen=True)
class OptionView:
    id: int
    code: str
    label: dict[str, str]


@dataclass(frozen=True)
class QuestionView:
    id: int
    code: str
    kind: str
    required: bool
    prompt: dict[str, str]
    help_text: dict[str, str]
    settings: dict[str, Any]
    show_if: dict[str, Any] | None
    options: tuple[OptionView, ...]

    @property
    def question_kind(self) -> QuestionKind:
        return QuestionKind(self.kind)


@dataclass(frozen=True)
class SectionView:
    id: int
    title: dict[str, str]
    description: dict[str, str]
    questions: tuple[QuestionView, ...]


@dataclass(frozen=True)
class GroupView:
    id: int
    consultation_id: int
    code: str
    label: dict[str, str]


@dataclass(frozen=True)
class MeetingView:
    title: str
    agenda_item: str
    starts_at: Any
    committee: str


@dataclass(frozen=True)
class Structure:
    consultation_id: int
    version: int
    sections: tuple[SectionView, ...]
    groups: tuple[GroupView, ...]
    meeting: MeetingView | None

    @property
    def questions(self) -> list[QuestionView]:
        return [q for section in self.sections for q in section.questions]


class Cache:
    """One per application (so tests with a fresh database never see an earlier one)."""

    def __init__(self) -> None:
        self.rows: dict[int, Consultation] = {}
        self.structures: dict[int, Structure] = {}
        self.fragments: dict[tuple, list[str]] = {}
        self.lock = threading.Lock()


def _cache() -> Cache:
    return current_app.extensions["respond_cache"]


def init_app(app: Any) -> None:
    app.extensions["respond_cache"] = Cache()


def consultation(
    engine: Engine, session: Session, slug: str, draft_ids: Sequence[str]
) -> tuple[Consultation | None, Draft | None]:
    """This worker's current copy of the consultation with this slug (detached, shared, not
    to be changed), and whichever of `draft_ids` is a response to it: one query on a
    connection of `engine`; `session` loads the row only when the copy is out of date."""
    found = drafts.consultation_and_draft(engine, slug, draft_ids)
    if found is None:
        return None, None
    consultation_id, version, draft = found
    cache = _cache()
    cached = cache.rows.get(consultation_id)
    if cached is not None and cached.questionnaire_version == version:
        return cached, draft
    row = session.get(Consultation, consultation_id, populate_existing=True)
    if row is None:  # deleted in between
        return None, None
    fresh = _shared_copy(row)
    with cache.lock:
        cache.rows[row.id] = fresh
    return fresh, draft


_SHARED: weakref.WeakSet = weakref.WeakSet()


def _shared_copy(row: Consultation) -> Consultation:
    """A copy of the row's columns only, as if loaded by a session that has since closed."""
    values = {
        attr.key: copy.copy(getattr(row, attr.key)) for attr in inspect(Consultation).column_attrs
    }
    detached = Consultation(**values)
    make_transient_to_detached(detached)
    _SHARED.add(detached)
    return detached


@event.listens_for(Session, "before_attach")
def _refuse_shared_copy(_session: Session, instance: Any) -> None:
    if instance in _SHARED:
        raise RuntimeError(
            "A worker's shared copy of a consultation must not join a session; "
            "use consult.respond.common.attached(consultation)."
        )


def attached(session: Session, consultation: Consultation) -> Consultation:
    """The consultation as an object of `session`, without a query when it is a shared copy."""
    if consultation in _SHARED:
        return session.merge(consultation, load=False)
    return consultation


def _copy(consultation: Consultation) -> Structure:
    sections = tuple(
        SectionView(
            id=section.id,
            title=dict(section.title or {}),
            description=dict(section.description or {}),
            questions=tuple(
                QuestionView(
                    id=q.id,
                    code=q.code,
                    kind=q.kind,
                    required=bool(q.required),
                    prompt=dict(q.prompt or {}),
                    help_text=dict(q.help_text or {}),
                    settings=dict(q.settings or {}),
                    show_if=dict(q.show_if) if q.show_if else None,
                    options=tuple(
                        OptionView(id=o.id, code=o.code, label=dict(o.label or {}))
                        for o in q.options
                    ),
                )
                for q in section.questions
            ),
        )
        for section in consultation.sections
    )
    groups = tuple(
        GroupView(id=g.id, consultation_id=consultation.id, code=g.code, label=dict(g.label or {}))
        for g in consultation.groups
    )
    meeting = consultation.meeting
    return Structure(
        consultation.id,
        consultation.questionnaire_version,
        sections,
        groups,
        MeetingView(meeting.title, meeting.agenda_item, meeting.starts_at, meeting.committee.name)
        if meeting is not None
        else None,
    )


def structure(consultation: Consultation, load: Any) -> Structure:
    """The cached structure of this consultation at its current version.

    `load()` returns the consultation from the database with its collections loaded (in few
    queries); it is called when the cache holds no current copy.
    """
    cache = _cache()
    cached = cache.structures.get(consultation.id)
    if cached is not None and cached.version == consultation.questionnaire_version:
        return cached
    fresh = _copy(load())
    with cache.lock:
        cache.structures[consultation.id] = fresh
    return fresh


def fragment_key(
    structure: Structure, locale: str, langs: list[str], question: QuestionView
) -> tuple:
    return (structure.consultation_id, structure.version, locale, tuple(langs), question.code)


def cached_fragment(key: tuple) -> list[str] | None:
    return _cache().fragments.get(key)


def remember_fragment(key: tuple, parts: list[str]) -> None:
    cache = _cache()
    with cache.lock:
        if len(cache.fragments) >= MAX_FRAGMENTS:
            cache.fragments.clear()
        cache.fragments[key] = parts


def question_macro(context: dict[str, Any]) -> Any:
    """The `question` macro of respond/_question.html, bound to `context`."""
    template = current_app.jinja_env.get_template("respond/_question.html")
    module: Any = template.make_module(vars=context)  # a macro is an attribute Jinja adds
    return module.question
