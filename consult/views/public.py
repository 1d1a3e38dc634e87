"""The public start page: which consultations are open now."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask, render_template

from consult.extensions import db
from surveys.base import utcnow
from surveys.services import consultations

bp = Blueprint("public", __name__)


@bp.get("/")
def start() -> Any:
    return render_template(
        "public/start.html", consultations=consultations.open_public(db.session, utcnow())
    )


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
