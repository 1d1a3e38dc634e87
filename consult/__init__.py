"""The Flask application: configuration, web views, CLI. `create_app` only configures."""

from __future__ import annotations

from typing import Any

from flask import Flask

from consult import (
    api,
    auth,
    author,
    clean_input,
    config,
    errors,
    health,
    i18n,
    jobs,
    languages,
    oparl,
    paper,
    public,
    respond,
    review,
    security,
    staff,
)
from consult.cli import init_app as init_cli
from consult.config import PACKAGE_DIR, TEMPLATES_DIR
from consult.extensions import csrf, db, migrate
from surveys.base import prepare_engine


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the application from defaults, instance/config.py, env vars and `test_config`."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(TEMPLATES_DIR),
        static_folder=str(PACKAGE_DIR / "static"),
    )
    app.config.from_mapping(config.defaults(app.instance_path))
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.update(config.from_environment())
    else:
        app.config.update(test_config)
    config.finalise(app.config)
    config.check(app.config)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///"):
        _ensure_instance_folder(app)

    db.init_app(app)
    with app.app_context():
        prepare_engine(db.engine)
    migrate.init_app(
        app, db, directory=str(PACKAGE_DIR / "migrations"), render_as_batch=True, compare_type=True
    )
    csrf.init_app(app)
    clean_input.init_app(app)
    security.init_app(app)
    i18n.init_app(app)
    auth.init_app(app)
    errors.init_app(app)
    health.init_app(app)
    jobs.init_app(app)
    staff.init_app(app)
    oparl.init_app(app)
    languages.init_app(app)
    author.init_app(app)
    public.init_app(app)
    respond.init_app(app)
    paper.init_app(app)
    review.init_app(app)
    api.init_app(app)
    init_cli(app)
    return app


def _ensure_instance_folder(app: Flask) -> None:
    from pathlib import Path

    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
