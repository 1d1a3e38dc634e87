"""Translated error pages; no stack trace ever reaches a visitor."""

from __future__ import annotations

import errno
import sqlite3
from typing import Any

from flask import Flask, current_app, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import InternalError as SQLAlchemyInternalError
from werkzeug.exceptions import HTTPException

from consult.extensions import db
from consult.system import PdfUnavailable


def _titles() -> dict[int, tuple[str, str]]:
    return {
        400: (_("Bad request"), _("The request could not be understood.")),
        403: (_("Access denied"), _("You are not allowed to see this page.")),
        404: (_("Page not found"), _("There is no page at this address.")),
        405: (_("Not allowed"), _("This page cannot be used in this way.")),
        413: (_("Too much data"), _("What you sent is larger than this site accepts.")),
        429: (_("Too many requests"), _("Please wait a moment and try again.")),
        503: (
            _("Please try again in a moment"),
            _(
                "The service is very busy or restarting. What you just sent was not saved; "
                "answers saved earlier are safe. Please wait a moment and send it again."
            ),
        ),
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
        from consult.api import http_error

        return http_error(error)
    body, code = render_error(error.code or 500)
    allow = [value for name, value in error.get_headers() if name == "Allow"]
    return body, code, {"Allow": allow[0]} if allow else {}


def _csrf_error(error: CSRFError) -> Any:
    return render_error(
        400, _("The form has expired. Please go back, reload the page and try again.")
    )


def _server_error(error: Exception) -> Any:
    db.session.rollback()
    return render_error(500)


def _logged_server_error(error: Exception) -> Any:
    """A 500 for an exception a handler took over (Flask logs only those it handles)."""
    current_app.logger.error("%s %s failed", request.method, request.path, exc_info=error)
    return _server_error(error)


def _unavailable(message: str | None = None) -> Any:
    """503 with Retry-After: nothing of this request was stored; sending again may work."""
    if request.path.startswith("/api/"):
        from consult.api import _error

        reply = _error(503, "Service Unavailable")
    else:
        try:
            reply = render_error(503, message)
        except Exception:  # noqa: BLE001  (never a 500 because the error page failed)
            db.session.remove()
            reply = (_("Please try again in a moment"), 503, {"Content-Type": "text/plain"})
    response = current_app.make_response(reply)
    response.headers["Retry-After"] = "2"
    return response


# Storage that cannot take writes: the operator must act, the visitor may send again later.
_FULL_OR_READ_ONLY = ("disk is full", "no space left", "readonly", "read-only", "disk i/o")


def _storage_problem(error: BaseException) -> bool:
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, errno.EROFS, errno.EDQUOT)
    text = str(getattr(error, "orig", error)).lower()
    return any(marker in text for marker in _FULL_OR_READ_ONLY)


def _storage_unavailable(error: Exception) -> Any:
    if not _storage_problem(error):
        return _logged_server_error(error)
    current_app.logger.error(
        "storage cannot be written (disk full or read-only): %s", str(error).splitlines()[0]
    )
    try:
        db.session.rollback()
    except Exception:  # noqa: BLE001
        db.session.remove()
    return _unavailable()


def _pdf_unavailable(error: PdfUnavailable) -> Any:
    current_app.logger.error("PDF requested but unavailable (run `consult doctor`): %s", error)
    return _unavailable(
        _(
            "PDF files cannot be made on this server at the moment because system libraries "
            "are missing. Nothing was lost. Please tell the administrators (the command "
            "consult doctor names what to install); until then, print the page from your "
            "browser."
        )
    )


def _transient(error: DBAPIError) -> bool:
    """A connection lost or refused, a restart, or SQLite busy: worth sending again.

    A missing table or a broken file is not: that stays a 500 for the operator to fix.
    """
    if error.connection_invalidated or isinstance(error, InterfaceError):
        return True
    if isinstance(error.orig, sqlite3.Error):
        message = str(error.orig).lower()
        return "locked" in message or "busy" in message
    return True


def _database_unavailable(error: DBAPIError) -> Any:
    """The database is restarting, unreachable or (SQLite) locked for too long.

    The transaction is rolled back, so nothing of this request is stored: a clear 503 with
    Retry-After tells the visitor (and any client) to send again, rather than a 500.
    """
    if _storage_problem(error):
        return _storage_unavailable(error)
    if not _transient(error):
        return _logged_server_error(error)
    current_app.logger.warning("database unavailable: %s", str(error).splitlines()[0])
    try:
        db.session.rollback()
    except Exception:  # noqa: BLE001  (the connection may be gone; the pool replaces it)
        db.session.remove()
    return _unavailable()


def init_app(app: Flask) -> None:
    app.register_error_handler(OperationalError, _database_unavailable)
    app.register_error_handler(InterfaceError, _database_unavailable)
    # PostgreSQL in a read-only transaction (a standby, or a full disk) raises InternalError.
    app.register_error_handler(SQLAlchemyInternalError, _storage_unavailable)
    app.register_error_handler(OSError, _storage_unavailable)
    app.register_error_handler(PdfUnavailable, _pdf_unavailable)
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(500, _server_error)
