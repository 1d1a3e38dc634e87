from __future__ import annotations

import pytest

from consult import create_app
from consult.config import ConfigError, from_environment, normalise_database_url


def test_the_app_refuses_to_start_in_production_without_a_secret_key(tmp_path):
    with pytest.raises(ConfigError, match="CONSULT_SECRET_KEY"):
        create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.db"})


@pytest.mark.parametrize("secret", ["", "change-me", "short"])
def test_placeholder_secrets_count_as_missing(tmp_path, secret):
    with pytest.raises(ConfigError):
        create_app({"SECRET_KEY": secret, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.db"})


def test_a_short_secret_key_is_called_too_short_not_missing(tmp_path):
    with pytest.raises(ConfigError, match="too short \\(11 characters") as refused:
        create_app(
            {"SECRET_KEY": "0123456789a", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.db"}
        )
    assert "not set" not in str(refused.value)


def test_production_refuses_to_start_without_a_public_address(tmp_path):
    with pytest.raises(ConfigError, match="PUBLIC_BASE_URL is not set"):
        create_app(
            {"SECRET_KEY": "s" * 32, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.db"}
        )


def test_a_public_address_that_is_no_address_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="is not an address"):
        create_app(
            {
                "SECRET_KEY": "s" * 32,
                "PUBLIC_BASE_URL": "beteiligung.example/?x",
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.db",
            }
        )


def test_a_broken_database_url_is_named_in_the_error(tmp_path):
    with pytest.raises(ConfigError, match="not valid"):
        create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "nonsense"})


def test_environment_variables_override_with_parsed_values():
    settings = from_environment(
        {
            "CONSULT_DATABASE_URL": "postgresql://db/consult",
            "CONSULT_SECRET_KEY": "12345",
            "CONSULT_MAX_CONTENT_LENGTH": "1024",
            "CONSULT_SESSION_COOKIE_SECURE": "true",
            "CONSULT_SITE_NAME": "Beteiligung",
            "OTHER": "ignored",
        }
    )
    assert settings == {
        "SQLALCHEMY_DATABASE_URI": "postgresql://db/consult",
        "SECRET_KEY": "12345",
        "MAX_CONTENT_LENGTH": 1024,
        "SESSION_COOKIE_SECURE": True,
        "SITE_NAME": "Beteiligung",
    }


def test_environment_wins_over_instance_config(tmp_path, monkeypatch):
    instance = tmp_path / "instance"
    instance.mkdir()
    (instance / "config.py").write_text(
        "SECRET_KEY = 'from-the-instance-folder-0123456789'\nSITE_NAME = 'Instance'\n"
        "PUBLIC_BASE_URL = 'https://beteiligung.example'\n"
    )
    monkeypatch.setenv("CONSULT_SITE_NAME", "Environment")
    monkeypatch.setenv("CONSULT_DATABASE_URL", f"sqlite:///{tmp_path}/x.db")
    monkeypatch.setattr("flask.Flask.auto_find_instance_path", lambda self: str(instance))
    app = create_app()
    assert app.config["SECRET_KEY"] == "from-the-instance-folder-0123456789"
    assert app.config["SITE_NAME"] == "Environment"


@pytest.mark.parametrize(
    "url", ["postgres://u@h/db", "postgresql://u@h/db", "postgresql+psycopg://u@h/db"]
)
def test_postgresql_urls_use_psycopg_3(url):
    assert normalise_database_url(url) == "postgresql+psycopg://u@h/db"


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path):
    from consult.extensions import db

    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.db"})
    with app.app_context(), db.engine.connect() as connection:
        pragma = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "foreign_keys", "busy_timeout")
        }
        db.engine.dispose()
    assert pragma == {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 5000}


def test_the_command_line_reports_a_configuration_error_without_a_traceback(tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("CONSULT_")}
    env["CONSULT_DATABASE_URL"] = "nonsense"
    env["CONSULT_SECRET_KEY"] = "a-secret-that-is-long-enough"
    env["CONSULT_PUBLIC_BASE_URL"] = "https://beteiligung.example"
    result = subprocess.run(
        [sys.executable, "-m", "consult.cli", "users", "list"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode != 0
    assert "The database URL 'nonsense' is not valid" in result.stderr
    assert "Traceback" not in result.stderr
