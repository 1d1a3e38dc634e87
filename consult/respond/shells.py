"""Questionnaire pages and questions rendered once per worker, with holes for what differs
per request.

Without a message or an error, a questionnaire page looks the same to everyone who opens
it, except for the CSRF token and the questions themselves (blank ones come from the
fragment cache in `structure`, answered ones are rendered for this respondent). Rendering
the layout through Jinja cost more than everything else such a request does, so the page
is rendered once per key (consultation version, language, page, footer text) with a marker
in each hole, split at the markers, and every request joins the parts with its own values.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any

from flask import Flask, current_app
from markupsafe import Markup, escape

from surveys.answering.values import OTHER_PART, VALUE

# A private-use character, which our templates never contain. Should an author's text
# contain it, the parts no longer line up: that page is then filled in and not cached.
MARK = "\ue000"
MAX_SHELLS = 2_000  # about 25 kB each


class Shells:
    def __init__(self) -> None:
        self.parts: dict[tuple, list[str]] = {}
        self.lock = threading.Lock()


def init_app(app: Flask) -> None:
    app.extensions["respond_shells"] = Shells()


def hole(name: str) -> Markup:
    return Markup(f"{MARK}{name}{MARK}")


def render(key: tuple, render_shell: Callable[[], str], values: Mapping[str, str]) -> str:
    """The page of `key` with `values` in its holes.

    `render_shell()` renders the page with `hole(name)` wherever `values[name]` belongs;
    values are inserted as given, so they must already be escaped (Markup).
    """
    shells: Shells = current_app.extensions["respond_shells"]
    parts = shells.parts.get(key)
    if parts is None:
        html = render_shell()
        parts = html.split(MARK)
        names = parts[1::2]
        if len(parts) % 2 == 0 or set(names) - set(values):
            for name, value in values.items():
                html = html.replace(hole(name), value)
            return html
        with shells.lock:
            if len(shells.parts) >= MAX_SHELLS:
                shells.parts.clear()
            shells.parts[key] = parts
    return _joined(parts, values.__getitem__)


def _joined(parts: list[Any], value_of: Callable[[Any], str]) -> str:
    """The text parts with `value_of(hole)` between them (holes are the odd parts)."""
    out = [parts[0]]
    for index in range(1, len(parts), 2):
        out.append(value_of(parts[index]))
        out.append(parts[index + 1])
    return "".join(out)


# --- questions ------------------------------------------------------------------------------
#
# The same idea one level down: each question is rendered once per version and language
# with holes where the respondent's values go (`Holes`), and filled in for each respondent
# (`fill`). Typed values are only ever put into a copy for this one reply, never cached.

SEPARATOR = "\x1f"  # between the fields of a hole's name; codes never contain it


class Filled:
    """A respondent's raw values (part -> list of strings) as the question macro shows them."""

    def __init__(self, raw: Mapping[str, list[str]]) -> None:
        self.raw = raw

    def _first(self, part: str) -> str:
        values = self.raw.get(part) or [""]
        return values[0]

    def text(self) -> Markup:
        return escape(self._first(VALUE))

    def other(self) -> Markup:
        return escape(self._first(OTHER_PART))

    def checked(self, code: object) -> Markup:
        return CHECKED if str(code) in (self.raw.get(VALUE) or ()) else EMPTY

    def selected(self, part: str, rank: object) -> Markup:
        return SELECTED if self._first(part) == str(rank) else EMPTY

    def picked(self, part: str, value: object) -> Markup:
        """A radio of one part (a matrix item) holding `value`."""
        return CHECKED if self._first(part) == str(value) else EMPTY


class ValueDependent(Exception):
    """A question template asked whether a value is there: its shell would differ per person."""


class _Hole(Markup):
    """A hole's marker. It may be printed, never tested: `{% if answer.text() %}` decides by
    a value, which a shell shared by every respondent cannot know, so such a question is
    rendered afresh for each reply instead of being cached."""

    __slots__ = ()

    def __bool__(self) -> bool:
        raise ValueDependent


class Holes:
    """Where `Filled` would put values, a hole named after what goes into it."""

    def text(self) -> Markup:
        return _Hole(hole("text"))

    def other(self) -> Markup:
        return _Hole(hole("other"))

    def checked(self, code: object) -> Markup:
        return _Hole(hole(f"checked{SEPARATOR}{code}"))

    def selected(self, part: str, rank: object) -> Markup:
        return _Hole(hole(f"selected{SEPARATOR}{part}{SEPARATOR}{rank}"))

    def picked(self, part: str, value: object) -> Markup:
        return _Hole(hole(f"picked{SEPARATOR}{part}{SEPARATOR}{value}"))


HOLES = Holes()
CHECKED, SELECTED, EMPTY = Markup(" checked"), Markup(" selected"), Markup("")


def answer_of(raw: Any) -> Filled | Holes:
    """The macro's view of `raw`: the values, or holes when rendering a question's shell."""
    return raw if isinstance(raw, Holes) else Filled(raw)


def shell_of(macro: Callable[..., Any], question: Any) -> list[Any] | None:
    """The question rendered with holes and split (see `split`), or None when it cannot be
    shared: its template tests a value, or an author's text holds the marker."""
    try:
        html = macro(question, HOLES, None)
    except ValueDependent:
        return None
    return split(html)


def split(html: str) -> list[Any] | None:
    """A question rendered with `HOLES`, split at its holes: text, hole, text, ... with each
    hole as (filler, *fields). None if the parts do not line up (an author's text containing
    the marker), in which case the question is rendered each time."""
    parts: list[Any] = str(html).split(MARK)  # plain str: Markup's methods escape, slowly
    if len(parts) % 2 == 0:
        return None
    for index in range(1, len(parts), 2):
        kind, *fields = parts[index].split(SEPARATOR)
        if kind not in _FILLERS:
            return None
        parts[index] = (_FILLERS[kind], *fields)
    return parts


def fill(parts: list[Any], raw: Mapping[str, list[str]]) -> Markup:
    """A split question with this respondent's values in its holes."""
    filled = Filled(raw)
    return Markup(_joined(parts, lambda hole: hole[0](filled, *hole[1:])))


_FILLERS: dict[str, Callable[..., Markup]] = {
    "text": Filled.text,
    "other": Filled.other,
    "checked": Filled.checked,
    "selected": Filled.selected,
    "picked": Filled.picked,
}
