"""The optional public results page of a closed consultation: aggregates only, suppressed,
and only the quotes facilitators marked for publication, in every offered language."""

from __future__ import annotations

from typing import Any

from flask import abort, g, render_template

from analysis.frames import respondent_count
from consult import reporting
from consult.extensions import db
from consult.respond import bp
from consult.respond.common import current_locale
from consult.results import formatted, results
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
    figures = [r for r in results(data) if not chosen or r.question.code in chosen]
    quotes = data.answers[data.answers["publish_quote"].astype(bool)].dropna(subset=["text"])
    respondents = respondent_count(data.respondents)
    return render_template(
        "respond/public_results.html",
        consultation=consultation,
        figures=figures,
        quotes=quotes.to_dict("records"),
        respondents=respondents,
        threshold=consultation.small_cell_threshold,
        formatted=formatted,
        outcomes=consultation.outcomes,
        outcome_labels=OUTCOME_STATUS_LABELS,
        field_labels=FIELD_OF_ACTION_LABELS,
        questions={q.id: q for q in consultation.questions},
    )
