"""Locale negotiation, text direction and the Jinja i18n set-up."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from babel import Locale, UnknownLocaleError, numbers
from flask import Flask, current_app, g, request, session
from flask_babel import format_date, format_datetime, format_percent, get_locale
from flask_babel import format_number as flask_babel_format_number
from flask_babel import gettext as _
from flask_login import current_user

from consult.auth import may_be_signed_in
from consult.extensions import babel
from surveys.texts import LANGUAGE_ALIASES, pick
from surveys.vocabulary import CHANNEL_LABELS, FIELD_OF_ACTION_LABELS, ROLE_LABELS, STATUS_LABELS

SESSION_KEY = "locale"


@lru_cache(maxsize=512)
def parse_locale(code: object) -> Locale | None:
    """The Babel locale for a code from outside (URL, header, import), or None; never raises."""
    if not isinstance(code, str) or not 0 < len(code) <= 20 or not code.isascii():
        return None
    normal = code.strip().replace("-", "_")
    normal = LANGUAGE_ALIASES.get(normal.lower(), normal)
    try:
        return Locale.parse(normal)
    except (ValueError, TypeError, UnknownLocaleError):
        return None


def known_code(code: object) -> str | None:
    """A wanted language as a plain locale code ("ua" → "uk"), or None when unknown."""
    locale = parse_locale(code)
    return str(locale) if locale is not None else None


def offered_languages() -> list[str]:
    """The languages a page offers: its consultation's where a view set them, else the UI's."""
    return list(getattr(g, "offered_languages", None) or current_app.config["UI_LANGUAGES"])


def select_locale() -> Locale:
    """Explicit choice → the signed-in user's preference → Accept-Language → default."""
    return _parsed(_select_code())


@lru_cache(maxsize=256)
def _parsed(code: str) -> Locale:
    # Flask-Babel would parse the code again on every request; a Locale it takes as it is.
    return Locale.parse(code)


def _select_code() -> str:
    offered = offered_languages()
    chosen = session.get(SESSION_KEY)
    if chosen in offered:
        return chosen
    if may_be_signed_in():  # only staff have a preference; no user loaded for others
        preference = getattr(current_user, "locale", None)
        if preference in offered:
            return preference
    best = request.accept_languages.best_match(offered)
    if best:
        return best
    default = current_app.config["BABEL_DEFAULT_LOCALE"]
    return default if default in offered else offered[0]


def remember_choice() -> None:
    """`?lang=xx` on any page switches the language for the rest of the visit."""
    wanted = known_code(request.args.get("lang"))
    if wanted:
        session[SESSION_KEY] = wanted


@lru_cache(maxsize=256)
def language_name(code: str) -> str:
    """The language's name in its own language, e.g. "العربية" for ar, "دری" for fa_AF."""
    locale = parse_locale(code)
    if locale is None:
        return code
    name = display_name(locale, locale) or code
    return name[:1].upper() + name[1:]


def display_name(locale: Locale, in_locale: Locale | str) -> str | None:
    """A locale's name in another: CLDR's own name for a regional variety where it has one
    ("Dari" for fa_AF, not "Persian (Afghanistan)"), else language (territory)."""
    try:
        names = Locale.parse(in_locale).languages
    except (ValueError, TypeError, UnknownLocaleError):
        return None
    return names.get(str(locale)) or locale.get_display_name(in_locale)


def bcp47(code: object) -> str:
    """A locale code as HTML's lang attribute wants it: "fa_AF" → "fa-AF"."""
    return str(code or "").replace("_", "-")


def text_direction(code: str | None = None) -> str:
    """ "rtl" or "ltr" for a locale (the current one by default), from Babel's locale data."""
    if not code:
        locale = get_locale()
        return _direction(str(locale)) if locale is not None else "ltr"
    return _direction(code)


@lru_cache(maxsize=256)
def _direction(code: str) -> str:
    locale = parse_locale(code)
    if locale is None:
        return "ltr"
    return "rtl" if locale.text_direction == "rtl" else "ltr"


def current_language() -> str:
    """The locale of the current request as a plain code, e.g. "de" or "fa"."""
    locale = get_locale()
    return str(locale) if locale else current_app.config["BABEL_DEFAULT_LOCALE"]


def localised(texts: dict[str, str] | None, fallbacks: list[str] | None = None) -> str:
    """A content translation for the current locale, falling back along `fallbacks`."""
    locale = get_locale()
    return pick(texts, str(locale) if locale else "", fallbacks or [])


def status_label(status: str) -> str:
    return _(STATUS_LABELS.get(status, status))


def role_label(role: str) -> str:
    return _(ROLE_LABELS.get(role, role))


def channel_label(channel: str) -> str:
    return _(CHANNEL_LABELS.get(channel, channel))


def field_of_action_label(code: str) -> str:
    return _(FIELD_OF_ACTION_LABELS.get(code, code))


@lru_cache(maxsize=8192)
def _formatted_int(locale: Any, number: int) -> str:
    return numbers.format_decimal(number, locale=locale)


def format_number(number: Any) -> str:
    """flask_babel's format_number, remembered for whole numbers (page numbers, scale points,
    limits: thousands of calls per questionnaire page, the same few values each time)."""
    if type(number) is int and -100_000 < number < 100_000:
        return _formatted_int(get_locale(), number)
    return flask_babel_format_number(number)


def _template_globals() -> dict:
    locale = get_locale()
    code = str(locale) if locale else current_app.config["BABEL_DEFAULT_LOCALE"]
    return {
        "current_locale": code,
        "html_lang": code.replace("_", "-"),
        "text_dir": text_direction(code),
        "language_choices": [(lang, language_name(lang)) for lang in offered_languages()],
    }


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale)
    app.jinja_env.policies["ext.i18n.trimmed"] = True
    app.jinja_env.filters["localised"] = localised
    app.jinja_env.filters["bcp47"] = bcp47
    app.jinja_env.globals.update(
        language_name=language_name,
        status_label=status_label,
        role_label=role_label,
        channel_label=channel_label,
        field_of_action_label=field_of_action_label,
        format_percent=format_percent,
        format_date=format_date,
        format_datetime=format_datetime,
        format_number=format_number,
    )
    app.jinja_env.globals["text_direction"] = text_direction
    app.before_request(remember_choice)
    app.context_processor(_template_globals)
