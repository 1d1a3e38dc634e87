"""The API's resources: consultations, one questionnaire, and the OpenAPI description."""

from __future__ import annotations

from typing import Any

from flask import abort, jsonify, request
from flask_babel import force_locale

from analysis.published import NOISE
from consult import links, reporting
from consult.api import _error, bp, token_required
from consult.api.openapi import document
from consult.extensions import db
from consult.results import published
from surveys import conditions, consultations, rules
from surveys.models import Consultation
from surveys.texts import pick


def _load(slug: str) -> Consultation:
    consultation = consultations.get_by_slug(db.session, slug, with_questionnaire=True)
    if consultation is None:
        abort(404, "No consultation with this slug.")
    return consultation


@bp.get("/consultations")
@token_required()
def list_consultations() -> Any:
    items = []
    for row in consultations.list_with_counts(db.session):
        c = row.consultation
        items.append(
            {
                "slug": c.slug,
                "title": dict(c.title),
                "status": c.status,
                "languages": list(c.languages),
                "opens_at": c.opens_at.isoformat() if c.opens_at else None,
                "closes_at": c.closes_at.isoformat() if c.closes_at else None,
                "submitted_responses": row.submitted,
                "public_url": links.public_url(c),
                "url": links.absolute("api.questionnaire", slug=c.slug),
            }
        )
    return jsonify({"consultations": items})


@bp.get("/consultations/<slug>")
@token_required()
def questionnaire(slug: str) -> Any:
    consultation = _load(slug)
    lang = request.args.get("lang", consultation.source_language)
    if lang not in consultation.languages:
        return _error(400, f"lang must be one of: {', '.join(consultation.languages)}")
    fallbacks = list(consultation.languages)

    def text(texts: dict[str, str]) -> str:
        return pick(texts, lang, fallbacks)

    sections = []
    for section in consultation.sections:
        questions = []
        for q in section.questions:
            settings = {k: (text(v) if isinstance(v, dict) else v) for k, v in q.settings.items()}
            questions.append(
                {
                    "code": q.code,
                    "kind": q.kind,
                    "required": q.required,
                    "prompt": text(q.prompt),
                    "help_text": text(q.help_text),
                    "field_of_action": q.field_of_action,
                    "settings": settings,
                    "show_if": conditions.normalise(q.show_if),
                    "options": [{"code": o.code, "label": text(o.label)} for o in q.options],
                }
            )
        sections.append(
            {
                "title": text(section.title),
                "show_if": conditions.normalise(section.show_if),
                "questions": questions,
            }
        )
    return jsonify(
        {
            "slug": consultation.slug,
            "language": lang,
            "languages": fallbacks,
            "status": consultation.status,
            "title": text(consultation.title),
            "introduction": text(consultation.introduction),
            "groups": [{"code": g.code, "label": text(g.label)} for g in consultation.groups],
            "sections": sections,
        }
    )


@bp.get("/consultations/<slug>/results")
@token_required(rules.may_review)
def results(slug: str) -> Any:
    """Aggregated figures per question, with small-cell suppression (null = suppressed)."""
    consultation = _load(slug)
    lang = request.args.get("lang", consultation.source_language)
    if lang not in consultation.languages:
        return _error(400, f"lang must be one of: {', '.join(consultation.languages)}")
    with force_locale(lang):
        data = reporting.load(db.session, consultation, lang)
        view = published(data)
    return jsonify(
        {
            "slug": consultation.slug,
            "language": lang,
            "respondents": view.respondents,
            "threshold": consultation.small_cell_threshold,
            "noise": NOISE,
            "questions": [
                {
                    "code": r.question.code,
                    "kind": r.question.kind,
                    "label": r.question.label,
                    "field_of_action": r.question.field_of_action,
                    "n": r.n,
                    "no_answer": r.no_answer,
                    "suppressed": r.suppressed,
                    "rows": [
                        {
                            "code": row.code,
                            "label": row.label,
                            "count": row.count,
                            "share": row.share,
                            **(
                                {"mean_rank": row.mean_rank} if r.question.kind == "ranking" else {}
                            ),
                            **({"mean": row.mean} if r.question.kind == "matrix" else {}),
                        }
                        for row in r.rows
                    ],
                    "stats": r.stats,
                }
                for r in view.results
            ],
        }
    )


@bp.get("/openapi.json")
def openapi() -> Any:
    return jsonify(document(links.absolute("api.list_consultations").rsplit("/", 1)[0]))
