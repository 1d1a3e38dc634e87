"""A per-process cache of what respondents see of a consultation, and of rendered questions.

Loading the consultation, 30 questions with their options through the ORM and rendering
them through Jinja macros cost far more than everything else on a questionnaire page. All
of it only changes when staff edit, and every such change raises
`Consultation.questionnaire_version` (see `surveys.versioning`). So each request asks the
database for that one number (`consultation`), and each worker keeps

- a snapshot of the consultation's columns (`surveys.answering.snapshot.ConsultationView`:
  frozen, no session, no relationships), shared by its requests,
- a snapshot of the sections, questions, options, groups and meeting (`Structure`), and
- the HTML of each question per language, split at the holes where a respondent's values
  go (`shells.split`); each reply fills in its respondent's values (`shells.fill`).

A question with an error to show is rendered afresh; typed answers are never cached.
Respondent views only read the consultation; staff views load it from the database.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

from flask import current_app
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from surveys.answering import drafts
from surveys.answering.drafts import Draft
from surveys.answering.snapshot import ConsultationView, QuestionView, Structure
from surveys.models import Consultation

MAX_FRAGMENTS = 20_000  # about 2 kB each: at most some 40 MB per worker, usually far less


class Cache:
    """One per application (so tests with a fresh database never see an earlier one)."""

    def __init__(self) -> None:
        self.rows: dict[int, ConsultationView] = {}
        self.structures: dict[int, Structure] = {}
        self.fragments: dict[tuple, list[str]] = {}
        self.lock = threading.Lock()


def _cache() -> Cache:
    return current_app.extensions["respond_cache"]


def init_app(app: Any) -> None:
    app.extensions["respond_cache"] = Cache()


def consultation(
    engine: Engine, session: Session, slug: str, draft_ids: Sequence[str]
) -> tuple[ConsultationView | None, Draft | None]:
    """This worker's snapshot of the consultation with this slug, and whichever of
    `draft_ids` is a response to it: one query on a connection of `engine`; `session` loads
    the row only when the snapshot is out of date."""
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
    fresh = ConsultationView.of(row)
    with cache.lock:
        cache.rows[row.id] = fresh
    return fresh, draft


def structure(consultation: ConsultationView, load: Any) -> Structure:
    """The cached structure of this consultation at its current version.

    `load()` returns the consultation from the database with its collections loaded (in few
    queries); it is called when the cache holds no current copy.
    """
    cache = _cache()
    cached = cache.structures.get(consultation.id)
    if cached is not None and cached.version == consultation.questionnaire_version:
        return cached
    fresh = Structure.of(load())
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
