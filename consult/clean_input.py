"""Every submitted form field and query parameter without lone surrogates or non-characters.

Browsers cannot send a lone surrogate in UTF-8, but they send U+FFFE, U+FFFF and friends,
which later break XML exports (DOCX, XLSX) of whatever was stored. Removing them once, here,
covers every form of every journey; imports check their own files (`surveys.uploads`).
"""

from __future__ import annotations

from flask import Flask, request
from werkzeug.datastructures import ImmutableMultiDict, MultiDict
from werkzeug.exceptions import HTTPException

from surveys.texts import has_non_text, without_non_text


def _scrubbed(values: MultiDict) -> ImmutableMultiDict | None:
    if not any(has_non_text(key) or has_non_text(value) for key, value in values.items(multi=True)):
        return None
    return ImmutableMultiDict(
        [
            (without_non_text(key), without_non_text(value))
            for key, value in values.items(multi=True)
        ]
    )


def _scrub_request() -> None:
    args = _scrubbed(request.args)
    if args is not None:
        request.args = args  # a cached property: set once per request
    if request.method in ("POST", "PUT", "PATCH"):
        try:
            form = _scrubbed(request.form)
        except HTTPException:
            return  # too large or malformed: the view meets the same error, in its language
        if form is not None:
            request.form = form


def init_app(app: Flask) -> None:
    # First of all hooks, so language choice and views see the cleaned values.
    app.before_request_funcs.setdefault(None, []).insert(0, _scrub_request)
