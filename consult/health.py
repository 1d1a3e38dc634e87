"""`/healthz` (the process answers) and `/readyz` (it can serve: database, queue, …).

A load balancer sends traffic to an instance only while `/readyz` says 200. Each check is
a function that returns None when all is well, else a short reason; other parts of the
application (e.g. the job queue) add theirs with `add_readiness_check`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from flask import Blueprint, Flask, current_app, jsonify

from consult.extensions import csrf, db

bp = Blueprint("health", __name__)
log = logging.getLogger(__name__)
Check = Callable[[], str | None]
_KEY = "readiness_checks"


def add_readiness_check(app: Flask, name: str, check: Check) -> None:
    """Make `/readyz` answer 503 while `check()` returns a reason."""
    app.extensions.setdefault(_KEY, {})[name] = check


def database_check() -> str | None:
    try:
        with db.engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except sa.exc.SQLAlchemyError as error:
        return type(error).__name__
    return None


def _no_cache(response: Any) -> Any:
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/healthz")
def healthz() -> Any:
    return _no_cache(jsonify(status="ok"))


@bp.get("/readyz")
def readyz() -> Any:
    results: dict[str, str] = {}
    for name, check in current_app.extensions.get(_KEY, {}).items():
        try:
            problem = check()
        except Exception as error:  # a check must never turn readiness into a 500
            problem = type(error).__name__
        results[name] = problem or "ok"
        if problem:
            log.warning("Not ready: %s: %s", name, problem)
    ready = all(value == "ok" for value in results.values())
    response = jsonify(status="ok" if ready else "unavailable", checks=results)
    response.status_code = 200 if ready else 503
    return _no_cache(response)


def init_app(app: Flask) -> None:
    csrf.exempt(bp)
    app.register_blueprint(bp)
    add_readiness_check(app, "database", database_check)
