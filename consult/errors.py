"""Translated error pages; no stack trace ever reaches a visitor."""

from __future__ import annotations

from typing import Any

from flask import Flask, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from consult.extensions import db


def _titles() -> dict[int, tuple[str, str]]:
    return {
        400: (_("Bad request"), _("The request could not be understood.")),
        403: (_("Access denied"), _("You are not allowed to see this page.")),
        404: (_("Page not found"), _("There is no page at this address.")),
        405: (_("Not allowed"), _("This page cannot be used in this way.")),
        413: (_("Too much data"), _("What you sent is larger than this site accepts.")),
        429: (_("Too many requests"), _("Please wait a moment and try again.")),
        500: (
            _("Something went wrong"),
            _("An error occurred on our side. Please try again later."),
        ),
    }


def render_error(code: int, message: str | None = None) -> tuple[str, int]:
    titles = _titles()
    title, text = titles.get(code, titles[500] if code >= 500 else titles[400])
    return render_template("errors/error.html", title=title, text=message or text, code=code), code


def _http_error(error: HTTPException) -> Any:
    if request.path.startswith("/api/"):
        from consult.api import _error

        return _error(error.code or 500, error.name)
    return render_error(error.code or 500)


def _csrf_error(error: CSRFError) -> Any:
    return render_error(
        400, _("The form has expired. Please go back, reload the page and try again.")
    )


def _server_error(error: Exception) -> Any:
    db.session.rollback()
    return render_error(500)


def init_app(app: Flask) -> None:
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(500, _server_error)
