"""The author journey: consultations, questionnaire editor, translations, preview, lifecycle.

Every view requires `surveys.rules.may_author`; the domain rules live in `surveys.authoring`.
"""

from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("author", __name__, url_prefix="/staff/consultations")


def init_app(app: Flask) -> None:
    from consult.author import (  # noqa: F401  (register routes)
        common,
        distribution,
        editor,
        importing,
        invitations,
        jobs,
        outcomes,
        preview,
        translate,
        views,
    )

    app.register_blueprint(bp)
