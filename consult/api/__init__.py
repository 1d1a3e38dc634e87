"""Read-only JSON API for staff, authenticated with personal tokens (`consult users token`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Blueprint, Flask, g, jsonify, request
from werkzeug.exceptions import HTTPException

from consult.extensions import csrf, db
from surveys import rules
from surveys.administration import users

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def _error(status: int, message: str) -> Any:
    response = jsonify({"error": {"status": status, "message": message}})
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="consult"'
    return response


def token_required(predicate: Callable[[Any], bool] = rules.is_staff) -> Callable:
    """Views need `Authorization: Bearer <token>` of an active user the predicate accepts."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            scheme, _sep, token = request.headers.get("Authorization", "").partition(" ")
            user = users.user_for_api_token(db.session, token.strip())
            if scheme.lower() != "bearer" or user is None:
                return _error(401, "A valid API token is required.")
            if not predicate(user):
                return _error(403, "This token may not read this resource.")
            g.api_user = user
            return view(*args, **kwargs)

        return wrapped

    return decorate


@bp.errorhandler(HTTPException)
def http_error(error: HTTPException) -> Any:
    """The JSON error for an HTTP exception (also for routing errors under /api/)."""
    response = _error(error.code or 500, error.description or error.name)
    # Keep what the exception tells the client beyond its body, e.g. `Allow` on a 405.
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def init_app(app: Flask) -> None:
    from consult.api import views  # noqa: F401  (registers the routes)

    csrf.exempt(bp)
    app.register_blueprint(bp)
