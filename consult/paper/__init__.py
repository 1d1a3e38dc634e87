"""Paper: printable questionnaires (HTML and PDF) and staff entering paper responses.

Routes: `/c/<slug>/print` and `/c/<slug>/print.pdf` (public, once published),
`/staff/consultations/<id>/print[.pdf]` (authors, drafts too), and under
`/staff/consultations/<id>/paper` the list of paper responses, entering a sheet, entering it
a second time and resolving differences (`surveys.rules.may_enter_paper`). The rules live in
`surveys.answering.paper`.
"""

from __future__ import annotations

from flask import Blueprint, Flask

from consult.respond.fields import question_helpers

bp = Blueprint("paper", __name__)


bp.context_processor(question_helpers)


def init_app(app: Flask) -> None:
    from consult.paper import entry, printing  # noqa: F401  (register routes)

    app.register_blueprint(bp)
