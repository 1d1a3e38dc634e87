"""The respondent journey: answer a published questionnaire without an account.

Routes (all under /c/<slug>): landing, invitation entry, one page per section, review,
submit, confirmation, continue later (code and link), resume, withdraw. The domain rules
live in `surveys.answering`; these views parse, load, call one service, commit once.
"""

from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("respond", __name__, url_prefix="/c")

from consult.respond import common, entry, questionnaire  # noqa: E402,F401  (register on bp)
from consult.respond.fields import (  # noqa: E402
    choices_for,
    describedby,
    field_id,
    field_name,
    fixed_label,
    limit_of,
    scale_points,
)
from surveys.answering.validation import other_limit  # noqa: E402


@bp.context_processor
def _helpers() -> dict:
    from flask import g

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
    from consult.respond import structure

    structure.init_app(app)
    app.register_blueprint(bp)
