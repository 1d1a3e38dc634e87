"""Paper: printable questionnaires (HTML and PDF) and staff entering paper responses.

Routes: `/c/<slug>/print` and `/c/<slug>/print.pdf` (public, once published),
`/staff/consultations/<id>/print[.pdf]` (authors, drafts too), and under
`/staff/consultations/<id>/paper` the list of paper responses, entering a sheet, entering it
a second time and resolving differences (`surveys.rules.may_enter_paper`). The rules live in
`surveys.answering.paper`.
"""

from __future__ import annotations

from flask import Blueprint, Flask, g

from consult.respond.fields import (
    choices_for,
    describedby,
    field_id,
    field_name,
    fixed_label,
    limit_of,
    scale_points,
)
from surveys.answering.validation import other_limit

bp = Blueprint("paper", __name__)


@bp.context_processor
def _question_helpers() -> dict:
    """What `respond/_question.html` needs, so staff type into the respondents' inputs."""
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
    }


def init_app(app: Flask) -> None:
    from consult.paper import entry, printing  # noqa: F401  (register routes)

    app.register_blueprint(bp)
