"""`consult doctor`: is this server ready to run Consult? Each check says what to do."""

from __future__ import annotations

import smtplib
from collections.abc import Iterator
from typing import Any

import click
import sqlalchemy as sa
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from consult.system import findings

OK, WARN, FAIL = "ok", "warning", "FAIL"


def _config_checks(app: Any) -> Iterator[tuple[str, str, str]]:
    config = app.config
    base = str(config.get("PUBLIC_BASE_URL") or "")
    if not base:
        yield FAIL, "Public address", "PUBLIC_BASE_URL is not set: links in mails and QR codes."
    elif not base.startswith("https://"):
        yield WARN, "Public address", f"{base} is not https: fine for a test, not for people."
    else:
        yield OK, "Public address", base
    if config.get("DEVELOPMENT"):
        yield WARN, "Development mode", "CONSULT_DEVELOPMENT is on: not for production."


def _database_checks(app: Any) -> Iterator[tuple[str, str, str]]:
    from consult.extensions import db

    with app.app_context():
        url = db.engine.url.render_as_string(hide_password=True)
        try:
            with db.engine.connect() as connection:
                connection.execute(sa.text("SELECT 1"))
                current = set(MigrationContext.configure(connection).get_current_heads())
        except sa.exc.SQLAlchemyError as error:
            yield FAIL, "Database", f"{url}: {str(error).splitlines()[0]}"
            return
        yield OK, "Database", url
        migrate = app.extensions["migrate"]
        script = ScriptDirectory.from_config(migrate.migrate.get_config(migrate.directory))
        heads = set(script.get_heads())
        if current == heads:
            yield OK, "Migrations", f"current ({', '.join(sorted(heads))})"
        else:
            yield FAIL, "Migrations", "not current: run `consult db upgrade`"


def _redis_check(app: Any) -> Iterator[tuple[str, str, str]]:
    url = app.config.get("REDIS_URL")
    if not url:
        yield WARN, "Redis", "not configured: rate limits count per worker process."
        return
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=3, socket_timeout=3).ping()
    except redis.RedisError as error:
        yield FAIL, "Redis", f"{url}: {error}"
    else:
        yield OK, "Redis", url


def _mail_check(app: Any) -> Iterator[tuple[str, str, str]]:
    from consult import mail

    config = app.config
    with app.app_context():
        folder = mail.outbox_folder()
    if folder is not None:
        yield (
            WARN,
            "Mail",
            f"no mail server: messages are written to the outbox folder {folder}, not sent. "
            "Set CONSULT_MAIL_SERVER (and MAIL_PORT, MAIL_USERNAME, MAIL_PASSWORD).",
        )
        return
    server, port = config["MAIL_SERVER"], int(config.get("MAIL_PORT") or 587)
    try:
        with smtplib.SMTP(server, port, timeout=10) as smtp:
            smtp.ehlo()
            if config.get("MAIL_USE_TLS"):
                smtp.starttls()
    except (OSError, smtplib.SMTPException) as error:
        yield FAIL, "Mail", f"{server}:{port}: {error}"
    else:
        yield OK, "Mail", f"{server}:{port} answers"


def _system_checks() -> Iterator[tuple[str, str, str]]:
    for finding in findings():
        yield (OK if finding.ok else FAIL), finding.name, finding.detail


def missing_packages() -> list[str]:
    return [p for finding in findings() if not finding.ok for p in finding.packages]


@click.command("doctor")
def doctor_command() -> None:
    """Check configuration, database, Redis, mail and the system libraries and fonts."""
    from consult import create_app
    from consult.config import ConfigError

    results: list[tuple[str, str, str]] = []
    try:
        app = create_app()
    except ConfigError as error:
        results.append((FAIL, "Configuration", str(error)))
        app = None
    if app is not None:
        results.append((OK, "Configuration", "loads"))
        for checks in (_config_checks, _database_checks, _redis_check, _mail_check):
            try:
                results.extend(checks(app))
            except OSError as error:
                results.append((FAIL, checks.__name__.strip("_"), str(error)))
    results.extend(_system_checks())
    for status, name, detail in results:
        click.echo(f"{status:<8}{name}: {detail}")
    packages = missing_packages()
    if packages:
        click.echo(
            "\nInstall the missing system packages (Debian/Ubuntu, as root):\n"
            f"  apt-get install {' '.join(packages)}"
        )
    if any(status == FAIL for status, _name, _detail in results):
        raise SystemExit(1)
    click.echo("\nConsult can run here.")
