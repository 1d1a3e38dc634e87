"""The public start page: which consultations are open now."""

from __future__ import annotations

import time
from typing import Any

from flask import Blueprint, Flask, current_app, render_template
from flask_babel import gettext as _
from sqlalchemy.exc import SQLAlchemyError

from consult.extensions import db
from consult.i18n import localised
from surveys import consultations
from surveys.administration import site
from surveys.base import utcnow

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


def site_texts() -> dict[str, dict[str, str]]:
    """The site texts, kept per worker for `SITE_TEXT_CACHE_SECONDS`.

    Every page's footer shows the organisation, so reading the table on each request would
    cost a query per page. An administrator's change shows at once in the worker that saved
    it (`forget_site_texts`) and in the others within those seconds.
    """
    cache = current_app.extensions["site_texts"]
    now = time.monotonic()
    if (
        cache.get("texts") is None
        or now - cache["loaded"] > current_app.config["SITE_TEXT_CACHE_SECONDS"]
    ):
        cache.update(texts=site.texts(db.session), loaded=now)
    return cache["texts"]


def forget_site_texts() -> None:
    current_app.extensions["site_texts"].clear()


def _site_page(key: str) -> Any:
    titles = site.SITE_TEXTS
    text = localised(site_texts()[key], [current_app.config["BABEL_DEFAULT_LOCALE"]])
    return render_template(
        "public/site_page.html", title=_(titles[key]), paragraphs=paragraphs(text)
    )


def paragraphs(text: str) -> list[str]:
    """Plain text split into paragraphs at blank lines; no markup is ever interpreted."""
    return [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]


for _key, _path in PAGE_PATHS.items():
    bp.add_url_rule(_path, f"page_{_key}", lambda key=_key: _site_page(key))


def footer_organisation() -> str:
    """Who runs the site, in the current language, for every page's footer."""
    try:
        organisation = site_texts()["organisation"]
    except SQLAlchemyError:
        # Error pages render this footer too: they must work while the database does not.
        db.session.rollback()
        organisation = {}
    return localised(organisation, [current_app.config["BABEL_DEFAULT_LOCALE"]])


def _footer() -> dict[str, Any]:
    return {
        "site_organisation": footer_organisation(),
        "site_pages": [(f"public.page_{key}", _(site.SITE_TEXTS[key])) for key in site.PAGES],
    }


def init_app(app: Flask) -> None:
    app.extensions["site_texts"] = {}
    app.register_blueprint(bp)
    app.context_processor(_footer)
