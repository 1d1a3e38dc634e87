"""Configuration: defaults here, then instance/config.py, then CONSULT_* environment variables."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT_DIR = PACKAGE_DIR.parent


def _product_dir(name: str) -> Path:
    """`templates` or `translations`: inside the package when installed from a wheel (the
    build copies them there), else at the root of the checkout where they are kept."""
    installed = PACKAGE_DIR / name
    return installed if installed.is_dir() else ROOT_DIR / name


TEMPLATES_DIR = _product_dir("templates")
TRANSLATIONS_DIR = _product_dir("translations")
# Whether this is a checkout (catalog sources, tests) or an installed package.
IS_CHECKOUT = (ROOT_DIR / "pyproject.toml").is_file() and (ROOT_DIR / "templates").is_dir()

# The languages the user interface is translated into; German is the default.
UI_LANGUAGES = ["de", "en", "ar", "fa", "uk", "ru", "tr"]
# Left-to-right languages of refugees from Syria, Iraq, Turkey, Eritrea and Somalia (#18).
UI_LANGUAGES += ["ku", "ti", "so"]
# Right-to-left languages of refugees from Afghanistan, Iraq and Iran (#18).
UI_LANGUAGES += ["fa_AF", "ps", "ckb"]

# Values that mean "nobody has set a secret yet".
PLACEHOLDER_SECRETS = {None, "", "change-me", "dev", "secret"}
MIN_SECRET_LENGTH = 16


class ConfigError(RuntimeError):
    """A configuration value is missing or broken; the message says how to fix it."""


def defaults(instance_path: str) -> dict[str, Any]:
    return {
        "SECRET_KEY": None,
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{Path(instance_path) / 'consult.sqlite3'}",
        # Connections are checked before use by `surveys.base.prepare_engine`.
        "SQLALCHEMY_ENGINE_OPTIONS": {},
        # Footer and legal pages: how long a worker may show site texts it read earlier.
        "SITE_TEXT_CACHE_SECONDS": 30,
        "BABEL_DEFAULT_LOCALE": "de",
        "BABEL_DEFAULT_TIMEZONE": "Europe/Berlin",
        "BABEL_TRANSLATION_DIRECTORIES": str(TRANSLATIONS_DIR),
        "UI_LANGUAGES": UI_LANGUAGES,
        # The address respondents use (links in mails, QR codes, the API). Production refuses
        # to start without it; in development links follow the address the browser used.
        "PUBLIC_BASE_URL": None,
        "SITE_NAME": "Consult",
        "MAX_CONTENT_LENGTH": 4 * 1024 * 1024,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        # None: secure cookies whenever the public address is https (see `finalise`).
        "SESSION_COOKIE_SECURE": None,
        "WTF_CSRF_TIME_LIMIT": None,
        "DEMO_PASSWORD": "demo-passwort-2027",
        # Set to the number of reverse proxies in front of the app so client addresses
        # (for rate limits) and https are seen correctly.
        "PROXY_FIX_X_FOR": 0,
        # Redis for rate-limit counters shared by all workers; memory when unset.
        "REDIS_URL": None,
        "SIGN_IN_RATE_LIMIT": "10 per minute;50 per hour",
        "LOOKUP_RATE_LIMIT": "20 per minute;200 per hour",
        # Submits per address (a high ceiling: many respondents share one address) and per
        # browser's drafts (what one respondent can need).
        "SUBMIT_RATE_LIMIT": "1200 per minute",
        "SUBMIT_RATE_LIMIT_PER_DRAFT": "10 per minute",
        "RETENTION_DAYS": 365,
        # Optional LibreTranslate-compatible service for translating free-text answers.
        "MACHINE_TRANSLATION_URL": None,
        "MACHINE_TRANSLATION_API_KEY": None,
        "MACHINE_TRANSLATION_TIMEOUT": 20,
        # Debug mode (and with it the interactive debugger) needs this set explicitly.
        "DEVELOPMENT": False,
        # Suggested deadline for a consultation: this many days before its meeting.
        "CLOSE_DAYS_BEFORE_MEETING": 7,
        # Invitation emails: SMTP when MAIL_SERVER is set; else (or when MAIL_OUTBOX is set)
        # each message is written as an .eml file into MAIL_OUTBOX (default instance/outbox).
        "MAIL_SERVER": None,
        "MAIL_PORT": 587,
        "MAIL_USERNAME": None,
        "MAIL_PASSWORD": None,
        "MAIL_USE_TLS": True,
        "MAIL_FROM": "Consult <consult@localhost>",
        "MAIL_OUTBOX": None,
        "MAIL_TIMEOUT": 30,
        # Background jobs (mails): "embedded" runs them in a thread of the app; "rq" hands
        # them to RQ on Redis (JOBS_REDIS_URL, else REDIS_URL) and needs `consult worker`.
        "JOBS_BACKEND": "embedded",
        "JOBS_REDIS_URL": None,
        "JOBS_QUEUE": "consult",
        "JOBS_MAX_ATTEMPTS": 5,
        # First retry after this many seconds, doubling per attempt, at most an hour.
        "JOBS_RETRY_SECONDS": 30,
        # A running job without a heartbeat for this long counts as crashed and is resumed.
        "JOBS_STALE_SECONDS": 300,
        "JOBS_POLL_SECONDS": 5,
        # OParl sync (docs/oparl.md): default System address, per-request timeout, pages
        # per list before the sync gives up (an endless list), seconds for a whole sync.
        "OPARL_URL": "",
        "OPARL_BODY": "",
        "OPARL_TIMEOUT": 10,
        "OPARL_MAX_PAGES": 100,
        "OPARL_DEADLINE": 300,
    }


def _parse(raw: str) -> Any:
    """Environment values: JSON where it parses (numbers, booleans, lists), else the string."""
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def from_environment(environ: dict[str, str] | None = None) -> dict[str, Any]:
    """Settings from CONSULT_* variables; CONSULT_DATABASE_URL selects the database."""
    environ = dict(os.environ if environ is None else environ)
    settings: dict[str, Any] = {}
    for name, raw in environ.items():
        if not name.startswith("CONSULT_"):
            continue
        key = name.removeprefix("CONSULT_")
        if key == "DATABASE_URL":
            settings["SQLALCHEMY_DATABASE_URI"] = raw
        elif key == "SECRET_KEY":
            settings[key] = raw
        else:
            settings[key] = _parse(raw)
    return settings


def normalise_database_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL URLs however they were written."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def finalise(config: dict[str, Any]) -> None:
    """Derive the settings that follow from others."""
    config["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(
        str(config["SQLALCHEMY_DATABASE_URI"])
    )
    if config.get("SESSION_COOKIE_SECURE") is None:
        config["SESSION_COOKIE_SECURE"] = str(config.get("PUBLIC_BASE_URL", "")).startswith(
            "https://"
        )


def check(config: dict[str, Any]) -> None:
    """Refuse to start with settings that would be unsafe or cannot work."""
    if config.get("DEBUG") and not config.get("DEVELOPMENT"):
        raise ConfigError(
            "Debug mode is only for development: it exposes an interactive debugger. "
            "Unset FLASK_DEBUG / CONSULT_DEBUG, or set CONSULT_DEVELOPMENT=true on a "
            "developer machine."
        )
    if not config.get("DEVELOPMENT") and not config.get("TESTING"):
        secret = config.get("SECRET_KEY")
        how = (
            "Set CONSULT_SECRET_KEY to a long random value, e.g.\n"
            "  export CONSULT_SECRET_KEY=\"$(python3 -c 'import secrets; "
            "print(secrets.token_hex(32))')\"\n"
            "or put SECRET_KEY = '...' into instance/config.py."
        )
        if secret in PLACEHOLDER_SECRETS:
            raise ConfigError(f"SECRET_KEY is not set. {how}")
        if len(str(secret)) < MIN_SECRET_LENGTH:
            raise ConfigError(
                f"SECRET_KEY is too short ({len(str(secret))} characters; at least "
                f"{MIN_SECRET_LENGTH} are needed, 64 hex digits are best). {how}"
            )
    base = config.get("PUBLIC_BASE_URL")
    if base and not re.match(r"^https?://[^/\s?#]+(/[^\s?#]*)?$", str(base)):
        raise ConfigError(
            f"PUBLIC_BASE_URL {base!r} is not an address like https://beteiligung.landkreis.example"
        )
    if not base and not config.get("DEVELOPMENT") and not config.get("TESTING"):
        raise ConfigError(
            "PUBLIC_BASE_URL is not set: invitation mails, QR codes, resume links and the API "
            "would carry a wrong address. Set it to the address respondents use, e.g.\n"
            "  export CONSULT_PUBLIC_BASE_URL=https://beteiligung.landkreis.example\n"
            "or put PUBLIC_BASE_URL = '...' into instance/config.py "
            "(on a developer machine CONSULT_DEVELOPMENT=true makes links follow the browser)."
        )
    jobs = config.get("JOBS_BACKEND") or "embedded"
    if jobs not in ("embedded", "rq"):
        raise ConfigError(f"JOBS_BACKEND {jobs!r} is not known: use embedded or rq.")
    if jobs == "rq" and not (config.get("JOBS_REDIS_URL") or config.get("REDIS_URL")):
        raise ConfigError("JOBS_BACKEND is rq: set REDIS_URL (or JOBS_REDIS_URL) as well.")
    url = config.get("SQLALCHEMY_DATABASE_URI")
    if not isinstance(url, str) or "://" not in url:
        raise ConfigError(
            f"The database URL {url!r} is not valid. Set CONSULT_DATABASE_URL to e.g. "
            "postgresql://user@host/dbname or sqlite:////path/to/consult.sqlite3"
        )
    days = config.get("RETENTION_DAYS")
    if isinstance(days, bool) or not isinstance(days, int) or days < 0:
        raise ConfigError(
            f"RETENTION_DAYS must be a whole number of days, 0 or more, not {days!r}."
        )
    languages = config.get("UI_LANGUAGES")
    if not isinstance(languages, list) or not languages:
        raise ConfigError("UI_LANGUAGES must be a non-empty list of locale codes.")
