"""Questionnaire pages rendered once per worker, with holes for what differs per request.

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

from flask import Flask, current_app
from markupsafe import Markup

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
    out = [parts[0]]
    for index in range(1, len(parts), 2):
        out.append(values[parts[index]])
        out.append(parts[index + 1])
    return "".join(out)
