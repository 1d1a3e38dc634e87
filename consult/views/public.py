"""The public start page: which consultations are open now."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask, current_app, render_template
from flask_babel import gettext as _
from sqlalchemy.exc import SQLAlchemyError

from consult.extensions import db
from consult.i18n import localised
from surveys.base import utcnow
from surveys.services import consultations, site

bp = Blueprint("public", __name__)


@bp.get("/")
def start() -> Any:
    return render_template(
        "public/start.html", consultations=consultations.open_public(db.session, utcnow())
    )


PAGE_PATHS = {
    "imprint": "/impressum",
    "privacy": "/datenschutz",
    "accessibility": "/barrierefreiheit",
}


def _site_page(key: str) -> Any:
    titles = site.SITE_TEXTS
    text = localised(site.texts(db.session)[key], [current_app.config["BABEL_DEFAULT_LOCALE"]])
    return render_template(
        "public/site_page.html", title=_(titles[key]), paragraphs=paragraphs(text)
    )


def paragraphs(text: str) -> list[str]:
    """Plain text split into paragraphs at blank lines; no markup is ever interpreted."""
    return [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]


for _key, _path in PAGE_PATHS.items():
    bp.add_url_rule(_path, f"page_{_key}", lambda key=_key: _site_page(key))


def _footer() -> dict[str, Any]:
    try:
        organisation = site.texts(db.session)["organisation"]
    except SQLAlchemyError:
        # Error pages render this footer too: they must work while the database does not.
        db.session.rollback()
        organisation = {}
    return {
        "site_organisation": localised(organisation, [current_app.config["BABEL_DEFAULT_LOCALE"]]),
        "site_pages": [(f"public.page_{key}", _(site.SITE_TEXTS[key])) for key in site.PAGES],
    }


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    app.context_processor(_footer)
