"""The optional public results page of a closed consultation: aggregates only, suppressed,
and only the quotes facilitators marked for publication, in every offered language."""

from __future__ import annotations

from typing import Any

from flask import abort, g, render_template

from consult import reporting
from consult.extensions import db
from consult.respond import bp
from consult.respond.common import current_locale
from consult.results import disclosure_note, formatted, published
from surveys.models import Consultation, ReportSettings
from surveys.vocabulary import (
    FIELD_OF_ACTION_LABELS,
    OUTCOME_STATUS_LABELS,
    ConsultationStatus,
)

PUBLIC_STATUSES = (ConsultationStatus.CLOSED, ConsultationStatus.ARCHIVED)


@bp.get("/<slug>/results")
def public_results(slug: str) -> Any:
    consultation = g.consultation
    if consultation is None or consultation.status not in PUBLIC_STATUSES:
        abort(404)
    settings = db.session.query(ReportSettings).filter_by(consultation_id=consultation.id).first()
    if settings is None or not settings.public_results:
        abort(404)
    language = current_locale()
    consultation = db.get_or_404(Consultation, consultation.id)  # the report reads its rows
    data = reporting.load(db.session, consultation, language)
    chosen = set(settings.questions)
    view = published(data)
    figures = [r for r in view.results if not chosen or r.question.code in chosen]
    # Quotes only from questions with enough answers to quote from (analysis.published).
    quotable = {r.question.code for r in view.results if r.texts_shown}
    marked = data.answers[data.answers["publish_quote"].astype(bool)].dropna(subset=["text"])
    marked = marked[marked["question_code"].astype("object").isin(quotable)]
    quotes = [
        {
            "text": str(row["text"]),
            "language": str(row["language"]),
            # A missing translation is NaN in the frame: never print it.
            "translation": row["translation"] if isinstance(row["translation"], str) else None,
        }
        for _, row in marked.iterrows()
    ]
    respondents = view.respondents
    return render_template(
        "respond/public_results.html",
        consultation=consultation,
        figures=figures,
        quotes=quotes,
        respondents=respondents,
        disclosure_note=disclosure_note(consultation.small_cell_threshold),
        formatted=formatted,
        outcomes=consultation.outcomes,
        outcome_labels=OUTCOME_STATUS_LABELS,
        field_labels=FIELD_OF_ACTION_LABELS,
        questions={q.id: q for q in consultation.questions},
    )
