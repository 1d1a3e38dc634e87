"""The respondent journey: answer a published questionnaire without an account.

Routes (all under /c/<slug>): landing, invitation entry, one page per section, review,
submit, confirmation, continue later (code and link), resume, withdraw. The domain rules
live in `surveys.answering`; these views parse, load, call one service, commit once.
"""

from __future__ import annotations

from flask import Blueprint, Flask

from consult.respond.fields import question_helpers

bp = Blueprint("respond", __name__, url_prefix="/c")
bp.context_processor(question_helpers)


def init_app(app: Flask) -> None:
    from consult.respond import (  # noqa: F401  (register routes)
        common,
        entry,
        public_results,
        questionnaire,
        shells,
        structure,
    )

    shells.init_app(app)
    structure.init_app(app)
    app.register_blueprint(bp)
