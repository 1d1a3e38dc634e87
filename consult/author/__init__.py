"""The author journey: consultations, questionnaire editor, translations, preview, lifecycle.

Every view requires `surveys.rules.may_author`; the domain rules live in `surveys.authoring`.
"""

from __future__ import annotations

from flask import Flask

from consult.author import (  # noqa: F401  (register views)
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
from consult.author.blueprint import bp


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
